"""All pattern recognizers together: the factory, names and context words, text that none may
report (crisis lines, timestamps, scores, versions), and candidate windows giving the same
results as a scan of the whole text. No spaCy model is needed."""

from __future__ import annotations

import copy
import random

import pytest
from presidio_analyzer import EntityRecognizer, PatternRecognizer, RecognizerResult
from presidio_analyzer.recognizer_registry.recognizers_loader_utils import RecognizerListLoader

from toolkit.pii.recognizers import RECOGNIZER_CLASSES, build_recognizers
from toolkit.pii.types import EntityType

NER_ONLY = {EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION}


@pytest.fixture(scope="module")
def recognizers() -> list[EntityRecognizer]:
    return build_recognizers()


def found(recognizers: list[EntityRecognizer], text: str) -> list[tuple[str, str, str]]:
    """(entity, recognizer, matched text) of every result of every recognizer."""
    out = []
    for r in recognizers:
        for res in r.analyze(text, entities=r.supported_entities, nlp_artifacts=None):
            out.append((res.entity_type, r.name, text[res.start : res.end]))
    return sorted(out)


# -- the factory ----------------------------------------------------------------------------


def test_when_built_without_entities_then_every_pattern_entity_is_covered(
    recognizers: list[EntityRecognizer],
) -> None:
    covered = {EntityType(e) for r in recognizers for e in r.supported_entities}
    assert covered == set(EntityType) - NER_ONLY
    assert len(recognizers) == len(RECOGNIZER_CLASSES)


@pytest.mark.parametrize("entity", sorted(set(EntityType) - NER_ONLY))
def test_when_built_for_one_entity_then_only_its_recognizers_are_returned(
    entity: EntityType,
) -> None:
    built = build_recognizers([entity])
    assert built
    assert {e for r in built for e in r.supported_entities} == {entity.value}


def test_when_built_for_ner_entities_only_then_no_pattern_recognizer_is_returned() -> None:
    assert build_recognizers(NER_ONLY) == []


def test_when_built_twice_then_names_are_stable_and_unique() -> None:
    first = [r.name for r in build_recognizers()]
    assert first == [r.name for r in build_recognizers()]
    assert len(set(first)) == len(first)
    assert first == [cls.__name__ for cls in RECOGNIZER_CLASSES]


def test_when_built_then_every_recognizer_is_an_english_pattern_recognizer(
    recognizers: list[EntityRecognizer],
) -> None:
    for r in recognizers:
        assert isinstance(r, PatternRecognizer), r.name
        assert r.supported_language == "en", r.name
        assert len(r.supported_entities) == 1, r.name


def test_when_context_words_are_listed_then_they_are_single_lower_case_words(
    recognizers: list[EntityRecognizer],
) -> None:
    for r in recognizers:
        assert r.context, r.name
        for word in r.context:
            assert word == word.lower() and word.split() == [word], (r.name, word)


def test_when_presidio_looks_up_recognizers_by_class_name_then_ours_never_clash() -> None:
    ours = {cls.__name__ for cls in RECOGNIZER_CLASSES}
    others = {
        cls.__name__
        for cls in RecognizerListLoader.get_all_existing_recognizers()
        if cls not in RECOGNIZER_CLASSES
    }
    assert ours.isdisjoint(others)


# -- what no recognizer may report ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "THERAPIST: If it gets too much, Samaritans are on 116 123, day or night.",
        "CLIENT: I called 116123 once.",
        "In an emergency call 999, or 112 from a mobile; 155 in Czechia.",
        "NHS 111 is there out of hours.",
        "Childline is free on 0800 1111.",
        "[00:12:45] THERAPIST: Welcome back.",
        "00:01:02.500 --> 00:01:05.000",
        "[10:31] CLIENT: hi",
        "10:31 and 14:02:59",
        "My PHQ-9 score of 14 went down to 9.",
        "GAD-7 was 12 in 2019 and 8 in 2020.",
        "I'd rate today 7/10, yesterday 4/10.",
        "The app is on version 3.8.0 (build 20240115).",
        "Python 3.11.7 crashed.",
        "It's been two weeks, maybe 3 years since it started.",
        "On Monday, last week, yesterday.",
        "See page 12 and session 3.",
        "I counted 12 Street lamps.",
        "We walked 3 miles down the road.",
        "I slept 4 hours, took 20 minutes to drop off, woke at 5am.",
        "Let's meet @ 5pm, or @5pm.",
        "About 50% of the time, 2-3 times a week.",
        "CBT, DBT, EMDR: 12 sessions of 50 minutes.",
        "it was fine.so I left",
    ],
)
def test_when_text_has_crisis_lines_timestamps_scores_or_versions_then_nothing_is_reported(
    recognizers: list[EntityRecognizer], text: str
) -> None:
    reported = [
        (res.entity_type, r.name, text[res.start : res.end], res.score)
        for r in recognizers
        for res in r.analyze(text, entities=r.supported_entities, nlp_artifacts=None)
        if res.score >= 0.5
    ]
    assert reported == []


# -- a transcript through every recognizer --------------------------------------------------

TRANSCRIPT = """\
[00:00:05] THERAPIST: Before we start, can I check your details? Date of birth?
[00:00:09] CLIENT: 3rd March 1985. NHS number 943 476 5919.
[00:00:15] THERAPIST: And you're still at 12 Acacia Avenue, Leeds LS6 2AB?
[00:00:21] CLIENT: Yes. Mobile 07700 900123, or email sam.k@example.co.uk.
[00:00:30] CLIENT: My sister is @sam_k.92 on Instagram, she moved to Vinohradská 1234/56.
[00:00:41] CLIENT: Her Czech mobile is +420 601 123 456, RČ 855312/0004 on the forms.
[00:00:52] THERAPIST: Thanks. If things get bad, Samaritans are on 116 123.
"""


def test_when_transcript_is_analysed_then_each_value_is_found_by_its_recognizer(
    recognizers: list[EntityRecognizer],
) -> None:
    rc = "855312/0004"
    assert int(rc.replace("/", "")) % 11 == 0  # a synthetic, valid birth number
    expected = {
        ("DATE", "CalendarDateRecognizer", "3rd March 1985"),
        ("UK_NHS", "NhsNumberRecognizer", "943 476 5919"),
        ("PHONE_NUMBER", "UsPhoneRecognizer", "943 476 5919"),  # same shape; NHS scores higher
        ("STREET_ADDRESS", "StreetAddressRecognizer", "12 Acacia Avenue, Leeds LS6 2AB"),
        ("UK_POSTCODE", "PostcodeRecognizer", "LS6 2AB"),
        ("PHONE_NUMBER", "UkPhoneRecognizer", "07700 900123"),
        ("PHONE_NUMBER", "CuedPhoneRecognizer", "07700 900123"),  # after "Mobile"
        ("EMAIL_ADDRESS", "EmailAddressRecognizer", "sam.k@example.co.uk"),
        ("SOCIAL_HANDLE", "SocialHandleRecognizer", "@sam_k.92"),
        ("STREET_ADDRESS", "CzStreetAddressRecognizer", "Vinohradská 1234/56"),
        ("PHONE_NUMBER", "CzPhoneRecognizer", "+420 601 123 456"),
        ("CZ_BIRTH_NUMBER", "CzBirthNumberRecognizer", rc),
    }
    reported = set(found(recognizers, TRANSCRIPT))
    assert reported == expected


def test_when_nhs_number_looks_like_a_us_phone_then_the_checksum_scores_higher(
    recognizers: list[EntityRecognizer],
) -> None:
    text = "NHS number 943 476 5919."
    scores = {
        r.name: res.score
        for r in recognizers
        for res in r.analyze(text, entities=r.supported_entities, nlp_artifacts=None)
    }
    assert scores["NhsNumberRecognizer"] > scores["UsPhoneRecognizer"]


# -- candidate windows ----------------------------------------------------------------------

_LINES = (
    "[00:{m:02d}:{s:02d}] CLIENT: I slept badly, maybe 4 hours, PHQ-9 of 14.",
    "[00:{m:02d}:{s:02d}] THERAPIST: Samaritans are on 116 123 if you need them.",
    "[00:{m:02d}:{s:02d}] CLIENT: call me on 07700 900{n:03d} or (555) 123-4{n:03d}",
    "[00:{m:02d}:{s:02d}] CLIENT: I was born on {d} March 1985, at 12 Acacia Avenue, LS6 2AB",
    "[00:{m:02d}:{s:02d}] CLIENT: tel: 601 123 {n:03d}, Na Příkopě {d}, 110 00 Praha 1",
    "[00:{m:02d}:{s:02d}] CLIENT: mail x{n}@example.org or see www.example{n}.co.uk/page",
    "[00:{m:02d}:{s:02d}] CLIENT: NHS 943 476 5919, NINO AB {d:02d} 34 56 C, host 10.0.0.{d}",
    "[00:{m:02d}:{s:02d}] CLIENT: @user_{n} and u/someone{n}, card 4111 1111 1111 1111",
)


def _long_transcript(lines: int = 400) -> str:
    rng = random.Random(11)
    return "\n".join(
        rng.choice(_LINES).format(
            m=i // 60 % 60, s=i % 60, n=rng.randrange(1000), d=rng.randrange(1, 28)
        )
        for i in range(lines)
    ) + "\n" + "x" * 300 + " 0161 496 0000"  # a long token right before a number


def _key(results: list[RecognizerResult]) -> list[tuple[int, int, float, str]]:
    return sorted((r.start, r.end, r.score, r.entity_type) for r in results)


@pytest.mark.parametrize("cls", RECOGNIZER_CLASSES, ids=lambda c: c.__name__)
def test_when_recognizer_scans_only_candidate_windows_then_results_equal_a_full_scan(
    recognizers: list[EntityRecognizer], cls: type[EntityRecognizer]
) -> None:
    text = _long_transcript()
    (recognizer,) = [r for r in recognizers if type(r) is cls]
    whole = copy.copy(recognizer)
    whole.CANDIDATES = ()  # type: ignore[attr-defined]  # this copy scans the whole text
    assert _key(recognizer.analyze(text, [], None)) == _key(whole.analyze(text, [], None))


def test_when_values_are_split_across_lines_then_no_result_spans_a_line_break(
    recognizers: list[EntityRecognizer],
) -> None:
    text = _long_transcript(120) + (
        "\n12 Acacia\nAvenue\nDlouhá\n12\n07700\n900123\n3rd\nMarch 1985\nPSC 0413, Box 8144\n"
        "APO AE 20040\nFlat 3,\n45 High Street\n"
    )
    for r in recognizers:
        for res in r.analyze(text, entities=r.supported_entities, nlp_artifacts=None):
            assert "\n" not in text[res.start : res.end], r.name
