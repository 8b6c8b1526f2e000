"""The synthetic corpus generator: deterministic, well-formed gold, disjoint splits.

These tests print values when they fail, so they cover dev, test and holdout only; the blind
splits (blind, blind2, blind3, blind4, blind5, blind6, blind7, blind8, blind9, blind10, blind11)
have value-free versions of the same checks in test_synth_blind.py."""

from __future__ import annotations

import itertools
import json
import re
from functools import cache

import pytest

from benchmarks.synth import DocKind, Document, Layer, Split, generate, write_corpus
from benchmarks.synth.__main__ import main as synth_main
from benchmarks.synth.cast import PERSON_ATTRS, PERSON_ROLES
from benchmarks.synth.castslots import FIXED, PER_CALL
from benchmarks.synth.kinds import DOC_SLOTS, for_locale, kind_weights, template_texts
from benchmarks.synth.pools import LOCALES, load_yaml
from benchmarks.synth.render import slots_of
from tests.benchmarks._pools import pool_values
from toolkit.pii.types import EntityType

N = 60
# the splits whose values may be printed: never a blind one
SPLITS = [s for s in Split
          if s not in (Split.BLIND, Split.BLIND2, Split.BLIND3, Split.BLIND4, Split.BLIND5,
                       Split.BLIND6, Split.BLIND7, Split.BLIND8, Split.BLIND9, Split.BLIND10,
                       Split.BLIND11)]


@cache
def corpus(split: Split) -> tuple[Document, ...]:
    return tuple(generate(split, N, 5))


def _templates(split: Split) -> list[str]:
    texts = template_texts(load_yaml(split, "templates"))
    return texts["labels"] + texts["headers"] + texts["sentences"]


@pytest.mark.parametrize("split", SPLITS)
def test_when_generated_twice_with_one_seed_then_documents_are_identical(split: Split) -> None:
    again = generate(split, 5, 5)
    assert [(d.text, d.annotations) for d in again] == [
        (d.text, d.annotations) for d in corpus(split)[:5]]


def test_when_seed_changes_then_documents_change() -> None:
    assert [d.text for d in generate(Split.DEV, 3, 6)] != [d.text for d in corpus(Split.DEV)[:3]]


@pytest.mark.parametrize("split", SPLITS)
def test_when_documents_are_generated_then_gold_spans_are_trimmed_words_in_bounds(
        split: Split) -> None:
    for doc in corpus(split):
        for a in doc.annotations:
            value = doc.text[a.start:a.end]
            assert 0 <= a.start < a.end <= len(doc.text), (doc.name, a)
            assert value == value.strip() and re.search(r"\w", value), (doc.name, a)
        gold = sorted(doc.layer(Layer.GOLD))
        assert all(x.end <= y.start for x, y in itertools.pairwise(gold)), doc.name


@pytest.mark.parametrize("split", SPLITS)
def test_when_documents_are_generated_then_gold_types_are_confide_entity_types(
        split: Split) -> None:
    labels = {a.label for d in corpus(split) for a in d.layer(Layer.GOLD)}
    assert labels <= {e.value for e in EntityType}
    assert {"PERSON", "LOCATION", "ORGANIZATION", "DATE", "PHONE_NUMBER"} <= labels


@pytest.mark.parametrize("split", SPLITS)
def test_when_corpus_is_generated_then_every_kind_and_locale_appears(split: Split) -> None:
    docs = corpus(split)
    assert {d.kind for d in docs} == set(kind_weights(load_yaml(split, "templates")))
    assert {d.locale for d in docs} == set(LOCALES)


def test_when_transcript_is_name_labelled_then_the_label_name_is_gold_person() -> None:
    doc = next(d for d in corpus(Split.DEV) if d.kind is DocKind.NAMED)
    gold = {(a.start, a.end) for a in doc.layer(Layer.GOLD) if a.label == "PERSON"}
    for m in re.finditer(r"^(?:Dr |MUDr\. |Dr\. )?([^:\n]+): ", doc.text, re.MULTILINE):
        if m.start() > 0 and doc.text[m.start() - 1] != "\n":
            continue
        assert any(s <= m.start(1) < e for s, e in gold), m.group(0)


@pytest.mark.parametrize("split", SPLITS)
def test_when_chat_is_generated_then_lower_case_names_are_gold(split: Split) -> None:
    lower = [d.text[a.start:a.end] for d in corpus(split) if d.kind is DocKind.CHAT
             for a in d.layer(Layer.GOLD) if a.label == "PERSON"]
    assert any(v.islower() for v in lower)


@pytest.mark.parametrize("split", SPLITS)
def test_when_decoys_are_marked_then_none_overlaps_gold(split: Split) -> None:
    for doc in corpus(split):
        gold = [(a.start, a.end) for a in doc.layer(Layer.GOLD)]
        for d in doc.layer(Layer.DECOY):
            assert not any(s < d.end and d.start < e for s, e in gold), (doc.name, d)
    kinds = {a.label for d in corpus(split) for a in d.layer(Layer.DECOY)}
    assert {"ROLE_LABEL", "WORD_NAME", "AI_TOOL", "CRISIS_LINE", "SCALE"} <= kinds


@pytest.mark.parametrize("split", SPLITS)
def test_when_templates_are_loaded_then_every_slot_is_known(split: Split) -> None:
    known = set(FIXED) | set(PER_CALL) | DOC_SLOTS
    for template in _templates(split):
        for slot in slots_of(template):
            role, _, attr = slot.partition(".")
            if attr:
                assert role in PERSON_ROLES and attr in PERSON_ATTRS, (template, slot)
            else:
                assert slot in known, (template, slot)


PAIRS = list(itertools.combinations(SPLITS, 2))


@pytest.mark.parametrize(("one", "other"), PAIRS)
def test_when_splits_are_compared_then_no_sentence_or_header_template_is_shared(
        one: Split, other: Split) -> None:
    def sentences(split: Split) -> set[str]:
        texts = template_texts(load_yaml(split, "templates"))
        return {t.split("] ", 1)[1] if t.startswith("[") and "] " in t else t
                for t in texts["headers"] + texts["sentences"]}

    assert not sentences(one) & sentences(other)


@pytest.mark.parametrize(("one", "other"), PAIRS)
@pytest.mark.parametrize("what", ["names", "towns", "streets", "orgs"])
def test_when_split_pools_are_compared_then_they_are_disjoint(
        what: str, one: Split, other: Split) -> None:
    shared = pool_values(one)[what] & pool_values(other)[what]
    assert not shared, sorted(shared)[:10]


@pytest.mark.parametrize(("one", "other"), PAIRS)
@pytest.mark.parametrize("label", ["PERSON", "LOCATION", "STREET_ADDRESS", "ORGANIZATION",
                                   "SOCIAL_HANDLE", "EMAIL_ADDRESS"])
def test_when_corpora_are_generated_then_no_gold_value_is_shared_across_splits(
        label: str, one: Split, other: Split) -> None:
    def values(split: Split) -> set[str]:
        return {d.text[a.start:a.end].casefold() for d in corpus(split)
                for a in d.layer(Layer.GOLD) if a.label == label}

    shared = values(one) & values(other)
    assert not shared, sorted(shared)[:10]


def test_when_corpus_is_written_then_gold_offsets_match_the_files(tmp_path) -> None:
    docs = list(corpus(Split.DEV)[:8])
    assert write_corpus(docs, tmp_path) == 8
    records = [json.loads(x) for x in (tmp_path / "gold.jsonl").read_text().splitlines()]
    for doc, rec in zip(docs, records, strict=True):
        text = (tmp_path / "docs" / rec["file"]).read_bytes().decode("utf-8")
        assert text == doc.text
        for span in rec["spans"]:
            assert EntityType(span["type"])
            assert text[span["start"]:span["end"]] == doc.text[span["start"]:span["end"]]
        assert len(rec["spans"]) == len(doc.layer(Layer.GOLD))


def test_when_cli_runs_then_it_writes_docs_gold_and_manifest(tmp_path) -> None:
    assert synth_main(["--split", "test", "--n", "3", "--seed", "7", "--out", str(tmp_path)]) == 0
    assert len(list((tmp_path / "docs").glob("*.txt"))) == 3
    assert len((tmp_path / "gold.jsonl").read_text().splitlines()) == 3
    assert json.loads((tmp_path / "manifest.json").read_text())["split"] == "test"


def test_when_cli_output_is_not_empty_then_it_refuses(tmp_path) -> None:
    assert synth_main(["--n", "1", "--out", str(tmp_path)]) == 0
    with pytest.raises(SystemExit):
        synth_main(["--n", "1", "--out", str(tmp_path)])


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("uk", ["plain", "only uk"]), ("cz", ["plain", "cz or us"]), ("us", ["plain", "cz or us"])],
)
def test_when_templates_carry_a_locale_tag_then_only_that_locale_gets_them(locale, expected):
    assert for_locale(["plain", "[uk] only uk", "[cz,us] cz or us"], locale) == expected


@pytest.mark.parametrize("split", SPLITS)
def test_when_document_is_not_british_then_it_has_no_national_insurance_talk(
        split: Split) -> None:
    for doc in corpus(split):
        if doc.locale != "uk":
            assert "National Insurance" not in doc.text, doc.name
