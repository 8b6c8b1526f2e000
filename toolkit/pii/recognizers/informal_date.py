"""Informal dates of chat and speech: "on the 14th", "Tuesday the 3rd", "14.3.", "on 14/03".

These forms name a specific day without a month name or a year, so each needs a shape or a
cue that rules out the look-alikes: "the 3rd time", "on the 3rd floor", ratings ("7/10"),
fractions ("3/4 of"), decimals ("2.5 hours", "from 7.5 to 6"). Cues are matched with
look-behinds, so the value is the date alone.
"""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import Pattern

from toolkit.pii.recognizers.date import CZ_WEEKDAYS, MONTH_TYPOS_RE, WeekdayDateRecognizer
from toolkit.pii.types import EntityType

__all__ = ["InformalDateRecognizer"]

_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_MONTH = r"(?:1[0-2]|0?[1-9])"
_ORDINAL = _DAY + r"(?:st|nd|rd|th)\b"
_CUE = (r"\b(?:on|by|until|till|til|from|since|before|after|around|about|dne|od|do|ode|for|"
        r"week\s+of|w/c|w/e|weekend\s+of|week\s+commencing|week\s+beginning)\s+")
#: Cues before a bare day.month ("since 14.3"): not about/around/from ("about 10.3" is a score).
_DAY_CUE = (r"\b(?:on|by|until|till|til|since|before|after|dne|od|do|ode|due|deadline(?:\s+is)?|"
            r"for)"
            r"\s+")
_NOT_COUNTED = (
    r"(?!\s+(?:floor|time|times|session|sessions|week|weeks|day|days|attempt|place|grade|year|"
    r"years|birthday|anniversary|century|edition|step|question|item|round|try|go|child|kid|"
    r"baby|cigarette|drink|person|one|of\s+(?:them|us|those|these|my|the|his|her|our))\b)"
)
_NOT_AMOUNT = (
    r"(?!\s*(?:hours?|hrs?|h|mins?|minutes?|seconds?|kg|kilos?|km|miles?|mg|ml|%|percent|"
    r"points?|stone|lbs?|out\s+of|am|pm|a\.m|p\.m|times|occasions|people|days|weeks|months|"
    r"years|sessions|kids|children|nights|drinks|pills|tablets|cigarettes|glasses|cups|"
    r"bottles|units|goes|tries|attempts|hrs|mins)\b|\s*/|\s*(?:to|-|–)\s*\d)"
)
_NOT_RATED = (r"(?<!\b(?:score|scored|rate|rated|rating|mood|pain|anxiety|level|like|exp|expiry|"
              r"expires|expiring|valid|thru)\.?\s{1,3})")  # "exp 09/27" is a card's expiry
_UNITS_ORD = "first second third fourth fifth sixth seventh eighth ninth".split()
_ORD_WORDS = (
    [*_UNITS_ORD, "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
     "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth"]
    + [f"twenty[- ]?{u}" for u in _UNITS_ORD] + ["thirty[- ]?first"]
)
#: "the fourteenth", "twenty-first": a day written in words, as transcribed speech has it.
_ORD_WORD = r"(?:" + "|".join(sorted(_ORD_WORDS, key=len, reverse=True)) + r")\b"
#: Ordinal words past the twelfth, which name no school year: "since twenty-first".
_DAY_ORD_WORD = r"(?:" + "|".join(sorted(_ORD_WORDS[12:], key=len, reverse=True)) + r")\b"
#: "on the eighth": from the fourth on, a day ("on the first", "by the second" are too often
#: something else: the first try, the second half).
_LATE_ORD_WORD = r"(?:" + "|".join(sorted(_ORD_WORDS[3:], key=len, reverse=True)) + r")\b"
_MONTH_NAME = (
    r"(?:" + MONTH_TYPOS_RE + r"|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
                r"fifty|sixty|seventy|eighty|ninety|oh|o)")
#: A year said aloud: "twenty twenty-two", "two thousand and nine", "nineteen eighty-five".
_SPOKEN_YEAR = (r"(?:(?:nineteen|twenty|two[ \t]+thousand(?:[ \t]+and)?)(?:[ \t-]+"
                + _NUMBER_WORD + r"){1,2}|(?:fifty|sixty|seventy|eighty|ninety)"
                r"(?:[ \t-]+(?:one|two|three|four|five|six|seven|eight|nine))?)\b")  # "ninety-one"
#: Holidays on a fixed day of the year: "since Christmas Eve" names a day and a month.
_FIXED_HOLIDAY = (r"(?:new[ \t]+year['’]?s[ \t]+(?:eve|day)|(?:christmas|xmas)[ \t]+(?:eve|day)|"
                  r"boxing[ \t]+day|valentine['’]?s[ \t]+day|bonfire[ \t]+night|hallowe['’]?en|"
                  r"st\.?[ \t]+patrick['’]?s[ \t]+day|štědrý[ \t]+den|silvestr)")
#: Days named by a holiday, with a year: "New Year's Eve 2019", "Easter Sunday 2021".
_HOLIDAY = (r"(?:" + _FIXED_HOLIDAY + r"|easter[ \t]+(?:sunday|monday|day)|mother['’]?s[ \t]+day|"
            r"father['’]?s[ \t]+day|mothering[ \t]+sunday|thanksgiving(?:[ \t]+day)?|"
            r"independence[ \t]+day|christmas|xmas|vánoc(?:e|ích|emi)|vanoc(?:e|ich|emi))")
#: "at 12.05", "until 10.05": a time, not a day.
_NOT_TIMED = (r"(?<!\b(?:at|from|until|till|til|by|around|about|before|after|between|to|"
              r"past|since)\s)")
#: The end of a clause after a day: punctuation, the line's end, "at 6.30", " - ".
_CLAUSE_END = r"(?=[ \t]*(?:[,.;:!?)]|$)|[ \t]+(?:at|-|–)[ \t])"
_WEEKDAY_WORD = r"(?:mon|tues?|weds|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
_WEEKDAY = r"\b" + _WEEKDAY_WORD + r"\.?,?"

_CZ_WEEKDAY = r"(?:" + CZ_WEEKDAYS + r")"

_FREE = r"(?<![\w.,/:£$€-])"  # not glued to another number, word or date
_END = r"(?![\w/]|[.,]\d)"
#: Day and month either way round: "19/8" (UK) or "8/19" (US); one reading must be real.
_DM = r"(?:" + _DAY + r"/" + _MONTH + r"|" + _MONTH + r"/" + _DAY + r")"
#: "I'm on 7/10 today", "it's about 4/10": a level, not a date.
_NOT_LEVEL = (r"(?<!\b(?:i'?m|i’m|am|was|were|feel|feeling|felt|it'?s|it’s|is|be|at|stays?|"
              r"stayed|sits?|sitting)\s+(?:on|about|around|at)\s+)")
#: "2/3 of the time": a fraction, not a date.
_NOT_FRACTION = r"(?!\s+of\b)"
#: "moved my appointment to", "rescheduled it for": a date follows.
_MOVED = (r"\b(?:moved|changed|rescheduled|pushed|put|booked|brought)\s+(?:(?:it|my|the|his|"
          r"her|their|our|your|appointment|session|review|date|back|forward|in|me)\s+){0,3}"
          r"(?:to|for|on)\s+")


class InformalDateRecognizer(WeekdayDateRecognizer):
    """Day-of-month dates without a month name or a year; see the module docstring."""

    ENTITY = EntityType.DATE
    FLAGS = regex.MULTILINE | regex.IGNORECASE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("weekday and ordinal", _WEEKDAY + r"\s+(?:(?:the\s+)?" + _ORDINAL + r"|the\s+"
                + _ORD_WORD + _NOT_COUNTED + r")", 0.6),
        # "on Thursday fifth", "died on Sunday twenty-ninth" ("Monday first thing" is not)
        Pattern("weekday and ordinal in words", r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                r"(?-i:Mon|Tues?|Wed|Thu|Thurs?|Fri|Sat|Sun))\.?,?[ \t]+(?:" + _LATE_ORD_WORD
                + r"|(?:first|second|third)\b(?=[ \t]*(?:[,.;:!?)]|$)))" + _NOT_COUNTED, 0.6),
        Pattern("day in words and month", r"\b" + _ORD_WORD + r"(?:\s+of)?\s+"
                + _MONTH_NAME + r"(?:,?\s+(?:(?:19|20)\d\d|" + _SPOKEN_YEAR + r"))?", 0.6),
        Pattern("holiday and year", r"\b" + _HOLIDAY + r"[ \t,]+(?:of[ \t]+)?(?:19|20)\d\d\b", 0.6),
        Pattern("holiday on a fixed day", r"(?<=\b(?:on|since|before|after|until|till|by|"
                r"over|from|at)[ \t]+(?:the[ \t]+|last[ \t]+|this[ \t]+|next[ \t]+)?)"
                + _FIXED_HOLIDAY + r"\b", 0.55),
        Pattern("the ordinal after for/is", r"(?<=\b(?:for|is|was|it'?s|it’s|make|miss|book|"
                r"cancel|keep|move|dated|typed|signed|postmarked)\s+the\s+)" + _ORDINAL
                + r"(?=\s*(?:[,.!?;:)]|$|\s(?:of|at|then|so|and|because|which|but|when|if|or|"
                r"instead|as|cos|since|saying|asking|telling)\b))", 0.55),
        # "her birthday's the 30th", "I'm back the 23rd.", "the 8th of this month", "or the 9th
        # if she's off": "the" and a day's ordinal ending a clause (not "Henry the 8th")
        Pattern("the ordinal ending a clause", r"(?<!(?-i:\p{Lu})\p{L}+[ \t])(?<!\b(?:i'?m|i’m|am|"
                r"finished|came|placed|ranked|floor|on[ \t]+the)[ \t]+)\bthe[ \t]+\K"
                + _ORDINAL + r"(?:[ \t]+of[ \t]+(?:this|next|last)[ \t]+month)?"
                r"(?=[ \t]*(?:[,.!?;:)]|$)|[ \t]+(?:of[ \t]+the[ \t]+month|if|when|or|then|so|"
                r"because|but|at|right|please|yeah|instead|tho|though|lol|cos|as|"
                r"and[ \t]+(?:the[ \t]+)?\d)\b)", 0.55),
        # "twenty-first of the ninth eighty-two": a date of birth dictated in ordinals
        Pattern("ordinal words, day of the month", r"\b(?:the[ \t]+)?" + _ORD_WORD
                + r"[ \t]+of[ \t]+the[ \t]+(?:" + "|".join(reversed(_ORD_WORDS[:12])) + r")\b"
                + r"(?:,?[ \t]+(?:(?:19|20)\d\d\b|" + _SPOKEN_YEAR + r")"
                r"|(?=[ \t]*(?:[,.;:)!?]|$)))",
                0.6),
        # "the 9th of the 12th, 2007": day and month said as ordinals
        Pattern("ordinal day of the ordinal month", r"\bthe[ \t]+" + _ORDINAL + r"[ \t]+of[ \t]+the"
                r"[ \t]+(?:1[0-2]|0?[1-9])(?:st|nd|rd|th)\b(?:,?[ \t]+(?:19|20)\d\d\b)?", 0.6),
        # "od 23. do 27. 12.", "3.-5. 10.": a range of days in one month
        Pattern("range of days, Czech", r"(?=\d)" + _FREE + _DAY + r"\.[ \t]?(?:do|až|-|–)[ \t]?"
                + _DAY + r"\.[ \t]?" + _MONTH + r"\.?(?![\w]|\.?[ \t]?\d)", 0.6),
        # "from 3/14 to 3/21/2024": the first day of a range whose end has the year
        Pattern("day/month before a dated end", r"(?=\d)" + _FREE + _DM + r"(?=[ \t]*(?:to|-|–|"
                r"until|through|thru)[ \t]*" + _DM + r"/(?:\d{4}|\d\d)\b)", 0.6),
        Pattern("month and day in words", r"\b" + _MONTH_NAME + r"\s+(?:the\s+)?" + _ORD_WORD
                + r"(?:,?[ \t]+(?:(?:19|20)\d\d\b|" + _SPOKEN_YEAR + r"))?", 0.6),
        # "since october twenty twenty two": a month of a year said aloud
        Pattern("month and spoken year", r"\b(?!(?-i:may)\b)" + _MONTH_NAME + r"[ \t]+(?:of[ \t]+)?"
                r"(?=nineteen|twenty|two[ \t]+thousand)" + _SPOKEN_YEAR, 0.55),
        Pattern("weekday and day/month", _WEEKDAY + r"\s+" + _DM + _END, 0.6),
        # "Mon, 09-01", "Tuesday, 14.11", "Thu. 03.23", "Tue 5.7"
        Pattern("weekday and day.month", _WEEKDAY + r"[ \t]+(?:" + _DAY + r"([.-])" + _MONTH + r"|"
                + _MONTH + r"([.-])" + _DAY + r")\.?(?![\w]|[.,:-]\d)" + _NOT_AMOUNT, 0.6),
        # "neděle 25.V.", "středa, 12. I.", "do 8. V."
        Pattern("day and Roman month", r"(?:\b" + _CZ_WEEKDAY + r",?[ \t]+|(?<=\b(?:do|od|dne|ode)"
                r"[ \t]))" + _DAY + r"\.[ \t]?(?:XII|XI|IX|X|VIII|VII|VI|V|IV|III|II|I)\.?(?![\w])",
                0.6),
        Pattern("cue and ordinal", r"(?<=" + _CUE + r"(?:the\s+)?)" + _ORDINAL + _NOT_COUNTED
                + r"(?:[ \t]+of[ \t]+(?:this|next|last)[ \t]+month\b)?", 0.55),
        Pattern("cue and ordinal in words", r"(?<=" + _CUE + r"the\s+)" + _LATE_ORD_WORD
                + _NOT_COUNTED, 0.55),
        # "haven't heard from u since twenty-first", "party is twenty-fifth", "exported
        # twenty-fourth - account": a day past the twelfth in words alone, ending its clause
        # (to the twelfth, "started fifth", "since third" are school years and ranks)
        Pattern("ordinal in words ending a clause", r"(?<=\b(?:since|exported|started|until|till|"
                r"on|by|is|before|after)[ \t]+)" + _DAY_ORD_WORD + _CLAUSE_END, 0.55),
        Pattern("day.month.", _FREE + _DAY + r"\.\s?" + _MONTH + r"\.(?![\w]|\.\w|\s?\d)",
                0.6),
        Pattern("day.month, zero-padded", _FREE + _NOT_TIMED + r"(?:0[1-9]|[12]\d|3[01])\.0[1-9]"
                + r"(?![\w,]|\.\d)" + _NOT_AMOUNT, 0.55),
        Pattern("cue and day.month", r"(?<=" + _DAY_CUE + r")" + _DAY + r"\." + _MONTH
                + r"(?![\w,]|\.\d)" + _NOT_AMOUNT, 0.55),
        Pattern("day/month, day over 12", _FREE + _NOT_RATED + r"(?:1[3-9]|2\d|3[01])/"
                + _MONTH + _END + _NOT_AMOUNT, 0.55),
        Pattern("day/month, zero-padded", _FREE + _NOT_RATED
                + r"(?:0[1-9]/" + _MONTH + r"|" + _DAY + r"/0[1-9])" + _END + _NOT_AMOUNT,
                0.55),
        Pattern("day/month before a time", _FREE + _DAY + r"/" + _MONTH
                + r"(?=,?\s+(?:at\s+)?(?:[01]?\d|2[0-3])[:.][0-5]\d\b)", 0.6),
        Pattern("cue and day/month", r"(?<=(?:" + _CUE + r"|\bfor\s+|\b(?:birthday|bday)[,:]?\s+))"
                + _NOT_LEVEL + _DM + _END
                + _NOT_AMOUNT + _NOT_FRACTION, 0.55),
        Pattern("month/day, day over 12", _FREE + _NOT_RATED + _MONTH + r"/(?:1[3-9]|2\d|3[01])"
                + _END + _NOT_AMOUNT + _NOT_FRACTION, 0.55),
        Pattern("moved to a day and month", r"(?<=" + _MOVED + r")(?:" + _DAY + r"[-/.]" + _MONTH
                + r"|" + _MONTH + r"[-/.]" + _DAY + r")(?![\w-]|[.,/]\d)", 0.6),
        Pattern("cue and day-month", r"(?<=" + _DAY_CUE + r")" + _DAY + r"-" + _MONTH
                + r"(?![\w-]|[.,]\d)" + _NOT_AMOUNT, 0.55),
        # "sessions run 4/9 to 11/12"
        Pattern("range of day/months", r"(?=\d)" + _FREE + _NOT_RATED + _DM
                + r"[ \t]+(?:to|until|till|-|–)[ \t]+" + _DM + _END + _NOT_AMOUNT + _NOT_FRACTION,
                0.55),
        Pattern("day.month or day.month", r"(?=\d)" + _FREE + _NOT_TIMED + _DAY + r"\." + _MONTH
                + r"(?=[ \t]+(?:or|nebo|a|and|-|–)[ \t]+" + _DAY + r"\." + _MONTH
                + r"(?![\w]|[.,]\d))",
                0.55),
        Pattern("day.month after another", r"(?<![\w.,/:£$€-])" + _DAY + r"\." + _MONTH
                + r"(?:[ \t]+(?:or|nebo|a|and|-|–)[ \t]+|\.?[ \t]?[-–][ \t]?)\K" + _DAY + r"\."
                + _MONTH
                + r"\.?(?![\w]|[.,]\d)"
                + _NOT_AMOUNT, 0.55),  # "schůzka je 14.3 nebo 15.3"
        Pattern("range of day/months after a cue", r"(?<=(?:" + _CUE + r"|\bbetween\s+))" + _DM
                + r"[ \t]?[-–][ \t]?" + _DM + _END, 0.6),  # "week of 12/9-15/9"
        Pattern("cue and dotted date", r"(?<=" + _CUE + r")" + _DAY + r"\." + _MONTH
                + r"\.(?:\d{4}|\d\d)(?![\w.]|\.\d)", 0.6),
        Pattern("cue and spaced day. month", r"(?<=" + _DAY_CUE + r")" + _DAY + r"\.[ \t]"
                + _MONTH + r"(?![\w.]|,\d)" + _NOT_AMOUNT, 0.55),  # "on 29. 9, can we"
        Pattern("Czech weekday and day", r"\b" + _CZ_WEEKDAY + r"[ \t]+" + _DAY
                + r"(?=\.(?![ \t]?\d))", 0.6),  # "do čtvrtek 1.", "úterý 26."
        Pattern("Czech weekday and day.month", r"\b" + _CZ_WEEKDAY + r"[ \t]+" + _DAY + r"\.[ \t]?"
                + _MONTH + r"\.?(?![\w]|\.?[ \t]?\d)", 0.6),  # "pondělí 3.4", "v pátek 17. 11."
        Pattern("day/month with its weekday", r"(?=\d)" + _FREE + _DM + r"(?=[ \t]?\((?:"
                + _WEEKDAY_WORD
                + r"|" + _CZ_WEEKDAY + r")\.?\))", 0.6),  # "around 1/4 (Tue)"
        # "So 9. 3. 20:14 Bara: ...": an export's stamp, the day before the time
        Pattern("day.month. before a time", _FREE + _DAY + r"\.[ \t]?" + _MONTH
                + r"\.(?=[ \t]+(?:[01]?\d|2[0-3]):[0-5]\d\b)", 0.6),
        Pattern("dotted date before a time", _FREE + _DAY + r"\." + _MONTH + r"\.\d\d"
                + r"(?=,?[ \t]+(?:[01]?\d|2[0-3]):[0-5]\d\b)", 0.6),  # "4.3.24, 15:14 - "
    ]
    CONTEXT: ClassVar[list[str]] = ["date", "day", "appointment", "born", "birthday", "since"]
    CANDIDATES = (
        regex.compile(r"[0-9](?:st|nd|rd|th)\b", regex.IGNORECASE),
        # ordinal words ("first", "twentieth"), not every word ending in "st" or "nd"
        regex.compile(r"(?:fir|seco|thi|four|fif|six|seven|eigh|nin|ten|eleven|twelf|teen|tie)"
                      r"(?:st|nd|rd|th)\b", regex.IGNORECASE),
        regex.compile(r"[0-9][./-] ?[0-9]"),
        regex.compile(_CZ_WEEKDAY + r",?[ \t]+[0-9]", regex.IGNORECASE),
        regex.compile(r"[0-9]\.[ \t]?[XVI]"),
        regex.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+"
                      r"(?:of[ \t]+)?(?:nineteen|twenty|two[ \t]+thousand)", regex.IGNORECASE),
        regex.compile(r"(?:eve|day|night|ween|giving|den|silvestr)[ \t,]+(?:of[ \t]+)?[0-9]",
                      regex.IGNORECASE),
        regex.compile(r"(?:christmas|xmas|new[ \t]+year|boxing|valentine|bonfire|hallowe|"
                      r"patrick|štědrý|silvestr|vánoc|vanoc)", regex.IGNORECASE),


    )

