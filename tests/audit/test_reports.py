"""The renderers: a golden HTML page, escaping, JSON shape, SARIF, and the terminal summary."""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from toolkit.audit import (
    AUDIT_SCHEMA,
    Review,
    Status,
    Verdict,
    render_html,
    render_json,
    render_sarif,
    render_text,
)
from toolkit.audit.html import TEMPLATE
from toolkit.consent.policy import Severity

from ._results import FINDINGS, WHEN, fixed_result

GOLDEN = Path(__file__).resolve().parent / "golden" / "audit_report.html"


def test_when_fixed_result_is_rendered_then_html_matches_golden() -> None:
    html = render_html(fixed_result())
    if os.environ.get("CONFIDE_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(html, encoding="utf-8")
    assert html == GOLDEN.read_text(encoding="utf-8"), (
        f"{TEMPLATE} output changed; review the diff and rerun with CONFIDE_UPDATE_GOLDEN=1")


def test_when_text_holds_markup_then_html_escapes_it() -> None:
    evil = replace(FINDINGS[4], message='<script>alert("x")</script> & <img src=x>')
    html = render_html(replace(fixed_result(), findings=(*FINDINGS, evil)))
    assert "<script>alert" not in html and "<img src=x>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;img src=x&gt;" in html
    assert "&lt;that&#39;s&gt; fine &amp; done" in html


def test_when_html_is_rendered_then_only_one_inline_script_and_no_external_reference() -> None:
    html = render_html(fixed_result())
    assert len(re.findall(r"<script\b", html)) == 1 and "<script>" in html
    assert "://" not in html and "@import" not in html
    assert not re.search(r"""\b(?:src|href)\s*=\s*["'](?!#)""", html)


def test_when_html_is_rendered_then_every_finding_can_be_filtered() -> None:
    html = render_html(fixed_result())
    articles = re.findall(r'<article class="finding[^"]*" id="finding-(\w+)"\s+data-severity="'
                          r'(\w+)" data-kind="([\w-]+)" data-status="([\w-]+)" data-fails="(\w+)"',
                          html)
    assert sorted(a[0] for a in articles) == sorted(f.id for f in FINDINGS)
    for severity in Severity:
        assert f'<option value="{severity.value}">' in html


def test_when_json_is_rendered_then_it_is_versioned_and_complete() -> None:
    doc = json.loads(render_json(fixed_result()))
    assert doc["schema"] == AUDIT_SCHEMA and doc["verdict"] == "fail"
    assert doc["summary"]["by_severity"] == {"error": 4, "warning": 1, "info": 1}
    assert doc["summary"]["failing"] == 4
    assert doc["scope"] == {"files": 6, "scanned": 4, "clean": 1, "with_findings": 3, "raw": 1,
                            "not_scanned": 1, "missing": 0, "subjects": 4, "characters": 1650}
    first = doc["findings"][0]
    assert first["lines"] == [3, 9] and first["where"] == "sessions/S04.txt:3"
    assert first["occurrences"][0]["context"].startswith("CLIENT: it is me, <PERSON>")
    assert {k["code"] for k in doc["kinds"]} == {f.kind.code for f in FINDINGS}


def test_when_a_finding_is_reviewed_then_every_report_shows_who_and_when() -> None:
    review = Review(Verdict.FALSE_POSITIVE, "Dr Officer", WHEN, "a drug name, not a person")
    findings = (replace(FINDINGS[0], status=Status.DISMISSED, review=review), *FINDINGS[1:])
    result = replace(fixed_result(), findings=findings)
    doc = json.loads(render_json(result))
    assert doc["findings"][0]["review"] == {"verdict": "false-positive", "reviewer": "Dr Officer",
                                            "at": "2026-11-01T09:30:00Z",
                                            "note": "a drug name, not a person"}
    assert doc["findings"][0]["fails"] is False
    html = render_html(result)
    assert "Reviewed findings" in html and "Dr Officer" in html
    sarif = json.loads(render_sarif(result))
    (suppression,) = sarif["runs"][0]["results"][0]["suppressions"]
    assert suppression["status"] == "accepted" and "Dr Officer" in suppression["justification"]


def test_when_sarif_is_rendered_then_rules_results_and_locations_agree() -> None:
    run = json.loads(render_sarif(fixed_result()))["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules == list(dict.fromkeys(k.code for k in _kind_order()))
    by_rule = {r["ruleId"]: r for r in run["results"]}
    expiry = by_rule["collected-after-expiry"]
    assert expiry["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "recordings/S07.vtt", "uriBaseId": "DATASET"}
    assert expiry["relatedLocations"][0]["physicalLocation"]["region"] == {"startLine": 7}
    withdrawn = by_rule["consent-withdrawn"]
    assert withdrawn["locations"][0]["logicalLocations"][0]["name"] == "S05"
    assert "baselineState" not in withdrawn


def _kind_order() -> list:  # type: ignore[type-arg]
    from toolkit.audit import Kind

    present = {f.kind for f in FINDINGS}
    return [k for k in Kind if k in present]


@pytest.mark.parametrize(("threshold", "verdict", "failing"), [
    (Severity.ERROR, "FAIL", 4), (Severity.WARNING, "FAIL", 5), (Severity.INFO, "FAIL", 6),
    (None, "PASS", 0),
])
def test_when_threshold_changes_then_terminal_summary_follows(
        threshold: Severity | None, verdict: str, failing: int) -> None:
    result = replace(fixed_result(), threshold=threshold)
    text = render_text(result)
    assert text.splitlines()[0].startswith(f"confide audit study: {verdict}")
    assert len(result.failing) == failing
    assert f"; {failing} failing" in text
    assert "note: 2 manifest timestamp(s) had no time zone" in text


def test_when_color_is_asked_then_severities_are_coloured() -> None:
    assert "\x1b[31m" in render_text(fixed_result(), color=True)
    assert "\x1b[" not in render_text(fixed_result(), color=False)


def test_when_nothing_is_found_then_every_report_says_pass() -> None:
    result = replace(fixed_result(), findings=())
    html = render_html(result)
    assert 'class="verdict pass"' in html and "No file has a finding." in html
    assert json.loads(render_json(result))["verdict"] == "pass"
    assert json.loads(render_sarif(result))["runs"][0]["results"] == []
    assert "PASS" in render_text(result).splitlines()[0]
