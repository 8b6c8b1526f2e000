"""Loading records: formats, line numbers, malformed input and UTC normalisation."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from toolkit.consent.findings import Finding, InputProblem
from toolkit.consent.records import InputFormat, load_records, normalise_times, read_records
from toolkit.errors import InputError

from .conftest import DATA

GOOD = {
    "schema_version": "confide.consent/1",
    "record_id": "e1000000-0000-4000-8000-000000000001",
    "subject_id": "P1",
    "events": [{"state": "given", "at": "2026-03-05T14:20:00+01:00"}],
}


def _codes(findings: tuple[Finding, ...]) -> list[tuple[str, int | None]]:
    return [(f.rule, f.line) for f in findings]


def test_when_json_file_holds_one_record_then_it_is_read_at_line_1() -> None:
    result = read_records(json.dumps(GOOD), "a.json", InputFormat.JSON)
    assert [(r.record_id, r.line) for r in result.records] == [(GOOD["record_id"], 1)]
    assert result.problems == ()


def test_when_json_array_has_records_then_each_keeps_its_line() -> None:
    text = "[\n" + json.dumps(GOOD) + ",\n\n  " + json.dumps({**GOOD, "record_id": "x"}) + "\n]\n"
    result = read_records(text, "a.json", InputFormat.JSON)
    assert [r.line for r in result.records] == [2, 4]
    assert [r.position for r in result.records] == [1, 2]


def test_when_json_array_breaks_midway_then_earlier_records_survive_and_line_is_named() -> None:
    text = "[\n" + json.dumps(GOOD) + ',\n{"record_id": 1,,}\n]'
    result = read_records(text, "a.json", InputFormat.JSON)
    assert len(result.records) == 1
    assert _codes(result.problems) == [("INPUT-PARSE", 3)]


def test_when_jsonl_has_bad_lines_then_each_is_a_finding_and_the_rest_is_read() -> None:
    result = load_records([DATA / "malformed.jsonl"])
    assert [r.line for r in result.records] == [1, 4, 6, 8]
    assert _codes(result.problems) == [
        ("INPUT-PARSE", 2),
        ("INPUT-NOT-A-RECORD", 3),
        ("INPUT-BAD-TIME", 4),
        ("INPUT-NOT-A-RECORD", 7),
        ("INPUT-NAIVE-TIME", 8),
    ]
    assert all(f.source == str(DATA / "malformed.jsonl") for f in result.problems)


def test_when_yaml_has_documents_and_one_is_broken_then_others_are_read() -> None:
    text = (
        "record_id: a\nsubject_id: P1\n---\nrecord_id: [unclosed\n---\n"
        "# comment\nrecord_id: c\nsubject_id: P3\n"
    )
    result = read_records(text, "a.yaml", InputFormat.YAML)
    assert [(r.record_id, r.line) for r in result.records] == [("a", 1), ("c", 7)]
    assert [f.rule for f in result.problems] == ["INPUT-PARSE"]
    assert result.problems[0].line == 4


def test_when_yaml_is_a_list_then_each_item_has_its_line() -> None:
    result = read_records(
        "- record_id: a\n- record_id: b\n  subject_id: P\n", "a.yaml", InputFormat.YAML
    )
    assert [(r.record_id, r.line) for r in result.records] == [("a", 1), ("b", 2)]


def test_when_csv_has_dotted_columns_then_nested_records_are_built() -> None:
    text = (
        "record_id,subject.age_at_consent,purposes.0.id,purposes.0.data_categories,"
        "purposes.1.id,disclosures.ai_limitations,valid_until\n"
        'r1,34,chat,"[""chat_logs"", ""health""]",mood,true,2027-01-01T00:00:00Z\n'
        "r2,,chat,,,false,\n"
    )
    result = read_records(text, "a.csv", InputFormat.CSV)
    first, second = result.records
    assert first.data["subject"] == {"age_at_consent": 34}
    assert first.data["purposes"] == [
        {"id": "chat", "data_categories": ["chat_logs", "health"]},
        {"id": "mood"},
    ]
    assert first.data["disclosures"]["ai_limitations"] is True
    assert first.data["valid_until"] == datetime(2027, 1, 1, tzinfo=UTC)
    assert "subject" not in second.data and second.line == 3


@pytest.mark.parametrize(
    ("header", "row", "code"),
    [
        ("subject,subject.age_at_consent", "P1,34", "INPUT-CSV-COLUMN"),
        ("purposes.0.id,purposes.2.id", "a,b", "INPUT-CSV-COLUMN"),
        ("record_id,subject_id", "only-one-cell", "INPUT-PARSE"),
    ],
)
def test_when_csv_row_is_inconsistent_then_finding_names_its_line(
    header: str, row: str, code: str
) -> None:
    result = read_records(f"{header}\n{row}\n", "a.csv", InputFormat.CSV)
    assert _codes(result.problems) == [(code, 2)]


def test_the_bundled_csv_example_reads_three_records() -> None:
    result = load_records([DATA / "records.csv"])
    assert [r.line for r in result.records] == [2, 3, 4]
    assert result.problems == ()


@pytest.mark.parametrize(
    ("value", "expected", "problem"),
    [
        ("2026-03-05T14:20:00+01:00", datetime(2026, 3, 5, 13, 20, tzinfo=UTC), None),
        ("2026-03-05T14:20:00Z", datetime(2026, 3, 5, 14, 20, tzinfo=UTC), None),
        ("2026-03-05T14:20:00", datetime(2026, 3, 5, 14, 20, tzinfo=UTC), "INPUT-NAIVE-TIME"),
        ("2026-03-05", datetime(2026, 3, 5, tzinfo=UTC), None),
        ("5 March 2026", "5 March 2026", "INPUT-BAD-TIME"),
        (1772720400, 1772720400, "INPUT-BAD-TIME"),
        (
            datetime(2026, 3, 5, 14, 20),
            datetime(2026, 3, 5, 14, 20, tzinfo=UTC),
            "INPUT-NAIVE-TIME",
        ),
    ],
)
def test_when_timestamp_is_read_then_it_becomes_aware_utc(
    value: object, expected: object, problem: str | None
) -> None:
    data = {"events": [{"at": value}], "valid_until": value}
    problems = normalise_times(data)
    assert data["events"][0]["at"] == expected
    assert data["valid_until"] == expected
    assert [p[0].code for p in problems] == ([problem, problem] if problem else [])
    assert [p[1] for p in problems] == (["events.0.at", "valid_until"] if problem else [])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-09-01", date(2026, 9, 1)),
        ("2026-09-01T23:30:00-02:00", date(2026, 9, 2)),
        (date(2026, 9, 1), date(2026, 9, 1)),
        ("soon", "soon"),
    ],
)
def test_when_date_field_is_read_then_it_becomes_a_date(value: object, expected: object) -> None:
    data = {"research": {"data_withdrawal_deadline": value, "anonymised_after_deadline": True}}
    normalise_times(data)
    assert data["research"]["data_withdrawal_deadline"] == expected
    assert data["research"]["anonymised_after_deadline"] is True


def test_when_bad_time_is_reported_then_the_value_is_not_echoed() -> None:
    text = json.dumps({**GOOD, "valid_until": "when Jane Example says so"})
    result = read_records(text, "a.json", InputFormat.JSON)
    (problem,) = result.problems
    assert problem.rule == "INPUT-BAD-TIME" and problem.path == "valid_until"
    assert "Jane" not in problem.message


def test_when_path_is_missing_then_input_error_names_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_records([tmp_path / "nope.json"])


def test_when_directory_is_given_then_record_files_in_it_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(GOOD), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a record", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.yaml").write_text("record_id: b\n", encoding="utf-8")
    result = load_records([tmp_path])
    assert [r.record_id for r in result.records] == [GOOD["record_id"], "b"]


def test_when_file_is_not_utf8_then_decode_finding_and_others_still_read(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe\x00binary")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(GOOD), encoding="utf-8")
    result = load_records([bad, good])
    assert [f.rule for f in result.problems] == [InputProblem.DECODE.code]
    assert len(result.records) == 1


def test_when_file_is_empty_then_empty_finding() -> None:
    result = read_records("  \n", "a.json", InputFormat.JSON)
    assert [f.rule for f in result.problems] == ["INPUT-EMPTY"]


def test_when_two_records_share_an_id_then_duplicate_finding(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps(GOOD) + "\n", encoding="utf-8")
    result = load_records([path])
    assert _codes(result.problems) == [("INPUT-DUPLICATE-ID", 2)]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (json.dumps(GOOD) + "\n" + json.dumps(GOOD) + "\n", 2),
        (json.dumps(GOOD), 1),
        ("record_id: a\n", 1),
    ],
)
def test_when_stdin_is_read_then_jsonl_json_and_yaml_are_recognised(text: str, count: int) -> None:
    result = load_records(["-"], stdin_text=text)
    assert len(result.records) == count
