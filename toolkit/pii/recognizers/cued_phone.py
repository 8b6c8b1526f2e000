"""Phone numbers in any national format, right after a word that says it is one.

"Phone: 0490 75 40 81", "call me on 9472 7916", "Mobile: 03.93.92.16.85", "Fax: 9498777106",
"messages to 699 956 915". Without a country prefix a foreign national number cannot be
validated, so the cue is the evidence: 7 to 15 digits, grouped by spaces, dots, dashes or
brackets, directly after the cue.
"""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import Pattern

from toolkit.pii.recognizers._base import ConfidePatternRecognizer, digits_of
from toolkit.pii.types import EntityType

__all__ = ["CuedPhoneRecognizer"]

_CUE = (
    r"\b(?:phone|tel|telephone|mobile|mob|cell|cellphone|fax|desk|landline|whatsapp|"
    r"telefon|mobil|číslo|cislo|"
    r"(?:call|text|ring|reach|phone|message|contact)(?:\s+(?:me|us|her|him|them))?\s+(?:at|on)|"
    r"(?:number|no\.?)\s+is|messages\s+to|answering\s+at)"
)
_DATE_SHAPE = regex.compile(r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d\d)|\d{4}-\d\d-\d\d")
_NUMBER = r"\(?\+?\d{1,4}\)?(?:[ .\-/]?\(?\d{1,5}\)?){1,6}"


class CuedPhoneRecognizer(ConfidePatternRecognizer):
    """A digit group of phone length after "phone:", "call me on"... (any national format)."""

    ENTITY = EntityType.PHONE_NUMBER
    FLAGS = regex.MULTILINE | regex.IGNORECASE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("phone number after its cue",
                r"(?<=" + _CUE + r"[ \t]*[:.\-]?[ \t]*\n?[ \t]*)" + _NUMBER
                + r"(?![\d:]|[.,]\d)", 0.55),
    ]
    CONTEXT: ClassVar[list[str]] = ["phone", "mobile", "call", "text", "fax", "number"]
    CANDIDATES = (regex.compile(
        r"(?i:phone|tel|mob|cell|fax|desk|landline|whatsapp|číslo|cislo|call|text|ring|reach|"
        r"message|contact|number|answering)"),)
    REACH = 60

    def invalidate_result(self, pattern_text: str) -> bool:
        digits = digits_of(pattern_text)
        if _DATE_SHAPE.fullmatch(pattern_text.strip()):
            return True  # "call me on 14.3.2020" names a day
        return not 7 <= len(digits) <= 15 or len(set(digits)) == 1
