"""Token-level metrics on tiny hand-made cases whose answers are worked out by hand."""

from __future__ import annotations

import pytest

from benchmarks.metrics import GoldSpan, Tally, TypedSpan, changed_spans, shape, tokenize

TEXT = "CLIENT: I live in Leeds with Sarah Jones, ring 07700 900123."
#       0         1         2         3         4         5
#       0123456789012345678901234567890123456789012345678901234567890
LEEDS = GoldSpan(18, 23, "LOCATION")
SARAH = GoldSpan(29, 40, "PERSON")
PHONE = GoldSpan(47, 59, "PHONE_NUMBER")
GOLD = [LEEDS, SARAH, PHONE]


def test_when_text_is_tokenized_then_tokens_are_word_runs() -> None:
    assert [TEXT[s:e] for s, e in tokenize(TEXT)] == [
        "CLIENT", "I", "live", "in", "Leeds", "with", "Sarah", "Jones", "ring", "07700", "900123"]
    assert len(tokenize("tom.jones@gmail.com")) == 4


def test_when_spans_are_checked_then_the_hand_made_fixture_is_right() -> None:
    assert (TEXT[LEEDS.start:LEEDS.end], TEXT[SARAH.start:SARAH.end],
            TEXT[PHONE.start:PHONE.end]) == ("Leeds", "Sarah Jones", "07700 900123")


def _score(predicted, **kw):
    tally = Tally()
    tally.add(TEXT, GOLD, predicted, **kw)
    return tally.scores()


def test_when_every_gold_span_is_redacted_exactly_then_recall_and_precision_are_one() -> None:
    s = _score([(g.start, g.end) for g in GOLD])
    assert (s.recall, s.precision, s.leak_rate) == (1.0, 1.0, 0.0)
    assert (s.tokens, s.gold_tokens, s.entities) == (11, 5, 3)


def test_when_one_token_of_a_name_is_missed_then_the_entity_leaks() -> None:
    s = _score([(18, 23), (29, 34), (47, 59)])  # "Jones" left
    assert s.recall == pytest.approx(4 / 5)
    assert s.precision == 1.0
    assert (s.leaked_entities, s.entities) == (1, 3)
    assert s.per_gold_type["PERSON"].leaked == 1
    assert s.per_gold_type["PERSON"].recall == pytest.approx(1 / 2)
    assert s.leak_patterns == {("PERSON", "Xx Xx"): 1}


def test_when_a_role_label_is_redacted_then_it_is_a_false_positive() -> None:
    s = _score([(0, 6), (18, 23), (29, 40), (47, 59)],
               decoys=[GoldSpan(0, 6, "ROLE_LABEL")])
    assert s.precision == pytest.approx(5 / 6)
    assert s.false_positive_patterns == {("?", "ROLE_LABEL", "X"): 1}


def test_when_a_redaction_touches_part_of_a_token_then_the_whole_token_counts() -> None:
    s = _score([(19, 20), (29, 40), (47, 49), (50, 59)])  # one letter of Leeds; "07" and "7..."
    assert s.recall == 1.0


def test_when_an_ignored_token_is_redacted_then_it_is_not_counted() -> None:
    ignore = [(15, 17)]  # "in"
    with_fp = _score([(15, 17), *[(g.start, g.end) for g in GOLD]], ignore=ignore)
    assert with_fp.precision == 1.0
    assert with_fp.ignored_tokens == 1
    assert with_fp.tokens == 10


def test_when_nothing_is_predicted_then_recall_is_zero_and_all_entities_leak() -> None:
    s = _score([])
    assert (s.recall, s.precision, s.leak_rate) == (0.0, 1.0, 1.0)


def test_when_typed_spans_are_given_then_precision_is_reported_per_predicted_type() -> None:
    typed = [TypedSpan(18, 23, "LOCATION"), TypedSpan(8, 9, "PERSON"), TypedSpan(29, 40, "PERSON")]
    s = _score([(t.start, t.end) for t in typed], typed=typed)
    assert s.per_predicted_type["PERSON"].tokens == 3
    assert s.per_predicted_type["PERSON"].precision == pytest.approx(2 / 3)
    assert s.per_predicted_type["LOCATION"].precision == 1.0
    assert s.false_positive_patterns == {("PERSON", "other", "X"): 1}


def test_when_two_documents_are_added_then_counts_accumulate() -> None:
    tally = Tally()
    tally.add(TEXT, GOLD, [(g.start, g.end) for g in GOLD])
    tally.add("hi im tom", [GoldSpan(6, 9, "PERSON")], [])
    s = tally.scores()
    assert (s.documents, s.gold_tokens, s.true_positive_tokens, s.leaked_entities) == (2, 6, 5, 1)


@pytest.mark.parametrize(
    ("original", "redacted", "expected"),
    [
        ("call Tom now", "call *** now", [(5, 8)]),
        ("Tom", "***", [(0, 3)]),
        ("ab cd", "ab cd", []),
        ("Sarah Jones x", "*********** x", [(0, 11)]),
        ("a b c", "* * *", [(0, 1), (2, 3), (4, 5)]),
    ],
)
def test_when_masked_text_is_compared_then_changed_runs_are_found(original, redacted,
                                                                  expected) -> None:
    assert changed_spans(original, redacted) == expected


def test_when_masked_text_changes_length_then_it_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"every offset"):
        changed_spans("call Tom", "call <PERSON>", where="x.txt")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sarah Jones", "Xx Xx"),
        ("sarah", "x"),
        ("07700 900123", "d d"),
        ("+44 7700 900123", "+d d d"),
        ("LS6 2AB", "Xd dX"),
        ("PHQ-9", "X-d"),
        ("tom.jones@gmail.com", "x.x@x.x"),
        ("Dvořák", "Xx"),
    ],
)
def test_when_shape_is_taken_then_no_letters_or_digits_survive(text: str, expected: str) -> None:
    assert shape(text) == expected
