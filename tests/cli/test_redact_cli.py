"""``confide redact`` and ``confide detect`` as a user runs them (synthetic data only)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import main

SESSION = (
    "[00:00:03] THERAPIST: Good morning, Imogen. How was the week?\n"
    "[00:00:08] CLIENT: Rough. Imogen Farrow-Lytton is not sleeping, ha. My mobile is "
    "07700 900388.\n"
    "[00:00:15] THERAPIST: We can look at the PHQ-9 again and use Wysa between sessions.\n"
)
VALUES = ("Imogen", "Farrow", "Lytton", "07700 900388")


def _run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [*args, "--workers", "1"], input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "week1").mkdir(parents=True)
    (root / "session.txt").write_text(SESSION, encoding="utf-8")
    (root / "week1" / "chat.txt").write_text("user: hi im imogen\nassistant: Hello.\n",
                                             encoding="utf-8")
    return root


def test_when_file_redacted_to_file_then_no_value_left_and_lines_kept(tree: Path) -> None:
    out = tree.parent / "session.redacted.txt"
    code, _, err = _run("redact", str(tree / "session.txt"), "-o", str(out))
    assert (code, err) == (0, "")
    text = out.read_text(encoding="utf-8")
    assert not any(v in text for v in VALUES)
    assert text.count("\n") == SESSION.count("\n")
    assert "THERAPIST:" in text and "PHQ-9" in text and "Wysa" in text


def test_when_folder_redacted_then_tree_is_mirrored(tree: Path) -> None:
    out = tree.parent / "out"
    code, _, err = _run("redact", str(tree), "-o", str(out))
    assert (code, err) == (0, "")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt")) == [
        "session.txt", "week1/chat.txt"]
    assert "imogen" not in (out / "week1" / "chat.txt").read_text(encoding="utf-8").lower()


def test_when_stdin_then_stdout(tree: Path) -> None:
    code, out, err = _run("redact", "-", input=SESSION)
    assert code == 0 and err == ""
    assert out.count("\n") == SESSION.count("\n") and "Imogen" not in out


def test_when_a_file_is_binary_then_one_line_and_others_still_done(tree: Path) -> None:
    (tree / "recording.txt").write_bytes(b"RIFF\x00\x01\x02\x00WAVEfmt ")
    (tree / "latin1.txt").write_bytes("Jméno: Zdeněk\n".encode("cp1250"))
    out = tree.parent / "out"
    code, _, err = _run("redact", str(tree), "-o", str(out))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("confide: ") for line in lines)
    assert any("recording.txt" in line for line in lines)
    assert any("latin1.txt" in line for line in lines)
    assert "Traceback" not in err and "Zden" not in err
    assert (out / "session.txt").exists() and not (out / "recording.txt").exists()


def test_when_output_is_the_input_then_refused(tree: Path) -> None:
    src = tree / "session.txt"
    code, _, err = _run("redact", str(src), "-o", str(src))
    assert code == 2 and "overwrite an input" in err
    assert src.read_text(encoding="utf-8") == SESSION


def test_when_output_folder_inside_input_then_refused(tree: Path) -> None:
    code, _, err = _run("redact", str(tree), "-o", str(tree / "out"))
    assert code == 2 and "inside the input" in err


def test_when_in_place_then_input_replaced(tree: Path) -> None:
    src = tree / "session.txt"
    code, _, _ = _run("redact", str(src), "--in-place")
    assert code == 0 and "Imogen" not in src.read_text(encoding="utf-8")
    assert not list(tree.glob(".*.tmp"))


def test_when_detect_then_spans_without_text_unless_asked(tree: Path) -> None:
    code, out, _ = _run("detect", str(tree / "session.txt"), "--format", "json")
    assert code == 1
    rows = json.loads(out)
    assert {r["type"] for r in rows} >= {"PERSON", "PHONE_NUMBER"}
    assert all({"type", "start", "end", "score", "recognizer", "line"} <= r.keys() for r in rows)
    assert not any(v in out for v in VALUES)
    code, out, _ = _run("detect", str(tree / "session.txt"), "--format", "jsonl", "--show-text")
    assert "07700 900388" in out


def test_when_nothing_found_then_detect_exits_zero(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("THERAPIST: How did the breathing exercise go?\n", encoding="utf-8")
    code, out, _ = _run("detect", str(clean))
    assert code == 0 and "no personal data" in out


def test_when_report_asked_then_locations_and_keyed_hashes_only(tree: Path,
                                                                 monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    monkeypatch.setenv("CONFIDE_HASH_KEY", "k" * 32)
    report = tree.parent / "report.jsonl"
    code, _, _ = _run("redact", str(tree), "-o", str(tree.parent / "out"), "--report",
                      str(report))
    assert code == 0
    text = report.read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines()]
    assert rows and all(len(r["value_hmac"]) == 16 for r in rows)
    assert not any(v.lower() in text.lower() for v in VALUES)


def test_when_hash_has_no_key_then_one_line_error(tree: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONFIDE_HASH_KEY", raising=False)
    code, _, err = _run("redact", str(tree / "session.txt"), "--operator", "hash")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "CONFIDE_HASH_KEY" in err


def test_when_config_file_is_broken_then_one_line_error(tmp_path: Path, tree: Path) -> None:
    bad = tmp_path / "confide.yaml"
    bad.write_text("allow: [Woebot\nentities: {", encoding="utf-8")
    code, _, err = _run("redact", str(tree / "session.txt"), "--config", str(bad))
    assert code == 2 and "confide.yaml" in err and "Traceback" not in err


def test_when_config_file_lists_allow_words_then_they_are_kept(tmp_path: Path) -> None:
    cfg = tmp_path / "confide.toml"
    cfg.write_text('allow = ["Imogen"]\noperator = "pseudonym"\n', encoding="utf-8")
    code, out, _ = _run("redact", "-", "--config", str(cfg), input=SESSION)
    assert code == 0 and "Good morning, Imogen." in out and "PHONE_NUMBER_1" in out


def _confide() -> list[str]:
    return [sys.executable, "-m", "toolkit.cli"]


@pytest.mark.slow
def test_when_two_workers_then_same_output_as_one(tree: Path) -> None:
    for n in range(6):
        (tree / f"extra{n}.txt").write_text(SESSION.replace("Imogen", f"Ottilie{n}"), "utf-8")
    one, two = tree.parent / "one", tree.parent / "two"
    for out, workers in ((one, "1"), (two, "2")):
        done = subprocess.run([*_confide(), "redact", str(tree), "-o", str(out),
                               "--workers", workers], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
    for path in one.rglob("*.txt"):
        assert path.read_bytes() == (two / path.relative_to(one)).read_bytes()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs util-linux unshare")
def test_when_no_network_at_all_then_same_output_and_quiet(tree: Path) -> None:
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("unshare -n not permitted here")
    outs = []
    for prefix, name in (([], "online"), (["unshare", "-n"], "offline")):
        out = tree.parent / name
        done = subprocess.run([*prefix, *_confide(), "redact", str(tree), "-o", str(out),
                               "--no-progress"], capture_output=True, text=True, check=False)
        assert (done.returncode, done.stderr) == (0, "")
        outs.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*.txt")})
    assert outs[0] == outs[1]


def test_when_in_place_file_has_a_malformed_line_then_original_is_kept(tmp_path: Path) -> None:
    chats = tmp_path / "chats.jsonl"
    original = ('{"messages": [{"role": "user", "content": "hi im Ottoline"}]}\n'
                '{"messages": [broken\n')
    chats.write_text(original, encoding="utf-8")
    code, _, err = _run("redact", str(chats), "--in-place")
    assert code == 2 and "original is kept" in err
    assert chats.read_text(encoding="utf-8") == original
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("where", ["input", "output", "inside"])
def test_when_report_would_clobber_an_input_or_output_then_refused(tree: Path,
                                                                   where: str) -> None:
    out = tree.parent / "out.txt"
    report = {"input": tree / "session.txt", "output": out,
              "inside": tree / "week1" / "spans.jsonl"}[where]
    src = tree if where == "inside" else tree / "session.txt"
    args = ["redact", str(src), "-o", str(tree.parent / "outdir" if where == "inside" else out),
            "--report", str(report)]
    code, _, err = _run(*args)
    assert code == 2 and "report" in err
    assert (tree / "session.txt").read_text(encoding="utf-8") == SESSION


def test_when_output_cannot_be_written_then_one_line_and_no_temp_file(tmp_path: Path) -> None:
    src = tmp_path / "empty.txt"
    src.write_text("", encoding="utf-8")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    code, _, err = _run("redact", str(src), "-o", str(blocker / "x.txt"))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.slow
def test_when_config_is_bad_and_workers_run_then_one_line_error(tree: Path) -> None:
    done = subprocess.run([*_confide(), "redact", str(tree), "-o", str(tree.parent / "o"),
                           "--workers", "2", "--deny", "PERSON:"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
