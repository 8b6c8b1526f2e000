"""``confide consent render`` on the command line (CliRunner)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from tests.consent._render_support import EXAMPLES, base
from toolkit.cli import main
from toolkit.consent.checklist import required_elements
from toolkit.consent.policy import load_policies
from toolkit.consent.render import version_id_of

CBT = str(EXAMPLES / "cbt-chatbot.yaml")
STUDY = str(EXAMPLES / "research-study.yaml")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["consent", "render", *args])
    return result.exit_code, result.stdout, result.stderr


def test_when_rendered_to_stdout_then_figures_go_to_stderr() -> None:
    code, out, err = _run(CBT, "--format", "txt")
    assert code == 0
    assert out.startswith("USING THISTLE IN YOUR THERAPY")
    assert "readability: Flesch-Kincaid grade" in err
    required, _ = required_elements("GB", "clinical", load_policies())
    assert f"checklist: {len(required)}/{len(required)} disclosure elements stated" in err
    digest = version_id_of(out)
    assert f"version id sha256:{digest}" in err
    assert "readability" not in out


@pytest.mark.parametrize(("fmt", "start"), [("html", b"<!DOCTYPE html>"), ("md", b"# Using"),
                                            ("txt", b"USING"), ("pdf", b"%PDF-")])  # fmt: skip
def test_when_output_file_is_given_then_document_is_written(
    fmt: str, start: bytes, tmp_path: Path
) -> None:
    if fmt == "pdf":
        pytest.importorskip("weasyprint")
    out = tmp_path / f"consent.{fmt}"
    code, stdout, _ = _run(CBT, "--format", fmt, "-o", str(out))
    assert code == 0 and stdout == ""
    assert out.read_bytes().startswith(start)


def test_when_lang_is_cs_then_czech_document_is_rendered() -> None:
    code, out, err = _run(str(EXAMPLES / "ai-notetaker.yaml"), "--format", "txt", "--lang", "cs")
    assert code == 0
    assert "TO NEJDŮLEŽITĚJŠÍ" in out
    assert "Flesch formulas not applied to Czech" in err


def test_when_strict_and_a_bar_is_missed_then_exit_1_and_nothing_written(tmp_path: Path) -> None:
    data = base()
    data["ai_systems"][0]["cannot"] = [" ".join(["word"] * 30) + "."]
    profile = tmp_path / "long.yaml"
    profile.write_text(yaml.safe_dump(data), encoding="utf-8")
    out = tmp_path / "doc.html"
    code, _, err = _run(str(profile), "--strict", "-o", str(out))
    assert code == 1
    assert "30-word sentence" in err and "--strict" in err
    assert not out.exists()
    code, _, _ = _run(str(profile), "-o", str(out))
    assert code == 0 and out.exists(), "without --strict the misses are reported, not fatal"


def test_when_strict_and_everything_passes_then_exit_0() -> None:
    code, _, _ = _run(STUDY, "--strict", "--format", "md")
    assert code == 0


def test_when_provider_is_missing_then_exit_2_with_one_line_naming_the_field(
    tmp_path: Path,
) -> None:
    data = base()
    del data["ai_systems"][0]["provider"]
    profile = tmp_path / "profile.yaml"
    profile.write_text(yaml.safe_dump(data), encoding="utf-8")
    code, out, err = _run(str(profile))
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert "ai_systems[0].provider is missing; add the company that provides the tool" in err
    assert "Traceback" not in err


def test_when_skeleton_is_asked_then_it_is_written_with_the_document_id(tmp_path: Path) -> None:
    skeleton = tmp_path / "record.yaml"
    code, out, _ = _run(
        STUDY, "--format", "txt", "--record-skeleton", str(skeleton),
        "--shown-at", "2025-06-02T09:50:00Z", "--subject-id", "S-0042", "--age", "29",
        "--capacity-confirmed", "--recording", "yes", "--quotes", "no",
    )  # fmt: skip
    assert code == 0
    record = yaml.safe_load(skeleton.read_text(encoding="utf-8"))
    assert record["notice"]["sha256"] == version_id_of(out)
    assert record["subject_id"] == "S-0042" and record["subject"]["age_at_consent"] == 29
    assert record["research"]["recording_consent"] == {
        "audio": True, "video": False, "transcript": True, "quotes": False,
    }  # fmt: skip
    shown = dt.datetime.fromisoformat(record["disclosures"]["withdrawal_right_shown_at"])
    assert shown == dt.datetime(2025, 6, 2, 9, 50, tzinfo=dt.UTC)


def test_when_skeleton_name_ends_in_json_then_json_is_written(tmp_path: Path) -> None:
    skeleton = tmp_path / "record.json"
    code, _, _ = _run(CBT, "-o", str(tmp_path / "d.html"), "--record-skeleton", str(skeleton))
    assert code == 0
    assert skeleton.read_text(encoding="utf-8").lstrip().startswith("{")


def test_when_shown_at_is_not_a_timestamp_then_usage_error() -> None:
    code, _, err = _run(CBT, "--record-skeleton", "x.yaml", "--shown-at", "yesterday")
    assert code == 2 and "ISO 8601" in err


def test_when_output_folder_is_missing_then_exit_2(tmp_path: Path) -> None:
    code, _, err = _run(CBT, "-o", str(tmp_path / "no" / "such" / "dir" / "x.html"))
    assert code == 2 and "cannot write" in err


def test_when_policy_is_unknown_then_exit_2_naming_the_option() -> None:
    code, _, err = _run(CBT, "--policy", "no-such-policy")
    assert code == 2 and "--policy" in err and "no-such-policy" in err
