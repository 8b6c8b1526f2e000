"""Date recognizer: specific days in UK, US, ISO and Czech forms, dates of birth scored higher,
and the times, durations, weekdays, ratings and versions that are not dates."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from toolkit.pii.recognizers import CalendarDateRecognizer
from toolkit.pii.recognizers.date import DOB_SCORE, parse_date


def results(text: str) -> list[RecognizerResult]:
    found = CalendarDateRecognizer().analyze(text, entities=["DATE"], nlp_artifacts=None)
    return sorted(found, key=lambda r: r.start)


def matched(text: str) -> list[str]:
    return [text[r.start : r.end] for r in results(text)]


@pytest.mark.parametrize(
    "date",
    [
        "12/03/1985",
        "3/12/85",
        "12-03-1985",
        "12.3.1985",
        "12. 3. 1985",
        "3rd March 1985",
        "3 March",
        "3 Mar 1985",
        "March 3, 1985",
        "March 3rd",
        "Sept. 14",
        "1985-03-12",
        "1985/03/12",
        "14th of February",
        "12. března 1985",
        "1. ledna",
        "29 February 2024",
        "12/13/1985",  # month-first reading
        "may 5th",  # lower case with an ordinal is a date
        "14.III.1987",  # Czech formal style, Roman month
        "2. XI. 2024",
        "14. III.",
        "Feb the 14th, 2022",  # month, "the", ordinal
        "January the 13th",
        "8-15-'22",  # US month-day with a clipped year
        "Nov 15 '24",
        "May. 18th, '98",
        "26. 1. 23",  # Czech spaced date with a two-digit year
        "2025.06.01",  # year first, dotted
        "10.IV.25",  # Roman month, two-digit year
        "20. XII. 23",
    ],
)
def test_when_specific_date_is_written_then_reported(date: str) -> None:
    assert matched(f"It happened on {date}, I think.") == [date]


def test_when_iso_timestamp_is_written_then_date_and_time_are_reported() -> None:
    assert matched("logged 2025-03-01T10:00:00Z") == ["2025-03-01T10:00:00Z"]
    assert matched("Date: 2003-08-28 12:13:52\n") == ["2003-08-28 12:13:52"]


@pytest.mark.parametrize(
    "text",
    [
        "31/04/1985",  # 31 April
        "29 February 2023",  # not a leap year
        "30 February",
        "13/13/1985",
        "00/01/1985",
        "12/03/1850",  # outside 1900-2100
        "32 March",
        "February 30th",
    ],
)
def test_when_date_is_not_a_real_calendar_day_then_not_reported(text: str) -> None:
    assert matched(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "[00:12:45] THERAPIST: welcome back",
        "00:01:02.500 --> 00:01:05.000",
        "[10:31] CLIENT: hi",
        "it took two weeks",
        "for 3 years now",
        "I met Jan 12 years ago",
        "on Monday",
        "last week",
        "yesterday",
        "PHQ-9 of 14",
        "I'd say 7/10",
        "version 3.8.0",
        "1.2.10",
        "192.168.1.10",
        "in 2019",
        "score 14/20/30",
        "you may 5 times",
        "we march 3 miles",
        "I sleep 10-12-15 hours, it varies",
        "section 4. I. was clear",  # a numbered point
        "30. II. 2024",  # no such day
        "section 4. VI was clear",  # a numbered point, no year
    ],
)
def test_when_text_is_a_time_duration_weekday_rating_or_version_then_not_reported(
    text: str,
) -> None:
    assert matched(text) == []


@pytest.mark.parametrize(
    "text, date",
    [
        ("I was born on 3rd March 1985.", "3rd March 1985"),
        ("DOB: 12/03/1985", "12/03/1985"),
        ("Date of birth 1985-03-12", "1985-03-12"),
        ("her birthday is 14th of February", "14th of February"),
        ("narozena 12. března 1985", "12. března 1985"),
        ("THERAPIST: And your date of birth?\nCLIENT: 3 March 1990", "3 March 1990"),
        ("12/03/1985 (DOB)", "12/03/1985"),
    ],
)
def test_when_date_has_a_birth_cue_then_scored_higher(text: str, date: str) -> None:
    found = results(text)
    assert [text[r.start : r.end] for r in found] == [date]
    assert found[0].score == DOB_SCORE
    plain = results(f"We met on {date}.")
    assert plain[0].score < DOB_SCORE


def test_when_date_is_lifted_by_a_birth_cue_then_the_explanation_names_the_cue() -> None:
    (result,) = results("born 3 March 1985")
    assert result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY]
    assert result.analysis_explanation.supportive_context_word == "born"


@pytest.mark.parametrize(
    "text, readings",
    [
        ("03/12/1985", [(3, 12, 1985), (12, 3, 1985)]),
        ("13/12/1985", [(13, 12, 1985)]),
        ("3rd March", [(3, 3, None)]),
        ("1985-03-12", [(12, 3, 1985)]),
        ("12/03/85", [(12, 3, 1985), (3, 12, 1985)]),
        ("31/04/1985", []),
    ],
)
def test_when_date_is_parsed_then_every_real_reading_is_returned(
    text: str, readings: list[tuple[int, int, int | None]]
) -> None:
    assert parse_date(text) == readings


@pytest.mark.parametrize(
    "text, date",
    [
        ("opened Tue 25/01/2022 from home", "Tue 25/01/2022"),
        ("was there on neděle 31. března, then", "neděle 31. března"),
        ("born on pondělí, 6. února, early", "pondělí, 6. února"),
        ("Dictated Thursday 5/12/2022, typed", "Thursday 5/12/2022"),
        ("export -- Jan 17 2025 (Fri)\n", "Jan 17 2025 (Fri)"),
        ("video, neděle 24.04.2022, paní", "neděle 24.04.2022"),
        ("export · 16 Oct 2024, Wed · device", "16 Oct 2024, Wed"),
        ("interview August 13, 2022 - Saturday – with", "August 13, 2022 - Saturday"),
        ("export · 11/6/2022 Sun · device", "11/6/2022 Sun"),
        ("we met 3 March, Tuesday I think", "3 March, Tuesday"),
    ],
)
def test_when_weekday_is_written_beside_a_date_then_it_is_part_of_it(text: str, date: str) -> None:
    assert matched(text) == [date]


def test_when_weekday_stands_alone_then_not_reported() -> None:
    assert matched("See you Tuesday, or on Sunday (Fri is busy).") == []


@pytest.mark.parametrize(
    "text, date",
    [
        ("on 3 March sun was out", "3 March"),  # lower-case "sun" is the sun
        ("on 3 March Sunday's paper", "3 March"),
        ("on 3 March Sat 4 was free", "3 March"),
    ],
)
def test_when_word_after_a_date_is_not_its_weekday_then_left_out(text: str, date: str) -> None:
    assert matched(text) == [date]


@pytest.mark.parametrize(
    "text, date",
    [
        ("seen on 2024/3/3 at the clinic", "2024/3/3"),
        ("arrived 12SEP2023 late", "12SEP2023"),
        ("DOB 03031985, female", "03031985"),
        ("away 12-15 September, back after", "12-15 September"),
        ("between 12th and 15th Sept, I think", "12th and 15th Sept"),
        ("died on 03.30.19, and", "03.30.19"),  # US dotted, month first
        ("date of birth as 20.7. 98. Is", "20.7. 98"),
        ("nar. 9.1. 73, RČ", "9.1. 73"),
        ("date of birth as 12. VI 1981. Is", "12. VI 1981"),
        ("Eugen died on 9. dubna 20, and", "9. dubna 20"),
        ("see you on 27. září 23.", "27. září 23"),
    ],
)
def test_when_date_has_short_iso_parts_no_separators_or_a_range_then_reported(
        text: str, date: str) -> None:
    assert matched(text) == [date]


@pytest.mark.parametrize("text", ["version 2024.1.1", "I scored 12-15 points", "DOB unknown 1234",
                                  "it ran 13.30.15 on the clock"])
def test_when_numbers_are_a_version_a_score_range_or_no_date_then_not_reported(
        text: str) -> None:
    assert matched(text) == []


def test_when_czech_month_is_followed_by_a_count_then_the_count_is_not_a_year() -> None:
    assert matched("on 9. dubna 20 lidí came") == ["9. dubna"]
    assert matched("by 3 March 20 people came") == ["3 March"]
