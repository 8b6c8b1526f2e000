"""``confide audit`` as a user runs it: exit codes, options, outputs and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.pii import Redactor

from ._dataset import CLEAN_LINES, LEAK_LINE, LEAK_NAME, NOW, Dataset, text_transcript
from .conftest import run_cli


@pytest.fixture(autouse=True)
def _model(redactor: Redactor) -> None:
    """Load the model once for the session before the first CLI run."""


def small(root: Path, *, leak: bool = True) -> Path:
    """Two subjects with valid consent; S2's transcript leaks a name and phone when ``leak``."""
    ds = Dataset(root)
    ds.file("a/S1.txt", text_transcript(), "S1")
    lines = [*CLEAN_LINES[:2], LEAK_LINE] if leak else list(CLEAN_LINES[:3])
    ds.file("a/S2.txt", text_transcript(lines), "S2")
    ds.consent("S1")
    ds.consent("S2")
    return ds.write()


def audit(root: Path, *args: str, **kwargs: object) -> tuple[int, str, str]:
    return run_cli("audit", str(root), "--workers", "1", "--now", NOW, *args,
                   **kwargs)  # type: ignore[arg-type]


def report(root: Path, *args: str) -> tuple[int, dict[str, object]]:
    out = root.parent / "audit.json"
    code, _, _ = audit(root, "--json", str(out), *args)
    return code, json.loads(out.read_text(encoding="utf-8"))


def kinds(doc: dict[str, object]) -> list[str]:
    return sorted(f["kind"] for f in doc["findings"])  # type: ignore[attr-defined, index]


def test_when_dataset_is_clean_then_exit_0_and_pass(tmp_path: Path) -> None:
    code, out, err = audit(small(tmp_path / "d", leak=False))
    assert (code, err) == (0, "")
    assert out.splitlines()[0].endswith("PASS: no finding at or above --fail-on error")


@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("never", 0)])
def test_when_fail_on_is_given_then_exit_code_follows(
        tmp_path: Path, fail_on: str, code: int) -> None:
    assert audit(small(tmp_path / "d"), "--fail-on", fail_on)[0] == code


@pytest.mark.parametrize(("setup", "args", "fragment"), [
    ("none", (), "not a folder"),
    ("no-manifest", (), "--manifest"),
    ("no-consents", (), "--consents"),
    ("ok", ("--timezone", "Mars/Olympus"), "time zone"),
    ("ok", ("--now", "yesterday"), "ISO 8601"),
    ("ok", ("--manifest", "missing.csv"), "no manifest here"),
    ("ok", ("--path-column", "file"), "--path-column"),
])
def test_when_input_or_option_is_wrong_then_exit_2_with_one_line(
        tmp_path: Path, setup: str, args: tuple[str, ...], fragment: str) -> None:
    root = tmp_path / "d"
    if setup != "none":
        small(root)
    if setup == "no-manifest":
        (root / "manifest.csv").unlink()
    if setup == "no-consents":
        (root / "consents.jsonl").unlink()
    code, out, err = audit(root, *args)
    assert code == 2 and out == ""
    assert fragment in err and "Traceback" not in err


def test_when_a_file_is_binary_then_it_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    root = small(tmp_path / "d", leak=False)
    (root / "a" / "S1.txt").write_bytes(b"RIFF\x00\x01WAVE")
    code, doc = report(root)
    assert code == 1
    (finding,) = doc["findings"]  # type: ignore[misc]
    assert (finding["kind"], finding["file"]) == ("file-unreadable", "a/S1.txt")


def test_when_files_are_raw_or_excluded_or_unreadable_then_they_are_treated_so(
        tmp_path: Path) -> None:
    root = small(tmp_path / "d")
    (root / "README.md").write_text("About this study. Contact Marguerite Pellowe.\n")
    (root / "a" / "S1.wav").write_bytes(b"RIFF....WAVEfmt ")
    with (root / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write("a/S1.wav,S1,2026-09-15T10:00:00Z,between-session-support\n")
    code, doc = report(root, "--raw", "a/S2.txt", "--exclude", "README.md")
    assert (code, kinds(doc)) == (0, [])
    status = {e["path"]: (e["status"], e["scanned"], e["raw"])  # type: ignore[index]
              for e in doc["files"]}  # type: ignore[attr-defined]
    assert status == {"a/S1.txt": ("clean", True, False), "a/S2.txt": ("raw", False, True),
                      "a/S1.wav": ("not-scanned", False, False)}


def test_when_manifest_says_not_deidentified_then_the_file_is_not_scanned(tmp_path: Path) -> None:
    root = small(tmp_path / "d")
    text = (root / "manifest.csv").read_text().replace("purpose\n", "purpose,deidentified\n")
    text = text.replace("support\n", "support,true\n").replace("a/S2.txt,S2,2026-09-15T10:00:00Z,"
                                                              "between-session-support,true",
                                                              "a/S2.txt,S2,2026-09-15T10:00:00Z,"
                                                              "between-session-support,no")
    (root / "manifest.csv").write_text(text)
    code, doc = report(root)
    assert (code, kinds(doc)) == (0, [])


def test_when_columns_are_mapped_on_the_command_line_then_they_are_used(tmp_path: Path) -> None:
    root = small(tmp_path / "d", leak=False)
    text = (root / "manifest.csv").read_text().replace("path,subject_id", "file,participant", 1)
    (root / "manifest.csv").write_text(text)
    code, doc = report(root, "--path-column", "file", "--subject-column", "participant")
    assert (code, kinds(doc)) == (0, [])


def test_when_reports_are_written_inside_the_dataset_then_they_are_not_audited(
        tmp_path: Path) -> None:
    root = small(tmp_path / "d", leak=False)
    for _ in range(2):
        code, out, _ = audit(root, "--json", str(root / "audit.json"), "--sarif",
                             str(root / "audit.sarif"))
        assert code == 0, out


def test_when_json_goes_to_stdout_then_the_summary_goes_to_stderr(tmp_path: Path) -> None:
    code, out, err = audit(small(tmp_path / "d"), "--json", "-")
    assert code == 1
    assert json.loads(out)["schema"] == "confide.audit/1"
    assert err.startswith("confide audit ")


def test_when_progress_is_asked_then_it_goes_to_stderr_only(tmp_path: Path) -> None:
    code, out, err = audit(small(tmp_path / "d", leak=False), "--progress")
    assert code == 0 and "2/2 files" in err and "files," not in out


def test_when_no_context_then_reports_hold_no_context(tmp_path: Path) -> None:
    _, doc = report(small(tmp_path / "d"), "--no-context")
    contexts = [o["context"] for f in doc["findings"]  # type: ignore[attr-defined]
                for o in f["occurrences"]]
    assert contexts and all(c is None for c in contexts)


def test_when_output_is_printed_then_no_raw_value_is_in_it(tmp_path: Path) -> None:
    code, out, err = audit(small(tmp_path / "d"))
    assert code == 1 and "residual-personal-data" in out
    assert LEAK_NAME.split()[1] not in out + err and "900461" not in out + err


def test_when_dataset_folder_is_named_review_then_dot_slash_audits_it(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch
                                                                    ) -> None:
    small(tmp_path / "review", leak=False)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli("audit", "./review", "--workers", "1", "--now", NOW)
    assert code == 0 and "PASS" in out
    code, _, err = run_cli("audit", "review")
    assert code == 2 and "BASELINE" in err


def test_when_help_is_asked_then_audit_usage_and_review_are_explained() -> None:
    code, out, _ = run_cli("audit", "--help")
    assert code == 0
    assert out.startswith("Usage: confide audit [OPTIONS] DATASET_DIR")
    assert "confide audit review" in out and "--baseline" in out
    code, out, _ = run_cli("audit", "review", "--help")
    assert code == 0 and out.startswith("Usage: confide audit review [OPTIONS] BASELINE")
