"""The Python API: redact_text, redact_texts, redact_records (synthetic data only)."""

from __future__ import annotations

import pytest

import toolkit
from toolkit.errors import InputError
from toolkit.pii import Redactor


def test_when_redact_text_then_values_gone_and_lines_kept(redactor: Redactor) -> None:
    text = "THERAPIST: Morning Priyanka Deshmukh.\nCLIENT: Text me on 07700 900412.\n"
    out = toolkit.redact_text(text, redactor=redactor)
    assert "Priyanka" not in out and "07700 900412" not in out
    assert out.count("\n") == 2 and out.startswith("THERAPIST: ")


def test_when_redact_texts_then_each_text_is_its_own_document(redactor: Redactor) -> None:
    outs = list(toolkit.redact_texts(["Ring Oskar Lindqvist.", "Nothing here."],
                                     redactor=redactor))
    assert outs == ["Ring <PERSON>.", "Nothing here."]


def test_when_records_redacted_then_other_keys_and_types_untouched(redactor: Redactor) -> None:
    records = [
        {"id": 7, "score": 1.25, "flags": [True, None], "meta": {"lang": "en-GB"},
         "messages": [{"role": "user", "content": "hi im bronwen, call 07700 900555"},
                      {"role": "assistant", "content": "Hello Bronwen."}]},
        {"id": 8, "messages": []},
    ]
    out = list(toolkit.redact_records(records, redactor=redactor))
    assert [r["id"] for r in out] == [7, 8]
    first = out[0]
    assert first["score"] == 1.25 and first["flags"] == [True, None]
    assert first["meta"] == {"lang": "en-GB"}
    assert [m["role"] for m in first["messages"]] == ["user", "assistant"]
    joined = " ".join(m["content"] for m in first["messages"]).lower()
    assert "bronwen" not in joined and "07700 900555" not in joined
    assert list(first) == list(records[0])


def test_when_fields_given_then_only_those_are_redacted(redactor: Redactor) -> None:
    records = [{"note": "Met Dr Okonkwo today", "title": "Dr Okonkwo"}]
    out = next(toolkit.redact_records(records, fields=["note"], redactor=redactor))
    assert "Okonkwo" not in out["note"] and out["title"] == "Dr Okonkwo"


def test_when_record_is_not_json_then_input_error_names_the_record(redactor: Redactor) -> None:
    with pytest.raises(InputError, match=r"records\[0\]"):
        list(toolkit.redact_records([{"when": object()}], redactor=redactor))


def test_when_listing_exports_then_all_resolve() -> None:
    assert toolkit.__all__ == sorted(toolkit.__all__)
    for name in toolkit.__all__:
        assert getattr(toolkit, name) is not None
