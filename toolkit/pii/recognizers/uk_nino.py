"""UK National Insurance number: two prefix letters, six digits, a suffix letter A-D."""

from __future__ import annotations

import re
from typing import ClassVar

import regex
from presidio_analyzer import Pattern

from toolkit.pii.recognizers._base import ConfidePatternRecognizer
from toolkit.pii.types import EntityType

__all__ = ["NationalInsuranceRecognizer", "is_valid_nino"]

#: Prefixes HMRC never allocates (TN is the temporary-number marker, not a real NINO).
UNALLOCATED_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
_NINO = re.compile(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]")


def is_valid_nino(text: str) -> bool:
    """A NINO with the official letter rules, spaces ignored, any case.

    D F I Q U V never appear in the prefix, O is never the second letter, and BG GB KN NK NT
    TN ZZ are not allocated.
    """
    value = "".join(text.split()).upper()
    return _NINO.fullmatch(value) is not None and value[:2] not in UNALLOCATED_PREFIXES


class NationalInsuranceRecognizer(ConfidePatternRecognizer):
    """National Insurance number: "AB123456C", "AB 12 34 56 C", "ab 123456 c"."""

    ENTITY = EntityType.UK_NINO
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "NINO",
            r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d\d ?\d\d ?\d\d ?[A-D]\b",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["nino", "insurance"]
    FLAGS = regex.MULTILINE | regex.IGNORECASE
    CANDIDATES = (regex.compile(r"[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-Da-d]"),)
    REACH = 24

    def invalidate_result(self, pattern_text: str) -> bool:
        return not is_valid_nino(pattern_text)
