"""Baselines: findings remembered by keyed id, reviews kept, only new or confirmed ones fail."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from toolkit.audit import (
    AuditResult,
    Baseline,
    Review,
    Status,
    Verdict,
    apply_baseline,
    load_baseline,
    save_baseline,
)
from toolkit.audit.baseline import dump_baseline
from toolkit.errors import ConfigError, InputError

from ._results import FINDINGS, fixed_result

KEY = b"baseline-test-key-0123456789"
LATER = datetime(2026, 11, 2, tzinfo=UTC)


def _first_baseline() -> tuple[AuditResult, Baseline]:
    return apply_baseline(fixed_result(), None, path="b.json", key=KEY, now=LATER)


def test_when_there_is_no_baseline_then_every_finding_is_new_and_fails() -> None:
    result, baseline = _first_baseline()
    assert {f.status for f in result.findings} == {Status.NEW}
    assert result.baseline is not None and result.baseline.new == len(FINDINGS)
    assert len(result.failing) == sum(1 for f in FINDINGS if f.severity.value == "error")
    assert [e.id for e in baseline.entries] == [f.id for f in FINDINGS]


def test_when_findings_are_already_in_the_baseline_then_unreviewed_ones_do_not_fail() -> None:
    _, baseline = _first_baseline()
    result, _ = apply_baseline(fixed_result(), baseline, path="b.json", key=KEY, now=LATER)
    assert {f.status for f in result.findings} == {Status.UNREVIEWED}
    assert result.passed


@pytest.mark.parametrize(("verdict", "status", "fails"), [
    (Verdict.TRUE_POSITIVE, Status.CONFIRMED, True),
    (Verdict.FALSE_POSITIVE, Status.DISMISSED, False),
])
def test_when_a_finding_is_reviewed_then_only_a_true_positive_fails(
        verdict: Verdict, status: Status, fails: bool) -> None:
    _, baseline = _first_baseline()
    target = FINDINGS[0].id
    baseline = baseline.with_review(target, Review(verdict, "officer", LATER, "checked"))
    result, updated = apply_baseline(fixed_result(), baseline, path="b.json", key=KEY)
    (finding,) = [f for f in result.findings if f.id == target]
    assert finding.status is status and finding.review is not None
    assert finding.review.reviewer == "officer"
    assert [f.id for f in result.failing] == ([target] if fails else [])
    assert updated.get(target).review == baseline.get(target).review  # type: ignore[union-attr]


def test_when_a_new_finding_appears_then_it_alone_fails() -> None:
    _, baseline = _first_baseline()
    extra = replace(FINDINGS[0], id="feedfacefeedface", file="sessions/S09.txt")
    result, updated = apply_baseline(replace(fixed_result(), findings=(*FINDINGS, extra)),
                                     baseline, path="b.json", key=KEY)
    assert [f.id for f in result.failing] == ["feedfacefeedface"]
    assert updated.get("feedfacefeedface") is not None


def test_when_a_finding_is_gone_then_it_is_dropped_and_counted_resolved() -> None:
    _, baseline = _first_baseline()
    result, updated = apply_baseline(replace(fixed_result(), findings=FINDINGS[1:]), baseline,
                                     path="b.json", key=KEY)
    assert result.baseline is not None and result.baseline.resolved == 1
    assert updated.get(FINDINGS[0].id) is None


def test_when_the_key_differs_then_the_baseline_is_refused() -> None:
    _, baseline = _first_baseline()
    with pytest.raises(ConfigError, match="CONFIDE_HASH_KEY"):
        apply_baseline(fixed_result(), baseline, path="b.json", key=b"another-key-0123456789")


def test_when_settings_changed_then_the_names_are_reported() -> None:
    _, baseline = _first_baseline()
    changed = replace(fixed_result(), settings={**fixed_result().settings, "entities": ["PERSON"]})
    result, _ = apply_baseline(changed, baseline, path="b.json", key=KEY)
    assert result.baseline is not None and result.baseline.changed_settings == ("entities",)


def test_when_saved_and_loaded_then_nothing_is_lost(tmp_path: Path) -> None:
    _, baseline = _first_baseline()
    baseline = baseline.with_review(FINDINGS[2].id,
                                    Review(Verdict.FALSE_POSITIVE, "dr. o", LATER, None))
    save_baseline(baseline, tmp_path / "b.json")
    loaded = load_baseline(tmp_path / "b.json")
    assert loaded == baseline
    assert json.loads((tmp_path / "b.json").read_text())["schema"] == "confide.audit-baseline/1"
    assert not list(tmp_path.glob(".*.tmp"))


def test_when_baseline_is_written_then_it_holds_masked_contexts_not_values() -> None:
    _, baseline = _first_baseline()
    text = dump_baseline(baseline)
    assert "line 3: CLIENT: it is me, <PERSON>, on <PHONE_NUMBER> …" in text
    assert '"key_id"' in text and KEY.decode() not in text


@pytest.mark.parametrize(("content", "error", "fragment"), [
    ("{not json", InputError, "b.json:1"),
    ('{"schema": "other/1"}', ConfigError, "confide.audit-baseline/1"),
    ('{"schema": "confide.audit-baseline/1", "findings": [{}]}', InputError, "malformed"),
])
def test_when_baseline_file_is_bad_then_error_names_it(
        tmp_path: Path, content: str, error: type[Exception], fragment: str) -> None:
    (tmp_path / "b.json").write_text(content, encoding="utf-8")
    with pytest.raises(error, match=fragment.replace(".", r"\.")):
        load_baseline(tmp_path / "b.json")


def test_when_baseline_is_missing_then_error_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--baseline"):
        load_baseline(tmp_path / "none.json")
