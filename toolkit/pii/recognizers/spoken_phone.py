"""Phone numbers said or typed one digit at a time.

"oh seven seven double oh, nine double oh, three four one", "five five five, oh one four, six
six two one", "šest nula osm, čtyři čtyři pět, jedna jedna dva", "0 7 7 0 0 9 0 0 2 1 9",
"0 7 7 0 0 - 9 0 0 - 6 6 6". Nobody says nine digits in a row for anything else, so the run
itself is the evidence: it must spell 9 to 13 digits ("double" and "triple" repeat the next
digit, "hundred" adds two zeros).
"""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import Pattern

from toolkit.pii.recognizers._base import ConfidePatternRecognizer
from toolkit.pii.types import EntityType

__all__ = ["SpokenPhoneRecognizer", "spoken_digits"]

_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2", "three": "3",
    "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    "nula": "0", "jedna": "1", "jednička": "1", "dva": "2", "dvě": "2", "tři": "3",
    "čtyři": "4", "pět": "5", "šest": "6", "sedm": "7", "osm": "8", "devět": "9",
}
_REPEAT = {"double": 2, "triple": 3, "treble": 3}
_WORD = (r"(?:" + "|".join(sorted([*_DIGIT_WORDS, *_REPEAT, "hundred"], key=len, reverse=True))
         + r")")
_TOKEN = r"(?:" + _WORD + r"(?![\w])|\d(?!\d))"
_GAP = r"(?:[ \t]*[,.\-–][ \t]*|[ \t]+)"


def spoken_digits(text: str) -> str | None:
    """The digits a run of digit words and single digits spells, or None if it is not one."""
    out: list[str] = []
    repeat = 1
    for token in regex.findall(r"[^\W_]+", text.lower()):
        if token in _REPEAT:
            repeat = _REPEAT[token]
            continue
        if token == "hundred":
            if not out:
                return None
            out.append("00")
            continue
        digit = token if token.isdigit() and len(token) == 1 else _DIGIT_WORDS.get(token)
        if digit is None:
            return None
        out.append(digit * repeat)
        repeat = 1
    return "".join(out)


class SpokenPhoneRecognizer(ConfidePatternRecognizer):
    """A run of digit words (English or Czech) or single digits that spells 9-13 digits."""

    ENTITY = EntityType.PHONE_NUMBER
    FLAGS = regex.MULTILINE | regex.IGNORECASE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("phone number said digit by digit",
                r"(?<![\w+])" + _TOKEN + r"(?:" + _GAP + _TOKEN + r"){6,24}", 0.6),
    ]
    CONTEXT: ClassVar[list[str]] = ["phone", "number", "call", "ring", "text", "mobile"]
    CANDIDATES = (regex.compile(r"(?i:\b(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|"
                                r"nine|double|triple|nula|jedna|dva|tři|čtyři|pět|šest|sedm|osm|"
                                r"devět)[ \t,-]+){3})|(?<![\d.:/])\d[ \t]+\d[ \t,-]+\d[ \t,-]+\d"
                                r"[ \t,-]+\d"),)
    REACH = 120

    def invalidate_result(self, pattern_text: str) -> bool:
        digits = spoken_digits(pattern_text)
        return (digits is None or not 9 <= len(digits) <= 13 or len(set(digits)) == 1
                or digits in "01234567890" or digits in "0987654321")  # counting, not a number
