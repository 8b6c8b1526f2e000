"""Czech birth number (rodné číslo): YYMMDD/XXXX since 1954, YYMMDD/XXX before."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import regex
from presidio_analyzer import Pattern

from toolkit.pii.recognizers._base import END, ConfidePatternRecognizer, digits_of
from toolkit.pii.types import EntityType

__all__ = ["CzBirthNumberRecognizer", "birth_date_of", "is_valid_cz_birth_number"]

_START = r"(?<![\w.+/:-])"


def birth_date_of(digits: str, *, today: dt.date | None = None,
                  any_offset_year: bool = False) -> dt.date | None:
    """The date of birth a birth number encodes, or None if it encodes no real date.

    Months carry +50 for women, and since 2004 +20 (men) or +70 (women) when a day's
    numbers ran out (``any_offset_year`` accepts those offsets in any year). Nine-digit numbers
    were issued only before 1954; ten-digit ones from 1954 (so "53" in a ten-digit number means
    2053, which is in the future and invalid).
    """
    if len(digits) not in (9, 10) or not digits.isdigit():
        return None
    yy, mm, dd = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    if len(digits) == 9:
        if yy >= 54:
            return None
        year = 1900 + yy
    else:
        year = 1900 + yy if yy >= 54 else 2000 + yy
    offset = next((o for o in (70, 50, 20, 0) if mm > o), 0)
    if offset in (20, 70) and year < 2004 and not any_offset_year:
        return None
    try:
        born = dt.date(year, mm - offset, dd)
    except ValueError:
        return None
    return born if born <= (today or dt.date.today()) else None


def is_valid_cz_birth_number(text: str, *, today: dt.date | None = None,
                             any_offset_year: bool = False) -> bool:
    """A real date, and for ten digits the mod-11 rule.

    The ten-digit number is divisible by 11, or its first nine digits leave 10 and the check
    digit is 0 (numbers issued that way before 1985). Nine-digit numbers have no check digit.
    ``any_offset_year`` accepts the +20 and +70 month offsets before 2004 too.
    """
    digits = digits_of(text)
    if birth_date_of(digits, today=today, any_offset_year=any_offset_year) is None:
        return False
    if len(digits) == 9:
        return True
    return int(digits) % 11 == 0 or (int(digits[:9]) % 11 == 10 and digits[9] == "0")


class CzBirthNumberRecognizer(ConfidePatternRecognizer):
    """Rodné číslo "856215/0096", "8562150096", "485101/123".

    Ten digits with a valid date and checksum score 1.0. Nine digits have no checksum, so a
    valid date keeps the pattern's score (0.5 with the slash, 0.3 without, which context such
    as "rodné číslo" must lift). So does a ten-digit number whose checksum holds but whose +20
    or +70 month predates 2004, when those offsets began: a clerical slip or a made-up value,
    but the shape and the checksum still say it is a birth number.
    """

    ENTITY = EntityType.CZ_BIRTH_NUMBER
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("birth number with slash", _START + r"\d{6} ?/ ?\d{3,4}" + END, 0.5),
        Pattern("birth number digits", _START + r"\d{9,10}" + END, 0.3),
    ]
    CONTEXT: ClassVar[list[str]] = ["rodné", "rodne", "číslo", "cislo", "rč", "birth", "personal"]
    CANDIDATES = (regex.compile(r"[0-9]{6}"),)
    REACH = 20

    def validate_result(self, pattern_text: str) -> bool | None:
        if not is_valid_cz_birth_number(pattern_text):
            ten = len(digits_of(pattern_text)) == 10
            return None if ten and is_valid_cz_birth_number(pattern_text,
                                                            any_offset_year=True) else False
        return True if len(digits_of(pattern_text)) == 10 else None
