"""Readability: our offline implementation, checked against the CMU dictionary and textstat."""

from __future__ import annotations

import pytest

from tests.consent._render_support import (
    base,
    cmu_dictionary,
    example,
    profile_from,
    textstat_scores,
    txt_text,
)
from toolkit.consent.profile import Language
from toolkit.consent.readability import (
    MAX_SENTENCE_WORDS,
    assess_html,
    count_syllables,
    sentences,
    text_stats,
    words,
)
from toolkit.consent.render import Format, render_document

EXAMPLES_EN = [("cbt-chatbot", Language.EN), ("ai-notetaker", Language.EN),
               ("research-study", Language.EN)]  # fmt: skip


def _cmu(word: str) -> int | None:
    entry = cmu_dictionary().get(word.lower())
    return None if not entry else sum(1 for phone in entry[0] if phone[-1].isdigit())


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("make", 1), ("table", 2), ("asked", 1), ("wanted", 2), ("boxes", 2), ("makes", 1),
     ("safely", 2), ("video", 3), ("people", 2), ("saying", 2), ("confidential", 4),
     ("116", 1), ("dpo@northbrook.example", 6), ("thought-record", 3)],
)  # fmt: skip
def test_when_word_is_counted_then_syllables_follow_spelling_rules(
    word: str, syllables: int
) -> None:
    assert count_syllables(word) == syllables


@pytest.mark.parametrize(("name", "lang"), EXAMPLES_EN)
def test_when_counting_document_words_then_counter_agrees_with_cmu_dictionary(
    name: str, lang: Language
) -> None:
    text = render_document(example(name), Format.TEXT, lang).text
    vocabulary = {w.lower() for w in words(text) if w.isalpha()}
    pairs = [(count_syllables(w), _cmu(w)) for w in vocabulary if _cmu(w) is not None]
    agree = sum(mine == cmu for mine, cmu in pairs) / len(pairs)
    ours, theirs = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
    assert len(pairs) > 200
    assert agree >= 0.95, f"agreement with CMU {agree:.1%}"
    assert abs(ours - theirs) / theirs <= 0.03, (ours, theirs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two words here. Three?", ["One.", "Two words here.", "Three?"]),
        ("Call Dr. Taylor today. Then rest.", ["Call Dr. Taylor today.", "Then rest."]),
        ("Use e.g. the app. Or not.", ["Use e.g. the app.", "Or not."]),
        ("Version 1.0 is out. Good.", ["Version 1.0 is out.", "Good."]),
        ("Do 1. září 2025 můžete. Potom ne.", ["Do 1. září 2025 můžete.", "Potom ne."]),
        ("Viz čl. 6 odst. 1 písm. a) GDPR. Dále.", ["Viz čl. 6 odst. 1 písm. a) GDPR.", "Dále."]),
        ("A list item without a stop", ["A list item without a stop"]),
    ],
)
def test_when_text_is_split_then_sentences_respect_abbreviations(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "sample",
    [
        "The cat sat on the mat. It was a sunny day. Everyone was happy.",
        "Thistle is a computer program. It uses artificial intelligence. It is not a person.",
        "Our data protection officer checks that we follow the law. You can contact them.",
    ],
)
def test_when_plain_sentences_are_scored_then_formulas_match_textstat(sample: str) -> None:
    ours = text_stats(sentences(sample))
    grade, ease = textstat_scores(sample)
    assert ours.grade == pytest.approx(grade, abs=1.0)
    assert ours.reading_ease == pytest.approx(ease, abs=8.0)


@pytest.mark.parametrize(("name", "lang"), EXAMPLES_EN)
def test_when_documents_are_scored_independently_then_both_measures_pass(
    name: str, lang: Language
) -> None:
    document = render_document(example(name), Format.TEXT, lang)
    report = document.readability
    assert report.passed, report.misses
    assert report.whole.grade <= 8 and report.whole.reading_ease >= 60
    assert report.key_facts.grade <= 6
    # The independent measure: textstat (with the CMU dictionary) over the whole plain text,
    # headings, form lines and version id included - a harsher reading than ours.
    grade, ease = textstat_scores(txt_text(document.text))
    assert grade <= 8, grade
    assert ease >= 60, ease


def test_when_a_sentence_is_too_long_then_it_is_a_miss() -> None:
    data = base()
    long_sentence = " ".join(["word"] * 30)
    data["ai_systems"][0]["cannot"] = [long_sentence + "."]
    report = render_document(profile_from(data), Format.HTML).readability
    assert not report.passed
    assert report.whole.longest_sentence > MAX_SENTENCE_WORDS
    assert any("30-word sentence" in miss for miss in report.misses)


def test_when_text_is_hard_then_grade_and_ease_are_missed() -> None:
    hard = (
        "Notwithstanding contemporaneous organisational considerations, "
        "institutional confidentiality obligations necessitate comprehensive documentation."
    )
    data = base()
    data["purposes"][0]["description"] = " ".join([hard] * 12)
    report = render_document(profile_from(data), Format.HTML).readability
    assert any(miss.startswith("grade") for miss in report.misses)
    assert any(miss.startswith("Reading Ease") for miss in report.misses)


def test_when_document_is_czech_then_only_sentence_length_is_checked() -> None:
    document = render_document(example("ai-notetaker"), Format.HTML, Language.CS)
    report = document.readability
    assert not report.formulas_apply
    assert report.passed
    assert "Flesch formulas not applied to Czech" in report.summary()
    assert report.whole.longest_sentence <= MAX_SENTENCE_WORDS


def test_when_html_has_headings_and_form_lines_then_they_are_not_counted() -> None:
    html = (
        "<body><h1>An extraordinarily complicated organisational heading</h1>"
        '<p>Short words. Easy to read.</p><p data-readability="skip">Signature ________</p></body>'
    )
    report = assess_html(html, Language.EN)
    assert report.whole.sentences == 2
    assert report.whole.words == 5
