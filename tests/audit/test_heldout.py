"""The bar of issue 6: a held-out dataset with planted problems, audited as a user would.

Every planted problem is named in the JSON report against the right file or subject, and
nothing is flagged in the clean files or against the clean subjects.
"""

from __future__ import annotations

import re

import pytest

from ._dataset import LEAK_NAME, LEAK_PHONE, Planted
from .conftest import Audited

PLANTED_KINDS = [
    "residual-personal-data", "consent-withdrawn", "no-consent-record",
    "collected-after-expiry", "purpose-not-consented", "file-not-in-manifest",
]


def _concerns(finding: dict[str, object], planted: Planted) -> bool:
    files = {finding["file"], *finding["files"]}  # type: ignore[misc]
    if planted.file is not None:
        return finding["kind"] == planted.kind and planted.file in files
    return finding["kind"] == planted.kind and finding["subject"] == planted.subject


@pytest.mark.parametrize("kind", PLANTED_KINDS)
def test_when_problem_is_planted_then_json_names_it_against_its_file_or_subject(
        audited: Audited, kind: str) -> None:
    (planted,) = [p for p in audited.planted if p.kind == kind]
    matching = [f for f in audited.report["findings"] if _concerns(f, planted)]
    found = [f["kind"] for f in audited.report["findings"]]
    assert matching, f"{planted} not reported; got {found}"
    assert all(f["severity"] == "error" and f["fails"] for f in matching)


def test_when_leak_is_planted_then_name_and_phone_are_found_on_its_line(audited: Audited) -> None:
    leaks = [f for f in audited.report["findings"] if f["kind"] == "residual-personal-data"]
    assert {f["entity_type"] for f in leaks} == {"PERSON", "PHONE_NUMBER"}
    assert {f["file"] for f in leaks} == {"sessions/S04-week1.txt"}
    for finding in leaks:
        assert finding["lines"] == [3]
        (occurrence,) = finding["occurrences"]
        assert "<PERSON>" in occurrence["context"] and "<PHONE_NUMBER>" in occurrence["context"]


def test_when_audited_then_nothing_is_flagged_in_clean_files_or_clean_subjects(
        audited: Audited) -> None:
    for finding in audited.report["findings"]:
        touched = {finding["file"], *finding["files"]}
        assert not touched & set(audited.clean_files), finding["message"]
        assert finding["subject"] not in audited.clean_subjects, finding["message"]
    statuses = {e["path"]: e["status"] for e in audited.report["files"]}
    assert all(statuses[path] == "clean" for path in audited.clean_files)


def test_when_audited_then_every_flagged_thing_is_a_planted_one(audited: Audited) -> None:
    files = {p.file for p in audited.planted if p.file}
    subjects = {p.subject for p in audited.planted if p.subject}
    planted_subject_files = {f for e in audited.report["subjects"] if e["subject"] in subjects
                             for f in e["files"]}
    for finding in audited.report["findings"]:
        touched = {finding["file"], *finding["files"]} - {None}
        assert touched <= files | planted_subject_files | {"sessions/S07-week3.vtt"}, finding
        assert finding["subject"] in subjects | {"S04", "S07", None}, finding


def test_when_audited_then_exit_is_1_and_summary_says_fail(audited: Audited) -> None:
    assert audited.exit_code == 1
    assert audited.report["verdict"] == "fail" and audited.report["schema"] == "confide.audit/1"
    assert "FAIL" in audited.stdout.splitlines()[0]


def test_when_reports_are_written_then_no_raw_value_is_in_any(audited: Audited) -> None:
    text = [audited.stdout, audited.html, str(audited.report), str(audited.sarif)]
    for value in (LEAK_NAME, *LEAK_NAME.split(), LEAK_PHONE, LEAK_PHONE.replace(" ", "")):
        assert not any(value in t for t in text), value


def test_when_html_is_written_then_it_references_nothing_outside(audited: Audited) -> None:
    html = audited.html
    assert not re.search(r"""(?:src|href|action|data|poster)\s*=\s*["']?\s*(?:https?:)?//""",
                         html, re.I)
    assert "@import" not in html and "url(" not in html
    assert "://" not in html
    assert not re.search(r"<(?:link|iframe|object|embed|img|base)\b", html, re.I)
    assert not re.search(r"<script[^>]*\bsrc=", html, re.I)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_when_html_is_written_then_summary_and_sections_are_there(audited: Audited) -> None:
    html = audited.html
    assert 'class="verdict fail"' in html and "<svg" in html
    for heading in ("Summary", "Files", "Subjects and consent", "Scope, settings and review"):
        assert f">{heading}</h2>" in html
    assert html.count('<article class="finding') == len(audited.report["findings"])


def test_when_sarif_is_written_then_each_finding_is_a_located_result(audited: Audited) -> None:
    sarif = audited.sarif
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(run["results"]) == len(audited.report["findings"])
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert result["partialFingerprints"]["confideFindingId/v1"]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    leak = [r for r in run["results"] if r["ruleId"] == "residual-personal-data"]
    assert {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in leak} == {3}
