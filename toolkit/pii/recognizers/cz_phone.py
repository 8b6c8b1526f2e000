"""Czech phone numbers: +420 / 00420 with nine digits, or nine national digits in context."""

from __future__ import annotations

from typing import ClassVar

import phonenumbers
import regex
from presidio_analyzer import Pattern

from toolkit.pii.recognizers._base import ConfidePatternRecognizer
from toolkit.pii.recognizers._phone import PHONE_END, PHONE_START, parse_number
from toolkit.pii.types import EntityType

__all__ = ["CzPhoneRecognizer"]

#: Nine digits grouped 3-3-3 (or not at all), or 3-2-2-2 ("602 12 34 56").
_NINE = r"\d{3}(?:([ .-]?)\d{3}\1\d{3}|[ ]\d\d[ ]\d\d[ ]\d\d)"
#: A national number (first digit 2-7) in either grouping, for look-aheads.
_NATIONAL_AHEAD = r"[2-7]\d\d(?:[ .-]?\d{3}[ .-]?\d{3}| \d\d \d\d \d\d)(?!\d)"
#: Words that make a bare nine-digit number a phone number ("tel.", "mobil:", "call me on").
_CUE = (
    r"\b(?i:tel|telefon\w*|mobil\w*|mob|číslo|čísle|čísla|cislo|cisle|cisla|phone|call|ring|rang"
    r"|text|cell|numbers?|line|linka|linku|lince|whatsapp|signal|kontakt\w*|volej\w*|"
    r"zavolej\w*|volat|zavolat|sms|office|reception|landline|switchboard|recepc\w*|"
    r"kancelář\w*|ordinac\w*)\b"
)


class CzPhoneRecognizer(ConfidePatternRecognizer):
    """"+420 601 123 456", "00420 601123456", "601 123 456"; "222 333 444" only in context.

    A national number (first digit 2-7) needs a cue such as "tel", "telefon", "mobil",
    "číslo", "phone", "call", "text me", "line" within 30 characters before it on the same
    line (nine digits alone are too common), another phone number or an e-mail address just
    before it, or the sender position of a chat-export line; a mobile grouped 3-3-3 needs
    none. Every match is checked with phonenumbers for region CZ (valid: score 1.0, else
    dropped).
    """

    ENTITY = EntityType.PHONE_NUMBER
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "CZ phone (+420)",
            PHONE_START + r"(?:\+|00) ?420[ .-]?" + _NINE + PHONE_END,
            0.5,
        ),
        Pattern(
            "CZ phone (national, after a cue word)",
            PHONE_START + r"(?=" + _NATIONAL_AHEAD + r")"
            + r"(?<=" + _CUE + r"[^\d\n]{0,30})" + _NINE + PHONE_END,
            0.5,
        ),
        Pattern(
            "CZ phone (national, before a cue word)",  # "Is 773 986 718 okay for a text?"
            PHONE_START + r"(?=" + _NATIONAL_AHEAD + r"[^\d\n]{0,30}" + _CUE + r")"
            + _NINE + PHONE_END,
            0.5,
        ),
        Pattern(
            "CZ mobile (grouped 3-3-3)",  # mobiles start 60x or 7xx; checked as MOBILE below
            PHONE_START + r"(?:60[1-8]|7[0-9]\d)(?: \d{3} \d{3}| \d\d \d\d \d\d)" + PHONE_END,
            0.5,
        ),
        Pattern(
            "CZ phone (national, beside another number or an e-mail)",
            # "+420 790 481 827 and 552 487 305", "rpikova@cdz.cz | 510 187 522"
            PHONE_START + r"(?<=(?:\d{3}[ .-]?\d{3}[ .-]?\d{3}[ \t]*(?:,|;|/|and|or|nebo|a)"
            r"|@[\w.-]+\.[a-z]{2,}[ \t]*[|·•,;/])[ \t]+)" + _NINE + PHONE_END,
            0.5,
        ),
        Pattern(
            "CZ mobile as a chat sender",  # "[21.12.23 00:21:21] 602350907: hi"
            r"(?<=^[ \t]*(?:\[[^\]\n]{1,30}\]|\d[\d/.,: \t-]{7,24}\d)[ \t]*)"
            r"(?:60[1-8]|7[0-9]\d) ?\d{3} ?\d{3}(?=[ \t]*[:>|])",
            0.5,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "telefon", "mobil", "číslo", "phone", "mobile", "call", "text", "number",
    ]  # fmt: skip
    CANDIDATES = (regex.compile(r"[0-9]{3}[ .-]?[0-9]{3}"),
                  regex.compile(r"[0-9]{3} [0-9]{2} [0-9]{2}"))
    REACH = 64  # the cue word may be 30 characters before the number

    def validate_result(self, pattern_text: str) -> bool:
        number = parse_number(pattern_text, "CZ")
        if number is None or number.country_code != 420 or not phonenumbers.is_valid_number(
                number):
            return False
        if regex.fullmatch(r"[67]\d\d ?\d{3} ?\d{3}", pattern_text):  # may have matched uncued
            return phonenumbers.number_type(number) in {
                phonenumbers.PhoneNumberType.MOBILE,
                phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
        return True
