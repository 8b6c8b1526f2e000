"""Phone numbers with any other international prefix: "+46 (0)8 928 571 38", "0049 30 123456"."""

from __future__ import annotations

import re
from typing import ClassVar

import phonenumbers
from presidio_analyzer import Pattern

from toolkit.pii.recognizers._base import ConfidePatternRecognizer
from toolkit.pii.recognizers._phone import PHONE_END, PHONE_START, parse_number
from toolkit.pii.types import EntityType

__all__ = ["IntlPhoneRecognizer"]

#: Prefixes with a recognizer of their own: +1 (US), +44 (UK), +420 (CZ).
_OWN_PREFIXES = (1, 44, 420)


class IntlPhoneRecognizer(ConfidePatternRecognizer):
    """A number written with "+" or "00" and a country code other than +1, +44 and +420.

    Checked with phonenumbers for the country the prefix names: valid numbers score 1.0,
    numbers of a possible length for that country keep 0.5, others are dropped.
    """

    ENTITY = EntityType.PHONE_NUMBER
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "bracketed country code",
            PHONE_START + r"\(\+\d{1,3}\)[ .-]?(?:\(0\)[ .-]?)?(?:\d[ .-]?){6,12}\d" + PHONE_END,
            0.5,
        ),
        Pattern(
            "international phone",
            PHONE_START + r"(?:\+|00)(?!1|44|420)[2-9]\d{0,2}(?:[ .-]?\(0\))?(?:[ .-]?\d){6,13}"
            + PHONE_END,
            0.5,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "phone", "telephone", "mobile", "cell", "call", "text", "number", "whatsapp",
    ]  # fmt: skip
    CANDIDATES = (re.compile(r"\+[1-9]|00[2-9]"),)
    REACH = 40

    def validate_result(self, pattern_text: str) -> bool | None:
        bracketed = pattern_text.startswith("(+")  # "(+420) 601 123 456": any country
        text = pattern_text.replace("(0)", "").replace("(+", "+").replace(")", "", 1)
        number = parse_number(text if bracketed else pattern_text.replace("(0)", ""), "ZZ")
        if number is None or (number.country_code in _OWN_PREFIXES and not bracketed):
            return False
        if phonenumbers.is_valid_number(number):
            return True
        return None if phonenumbers.is_possible_number(number) else False
