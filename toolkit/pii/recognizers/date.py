"""Specific dates and dates of birth in UK, US, ISO and Czech forms."""

from __future__ import annotations

import calendar
import re
from typing import TYPE_CHECKING, ClassVar

import regex
from presidio_analyzer import Pattern, RecognizerResult

from toolkit.pii.lexicon import fold
from toolkit.pii.recognizers._base import ConfidePatternRecognizer
from toolkit.pii.types import EntityType

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts

__all__ = ["CZ_WEEKDAYS", "DOB_SCORE", "MONTH_TYPOS_RE", "CalendarDateRecognizer",
           "WeekdayDateRecognizer", "parse_date",
           "widen_to_weekday"]

#: The score of a date with a birth cue ("born", "DOB", "narozen") just before or after it.
DOB_SCORE = 0.95
_MIN_YEAR, _MAX_YEAR = 1900, 2100
_CUE_BEFORE, _CUE_AFTER = 60, 15  # characters searched for a birth cue

_EN_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_CZ_MONTHS = (
    "ledna února března dubna května června července srpna září října listopadu prosince"
).split()
_MONTHS: dict[str, int] = {}
for _i, (_en, _cz) in enumerate(zip(_EN_MONTHS, _CZ_MONTHS, strict=True), start=1):
    _MONTHS.update({_en: _i, _en[:3]: _i, _cz: _i})
_MONTHS["sept"] = 9
#: Misspellings people really type ("feburary 14", "the 1st of Octobr").
MONTH_TYPOS = {
    "janurary": 1, "januray": 1, "feburary": 2, "febuary": 2, "febrary": 2, "feburay": 2,
    "apirl": 4, "agust": 8, "augst": 8, "septmber": 9, "setpember": 9, "spetember": 9,
    "sepember": 9, "septemeber": 9, "octobr": 10, "ocotber": 10, "octber": 10, "novmber": 11,
    "novemeber": 11, "decmber": 12, "decemeber": 12, "janaury": 1, "janury": 1, "marhc": 3,
    "arpil": 4, "juen": 6, "jully": 7, "auguest": 8, "septemebr": 9, "octobre": 10,
    "novembre": 11, "decembre": 12,
}
_MONTHS.update(MONTH_TYPOS)
MONTH_TYPOS_RE = "|".join(sorted(MONTH_TYPOS, key=len, reverse=True))
#: Czech months in the nominative ("leden 2023", "12. listopad 2023" in informal writing).
_CZ_NOMINATIVE = (
    "leden únor březen duben květen červen červenec srpen září říjen listopad prosinec"
).split()
for _i, _nom in enumerate(_CZ_NOMINATIVE, start=1):
    _MONTHS.setdefault(_nom, _i)
#: ... and in the locative ("v červnu 2022", "v listopadu 2020").
_CZ_LOCATIVE = (
    "lednu únoru březnu dubnu květnu červnu červenci srpnu září říjnu listopadu prosinci"
).split()
for _i, _loc in enumerate(_CZ_LOCATIVE, start=1):
    _MONTHS.setdefault(_loc, _i)

_EN_MONTH = (
    r"(?i:" + MONTH_TYPOS_RE + r"|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\.|\b)"
)
#: Czech months as typed without accents ("3.kvetna"), and Spanish ones ("2 de abril").
_CZ_ASCII = {fold(m): i for i, m in enumerate(_CZ_MONTHS, start=1)}
_ES_MONTHS = {m: i for i, m in enumerate((
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
).split(), start=1)}
for _word, _i in (*_CZ_ASCII.items(), *_ES_MONTHS.items()):
    _MONTHS.setdefault(_word, _i)
_CZ_MONTH = (
    "(?i:" + "|".join(sorted({*_CZ_MONTHS, *_CZ_NOMINATIVE, *_CZ_LOCATIVE, *_CZ_ASCII}, key=len,
                             reverse=True)) + r")\b"
)
#: Czech days of the month said as ordinals: "třetího května", "pětadvacátýho června".
_CZ_ORDINAL_DAY = (
    r"(?:(?:jedna|dva|tři|čtyři|pět|šest|sedm|osm|devět)a(?:dvacát|třicát)|(?:dvacát|třicát)"
    r"(?:ého|ýho)[ \t]+(?:prvn|druh|třet|čtvrt|pát|šest|sedm|osm|devát)|prvn|druh|třet|čtvrt|"
    r"pát|šest|sedm|osm|devát|desát|jedenáct|dvanáct|třináct|čtrnáct|patnáct|šestnáct|"
    r"sedmnáct|osmnáct|devatenáct|dvacát|třicát)(?:ého|ýho|ího|ýho)"
)
_WEEKDAY = r"(?:(?i:mon|tues?|weds|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?i:day)?\.?,? )?"

_MONTH_STEMS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
#: The first three letters of every Czech month, in all its cases.
_CZ_MONTH_STEMS = "led|úno|bře|dub|kvě|čer|srp|zář|říj|lis|pro"
_CANDIDATE_STEMS = _MONTH_STEMS + "|apir|agus|setp|spet|ocot"  # with the misspellings' starts

_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_ORD = r"(?i:st|nd|rd|th)"
_YEAR = r"(?:19|20)\d\d"
_START = r"(?<![\w.,:/-])"
_END = r"(?![\w]|[.,:/-]\d)"
#: "Jan 12 years ago" is a name and a duration, not a date.
#: A time that belongs to the date before it: "2003-08-28 12:13:52", "...T09:00:27Z".
_TIME = r"(?:[ T]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
_NOT_DURATION = (
    r"(?! (?:years?|months?|weeks?|days?|hours?|minutes?|mins?|times?|people|miles?|km|"
    r"kilometres?|steps?|laps?|kg|pounds?|points?)\b)"
)
#: "9. dubna 20 lidí": a count after the month, not a year.
_NOT_COUNTED_CZ = (r"(?! (?:lidí|let|roků|hodin|minut|dní|dnů|týdnů|měsíců|korun|kč|km|kg|"
                   r"krát|procent)\b)")
_DOB_CUE = re.compile(
    r"\b(?:born|birth|dob|d\.o\.b|birthday|bday|birthdate|narozen[aáý]?|narození|nar\.)",
    re.IGNORECASE,
)
_ROMAN = "I II III IV V VI VII VIII IX X XI XII".split()
_ROMAN_RE = "|".join(sorted(_ROMAN, key=len, reverse=True))
_ROMAN_MONTH = re.compile(r"(?:[./-]\s?|\s)(" + _ROMAN_RE + r")\b")
_WORD = re.compile(r"[^\W\d_]+")
_TRAILING_TIME = re.compile(r"[ T]\d\d:\d\d.*$")
_NUMBER = re.compile(r"\d+")
#: Czech weekdays with and without accents, in the nominative, accusative, genitive and
#: locative ("od pátku 8.3."); no alternative is the start of another, so order is free.
CZ_WEEKDAYS = (
    r"pondělí|pondeli|úterý|utery|středa|streda|středu|stredu|"
    r"čtvrtek|ctvrtek|pátek|patek|sobota|sobotu|neděle|nedele|neděli|nedeli|"
    r"pondělka|pondelka|úterka|uterka|středy|stredy|čtvrtka|ctvrtka|pátku|patku|soboty"
)
_WEEKDAY_NAMES = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?|" + CZ_WEEKDAYS
)
#: Czech weekdays' two-letter abbreviations, capitalised or with an accent ("po 3. dubnu" is
#: "after", "so" and "ne" are words).
_CZ_WEEKDAY_ABBR = r"(?:Po|Út|Ut|St|Čt|Pá|So|Ne|PO|ÚT|UT|ST|ČT|PÁ|SO|NE|út|čt|pá)"
#: The weekday written before a date belongs to it: "Tue 25/01/2022", "neděle 17. 11.".
_WEEKDAY_BEFORE = regex.compile(r"(?<!\w)(?:(?i:" + _WEEKDAY_NAMES + r")|" + _CZ_WEEKDAY_ABBR
                                + r")\.?,?[ \t]{1,2}$")
#: ... and after it, in brackets or after a comma or a dash: "Jan 17 2025 (Fri)",
#: "16 Oct 2024, Wed", "August 13, 2022 - Saturday", "11/6/2022 Sun" (an abbreviation only
#: when capitalised: "3 March sun" is the sun).
_WEEKDAY_AFTER = regex.compile(
    r"[ \t]?\((?:(?i:" + _WEEKDAY_NAMES + r")|" + _CZ_WEEKDAY_ABBR + r")\.?\)"
    r"|(?:,[ \t]?|[ \t][-–][ \t]|[ \t])(?:(?i:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|pondělí|úterý|středa|čtvrtek|pátek|sobota|neděle)|(?:Mon|Tues?|Wed|"
    r"Thu(?:rs?)?|Fri|Sat|Sun))\b(?![\w'’-]|\.?[ \t]?\d)"
)


def parse_date(text: str) -> list[tuple[int, int, int | None]]:
    """Every (day, month, year-or-None) reading of a matched date that is a real calendar day.

    Numeric dates may read day-first or month-first ("03/12/1985"), so both are tried; an
    empty list means the text names no real date (31 April, 29 February 1985, month 13).
    """
    text = _TRAILING_TIME.sub("", text)  # "2003-08-28 12:13:52" is the day 2003-08-28
    if re.fullmatch(r"\d{8}", text):  # "03031985" (day, month, year), "20240515" (ISO)
        readings = [(int(text[:2]), int(text[2:4]), int(text[4:])),
                    (int(text[2:4]), int(text[:2]), int(text[4:])),  # "02181966": US order
                    (int(text[6:]), int(text[4:6]), int(text[:4]))]
        return [r for r in readings if _is_real(*r)]
    if re.fullmatch(r"\d{6}", text):  # "170392": day, month, year
        text = f"{text[:2]}.{text[2:4]}.{text[4:]}"
    if re.search(r"[^\W\d_]{3}", text):  # "12-15 September": a range, read as its last day
        text = re.sub(r"^\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|to|and|&)\s*(?=\d)", "", text)
    roman = _ROMAN_MONTH.search(text)
    if roman is not None:  # "14. III. 2024": the Czech formal style
        numbers = _NUMBER.findall(text)
        year = _full_year(numbers[1]) if len(numbers) > 1 else None
        reading = (int(numbers[0]), _ROMAN.index(roman.group(1)) + 1, year)
        return [reading] if _is_real(*reading) else []
    month_word = next((w for w in _WORD.findall(text.lower()) if w in _MONTHS), None)
    numbers = _NUMBER.findall(text)
    if month_word is not None:
        year = next((int(n) for n in numbers if len(n) == 4), None)
        if not numbers or len(numbers[0]) == 4:  # "třetího května": the day is said in words
            return [(1, _MONTHS[month_word], year)]
        readings = [(int(numbers[0]), _MONTHS[month_word], year)]
    elif len(numbers) == 3 and len(numbers[0]) == 4:
        readings = [(int(numbers[2]), int(numbers[1]), int(numbers[0]))]
    elif len(numbers) == 3:
        a, b, y = int(numbers[0]), int(numbers[1]), int(numbers[2])
        year = y if len(numbers[2]) == 4 else (2000 + y if y < 50 else 1900 + y)
        readings = [(a, b, year), (b, a, year)]
    else:
        return []
    return [r for r in readings if _is_real(*r)]


def _full_year(digits: str) -> int:
    """"2024" -> 2024, "24" -> 2024, "98" -> 1998."""
    year = int(digits)
    if len(digits) == 4:
        return year
    return 2000 + year if year < 50 else 1900 + year


def widen_to_weekday(text: str, result: RecognizerResult) -> None:
    """Grow a date result over the weekday written next to it, which names the same day."""
    before = text[max(0, result.start - 14) : result.start]
    m = _WEEKDAY_BEFORE.search(before)
    if m is not None:
        result.start -= len(before) - m.start()
    m = _WEEKDAY_AFTER.match(text, result.end)
    if m is not None:
        result.end = m.end()


def _is_real(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or (year is not None and not _MIN_YEAR <= year <= _MAX_YEAR):
        return False
    last = calendar.monthrange(year if year is not None else 2000, month)[1]  # 2000: leap
    return 1 <= day <= last


class WeekdayDateRecognizer(ConfidePatternRecognizer):
    """Base of the date recognizers: every date found takes in the weekday written beside it
    (:func:`widen_to_weekday`), then :meth:`adjust` may change it further."""

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for result in results:
            widen_to_weekday(text, result)
            self.adjust(text, result)
        return results

    def adjust(self, text: str, result: RecognizerResult) -> None:
        """Change one result in place; nothing by default."""


class CalendarDateRecognizer(WeekdayDateRecognizer):
    """A specific day: "12/03/1985", "12.3.1985", "12. 3. 1985", "3rd March 1985", "3 March",
    "March 3, 1985", "March 3rd", "1985-03-12", "14th of February", "12. března 1985".

    Not matched: times and timestamps (00:12:45, [10:31]), durations, bare weekdays or years,
    relative dates, ratings ("7/10") and version numbers ("3.8.0"). Every match must be a real
    calendar day. A birth cue ("born", "date of birth", "DOB", "birthday", "narozen") within
    the 60 characters before (or 15 after) lifts the score to ``DOB_SCORE``.
    """

    ENTITY = EntityType.DATE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "numeric date (day/month/year)",
            _START + r"(?:\d{1,2}([/-])\d{1,2}\1(?:\d{4}|\d\d|['’]\d\d)|\d{1,2} / \d{1,2} / "
            r"(?:\d{4}|\d\d)|\d{1,2} \. \d{1,2} \. " + _YEAR + r"|\d{1,2}\. ?\d{1,2}\. ?(?:" + _YEAR
            + r"(?:r\.?)?|['’]\d\d)|\d{1,2} \.\d{1,2}\. " + _YEAR
            + r"|\d{1,2}\.(?: \d{1,2}\. ?|\d{1,2}\. )\d\d"
            + r"|\d{1,2}/\d{1,2} " + _YEAR + r")" + _END
            + _NOT_DURATION,  # not "10-12-15 minutes"; "8-15-'22", "26. 1. 23" are dates
            0.6,
        ),
        Pattern("ISO date", _START + _YEAR + r"(?:([-/])\d\d?\1\d\d?|\.\d\d\.\d\d)" + _TIME
                + r"(?:(?=T\d)|" + _END + r")", 0.6),
        Pattern(
            "day month",
            r"(?:\b" + _WEEKDAY + r")?" + _START + _DAY + r"(?:" + _ORD + r"|\.)?"
            r"(?:[ \t]+of)?[ \t]+"
            + _EN_MONTH
            + r"(?:,?[ \t]+" + _YEAR + r"|,?[ \t]?['’]\d\d|[ \t]\d\d(?=[ \t]*(?:[.,;!?)]|$)))?"
            + _END,
            0.6,
        ),
        Pattern(
            "month day",
            r"\b" + _WEEKDAY + _EN_MONTH + r" (?:the " + _DAY + _ORD + r"|" + _DAY + _ORD + r"?)"
            + r"(?:[ \t]?[-–][ \t]?" + _DAY + r"(?![\d:]))?"  # "Feb 12–16"
            + r"(?:,? " + _YEAR + r"|,? ['’]\d\d| of " + _YEAR  # "dec 31 21" in a chat
            + r"|(?<=\b(?-i:[a-z]{3,9}) \d{1,2}) (?:1[5-9]|2\d)(?=[ \t]*(?:[.,;!?)]|$)))?" + _END
            + _NOT_DURATION,
            0.6,
        ),
        Pattern(
            "day-Mon-year",
            _START + _DAY + _ORD + r"?[-/ ]?" + _EN_MONTH.replace(r"(?:\.|\b)", "")
            + r"[-/ ]?(?:\d{4}|\d\d)" + _END + _NOT_DURATION,
            0.6,
        ),
        Pattern(
            # the month of a year names part of a date (HIPAA's Safe Harbor keeps the year
            # alone): "in sept 2021", "died Feb 2019", "May of '23", "v červnu 2022"
            "month and year",  # not the end of an unreal day ("29 February 2023")
            r"(?<!\d(?i:st|nd|rd|th)?\.?(?:[ \t]+of)?[ \t]*)\b(?:" + _EN_MONTH
            + r"(?:[ \t]+of)?|" + _CZ_MONTH + r"(?:[ \t]+r\.)?)"
            r"[ \t]+(?:" + _YEAR + r"|['’]\d\d)(?![\w'’]|[.,:/-]\d)" + _NOT_DURATION,
            0.6,
        ),
        Pattern(
            "Mon-day-year",  # "MAR-17-2024", "Sep/20/22"
            r"\b" + _EN_MONTH.replace(r"(?:\.|\b)", "") + r"([-/])" + _DAY + r"\1(?:" + _YEAR
            + r"|\d\d)" + _END,
            0.6,
        ),
        Pattern("Roman month between slashes",  # "20/VII/2025", "4-XI-22"
                _START + _DAY + r"([/-])(?:" + _ROMAN_RE + r")\1(?:" + _YEAR + r"|\d\d)" + _END,
                0.6),
        Pattern("dotted date, short year",  # not "at 10.30.15" (a time)
                r"(?<!(?i:v|ver|version|release|build)[ .]?)"
                r"(?<!\b(?i:at|around|about|starts|started)[ \t])"
                r"(?<!\b(?!(?:On|Since|From|Until|Till|Before|After|By|Dne|Od|Do)\b)"
                r"(?-i:\p{Lu})\p{L}+[ \t])" + _START
                + r"\d{1,2}\.\d{1,2}\.\d\d" + _END, 0.55),
        Pattern("day, Roman month and year, spaced",  # "8 IV 2024"; "I", "V", "X" after a cue
                r"(?<!\b(?i:score|scored|scores|track|chapter|kapitola|verze|version|level|"
                r"part|část|bod|page|strana)[ \t]{1,3})" + _START + _DAY
                + r"[ \t](?:XII|XI|IX|VIII|VII|VI|IV|III|II"
                r"|(?<=\b(?i:dne|od|do|ode|born|narozen[aáý]?|nar\.|datum:?|date:?|dob:?)[ \t]"
                r"\d{1,2}[ \t])(?:I|V|X))[ \t]" + _YEAR + _END, 0.6),
        Pattern("month and day glued",  # "on the sep26", "since mar31" (never "may5")
                r"(?<=\b(?i:on|on[ \t]+the|since|is|until|till|by|before|after)[ \t])"
                r"(?:[jJ]an|[fF]eb|[mM]ar|[aA]pr|[jJ]un|[jJ]ul|[aA]ug|[sS]ept?|[oO]ct|"
                r"[nN]ov|[dD]ec)" + _DAY + r"(?![\w]|[.,:/-]\d)", 0.55),
        Pattern("day and Roman month",  # "4. I." alone is a numbered point, not a date
                _START + _DAY + r"\. ?(?:(?:" + _ROMAN_RE + r")(?:\. ?(?:" + _YEAR + r"|\d\d)|"
                + r" " + _YEAR + r")"  # "12. VI 1981"
                + r"|(?:XII|XI|IX|VIII|VII|VI|IV|III|II)\.|(?<=\d\.)(?:X|V|I)\.)" + _END
                + r"(?<!(?i:bod|bodu|paragraf|odst|section|sec|§|kapitola|článek|chapter|part|"
                r"point|item)\.?[ \t]\d{1,2}\.[XVI]\.)",
                0.6),  # "14.I." and "07.X." glued; "4. I." with a space is a numbered point
        Pattern("Czech day in words", r"(?i:\b" + _CZ_ORDINAL_DAY + r")[ \t]+" + _CZ_MONTH
                + r"(?:[ \t]+" + _YEAR + r")?", 0.6),  # "devatenáctého června"
        Pattern("Spanish date", r"(?=\d)" + _START + _DAY + r"[ \t]+de[ \t]+(?i:"  # "16 de marzo"
                + "|".join(_ES_MONTHS) + r")\b(?:[ \t]+(?:de[ \t]+|del[ \t]+)?" + _YEAR + r")?",
                0.6),
        Pattern("Czech date", _START + _DAY + r"(?:\. ?| )" + _CZ_MONTH + r"(?:,?(?: r\.| roku)? "
                + _YEAR + r"(?![ \t]+(?i:kč|korun|lidí|let|km|kg)\b)"
                + r"| ['’]\d\d\b| \d\d(?![\w:]|[.,]\d)" + _NOT_DURATION + _NOT_COUNTED_CZ
                + r")?", 0.6),
        Pattern("day month year, spaced digits",  # "DOB 28 12 1978", "12 17 2001"
                r"(?=\d)(?<!\d[ \t]|\d)" + _START + r"\d{1,2} \d{1,2} " + _YEAR + r"(?![ \t]?\d)"
                + _END,
                0.6),
        Pattern("day and month glued",  # "its my birthday on 11may", "on 19jul"
                r"(?=\d)" + _START + _DAY + _ORD + r"?(?:/(?=[^\W\d_]{3}))?" + _EN_MONTH, 0.6),
        Pattern(
            "range of days in a month",  # "12-15 September", "between 12th and 15th Sept"
            _START + _DAY + _ORD + r"?[ \t]*(?:-|–|to|and|&|or)[ \t]*" + _DAY + _ORD
            + r"?(?: of)? " + _EN_MONTH + r"(?:,? " + _YEAR + r")?" + _END,
            0.6,
        ),
        Pattern(  # "on 20240515": year, month and day run together (not "ref 20240515")
            "compact ISO date",
            r"(?<!(?i:ref|reference|case|ticket|no|number|id|order|invoice|account|acct|claim|"
            r"policy|mrn|code|pin|tel|phone|mob|mobile|fax|version|ver|v|build|release|batch|lot|"
            r"serial|sku|#)\.?:?(?:[ \t]+(?i:is|was|no\.?|number|nr\.?))?[ \t#]{0,2})"
            r"(?<![\w+#/.,:-])"
            r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![\w/]|[.,:-]\d)",
            0.6,
        ),
        Pattern(
            "date of birth without separators",  # "DOB 03031985", "date of birth: 02181966"
            r"(?<=\b(?i:dob|d\.o\.b\.?|born|birth|birthday|narozen[aáý]?|nar\.)"
            r"\b[^\n\d]{0,40}?)(?<![\w/+-])(?:\d{4}(?:19|20)\d\d|\d{6})(?![\w/]|[.,]\d)",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "born", "birth", "dob", "birthday", "birthdate", "narozen", "narozena", "narození",
    ]  # fmt: skip
    CANDIDATES = (
        regex.compile(r"[0-9][/.-] ?[0-9]|[0-9]\. ?[^\W\d_]|[0-9] [/.] [0-9]"),  # 12/03, 12. března
        regex.compile(r"[0-9](?:st|nd|rd|th|\.)?(?:[ \t]+of)?[ \t/-]*(?i:" + _CANDIDATE_STEMS
                      + ")"),
        regex.compile(r"[0-9][/-][IVX]|[0-9][ \t][IVX]+[ \t][12]"),  # 20/VII/2025, 8 IV 2024
        regex.compile(r"(?i:" + _MONTH_STEMS + r")t?[0-9]"),  # sep26
        regex.compile(r"(?i:" + _CANDIDATE_STEMS + "|" + _CZ_MONTH_STEMS + r")"
                      r"[^\W\d_]{0,7}\.?[ \t]+(?:of[ \t]+|r\.[ \t]+)?(?:19|20|['’][0-9])"),
        regex.compile(r"(?i:dob|born|birth|narozen|nar\.)"),
        regex.compile(r"[0-9]\.? ?(?i:" + _CZ_MONTH_STEMS + r"|uno|bre|kve|cer"
                      r"|zar|rij)"),  # 28 srpna, 3.kvetna
        regex.compile(r"(?i:ého|ýho|ího) (?:" + _CZ_MONTH_STEMS + ")"),
        regex.compile(r"[0-9] de [a-z]"),
        regex.compile(r"(?<![0-9])(?:19|20)[0-9][0-9][01][0-9][0-3][0-9](?![0-9])"),
        # March 3, March the 3rd
        regex.compile(r"[0-9](?<=(?i:" + _CANDIDATE_STEMS + r")[a-z]{0,6}\.?[ /-](?:the )?[0-9])"),
    )

    def invalidate_result(self, pattern_text: str) -> bool:
        if not parse_date(pattern_text):
            return True
        dotted = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d\d)", pattern_text)
        if dotted is not None:
            day, month, year = dotted.groups()
            if int(month) > 12 and int(day) > 12:
                return True  # "13.30.15" is a time; "03.30.19" is a US date
            if len(day) == 1 and len(month) == 1 and int(year) < 15:
                return True  # "1.2.10" is a version; "9.9.99", "25.7.22", "3.9.24" are dates
        # "you may 5": a lower-case verb, not a month, unless a year or ordinal makes it a
        # date ("march 14" in lower-case chat is a date).
        first = pattern_text.split(maxsplit=1)[0]
        return first == "may" and re.search(r"\d{4}|\d(?:st|nd|rd|th)", pattern_text) is None

    def adjust(self, text: str, result: RecognizerResult) -> None:
        self._lift_if_birth_date(text, result)

    @staticmethod
    def _lift_if_birth_date(text: str, result: RecognizerResult) -> None:
        # The cue may sit on the line before: "What's your date of birth?\nCLIENT: 3 March".
        before = text[max(0, result.start - _CUE_BEFORE) : result.start]
        cue = _DOB_CUE.search(before + " " + text[result.end : result.end + _CUE_AFTER])
        if cue is None or result.score >= DOB_SCORE:
            return
        result.score = DOB_SCORE
        meta = result.recognition_metadata
        meta[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
        if result.analysis_explanation is not None:
            result.analysis_explanation.set_supportive_context_word(cue.group().lower())
            result.analysis_explanation.set_improved_score(DOB_SCORE)
