"""Informal dates: days named without a month or a year, or in words, as chat and speech
have them, and the counted things ("the fourth floor") that are not dates."""

from __future__ import annotations

import pytest

from toolkit.pii.recognizers.informal_date import InformalDateRecognizer


def matched(text: str) -> list[str]:
    found = InformalDateRecognizer().analyze(text, entities=["DATE"], nlp_artifacts=None)
    return [text[r.start:r.end] for r in sorted(found, key=lambda r: r.start)]


@pytest.mark.parametrize(
    "text, date",
    [
        ("can we meet on the 14th?", "14th"),
        ("see you Tuesday the 3rd", "Tuesday the 3rd"),
        ("write to you both by Thursday the second.", "Thursday the second"),
        ("rent is due Fri the thirteenth, send it", "Fri the thirteenth"),
        ("deadline is Wed the twenty-ninth ok", "Wed the twenty-ninth"),
        ("at my cousin's wedding on the eighth\n", "eighth"),
        ("the hearing is on čtvrtek 17.7.? Let's", "čtvrtek 17.7."),
        ("it was on the sixth of May", "sixth of May"),
        ("a school trip on 29. 9, can we move it", "29. 9"),
        ("till 7. 6 for the essay", "7. 6"),
        ("if i dont pay by čtvrtek 1. im out", "čtvrtek 1"),
        ("trip to Bohutín on neděle 19., can we", "neděle 19"),
        ("4.3.24, 15:14 - Kliment added you", "4.3.24"),
        ("[5.3.24 13:29] Kliment: Next session", "5.3.24"),
    ],
)
def test_when_day_is_named_informally_then_reported(text: str, date: str) -> None:
    assert matched(text) == [date]


@pytest.mark.parametrize(
    "text",
    [
        "she lives on the fourth floor",
        "it was the fifth of them to leave",
        "on Thursday the second time it happened",
        "Monday the first session went fine",
        "on the first try",
        "I'm on 7/10 today",
        "version 4.3.24 is out",  # a version, with no time after it
        "on 3. 5 kilos a week",  # an amount
    ],
)

def test_when_ordinal_counts_something_then_not_reported(text: str) -> None:
    assert matched(text) == []
