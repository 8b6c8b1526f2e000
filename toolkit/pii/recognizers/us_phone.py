"""US (NANP) phone numbers: (555) 123-4567, 555-123-4567, 555.123.4567, +1 ..., 001-..."""

from __future__ import annotations

from typing import ClassVar

import phonenumbers
import regex
from presidio_analyzer import Pattern

from toolkit.pii.recognizers._base import ConfidePatternRecognizer
from toolkit.pii.recognizers._phone import PHONE_END, PHONE_START, parse_number
from toolkit.pii.types import EntityType

__all__ = ["UsPhoneRecognizer"]

_COUNTRY = r"(?:(?:\+|00)?1[ .-]?)?"  # "+1 ", "001 ", and the dialled "1-800-..."


class UsPhoneRecognizer(ConfidePatternRecognizer):
    """A ten-digit North American number; "x123" / "ext. 123" extensions are included.

    The 555 numbers of fiction are not "valid" to phonenumbers, yet they are what synthetic
    data uses, so a number only has to be possible for region US: formatted numbers keep 0.6,
    ten bare digits keep 0.3 (context must lift them). Area codes start with 2-9.
    """

    ENTITY = EntityType.PHONE_NUMBER
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "US phone (formatted)",
            PHONE_START + _COUNTRY
            + r"(?:\([2-9]\d\d\)[ \t]?\d{3}[ .-]?\d{4}|[2-9]\d\d([ .-])\d{3}\1\d{4})"
            + PHONE_END,
            0.6,
        ),
        Pattern("US phone (digits only)", PHONE_START + r"(?:\+1)?[2-9]\d{9}" + PHONE_END, 0.3),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "phone", "telephone", "mobile", "cell", "call", "text", "number", "contact", "landline",
    ]  # fmt: skip
    CANDIDATES = (regex.compile(r"[0-9]{3}[ .)-]{0,2}[0-9]{3}"),)

    def validate_result(self, pattern_text: str) -> bool | None:
        number = parse_number(pattern_text, "US")
        if number is None or number.country_code != 1:
            return False
        return None if phonenumbers.is_possible_number(number) else False
