"""The baseline workflow through the command line: audit, review, audit again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.pii import Redactor

from ._dataset import LEAK_NAME, LEAK_PHONE, NOW
from .conftest import run_cli
from .test_cli_audit import small


@pytest.fixture(autouse=True)
def _model(redactor: Redactor) -> None:
    """Load the model once for the session before the first CLI run."""


def audit(root: Path, baseline: Path, *args: str, **kwargs: object) -> tuple[int, str, str]:
    return run_cli("audit", str(root), "--workers", "1", "--now", NOW, "--baseline",
                   str(baseline), *args, **kwargs)  # type: ignore[arg-type]


def entries(baseline: Path) -> list[dict[str, object]]:
    return json.loads(baseline.read_text(encoding="utf-8"))["findings"]  # type: ignore[no-any-return]


@pytest.fixture
def leaky(tmp_path: Path) -> tuple[Path, Path]:
    """A dataset whose one file leaks a name and a phone number, and a fresh baseline path."""
    return small(tmp_path / "d"), tmp_path / "baseline.json"


def test_when_baseline_has_no_key_then_exit_2_names_the_variable(
        leaky: tuple[Path, Path]) -> None:
    root, baseline = leaky
    code, _, err = audit(root, baseline, key=None)
    assert code == 2 and "CONFIDE_HASH_KEY" in err and "--key-file" in err
    assert not baseline.exists()


def test_when_baseline_is_new_then_findings_fail_and_a_rerun_does_not(
        leaky: tuple[Path, Path]) -> None:
    root, baseline = leaky
    code, out, _ = audit(root, baseline)
    assert code == 1 and "2 new" in out
    assert {e["kind"] for e in entries(baseline)} == {"residual-personal-data"}
    text = baseline.read_text(encoding="utf-8")
    assert LEAK_PHONE not in text and LEAK_NAME.split()[1] not in text
    code, out, _ = audit(root, baseline)
    assert code == 0 and "0 new, 2 unreviewed" in out


def test_when_officer_reviews_then_confirmed_fail_and_dismissed_do_not(
        leaky: tuple[Path, Path]) -> None:
    root, baseline = leaky
    audit(root, baseline)
    by_type = {e["entity_type"]: e["id"] for e in entries(baseline)}
    order = [e["entity_type"] for e in entries(baseline)]
    answers = {"PERSON": "t\nreal client name\n", "PHONE_NUMBER": "f\n\n"}
    code, out, _ = run_cli("audit", "review", str(baseline), "--reviewer", "Dr Ada Officer",
                           input="".join(answers[t] for t in order))  # type: ignore[index]
    assert code == 0
    assert "<PERSON>" in out and "<PHONE_NUMBER>" in out and "900461" not in out
    assert "reviewed 2: 1 true positive, 1 false positive; 0 still unreviewed" in out
    reviews = {e["id"]: e["review"] for e in entries(baseline)}
    assert reviews[by_type["PERSON"]]["verdict"] == "true-positive"  # type: ignore[index]
    assert reviews[by_type["PERSON"]]["note"] == "real client name"  # type: ignore[index]
    assert reviews[by_type["PHONE_NUMBER"]]["reviewer"] == "Dr Ada Officer"  # type: ignore[index]
    out_json = root.parent / "after.json"
    code, _, _ = audit(root, baseline, "--json", str(out_json))
    assert code == 1
    doc = json.loads(out_json.read_text(encoding="utf-8"))
    status = {f["entity_type"]: (f["status"], f["fails"], f["review"]["reviewer"])
              for f in doc["findings"]}
    assert status == {"PERSON": ("true-positive", True, "Dr Ada Officer"),
                      "PHONE_NUMBER": ("false-positive", False, "Dr Ada Officer")}


def test_when_every_finding_is_dismissed_then_the_audit_passes(leaky: tuple[Path, Path]) -> None:
    root, baseline = leaky
    audit(root, baseline)
    code, _, _ = run_cli("audit", "review", str(baseline), input="f\n\nf\n\n",
                         env={"USER": "officer"})
    assert code == 0
    assert {e["review"]["reviewer"] for e in entries(baseline)} == {"officer"}  # type: ignore[index]
    code, out, _ = audit(root, baseline)
    assert code == 0 and "2 false positive" in out


def test_when_officer_skips_or_quits_then_the_rest_stays_unreviewed(
        leaky: tuple[Path, Path]) -> None:
    root, baseline = leaky
    audit(root, baseline)
    code, out, _ = run_cli("audit", "review", str(baseline), "--reviewer", "o", input="s\nq\n")
    assert code == 0 and "reviewed 0" in out and "2 still unreviewed" in out
    code, out, _ = run_cli("audit", "review", str(baseline), "--reviewer", "o", input="x\nt\n\nq\n")
    assert code == 0 and "reviewed 1: 1 true positive" in out
    assert sum(1 for e in entries(baseline) if e["review"]) == 1
    code, out, _ = run_cli("audit", "review", str(baseline), "--reviewer", "o", input="")
    assert code == 0 and "reviewed 0" in out and "1 still unreviewed" in out


def test_when_nothing_is_left_then_review_says_so_and_all_revisits(
        leaky: tuple[Path, Path]) -> None:
    root, baseline = leaky
    audit(root, baseline)
    run_cli("audit", "review", str(baseline), "--reviewer", "o", input="t\n\nt\n\n")
    code, out, _ = run_cli("audit", "review", str(baseline), "--reviewer", "o")
    assert code == 0 and "nothing to review" in out
    code, out, _ = run_cli("audit", "review", str(baseline), "--reviewer", "o", "--all",
                           "--kind", "residual-personal-data", input="f\nchanged my mind\nq\n")
    assert "reviewed before: true-positive by o" in out and "reviewed 1: 0 true positive" in out


@pytest.mark.parametrize(("setup", "env", "fragment"), [
    ("missing", {"USER": "officer"}, "no such baseline"),
    ("ok", {"USER": None, "LOGNAME": None}, "--reviewer"),
])
def test_when_review_cannot_start_then_exit_2_with_one_line(
        leaky: tuple[Path, Path], setup: str, env: dict[str, str | None], fragment: str) -> None:
    root, baseline = leaky
    if setup == "ok":
        audit(root, baseline)
    code, _, err = run_cli("audit", "review", str(baseline), env=env)
    assert code == 2 and fragment in err and len(err.strip().splitlines()) == 1


def test_when_key_changes_then_the_baseline_is_refused(leaky: tuple[Path, Path]) -> None:
    root, baseline = leaky
    audit(root, baseline)
    code, _, err = audit(root, baseline, key="a-completely-different-key-000")
    assert code == 2 and "another key" in err
