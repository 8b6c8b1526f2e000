"""Email addresses, checked against the offline public-suffix list."""

from __future__ import annotations

import re
from typing import ClassVar

import regex
import tldextract
from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import EmailRecognizer as PresidioEmailRecognizer

from toolkit.pii.recognizers._base import CandidateMixin, ConfidePatternRecognizer
from toolkit.pii.recognizers._tld import offline_extractor
from toolkit.pii.types import EntityType

__all__ = ["EmailAddressRecognizer", "SpokenEmailRecognizer"]


class EmailAddressRecognizer(CandidateMixin, PresidioEmailRecognizer):
    """Presidio's email pattern; the domain must end in a known public suffix.

    Validation uses ``extractor`` (one offline TLDExtract shared with the URL recognizer)
    instead of Presidio's module-level ``tldextract.extract``, so no download is attempted.
    """

    ENTITY = EntityType.EMAIL_ADDRESS
    CANDIDATES = (re.compile("@"),)
    REACH = 320  # a local part of 64 and a domain of up to 253 characters
    CONTEXT: ClassVar[list[str]] = ["email", "mail", "gmail", "address"]

    def __init__(
        self,
        *,
        extractor: tldextract.TLDExtract | None = None,
        supported_language: str = "en",
        name: str | None = None,
    ) -> None:
        self._extractor = extractor or offline_extractor()
        super().__init__(
            context=list(self.CONTEXT),
            supported_language=supported_language,
            supported_entity=self.ENTITY.value,
            name=name or type(self).__name__,
        )

    def validate_result(self, pattern_text: str) -> bool:
        domain = pattern_text.rpartition("@")[2]
        parts = self._extractor(domain)
        return bool(parts.domain and parts.suffix)


_SPOKEN_TLD = r"(?:com|co|uk|cz|sk|org|net|ac|gov|nhs|edu|io|me|info|de|ie|eu|us)"


class SpokenEmailRecognizer(ConfidePatternRecognizer):
    """An email address said aloud or typed to dodge filters: "pavel dot kriz at email dot
    cz", "jo underscore b at gmail dot com". The domain must end in "dot" and a common
    suffix, so "I'm at home" or "look at it dot by dot" never match."""

    ENTITY = EntityType.EMAIL_ADDRESS
    FLAGS = regex.MULTILINE | regex.IGNORECASE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "email said aloud",
            r"(?<![\w.'’])[a-z0-9][\w.]*"
            r"(?:[ \t]+(?:dot|underscore|dash|hyphen)[ \t]+[a-z0-9][\w.]*)*"
            r"[ \t]+(?:at|\(at\)|\[at\])[ \t]+[a-z0-9][a-z0-9-]*(?:[ \t]+(?:dot|\(dot\)|\[dot\])"
            r"[ \t]+[a-z0-9-]+)*[ \t]+(?:dot|\(dot\)|\[dot\])[ \t]+" + _SPOKEN_TLD + r"\b",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["email", "mail", "address"]
    CANDIDATES = (regex.compile(r"(?i:[ \t\]\)]dot[ \t\[\(]+" + _SPOKEN_TLD + r"\b)"),)
    REACH = 160
