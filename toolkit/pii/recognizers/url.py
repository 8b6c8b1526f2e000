"""URLs and bare domain names, checked against the offline public-suffix list."""

from __future__ import annotations

import re
from typing import ClassVar

import regex
import tldextract
from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import UrlRecognizer as PresidioUrlRecognizer

from toolkit.pii.recognizers._base import CandidateMixin
from toolkit.pii.recognizers._tld import offline_extractor
from toolkit.pii.types import EntityType

__all__ = ["BARE_DOMAIN_SUFFIXES", "CuedWebAddressRecognizer", "WebAddressRecognizer"]

#: Suffixes accepted on a bare domain ("smith.com" with no scheme and no "www."). Suffixes
#: that are English words or file extensions ("fine.so", "it.is", "main.py", "notes.md")
#: are left out; any public suffix is accepted after "http(s)://" or "www.".
BARE_DOMAIN_SUFFIXES = frozenset(
    "com org net edu gov mil int info biz io co uk cz sk eu de fr es nl ch pl se dk fi ie ca "
    "au nz br pt cy uy ru jp cn hu ro gr lt lv ee si hr bg ua tv ly online site app dev blog "
    "health care shop store xyz tech email nhs".split()
)
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
#: A path, query or fragment; it may not end in sentence punctuation or a closing bracket.
_PATH = r"""(?:[/?#](?:[^\s<>"'`]*[^\s<>"'`.,;:!?)\]}])?)?"""
_PORT = r"(?::\d{2,5})?"
#: After "scheme://": user, host and port, not ending in sentence punctuation.
_AUTHORITY = r"""[^\s<>"'`/?#()\[\]{}]*[^\s<>"'`/?#()\[\]{}.,;:!]"""
_HOST = _LABEL + r"(?:\." + _LABEL + r")+"
#: Words after which a bare domain is a web address whatever its suffix.
_WEB_CUES = (r"website|web[ \t]?site|site|page|portfolio|blog|vlog|link|url|domain|shop|store|"
             r"channel|podcast|newsletter|substack|visit|check[ \t]out|go[ \t]to")
_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/?#\s]*@)?", re.IGNORECASE)


class WebAddressRecognizer(CandidateMixin, PresidioUrlRecognizer):
    """"https://example.org/x", "www.example.co.uk", "smith-jones.com/path".

    Presidio's URL regex spells out hundreds of suffixes and matches "fine.so" in chat; here
    the patterns are generic and the host must end in a public suffix (offline TLDExtract).
    A bare domain must use a suffix from ``BARE_DOMAIN_SUFFIXES`` or a two-level one
    ("co.uk"); the host of an email address is never a URL.
    """

    ENTITY = EntityType.URL
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "URL with scheme",
            r"\b(?:https?|ftp)://" + _AUTHORITY + _PATH,
            0.6,
        ),
        Pattern("URL with www", r"\bwww\d{0,3}\." + _HOST + _PORT + _PATH, 0.6),
        Pattern("bare domain", r"(?<![@\w.-])" + _HOST + r"(?![\w-]|\.\w)" + _PORT + _PATH, 0.5),
    ]
    CONTEXT: ClassVar[list[str]] = ["url", "website", "site", "link", "web", "page", "blog"]
    CANDIDATES = (regex.compile(r"\.[A-Za-z]{2}(?<=[A-Za-z0-9]\.[A-Za-z]{2})"), re.compile("://"))
    REACH = 400  # URLs run long

    def __init__(
        self,
        *,
        extractor: tldextract.TLDExtract | None = None,
        supported_language: str = "en",
        name: str | None = None,
    ) -> None:
        self._extractor = extractor or offline_extractor()
        super().__init__(
            patterns=list(self.PATTERNS),
            context=list(self.CONTEXT),
            supported_language=supported_language,
            supported_entity=self.ENTITY.value,
            name=name or type(self).__name__,
        )
        self.global_regex_flags = regex.MULTILINE | regex.IGNORECASE

    def validate_result(self, pattern_text: str) -> bool:
        lowered = pattern_text.lower()
        explicit = lowered.startswith(("http://", "https://", "ftp://", "www"))
        host = _host(pattern_text)
        parts = self._extractor(host)
        if not parts.domain or not parts.suffix:
            return explicit and _is_ipv4(host)
        suffix = parts.suffix.lower()
        if explicit or "." in suffix or suffix in BARE_DOMAIN_SUFFIXES:
            return True
        # Other country codes ("annak.me", "calmcoach.ai") only with a name-length label or a
        # path ("about.me/ema.novak"), and no capital after a full stop, so chat like "ok.so"
        # or "fine.it" is not a domain.
        has_path = re.search(r"\.[a-z]{2}/[\w.~-]{2,}", pattern_text) is not None
        return (len(suffix) == 2 and (len(parts.domain) >= 6 or has_path)
                and pattern_text.islower() and suffix not in _WORD_SUFFIXES)


#: Two-letter country codes that are also English words or chat: never a bare domain alone.
_WORD_SUFFIXES = frozenset("is so to in it at be no do my am an as by go he hi us we ok "
                           "or of on up id".split())


def _host(text: str) -> str:
    """The host of a matched address: no scheme, user, port, path, query or fragment."""
    return re.split(r"[/?#:]", _SCHEME.sub("", text), maxsplit=1)[0]


def _is_ipv4(host: str) -> bool:
    pieces = host.split(".")
    return len(pieces) == 4 and all(p.isdigit() and int(p) < 256 for p in pieces)


class CuedWebAddressRecognizer(WebAddressRecognizer):
    """A bare domain on any public suffix right after a web cue: "my portfolio is kez.art",
    "see my page at obi.photography", "website: studio-lumen.design".

    Without the cue, such suffixes (many are English words: .art, .life, .today) are too often
    two words run together in chat, so ``WebAddressRecognizer`` accepts them only with a
    scheme or "www.".
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "domain after a web cue",
            r"(?<=\b(?:" + _WEB_CUES + r")(?:[ \t]+(?:is|at|on|here))?[ \t]*[:=-]?[ \t]+)"
            r"(?<![@\w.-])" + _HOST + r"(?![\w-]|\.\w)" + _PORT + _PATH,
            0.6,
        ),
    ]
    CANDIDATES = (regex.compile(r"(?i:" + _WEB_CUES + r")"),)
    REACH = 400

    def validate_result(self, pattern_text: str) -> bool:
        parts = self._extractor(_host(pattern_text))
        return bool(parts.domain and parts.suffix and len(parts.domain) >= 2
                    and parts.suffix.lower() not in _WORD_SUFFIXES)
