"""No network, ever: the guard in conftest.py is active, and the engine never trips it."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import NetworkAccessError
from toolkit.pii import Redactor


def test_when_code_tries_the_network_then_the_test_fails() -> None:
    with pytest.raises(NetworkAccessError):
        socket.create_connection(("192.0.2.1", 443), timeout=1)
    with pytest.raises(NetworkAccessError):
        socket.getaddrinfo("publicsuffix.org", 443)


def test_when_emails_and_urls_are_checked_then_no_public_suffix_download(
        redactor: Redactor) -> None:
    text = ("CLIENT: write to kamila.novotna@example.cz or see https://kamila-art.example.org, "
            "and my blog is annak.me and calmcoach.ai")
    types = {s.entity_type.value for s in redactor.detect([text])}
    assert {"EMAIL_ADDRESS", "URL"} <= types
