"""The holdout split: disjoint from everything dev and test can draw, Faker-free, one scenario
per document, and as varied as the brief asks. (No test prints a holdout document.)"""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import date
from functools import cache

import pytest

from benchmarks.names import is_listed
from benchmarks.synth import DocKind, Document, Layer, Split, generate
from benchmarks.synth.castslots import format_date
from benchmarks.synth.kinds import KIND_WEIGHTS, scenario_for
from benchmarks.synth.pools import LOCALES, Pools, load_yaml
from tests.benchmarks._pools import faker_values

N = 120
DATE_KEYS = ("date", "dob", "header_date", "chat_date")
SHAPE_KEYS = ("email_user", "handle", "url", "pid")


@cache
def holdout() -> tuple[Document, ...]:
    return tuple(generate(Split.HOLDOUT, N, 3))


def _own_names() -> set[str]:
    names: set[str] = set()
    for loc in LOCALES:
        for values in load_yaml(Split.HOLDOUT, "pools")["names"][loc].values():
            for v in values:
                names.update(v if isinstance(v, list) else [v])
    return names


def test_when_holdout_names_are_checked_then_none_is_in_the_faker_lists_dev_and_test_use() -> None:
    drawn = faker_values("person", "first_names", "first_names_female", "first_names_male",
                         "last_names", "last_names_female", "last_names_male")
    shared = {n for n in _own_names() if n.casefold() in drawn}
    assert not shared, sorted(shared)


@pytest.mark.parametrize(("what", "attr"), [("towns", "cities"), ("streets", "streets")])
def test_when_holdout_czech_places_are_checked_then_faker_cannot_give_them_to_dev_or_test(
        what: str, attr: str) -> None:
    own = load_yaml(Split.HOLDOUT, "pools")[what]["cz"]
    values = {row[0] if isinstance(row, list) else row for row in own}
    shared = {v for v in values if v.casefold() in faker_values("address", attr)}
    assert not shared, sorted(shared)


class _NoFaker:
    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"holdout drew Faker's {name}")


@pytest.mark.parametrize("locale", LOCALES)
def test_when_holdout_draws_people_and_places_then_faker_is_never_called(locale: str) -> None:
    pools = Pools(Split.HOLDOUT)
    pools.fakers = dict.fromkeys(LOCALES, _NoFaker())
    own = load_yaml(Split.HOLDOUT, "pools")
    rng = random.Random(1)
    for _ in range(300):
        female = rng.random() < 0.5
        assert pools.first_name(rng, locale, female) in _own_names()
        assert pools.last_name(rng, locale, female) in _own_names()
        assert pools.street(rng, locale) in own["streets"][locale]
        assert pools.mentioned_town(rng, locale) in {t[0] for t in own["towns"][locale]}


def _person_values(docs: tuple[Document, ...], locale: str | None = None) -> list[str]:
    return [d.text[a.start:a.end] for d in docs if locale in (None, d.locale)
            for a in d.layer(Layer.GOLD) if a.label == "PERSON"]


def test_when_holdout_is_generated_then_many_names_are_unknown_to_faker_and_some_known() -> None:
    names = _person_values(holdout())
    unlisted = sum(not is_listed(n) for n in names) / len(names)
    assert 0.4 <= unlisted <= 0.9, unlisted


def test_when_holdout_is_generated_then_czech_names_come_with_and_without_diacritics() -> None:
    names = _person_values(holdout(), "cz")
    with_marks = {n for n in names if not n.isascii()}
    folded = {unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode().casefold()
              for n in with_marks}
    assert with_marks
    assert folded & {n.casefold() for n in names if n.isascii()}


def test_when_holdout_is_generated_then_every_decoy_kind_of_the_brief_appears() -> None:
    kinds = {a.label for d in holdout() for a in d.layer(Layer.DECOY)}
    assert {"ROLE_LABEL", "AI_TOOL", "THERAPY", "SCALE", "CRISIS_LINE", "WORD_NAME",
            "RELATIVE_DATE", "TIME", "TIMESTAMP", "TITLE"} <= kinds


@pytest.mark.parametrize("kind", list(KIND_WEIGHTS))
@pytest.mark.parametrize("locale", LOCALES)
def test_when_a_kind_and_locale_are_drawn_then_a_holdout_scenario_fits(kind: DocKind,
                                                                      locale: str) -> None:
    name, tpl, (lo, hi) = scenario_for(load_yaml(Split.HOLDOUT, "templates"), kind, locale,
                                       random.Random(0))
    assert name and kind.value in tpl["kinds"] and 13 <= lo < hi <= 68


def test_when_templates_have_no_scenarios_then_none_is_drawn() -> None:
    rng = random.Random(0)
    state = rng.getstate()
    name, _, ages = scenario_for(load_yaml(Split.DEV, "templates"), DocKind.CHAT, "uk", rng)
    assert (name, ages, rng.getstate() == state) == ("", (18, 68), True)


def test_when_holdout_has_focus_groups_then_some_have_more_than_two_speakers() -> None:
    speakers = [len({m.group(1) for m in re.finditer(r"^([^:\n]{1,40})[:.] ", d.text, re.M)})
                for d in holdout() if d.kind is DocKind.RESEARCH]
    assert max(speakers) > 2


@pytest.mark.parametrize("keys", [DATE_KEYS, SHAPE_KEYS])
def test_when_holdout_formats_are_compared_then_none_is_a_dev_or_test_format(keys) -> None:
    def patterns(split: Split) -> set[str]:
        formats = load_yaml(split, "pools")["formats"]
        out: set[str] = set()
        for key in keys:
            table = formats[key]
            for values in (table.values() if isinstance(table, dict) else [table]):
                out |= set(values)
        return out

    shared = patterns(Split.HOLDOUT) & (patterns(Split.DEV) | patterns(Split.TEST))
    assert not shared, sorted(shared)


def test_when_a_date_starts_with_the_then_the_word_is_not_gold() -> None:
    dates = [d.text[a.start - 4:a.end] for d in holdout() for a in d.layer(Layer.GOLD)
             if a.label == "DATE" and d.text[max(0, a.start - 4):a.start].casefold() == "the "]
    assert dates  # the holdout writes "the third of March"
    for doc in holdout():
        for a in doc.layer(Layer.GOLD):
            assert not doc.text[a.start:a.end].startswith("the "), doc.name


@pytest.mark.parametrize(
    ("pattern", "day", "expected"),
    [("{dthw} of {Month}", date(2023, 3, 1), "first of March"),
     ("{dthw}", date(2023, 3, 12), "twelfth"),
     ("{dthw}", date(2023, 3, 20), "twentieth"),
     ("{Month} {dthw}", date(2023, 5, 21), "May twenty-first"),
     ("{dthw}", date(2023, 5, 30), "thirtieth"),
     ("{dthw}", date(2023, 5, 31), "thirty-first"),
     ("{d}. {cz_month} {Y}", date(2021, 3, 3), "3. března 2021"),
     ("{d}. {cz_month}", date(2021, 12, 24), "24. prosince")],
)
def test_when_a_date_is_formatted_in_words_then_it_reads_as_spoken(pattern, day, expected):
    assert format_date(pattern, day) == expected


STAMPS = [r"\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}",
          r"\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}",
          r"\d+:\d+:\d+\.\d{3} --> \d+:\d+:\d+\.\d{3}", r"\d+:\d\d", r"\d+:\d\d:\d\d",
          r"\d\d:\d\d", r"\d{1,2}:\d\d [AP]M"]


def test_when_holdout_transcripts_are_stamped_then_every_stamp_has_a_known_shape() -> None:
    stamps = [d.text[a.start:a.end] for d in holdout() for a in d.layer(Layer.DECOY)
              if a.label == "TIMESTAMP"]
    assert stamps
    for stamp in stamps:
        assert any(re.fullmatch(p, stamp) for p in STAMPS), stamp


def test_when_a_subtitle_cue_ends_then_it_ends_after_it_starts() -> None:
    for doc in holdout():
        for a in doc.layer(Layer.DECOY):
            start, arrow, end = doc.text[a.start:a.end].partition(" --> ")
            if arrow:
                def secs(t: str) -> float:
                    h, m, s = re.split(r":", t.replace(",", "."))
                    return int(h) * 3600 + int(m) * 60 + float(s)

                assert secs(end) > secs(start)
