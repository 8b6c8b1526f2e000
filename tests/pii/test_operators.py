"""Operators: tag, pseudonym, mask, hash and surrogate, and what they promise."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from toolkit.errors import ConfigError
from toolkit.pii import OperatorName, RedactConfig, Redactor, load_key
from toolkit.pii.operators import SurrogateOperator, apply_spans
from toolkit.pii.types import EntityType, Span

KEY = b"test-key-0123456789abcdef"
TEXT = ("THERAPIST: Hello Ruth Abernethy.\n"
        "CLIENT: Ruth is fine. Call 07700 900987. Ruth Abernethy again.\n"
        "CLIENT: My friend Dominika Vlčková lives at\n14 Orchard Lane, Bristol BS1 5TR.\n")


def _engine(nlp: object, operator: OperatorName, key: bytes | None = None) -> Redactor:
    return Redactor(RedactConfig(operator=operator, hash_key=key), nlp=nlp)


def test_when_tag_then_type_in_angle_brackets_and_lines_kept(nlp: object) -> None:
    out = _engine(nlp, OperatorName.TAG).redact_text(TEXT)
    assert "<PERSON>" in out and "<PHONE_NUMBER>" in out
    assert out.count("\n") == TEXT.count("\n")


def test_when_pseudonym_then_same_person_same_number_within_document(nlp: object) -> None:
    out = _engine(nlp, OperatorName.PSEUDONYM).redact_text(TEXT)
    assert "Ruth" not in out
    first = re.findall(r"PERSON_\d+", out)
    assert first[0] == "PERSON_1" and first.count("PERSON_1") == 3
    assert "PERSON_2" in out  # Dominika Vlčková is someone else


def test_when_pseudonym_then_numbering_restarts_per_document(nlp: object) -> None:
    engine = _engine(nlp, OperatorName.PSEUDONYM)
    a, b = engine.redact_many([["CLIENT: Hello Ruth Abernethy."], ["CLIENT: Hi Ivo Marek."]])
    assert "PERSON_1" in a.segments[0] and "PERSON_1" in b.segments[0]


def test_when_pseudonym_has_a_key_then_it_agrees_across_engines(nlp: object) -> None:
    one = _engine(nlp, OperatorName.PSEUDONYM, KEY).redact_text("CLIENT: Hello Ruth Abernethy.")
    two = _engine(nlp, OperatorName.PSEUDONYM, KEY).redact_text("CLIENT: Ruth Abernethy, hi.")
    tag = re.search(r"PERSON_[0-9a-f]{8}", one)
    assert tag is not None and tag.group() in two


def test_when_mask_then_length_and_offsets_preserved(nlp: object) -> None:
    out = _engine(nlp, OperatorName.MASK).redact_text(TEXT)
    assert len(out) == len(TEXT) and out.count("\n") == TEXT.count("\n")
    assert "Ruth" not in out and "*" * 4 in out


def test_when_hash_without_key_then_config_error(nlp: object) -> None:
    with pytest.raises(ConfigError, match="key"):
        _engine(nlp, OperatorName.HASH).redact_text(TEXT)


def test_when_hash_with_key_then_stable_and_key_dependent(nlp: object) -> None:
    a = _engine(nlp, OperatorName.HASH, KEY).redact_text(TEXT)
    b = _engine(nlp, OperatorName.HASH, KEY).redact_text(TEXT)
    c = _engine(nlp, OperatorName.HASH, b"another-key-0123456789").redact_text(TEXT)
    assert a == b and a != c
    assert re.search(r"<PERSON:[0-9a-f]{12}>", a)


def test_when_surrogate_then_fake_values_consistent_and_never_original(nlp: object) -> None:
    engine = Redactor(RedactConfig(operator=OperatorName.SURROGATE), nlp=nlp)
    out = engine.redact_text(TEXT)
    for original in ("Ruth", "Abernethy", "07700 900987", "Vlčková", "Orchard Lane"):
        assert original not in out
    assert out.count("\n") == TEXT.count("\n")
    assert "<PERSON>" not in out


def test_when_surrogate_seeded_then_reproducible() -> None:
    spans = [Span(0, 6, 10, EntityType.PERSON, 1.0, "t"), Span(0, 15, 19, EntityType.PERSON,
                                                              1.0, "t")]
    text = "Hello Ruth and Ruth."
    op = SurrogateOperator(seed=7)
    one = apply_spans(text, spans, op.for_document())
    two = apply_spans(text, spans, op.for_document())
    assert one == two and "Ruth" not in one
    name = one.removeprefix("Hello ").split(" and ")[0]
    assert one == f"Hello {name} and {name}."


def test_when_key_env_is_short_or_missing_then_config_error() -> None:
    with pytest.raises(ConfigError, match="no key"):
        load_key(env={})
    with pytest.raises(ConfigError, match="shorter"):
        load_key(env={"CONFIDE_HASH_KEY": "short"})
    assert load_key(env={"CONFIDE_HASH_KEY": "x" * 32}) == b"x" * 32


def test_when_span_covers_a_line_break_then_line_count_kept(nlp: object) -> None:
    text = "Address: 14 Orchard Lane,\nBristol BS1 5TR\nThanks."
    spans = [Span(0, 9, 41, EntityType.STREET_ADDRESS, 1.0, "t")]
    for op in (OperatorName.TAG, OperatorName.PSEUDONYM, OperatorName.MASK):
        engine = _engine(nlp, op)
        out = apply_spans(text, spans, engine.operator.for_document())
        assert out.count("\n") == 2, op


def test_when_config_has_key_then_repr_hides_it() -> None:
    config = replace(RedactConfig(), hash_key=KEY)
    assert KEY.decode() not in repr(config)


def test_when_two_people_share_a_surname_then_pseudonyms_differ(nlp: object) -> None:
    text = "CLIENT: Sarah Jones is my mum. Tom Jones is my brother. Sarah phoned."
    out = _engine(nlp, OperatorName.PSEUDONYM).redact_text(text)
    assert "PERSON_1 is my mum" in out and "PERSON_2 is my brother" in out
    assert out.endswith("PERSON_1 phoned.")


def test_when_surrogate_is_made_then_it_shares_no_word_with_the_documents_originals() -> None:
    from faker.providers.person.en_GB import Provider

    from toolkit.pii.surrogates import SurrogateFactory

    factory = SurrogateFactory("en_GB", seed=3)
    taken = sorted(set(Provider.first_names))[:-20]  # all but a few first names are originals
    factory.avoid(taken)
    folded = {n.lower() for n in taken}
    made = [factory.make(EntityType.PERSON, f"Zz{n}", n) for n in range(40)]
    assert all(m.lower() not in folded for m in made)
    assert any(m != "<PERSON>" for m in made)  # the few free names are still used
