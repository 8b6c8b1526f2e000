"""NHS number: ten digits (3-3-4), the last a mod-11 check digit."""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import Pattern

from toolkit.pii.recognizers._base import END, ConfidePatternRecognizer, digits_of
from toolkit.pii.types import EntityType

__all__ = ["NhsNumberRecognizer", "is_valid_nhs_number", "nhs_check_digit"]


def nhs_check_digit(first_nine: str) -> int | None:
    """The check digit for nine digits, or None when the remainder gives 10 (never issued)."""
    total = sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def is_valid_nhs_number(digits: str) -> bool:
    """Ten digits with a correct check digit, and not all the same digit (0000000000...)."""
    if len(digits) != 10 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    return nhs_check_digit(digits[:9]) == int(digits[9])


class NhsNumberRecognizer(ConfidePatternRecognizer):
    """NHS number: "943 476 5919", "943-476-5919" or "9434765919", checked by mod 11.

    The separator must be the same in both places; a failing check digit drops the match.
    """

    ENTITY = EntityType.UK_NHS
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("NHS number (3-3-4)", r"(?<![\w.+/-])\d{3}([ -]?)\d{3}\1\d{4}" + END, 0.5),
    ]
    CONTEXT: ClassVar[list[str]] = ["nhs", "health", "patient"]
    CANDIDATES = (regex.compile(r"[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}"),)
    REACH = 24

    def validate_result(self, pattern_text: str) -> bool:
        return is_valid_nhs_number(digits_of(pattern_text))
