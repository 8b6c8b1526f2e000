"""Phone numbers in any national format, right after a word that says it is one.

"Phone: 0490 75 40 81", "call me on 9472 7916", "Mobile: 03.93.92.16.85", "Fax: 9498777106",
"messages to 699 956 915". Without a country prefix a foreign national number cannot be
validated, so the cue is the evidence: 7 to 15 digits, grouped by spaces, dots, dashes or
brackets, directly after the cue. Two looser cues need a longer number (9 to 15 digits): a
contact verb earlier in the same sentence ("if anyone wants to message, I'm 777468742",
"I can speak to Maile on 7853847349"), and the sender's place in a chat export, where an
unsaved contact shows as its number ("[2024-06-20 21:55] 6129676969: no need").
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
#: A contact verb earlier in the sentence, at most 40 characters before the number.
_LOOSE_CUE = (r"\b(?:text|txt|call|ring|message|msg|whatsapp|reach|contact|speak\s+to|"
              r"talk\s+to|get\s+hold\s+of)\b[^\n.?!]{0,40}?")
_NINE_DIGITS = r"(?=\+?(?:[ .\-/()]?\d){9})"
#: Where a chat export puts the sender: after the line's stamp ("] ", " · ", " - ") or at the
#: start of the line, right before the colon of the message.
_SENDER = r"(?:^|\]|·|[ \t][-–]|\t)[ \t]*"


class CuedPhoneRecognizer(ConfidePatternRecognizer):
    """A digit group of phone length after "phone:", "call me on"... (any national format)."""

    ENTITY = EntityType.PHONE_NUMBER
    FLAGS = regex.MULTILINE | regex.IGNORECASE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("phone number after its cue",
                r"(?<=" + _CUE + r"[ \t]*[:.\-]?[ \t]*\n?[ \t]*)" + _NUMBER
                + r"(?![\d:]|[.,]\d)", 0.55),
        Pattern("phone number in a sentence about contact",
                _LOOSE_CUE + r"[ \t]\K" + _NINE_DIGITS + _NUMBER + r"(?![\d:]|[.,]\d)",
                0.5),
        Pattern("phone number as a chat sender", r"(?<=" + _SENDER + r")\+?\d{9,13}(?=:[ \t])",
                0.5),
    ]
    CONTEXT: ClassVar[list[str]] = ["phone", "mobile", "call", "text", "fax", "number"]
    CANDIDATES = (regex.compile(
        r"(?i:phone|tel|mob|cell|fax|desk|landline|whatsapp|číslo|cislo|call|text|ring|reach|"
        r"message|contact|number|answering|txt|msg|speak|talk|hold)"),
        regex.compile(r"\d{9}:"))
    REACH = 60

    def invalidate_result(self, pattern_text: str) -> bool:
        digits = digits_of(pattern_text)
        if _DATE_SHAPE.fullmatch(pattern_text.strip()):
            return True  # "call me on 14.3.2020" names a day
        return not 7 <= len(digits) <= 15 or len(set(digits)) == 1
