"""UK postcode: every outward shape (A9, A99, A9A, AA9, AA99, AA9A) and GIR 0AA."""

from __future__ import annotations

import re
from typing import ClassVar

import regex
from presidio_analyzer import Pattern

from toolkit.pii.recognizers._base import ConfidePatternRecognizer
from toolkit.pii.types import EntityType

__all__ = ["POSTCODE_REGEX", "PostcodeRecognizer"]

#: Outward code then inward code; position rules from Royal Mail: first letter not Q V X,
#: second not I J Z, a third-position letter in A-H J K P S T U W, a fourth in A B E H M N P R
#: V W X Y, and the inward letters never C I K M O V. Upper case only (callers add IGNORECASE).
POSTCODE_REGEX = (
    r"(?:GIR ?0AA|[A-PR-UWYZ](?:\d[A-HJKPSTUW]?|\d\d|[A-HK-Y]\d[ABEHMNPRVWXY]?|[A-HK-Y]\d\d)"
    r" ?\d[ABD-HJLNP-UW-Z]{2})"
)
_ORDINAL_INWARD = re.compile(r"\d(?:st|nd|rd|th)$", re.IGNORECASE)


class PostcodeRecognizer(ConfidePatternRecognizer):
    """UK postcode in upper or lower case, with or without the space: "SW1A 1AA", "m1 1ae"."""

    ENTITY = EntityType.UK_POSTCODE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("UK postcode", r"\b" + POSTCODE_REGEX + r"\b", 0.6),
    ]
    CONTEXT: ClassVar[list[str]] = ["postcode", "post", "postal", "address", "zip", "live"]
    FLAGS = regex.MULTILINE | regex.IGNORECASE
    CANDIDATES = (regex.compile(r"[0-9][A-Za-z]{2}\b"),)  # the inward code
    REACH = 16

    def invalidate_result(self, pattern_text: str) -> bool:
        # "m1 2nd": in lower or mixed case, an inward code that reads as an ordinal is English.
        return not pattern_text.isupper() and _ORDINAL_INWARD.search(pattern_text) is not None
