"""Test-wide fixtures: no network, ever, and one spaCy pipeline per session."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from toolkit.pii import RedactConfig, Redactor


class NetworkAccessError(AssertionError):
    """Raised when code under test tries to reach the network."""


def _is_local(address: Any) -> bool:
    if isinstance(address, str | bytes):  # AF_UNIX path
        return True
    host = address[0] if isinstance(address, tuple) else address
    if host in {"localhost", "", None}:
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True, scope="session")
def no_network() -> Iterator[None]:
    """Fail any test that tries to reach beyond this machine (loopback stays allowed)."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> Any:
        if not _is_local(address):
            raise NetworkAccessError(f"network access attempted: connect to {address!r}")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> Any:
        if not _is_local(address):
            raise NetworkAccessError(f"network access attempted: connect to {address!r}")
        return real_connect_ex(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _is_local((host,)):
            raise NetworkAccessError(f"network access attempted: resolve {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    mp = pytest.MonkeyPatch()
    mp.setattr(socket.socket, "connect", connect)
    mp.setattr(socket.socket, "connect_ex", connect_ex)
    mp.setattr(socket, "getaddrinfo", getaddrinfo)
    yield
    mp.undo()


@pytest.fixture(scope="session")
def redactor() -> Redactor:
    """The default engine, built once for the whole test session."""
    return Redactor(RedactConfig())


@pytest.fixture(scope="session")
def nlp(redactor: Redactor) -> Any:
    """The loaded spaCy pipeline, to build engines with other configs cheaply."""
    return redactor.nlp
