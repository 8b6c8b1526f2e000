"""UK phone numbers: mobiles, geographic and non-geographic, national or +44 / 0044."""

from __future__ import annotations

from typing import ClassVar

import phonenumbers
import regex
from presidio_analyzer import Pattern

from toolkit.pii.recognizers._base import ConfidePatternRecognizer
from toolkit.pii.recognizers._phone import PHONE_END, PHONE_START, parse_number
from toolkit.pii.types import EntityType

__all__ = ["UkPhoneRecognizer"]

#: Ofcom's ranges for drama and examples: not "valid" to phonenumbers, but exactly the numbers
#: synthetic transcripts use, and they stand for real ones.
_DRAMA_PREFIXES = ("7700900", "1632960")
_SEP = r"[ \t-]?"

_UK_PHONE = (
    PHONE_START
    + r"(?:"
    + r"(?:\+|00)44" + _SEP + r"(?:\(0\)" + _SEP + r")?\d(?:" + _SEP + r"\d){8,9}"  # +44 ...
    + r"|\(0\d{2,4}\)" + _SEP + r"\d(?:" + _SEP + r"\d){4,7}"  # (0113) 496 0000
    + r"|0\d(?:" + _SEP + r"\d){8,9}"  # 07700 900123, 020 7946 0123
    + r")"
    + PHONE_END
)


class UkPhoneRecognizer(ConfidePatternRecognizer):
    """A UK number in any common spacing, checked with phonenumbers for region GB.

    Valid numbers (and Ofcom's drama ranges) score 1.0; other ten-digit national numbers that
    phonenumbers finds possible keep 0.5; anything else is dropped. Short numbers (116 123,
    999, 111) never match: a UK number here has ten or eleven digits.
    """

    ENTITY = EntityType.PHONE_NUMBER
    PATTERNS: ClassVar[list[Pattern]] = [Pattern("UK phone", _UK_PHONE, 0.5)]
    CONTEXT: ClassVar[list[str]] = [
        "phone", "telephone", "mobile", "cell", "call", "text", "ring",
        "number", "whatsapp", "landline", "contact",
    ]  # fmt: skip
    CANDIDATES = (regex.compile(r"0[0-9]{2}|44[ (0-9-]"),)

    def validate_result(self, pattern_text: str) -> bool | None:
        number = parse_number(pattern_text, "GB")
        if number is None or number.country_code != 44:
            return False
        if phonenumbers.is_valid_number(number):
            return True
        nsn = phonenumbers.national_significant_number(number)
        if len(nsn) != 10:  # the short (nine-digit) areas are all known, hence valid
            return False
        if nsn.startswith(_DRAMA_PREFIXES):
            return True
        return None if phonenumbers.is_possible_number(number) else False
