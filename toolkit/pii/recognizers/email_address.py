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
#: "at" said, or bracketed to dodge filters: " at ", "(at)", " [at] ", " zavináč ".
_AT = (r"(?:[ \t]*(?:\(at\)|\[at\]|\{at\})[ \t]*|[ \t]+(?:at|zavináč|zavinac)[ \t]+)")
#: "dot" said or bracketed, Czech "tečka", or a plain full stop.
_DOT = (r"(?:[ \t]*(?:\(dot\)|\[dot\]|\{dot\})[ \t]*|[ \t]+(?:dot|tečka|tecka)[ \t]+|\.)")
_LOCAL = (r"(?<![\w.'’@])[a-z0-9][\w+-]*(?:(?:" + _DOT + r"|[ \t]+(?:underscore|dash|hyphen)"
          r"[ \t]+)[a-z0-9][\w+-]*)*")
#: Webmail providers named without their suffix: "pat.obrien.1962 at gmail".
_WEBMAIL = (r"(?:gmail|googlemail|hotmail|outlook|yahoo|icloud|seznam|centrum|btinternet|"
            r"protonmail|proton|aol|live|email|post|volny|tiscali|sky|virginmedia)")


class SpokenEmailRecognizer(ConfidePatternRecognizer):
    """An email address said aloud or typed to dodge filters: "pavel dot kriz at email dot
    cz", "jo underscore b at gmail dot com", "honza.dvorak(at)centrum.cz", "chris (dot) dale
    (at) btinternet (dot) com", "lenka.maresova at gmail tecka com". The domain must end in a
    said or bracketed "dot" and a common suffix, or (with a bracketed "(at)") in any suffix,
    or be a webmail provider after a name with a dot, digit or underscore ("pat.obrien.1962 at
    gmail"), so "I'm at home" or "look at it dot by dot" never match."""

    ENTITY = EntityType.EMAIL_ADDRESS
    FLAGS = regex.MULTILINE | regex.IGNORECASE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "email said aloud",
            _LOCAL + _AT + r"[a-z0-9][a-z0-9-]*(?:" + _DOT + r"[a-z0-9-]+)*"
            + r"(?:[ \t]+(?:dot|tečka|tecka)[ \t]+|[ \t]*(?:\(dot\)|\[dot\]|\{dot\})[ \t]*)"
            + _SPOKEN_TLD + r"\b",
            0.6,
        ),
        Pattern(
            "email with a bracketed at",  # "jwalker(at)cityoflondon.sch.uk", "x [at] gmail.com"
            _LOCAL + r"[ \t]*(?:\(at\)|\[at\]|\{at\})[ \t]*[a-z0-9][a-z0-9-]*(?:" + _DOT
            + r"[a-z0-9-]+)*" + _DOT + r"[a-z]{2,6}\b",
            0.6,
        ),
        Pattern(
            "email at a webmail provider",  # "pat.obrien.1962 at gmail"
            r"(?<![\w.'’@])(?=[\w.+-]*[\d._])[a-z0-9][\w.+-]*[a-z0-9]" + _AT + _WEBMAIL
            + r"(?:" + _DOT + r"[a-z]{2,4}){0,2}\b",
            0.55,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["email", "mail", "address"]
    CANDIDATES = (re.compile(r"(?i:[ \t\]\)](?:dot|tečka|tecka)[ \t\[\(]+" + _SPOKEN_TLD
                                + r"\b|[\(\[\{]at[\)\]\}]|[ \t](?:at|zavináč)[ \t]+" + _WEBMAIL
                                + r"\b)"),)
    REACH = 160
