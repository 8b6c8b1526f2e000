"""Phone recognizers (UK, Czech, US): valid numbers in common spellings, and the short public
lines, timestamps and scores that must never be taken for a person's number."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from toolkit.pii.recognizers import (
    CzPhoneRecognizer,
    IntlPhoneRecognizer,
    UkPhoneRecognizer,
    UsPhoneRecognizer,
)


def matched(recognizer: EntityRecognizer, text: str) -> list[str]:
    results = recognizer.analyze(text, entities=recognizer.supported_entities, nlp_artifacts=None)
    return [text[r.start : r.end] for r in sorted(results, key=lambda r: r.start)]


def scores(recognizer: EntityRecognizer, text: str) -> list[float]:
    results = recognizer.analyze(text, entities=recognizer.supported_entities, nlp_artifacts=None)
    return [r.score for r in results]


# -- UK -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "07700 900123",  # Ofcom drama range, as Faker writes it
        "07700 900 123",
        "07700900123",
        "(07700) 900 123",
        "(07700)900123",
        "+447700 900 123",
        "+447700900123",
        "+44(0)7700 900123",
        "+44 (0) 7700 900 123",
        "0044 7700 900123",
        "07911 123456",  # mobile, valid range
        "+44 7911 123456",
        "020 7946 0958",  # London drama range
        "(020) 7946 0958",
        "020-7946-0958",
        "+44 20 7946 0958",
        "0113 496 0123",  # Leeds drama range
        "(0113) 496 0123",
        "(0113)4960123",
        "01632 960001",  # Ofcom drama range, not "valid" to phonenumbers
        "0161 496 0000",
        "0300 123 4567",  # non-geographic 03
        "0808 157 0123",  # freephone 08
        "0845 123 4567",
    ],
)
def test_when_uk_number_is_written_any_common_way_then_reported(number: str) -> None:
    text = f"you can reach me on {number}, thanks"
    assert matched(UkPhoneRecognizer(), text) == [number]


@pytest.mark.parametrize(
    "number, score",
    [
        ("07911 123456", 1.0),  # valid
        ("07700 900123", 1.0),  # drama range counts as valid
        ("+447700 921 916", 0.5),  # a possible UK length, unknown range: the pattern's score
    ],
)
def test_when_uk_number_is_checked_with_phonenumbers_then_score_says_how_sure(
    number: str, score: float
) -> None:
    assert scores(UkPhoneRecognizer(), f"call {number}") == [score]


@pytest.mark.parametrize(
    "text",
    [
        "07911 12345",  # too short
        "07911 1234567",  # too long
        "+44 7911 1234567",
        "0800 1111",  # Childline: a public line, eight digits
        "0770090012345",  # part of a longer digit run
        "ref 0161-496-0000-12",
    ],
)
def test_when_uk_number_has_wrong_length_then_not_reported(text: str) -> None:
    assert matched(UkPhoneRecognizer(), text) == []


# -- Czech --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("volejte +420 601 123 456", "+420 601 123 456"),
        ("volejte 00420 601 123 456", "00420 601 123 456"),
        ("+420601123456", "+420601123456"),
        ("+420 222 333 444", "+420 222 333 444"),  # Prague landline
        ("tel: 601 123 456", "601 123 456"),
        ("Tel. 222 333 444", "222 333 444"),
        ("telefon 731 222 333", "731 222 333"),
        ("mobil: 777 123 456", "777 123 456"),
        ("moje číslo je 601 123 456", "601 123 456"),
        ("my Czech phone is 601 123 456", "601 123 456"),
        ("call me on 601-123-456", "601-123-456"),
        ("text me at 601123456", "601123456"),
        ("Direct line 575 271 915", "575 271 915"),
        ("I rang the crisis team from 465 544 168 and", "465 544 168"),
        ("jana@poradna.cz | 510 187 522", "510 187 522"),  # a signature's contact line
        ("[20.12.23 23:35:47] 602350907: Hi everyone", "602350907"),  # a chat export's sender
    ],
)
def test_when_czech_number_has_prefix_or_cue_then_reported(text: str, expected: str) -> None:
    assert matched(CzPhoneRecognizer(), text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "601123456",  # national number with no cue and no grouping: too common to report
        "the reference is 222 333 444",  # a landline shape with no cue
        "the reference is 609 123 456",  # grouped like a mobile, but 609 is no mobile range
        "+420 123 456 789",  # no Czech number starts with 1
        "+420 601 123 45",  # eight digits
        "tel: 601 123 4567",  # ten digits
        "tel: 901 123 456",  # national numbers in context start with 2-7
    ],
)
def test_when_czech_number_is_invalid_or_has_no_cue_then_not_reported(text: str) -> None:
    assert matched(CzPhoneRecognizer(), text) == []


# -- US -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "(555) 123-4567",
        "(555)123-4567",
        "555-123-4567",
        "555.123.4567",
        "555 123 4567",
        "+1 555 123 4567",
        "+1-984-182-0190",
        "001-984-182-0190",
        "212-555-0123",
        "345-899-3560x4587",  # with an extension
        "345-899-3560 ext. 12",
    ],
)
def test_when_us_number_is_formatted_then_reported(number: str) -> None:
    assert matched(UsPhoneRecognizer(), f"call {number} today") == [number]


@pytest.mark.parametrize(
    "text, score",
    [("call (555) 123-4567", 0.6), ("call 5551234567", 0.3)],
)
def test_when_us_number_is_bare_digits_then_score_is_lower(text: str, score: float) -> None:
    assert scores(UsPhoneRecognizer(), text) == [score]


@pytest.mark.parametrize(
    "text",
    [
        "(055) 123-4567",  # area codes start with 2-9
        "155-123-4567",
        "555-123-456",
        "555-123-45678",
        "555-123.4567",  # mixed separators
        "order 55512345678",
    ],
)
def test_when_us_number_is_malformed_then_not_reported(text: str) -> None:
    assert matched(UsPhoneRecognizer(), text) == []


# -- other international prefixes ----------------------------------------------------------


@pytest.mark.parametrize(
    "number, score",
    [
        ("+46 (0)8 928 571 38", 1.0),
        ("+33 1 23 45 67 89", 1.0),
        ("0049 30 1234567", 1.0),
        ("+49 30 12345678", 1.0),
        ("+421 902 123 456", 1.0),  # Slovakia, not Czechia
    ],
)
def test_when_number_has_another_country_prefix_then_reported(number: str, score: float) -> None:
    text = f"my cousin's number is {number}."
    assert matched(IntlPhoneRecognizer(), text) == [number]
    assert scores(IntlPhoneRecognizer(), text) == [score]


@pytest.mark.parametrize(
    "text",
    [
        "+44 20 7946 0958",  # the UK recognizer's
        "+1 555 123 4567",  # the US recognizer's
        "+420 601 123 456",  # the Czech recognizer's
        "+49 123",  # too short
        "+33 1 23 45 67 89 01 23 45",  # too long
        "+999 123 456 789",  # no such country
    ],
)
def test_when_prefix_is_covered_elsewhere_or_number_impossible_then_not_reported(
    text: str,
) -> None:
    assert matched(IntlPhoneRecognizer(), text) == []


# -- what is never a phone number ---------------------------------------------------------

PHONES = (UkPhoneRecognizer(), CzPhoneRecognizer(), UsPhoneRecognizer(), IntlPhoneRecognizer())


@pytest.mark.parametrize(
    "text",
    [
        "You can call Samaritans on 116 123, any time.",
        "Samaritans: 116123",
        "In an emergency dial 999.",
        "NHS 111 can help out of hours.",
        "112 works anywhere in Europe; 155 is the Czech ambulance.",
        "Call 911.",
        "[00:12:45] THERAPIST: welcome back",
        "00:01:02.500 --> 00:01:05.000",
        "at 10:31 and again at 14:02:59",
        "my PHQ-9 score of 14 went down to 9",
        "GAD-7: 12, in 2019, then 2020-2021",
        "version 3.8.0, build 20240115",
        "I slept 4 hours, maybe 5",
        "it's 7/10 today",
        "Childline is 0800 1111.",
    ],
)
def test_when_text_has_crisis_lines_timestamps_or_scores_then_no_phone_reported(
    text: str,
) -> None:
    assert [m for r in PHONES for m in matched(r, text)] == []


@pytest.mark.parametrize("text, expected", [
    ("601 123 456", "601 123 456"),  # grouped 3-3-3 in a mobile range: a mobile, cue or not
    ("Is 773 986 718 okay for a text?", "773 986 718"),
])
def test_when_czech_mobile_is_grouped_or_cued_after_then_reported(text: str,
                                                                  expected: str) -> None:
    assert matched(CzPhoneRecognizer(), text) == [expected]


def test_when_second_czech_number_follows_another_then_both_reported() -> None:
    text = "Contact numbers are +420 790 481 827 and 552 487 305; leave a message."
    assert matched(CzPhoneRecognizer(), text) == ["+420 790 481 827", "552 487 305"]
