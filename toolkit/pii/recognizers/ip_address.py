"""IPv4 and IPv6 addresses (Presidio's patterns, checked with :mod:`ipaddress`)."""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import IpRecognizer as PresidioIpRecognizer

from toolkit.pii.recognizers._base import CandidateMixin
from toolkit.pii.types import EntityType

__all__ = ["IpAddressRecognizer"]


class IpAddressRecognizer(CandidateMixin, PresidioIpRecognizer):
    """Presidio's IP recognizer without its 0.1-score "::" pattern, which only adds noise.

    Octets must be 0-255; every match must parse with ``ipaddress.ip_interface``, so
    timestamps such as "00:12:45" are never addresses.
    """

    ENTITY = EntityType.IP_ADDRESS
    PATTERNS: ClassVar[list[Pattern]] = [
        p for p in PresidioIpRecognizer.PATTERNS if p.name != "IPv6_unspecified"
    ]
    CONTEXT: ClassVar[list[str]] = ["ipv4", "ipv6", "server", "router"]
    #: Dotted digits, or "::", or three colons (timestamps such as 00:01:02 have two).
    CANDIDATES = (
        regex.compile(r"\.[0-9]{1,3}\.[0-9]|::|:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:"),
    )
    REACH = 50

    def __init__(self, *, supported_language: str = "en", name: str | None = None) -> None:
        super().__init__(
            patterns=list(self.PATTERNS),
            context=list(self.CONTEXT),
            supported_language=supported_language,
            supported_entity=self.ENTITY.value,
            name=name or type(self).__name__,
        )
