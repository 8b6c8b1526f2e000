"""JSON and JSONL chat logs: only text values change; keys, order, numbers and types stay."""

from __future__ import annotations

import io
import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from toolkit.errors import InputError
from toolkit.formats import Format, FormatOptions, Unit, get_handler
from toolkit.pii.types import SegmentKind

from ._samples import (
    GENERIC_JSON,
    OPENAI_JSONL,
    SHAREGPT_JSON,
    LineFeed,
    fake_redact,
    identity,
    leaked,
    run,
    upper,
    write,
)


def _pairs(text: str) -> Any:
    """Parse keeping key order, duplicate keys and number tokens (as text)."""
    return json.loads(
        text,
        object_pairs_hook=lambda pairs: ("obj", [(k, _strip(v)) for k, v in pairs]),
        parse_float=lambda token: ("num", token),
        parse_int=lambda token: ("num", token),
    )


def _strip(value: Any) -> Any:
    if isinstance(value, str):
        return "<str>"
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _records(text: str) -> list[Any]:
    return [_pairs(line) for line in text.splitlines() if line.strip()]


def test_when_reading_openai_jsonl_then_contents_are_text_and_names_are_speakers(
    tmp_path: Path,
) -> None:
    _, units, problems = run(write(tmp_path, "c.jsonl", OPENAI_JSONL), Format.JSONL)
    first = units[0]
    assert [(s.kind, f) for s, f in zip(first.segments, first.segment_fields, strict=True)] == [
        (SegmentKind.TEXT, "messages[0].content"),
        (SegmentKind.SPEAKER, "messages[1].name"),
        (SegmentKind.TEXT, "messages[1].content"),
        (SegmentKind.TEXT, "messages[2].content[0].text"),
    ]
    assert first.segments[0].text == "Be kind. Café ☃"
    assert [(u.line, u.record) for u in units] == [(1, 0), (3, 1), (5, 2)]
    assert [(p.line, "not valid JSON" in p.message) for p in problems] == [(4, True)]


def test_when_openai_jsonl_is_redacted_then_only_text_values_change(tmp_path: Path) -> None:
    path = write(tmp_path, "c.jsonl", OPENAI_JSONL)
    out, _, _ = run(path, Format.JSONL, fake_redact)
    clean = [line for i, line in enumerate(OPENAI_JSONL.split("\n")) if i != 3]
    assert _records(out) == _records("\n".join(clean))
    for token in ("1.10", "12345678901234567890", "1e5", "-0.0", "7E-3", "2.50", "4.0"):
        assert token in out
    assert out.split("\n")[1] == ""  # the blank line stays
    assert out.endswith("\n\n") is False and out.endswith("}\n")
    assert leaked(out) == []
    assert '"role": "user"' in out and '"role":"assistant"' in out  # roles and spacing kept
    assert "Caf\\u00e9 \\u2603" in out  # an unchanged string keeps its escapes
    assert "<EMAIL_ADDRESS> 😀" in out  # a changed one is written as UTF-8


def test_when_a_jsonl_line_is_broken_then_it_is_left_out_and_the_rest_goes_on(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "c.jsonl", OPENAI_JSONL)
    out, units, problems = run(path, Format.JSONL, upper)
    assert len(problems) == 1 and problems[0].line == 4
    assert "broken" not in problems[0].message and "BROKEN" not in out and "broken" not in out
    assert len(units) == 3
    assert all(json.loads(line) for line in out.splitlines() if line.strip())


def test_when_a_jsonl_line_is_not_utf8_then_it_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"content": "ok", "role": "user"}\n{"content": "\xff"}\n{"a": "b"}\n')
    out, units, problems = run(path, Format.JSONL)
    assert [(p.line, p.message) for p in problems] == [(2, "not valid UTF-8; line left out")]
    assert out == '{"content": "ok", "role": "user"}\n{"a": "b"}\n'
    assert len(units) == 2


def test_when_reading_sharegpt_json_then_each_record_is_a_document(tmp_path: Path) -> None:
    _, units, problems = run(write(tmp_path, "s.json", SHAREGPT_JSON), Format.JSON)
    assert problems == []
    assert [(u.record, u.line) for u in units] == [(0, 2), (1, 11)]
    assert units[0].segment_fields == (
        "system",
        "conversations[0].value",
        "conversations[1].value",
    )
    assert units[0].segment_lines == (4, 6, 7)
    assert all(s.kind is SegmentKind.TEXT for u in units for s in u.segments)


def test_when_sharegpt_json_is_redacted_then_layout_and_values_are_kept(tmp_path: Path) -> None:
    out, _, _ = run(write(tmp_path, "s.json", SHAREGPT_JSON), Format.JSON, fake_redact)
    assert _pairs(out) == _pairs(SHAREGPT_JSON)
    assert out.count("\n") == SHAREGPT_JSON.count("\n")
    assert '"from": "human"' in out
    assert "[1e5, 0.1, 100000000000000000000001]" in out
    assert leaked(out) == []


def test_when_fields_are_given_then_only_those_values_are_text(tmp_path: Path) -> None:
    options = FormatOptions(fields=("data.*.comment",))
    path = write(tmp_path, "g.json", GENERIC_JSON)
    out, (unit,), _ = run(path, Format.JSON, fake_redact, options)
    assert unit.segment_fields == (
        "data[0].comment",
        "data[1].comment.text",
        "data[1].comment.lang",
    )
    assert _pairs(out) == _pairs(GENERIC_JSON)
    assert '"who": "Ada"' in out  # not a chosen field
    assert '"comment": "<PERSON> was really helpful."' in out
    assert '"version": 2.10' in out and '"score": 4.50' in out and '"score": 1e2' in out


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (("data.0.comment",), ("data[0].comment",)),
        (("$.data[*].comment.text",), ("data[1].comment.text",)),
        (("data.*.who", "survey"), ("survey", "data[0].who")),
        (("nothing.here",), ()),
        (
            ("data.*.comment", "data.0.comment"),
            ("data[0].comment", "data[1].comment.text", "data[1].comment.lang"),
        ),
    ],
)
def test_when_field_paths_vary_then_the_matching_strings_are_picked_once(
    tmp_path: Path, fields: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    path = write(tmp_path, "g.json", GENERIC_JSON)
    _, (unit,), _ = run(path, Format.JSON, identity, FormatOptions(fields=fields))
    assert unit.segment_fields == expected


@pytest.mark.parametrize(
    ("line", "fields", "kinds"),
    [
        ('{"id": "x", "text": "Ada", "n": 1}', (("id", "text"), ()), None),
        ('{"role": "user", "content": "Ada"}', (("content",), ()), None),
        (
            '{"from": "human", "value": "Ada", "name": "Ada Testwell"}',
            (("value", "name"), ()),
            [SegmentKind.TEXT, SegmentKind.SPEAKER],
        ),
        (
            '[{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]',
            (("[0].content", "[1].content"), ()),
            None,
        ),
        ('"just a string"', (("",), ()), None),
        ("42", ((), ()), None),
        (
            '{"messages": [{"role": "user", "content": '
            '[{"type": "input_text", "text": "a"}, "b"]}]}',
            (("messages[0].content[0].text", "messages[0].content[1]"), ()),
            None,
        ),
    ],
)
def test_when_no_field_is_given_then_the_record_shape_decides(
    tmp_path: Path, line: str, fields: tuple[tuple[str, ...], tuple[()]], kinds: Any
) -> None:
    _, (unit,), _ = run(write(tmp_path, "c.jsonl", line + "\n"), Format.JSONL)
    assert unit.segment_fields == fields[0]
    if kinds is not None:
        assert [s.kind for s in unit.segments] == kinds


def test_when_a_key_is_duplicated_then_both_values_are_redacted(tmp_path: Path) -> None:
    line = '{"text": "Ada", "text": "Bram"}\n'
    out, _, _ = run(write(tmp_path, "c.jsonl", line), Format.JSONL, fake_redact)
    assert out == '{"text": "<PERSON>", "text": "<PERSON>"}\n'


@pytest.mark.parametrize(
    "text",
    ["[]\n", "{}", "  [ ]  \n", '"Ada"', '\ufeff[{"text": "Ada"}]\r\n', "[1, 2.0, null]"],
)
def test_when_json_is_small_or_odd_then_identity_is_byte_identical(
    tmp_path: Path, text: str
) -> None:
    path = write(tmp_path, "s.json", text)
    out, units, _ = run(path, Format.JSON)
    assert out.encode() == path.read_bytes()
    assert units


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "\ufeff{}\n", '{"a": 1}\r\n\r\n{"a": 2}', '{"a": 1}\n\n\n'],
)
def test_when_jsonl_has_blank_lines_or_bom_then_identity_is_byte_identical(
    tmp_path: Path, text: str
) -> None:
    path = write(tmp_path, "s.jsonl", text)
    out, _, problems = run(path, Format.JSONL)
    assert out.encode() == path.read_bytes()
    assert problems == []


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ('{"a": 1}\n{"a": 2}\n', r"s\.json:2: .*pass --format jsonl"),
        ('{"a": [1, 2}\n', r"s\.json:1: not valid JSON"),
        ("[" * 600 + "]" * 600, "nested too deeply"),
    ],
)
def test_when_json_file_is_invalid_then_input_error_names_the_line(
    tmp_path: Path, text: str, match: str
) -> None:
    with pytest.raises(InputError, match=match):
        run(write(tmp_path, "s.json", text), Format.JSON)


def test_when_reading_jsonl_then_records_come_before_the_file_is_read(tmp_path: Path) -> None:
    stream = LineFeed("".join(f'{{"text": "line {i}"}}\n' for i in range(1000)))
    items: Iterator[object] = get_handler(Format.JSONL).read(stream, source="big.jsonl")
    first = next(items)  # type: ignore[call-overload]
    assert isinstance(first, Unit)
    assert stream.taken <= 2


def test_when_jsonl_is_large_then_memory_stays_flat(tmp_path: Path) -> None:
    record = {"messages": [{"role": "user", "content": "Ada Testwell says hello " * 8}]}
    line = json.dumps(record) + "\n"
    path = tmp_path / "big.jsonl"
    path.write_text(line * 5_000)  # about 1.2 MB
    handler = get_handler(Format.JSONL)
    sink = io.StringIO()
    tracemalloc.start()
    for item in handler.read(path):
        assert isinstance(item, Unit)
        sink.write(item.render(upper(item)))
        sink.seek(0)
        sink.truncate()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 400_000  # a few records, never the whole file


def test_when_a_json_file_is_a_list_of_messages_then_it_is_one_conversation(
    tmp_path: Path,
) -> None:
    text = '[{"role": "user", "content": "I am Ada"}, {"role": "assistant", "content": "Hi Ada"}]'
    out, units, _ = run(write(tmp_path, "c.json", text), Format.JSON, fake_redact)
    assert [u.segment_fields for u in units] == [("[0].content", "[1].content")]
    assert out == text.replace("Ada", "<PERSON>")


def test_when_a_changed_text_has_a_lone_surrogate_then_it_stays_escaped(tmp_path: Path) -> None:
    line = '{"text": "Ada \\ud800"}\n'
    out, _, _ = run(write(tmp_path, "c.jsonl", line), Format.JSONL, fake_redact)
    assert out == '{"text": "<PERSON> \\ud800"}\n'
    assert out.encode("utf-8")
