"""The held-out records (tests/consent/data), judged through the command line as a user would.

Each record says what to expect in its `_expect` field: `valid` (no error), or the rule it
breaks, a fragment the finding's reference must cite and (default error) the severity.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from toolkit.cli import main

from .conftest import DATA

NOW = "2026-11-01T00:00:00Z"
FILES = sorted(DATA.glob("*.yaml"))


def _expectations(path: Path) -> dict[str, Any]:
    return {r["record_id"]: r["_expect"] for r in yaml.safe_load(path.read_text(encoding="utf-8"))}


def _run(path: Path) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(
        main, ["consent", "validate", str(path), "--format", "json", "--now", NOW]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.stdout)


CASES = [
    pytest.param(path, record_id, expect, id=f"{path.stem}:{record_id[-3:]}")
    for path in FILES
    for record_id, expect in _expectations(path).items()
]


@pytest.fixture(scope="module")
def reports() -> dict[Path, tuple[int, dict[str, Any]]]:
    return {path: _run(path) for path in FILES}


@pytest.mark.parametrize(("path", "record_id", "expect"), CASES)
def test_heldout_record_is_judged_as_expected(
    reports: dict[Path, tuple[int, dict[str, Any]]], path: Path, record_id: str, expect: Any
) -> None:
    _, report = reports[path]
    findings = [f for f in report["findings"] if f["record_id"] == record_id]
    if expect == "valid":
        assert [f for f in findings if f["severity"] == "error"] == []
        return
    severity = expect.get("severity", "error")
    matching = [f for f in findings if f["rule"] == expect["rule"]]
    assert matching, f"{record_id}: no {expect['rule']} finding in {[f['rule'] for f in findings]}"
    assert any(f["severity"] == severity for f in matching)
    assert all(expect["reference"] in f["reference"] for f in matching)


def test_heldout_covers_valid_uk_and_czech_clinical_and_research_records() -> None:
    valid = {
        (r["jurisdiction"], r["context"])
        for path in FILES
        for r in yaml.safe_load(path.read_text(encoding="utf-8"))
        if r["_expect"] == "valid"
    }
    assert valid == {("GB", "clinical"), ("GB", "research"), ("CZ", "clinical"), ("CZ", "research")}


def test_heldout_files_with_broken_records_exit_1(
    reports: dict[Path, tuple[int, dict[str, Any]]],
) -> None:
    assert {code for code, _ in reports.values()} == {1}


def test_heldout_json_findings_carry_the_contract_fields(
    reports: dict[Path, tuple[int, dict[str, Any]]],
) -> None:
    for _, report in reports.values():
        assert report["schema"] == "confide.findings/1" and report["now"] == NOW
        for finding in report["findings"]:
            assert {
                "record_id",
                "rule",
                "severity",
                "reference",
                "path",
                "message",
                "line",
                "source",
            } <= finding.keys()
            assert finding["line"] is not None


def test_malformed_jsonl_names_lines_and_still_judges_the_good_records() -> None:
    code, report = _run(DATA / "malformed.jsonl")
    assert code == 1
    by_line = {(f["line"], f["rule"]) for f in report["findings"]}
    assert {
        (2, "INPUT-PARSE"),
        (3, "INPUT-NOT-A-RECORD"),
        (4, "INPUT-BAD-TIME"),
        (7, "INPUT-NOT-A-RECORD"),
        (8, "INPUT-NAIVE-TIME"),
    } <= by_line
    assert report["records"] == 4
    good = {"d1000000-0000-4000-8000-000000000001", "d1000000-0000-4000-8000-000000000002"}
    assert not [f for f in report["findings"] if f["record_id"] in good]
