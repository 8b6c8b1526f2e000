"""The accuracy benchmark shows nothing but aggregate figures for the blind splits (blind,
blind2, blind3, blind4, blind5, blind6, blind7, blind8, blind9, blind10, blind11), runs each on
its own, and keeps its figures in their own file. (Like every blind test, no failure shows a
value.)"""

from __future__ import annotations

import json

import pytest

from benchmarks import accuracy
from benchmarks.synth import Layer


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["--split", "blind", "--debug"], "never allowed with --split blind"),
     (["--split", "blind", "--leak-shapes"], "never allowed with --split blind"),
     (["--split", "blind", "--workdir", "/tmp/never"], "never allowed with --split blind"),
     (["--split", "dev", "--split", "blind"], "runs alone"),
     (["--split", "blind", "--split", "holdout"], "runs alone"),
     (["--split", "test", "--split", "blind", "--no-presidio-research"], "runs alone"),
     (["--split", "blind2", "--debug"], "never allowed with --split blind2"),
     (["--split", "blind2", "--leak-shapes"], "never allowed with --split blind2"),
     (["--split", "blind2", "--workdir", "/tmp/never"], "never allowed with --split blind2"),
     (["--split", "dev", "--split", "blind2"], "runs alone"),
     (["--split", "blind2", "--split", "holdout"], "runs alone"),
     (["--split", "blind", "--split", "blind2"], "runs alone"),
     (["--split", "blind2", "--split", "blind"], "runs alone"),
     (["--split", "test", "--split", "blind2", "--no-presidio-research"], "runs alone"),
     (["--split", "blind3", "--debug"], "never allowed with --split blind3"),
     (["--split", "blind3", "--leak-shapes"], "never allowed with --split blind3"),
     (["--split", "blind3", "--workdir", "/tmp/never"], "never allowed with --split blind3"),
     (["--split", "dev", "--split", "blind3"], "runs alone"),
     (["--split", "blind3", "--split", "holdout"], "runs alone"),
     (["--split", "blind3", "--split", "blind"], "runs alone"),
     (["--split", "blind2", "--split", "blind3"], "runs alone"),
     (["--split", "blind3", "--split", "blind2"], "runs alone"),
     (["--split", "test", "--split", "blind3", "--no-presidio-research"], "runs alone"),
     (["--split", "blind4", "--debug"], "never allowed with --split blind4"),
     (["--split", "blind4", "--leak-shapes"], "never allowed with --split blind4"),
     (["--split", "blind4", "--workdir", "/tmp/never"], "never allowed with --split blind4"),
     (["--split", "dev", "--split", "blind4"], "runs alone"),
     (["--split", "blind4", "--split", "holdout"], "runs alone"),
     (["--split", "blind4", "--split", "blind"], "runs alone"),
     (["--split", "blind3", "--split", "blind4"], "runs alone"),
     (["--split", "blind4", "--split", "blind2"], "runs alone"),
     (["--split", "test", "--split", "blind4", "--no-presidio-research"], "runs alone"),
     (["--split", "blind5", "--debug"], "never allowed with --split blind5"),
     (["--split", "blind5", "--leak-shapes"], "never allowed with --split blind5"),
     (["--split", "blind5", "--workdir", "/tmp/never"], "never allowed with --split blind5"),
     (["--split", "dev", "--split", "blind5"], "runs alone"),
     (["--split", "blind5", "--split", "holdout"], "runs alone"),
     (["--split", "blind5", "--split", "blind"], "runs alone"),
     (["--split", "blind4", "--split", "blind5"], "runs alone"),
     (["--split", "blind5", "--split", "blind3"], "runs alone"),
     (["--split", "blind2", "--split", "blind5"], "runs alone"),
     (["--split", "test", "--split", "blind5", "--no-presidio-research"], "runs alone"),
     (["--split", "blind6", "--debug"], "never allowed with --split blind6"),
     (["--split", "blind6", "--leak-shapes"], "never allowed with --split blind6"),
     (["--split", "blind6", "--workdir", "/tmp/never"], "never allowed with --split blind6"),
     (["--split", "dev", "--split", "blind6"], "runs alone"),
     (["--split", "blind6", "--split", "holdout"], "runs alone"),
     (["--split", "blind6", "--split", "blind"], "runs alone"),
     (["--split", "blind5", "--split", "blind6"], "runs alone"),
     (["--split", "blind6", "--split", "blind4"], "runs alone"),
     (["--split", "blind3", "--split", "blind6"], "runs alone"),
     (["--split", "blind6", "--split", "blind2"], "runs alone"),
     (["--split", "test", "--split", "blind6", "--no-presidio-research"], "runs alone"),
     (["--split", "blind7", "--debug"], "never allowed with --split blind7"),
     (["--split", "blind7", "--leak-shapes"], "never allowed with --split blind7"),
     (["--split", "blind7", "--workdir", "/tmp/never"], "never allowed with --split blind7"),
     (["--split", "dev", "--split", "blind7"], "runs alone"),
     (["--split", "blind7", "--split", "holdout"], "runs alone"),
     (["--split", "blind7", "--split", "blind"], "runs alone"),
     (["--split", "blind6", "--split", "blind7"], "runs alone"),
     (["--split", "blind7", "--split", "blind5"], "runs alone"),
     (["--split", "blind4", "--split", "blind7"], "runs alone"),
     (["--split", "blind7", "--split", "blind3"], "runs alone"),
     (["--split", "blind2", "--split", "blind7"], "runs alone"),
     (["--split", "test", "--split", "blind7", "--no-presidio-research"], "runs alone"),
     (["--split", "blind8", "--debug"], "never allowed with --split blind8"),
     (["--split", "blind8", "--leak-shapes"], "never allowed with --split blind8"),
     (["--split", "blind8", "--workdir", "/tmp/never"], "never allowed with --split blind8"),
     (["--split", "dev", "--split", "blind8"], "runs alone"),
     (["--split", "blind8", "--split", "holdout"], "runs alone"),
     (["--split", "blind8", "--split", "blind"], "runs alone"),
     (["--split", "blind7", "--split", "blind8"], "runs alone"),
     (["--split", "blind8", "--split", "blind6"], "runs alone"),
     (["--split", "blind5", "--split", "blind8"], "runs alone"),
     (["--split", "blind8", "--split", "blind4"], "runs alone"),
     (["--split", "blind3", "--split", "blind8"], "runs alone"),
     (["--split", "blind8", "--split", "blind2"], "runs alone"),
     (["--split", "test", "--split", "blind8", "--no-presidio-research"], "runs alone"),
     (["--split", "blind9", "--debug"], "never allowed with --split blind9"),
     (["--split", "blind9", "--leak-shapes"], "never allowed with --split blind9"),
     (["--split", "blind9", "--workdir", "/tmp/never"], "never allowed with --split blind9"),
     (["--split", "dev", "--split", "blind9"], "runs alone"),
     (["--split", "blind9", "--split", "holdout"], "runs alone"),
     (["--split", "blind9", "--split", "blind"], "runs alone"),
     (["--split", "blind8", "--split", "blind9"], "runs alone"),
     (["--split", "blind9", "--split", "blind7"], "runs alone"),
     (["--split", "blind6", "--split", "blind9"], "runs alone"),
     (["--split", "blind9", "--split", "blind5"], "runs alone"),
     (["--split", "blind4", "--split", "blind9"], "runs alone"),
     (["--split", "blind9", "--split", "blind3"], "runs alone"),
     (["--split", "blind2", "--split", "blind9"], "runs alone"),
     (["--split", "test", "--split", "blind9", "--no-presidio-research"], "runs alone"),
     (["--split", "blind10", "--debug"], "never allowed with --split blind10"),
     (["--split", "blind10", "--leak-shapes"], "never allowed with --split blind10"),
     (["--split", "blind10", "--workdir", "/tmp/never"], "never allowed with --split blind10"),
     (["--split", "dev", "--split", "blind10"], "runs alone"),
     (["--split", "blind10", "--split", "holdout"], "runs alone"),
     (["--split", "blind10", "--split", "blind"], "runs alone"),
     (["--split", "blind9", "--split", "blind10"], "runs alone"),
     (["--split", "blind10", "--split", "blind8"], "runs alone"),
     (["--split", "blind7", "--split", "blind10"], "runs alone"),
     (["--split", "blind10", "--split", "blind6"], "runs alone"),
     (["--split", "blind5", "--split", "blind10"], "runs alone"),
     (["--split", "blind10", "--split", "blind4"], "runs alone"),
     (["--split", "blind3", "--split", "blind10"], "runs alone"),
     (["--split", "blind10", "--split", "blind2"], "runs alone"),
     (["--split", "test", "--split", "blind10", "--no-presidio-research"], "runs alone"),
     (["--split", "blind11", "--debug"], "never allowed with --split blind11"),
     (["--split", "blind11", "--leak-shapes"], "never allowed with --split blind11"),
     (["--split", "blind11", "--workdir", "/tmp/never"], "never allowed with --split blind11"),
     (["--split", "dev", "--split", "blind11"], "runs alone"),
     (["--split", "blind11", "--split", "holdout"], "runs alone"),
     (["--split", "blind11", "--split", "blind"], "runs alone"),
     (["--split", "blind10", "--split", "blind11"], "runs alone"),
     (["--split", "blind11", "--split", "blind9"], "runs alone"),
     (["--split", "blind8", "--split", "blind11"], "runs alone"),
     (["--split", "blind11", "--split", "blind7"], "runs alone"),
     (["--split", "blind6", "--split", "blind11"], "runs alone"),
     (["--split", "blind11", "--split", "blind5"], "runs alone"),
     (["--split", "blind4", "--split", "blind11"], "runs alone"),
     (["--split", "blind11", "--split", "blind3"], "runs alone"),
     (["--split", "blind2", "--split", "blind11"], "runs alone"),
     (["--split", "test", "--split", "blind11", "--no-presidio-research"], "runs alone")],
)
def test_when_blind_is_asked_to_show_more_than_figures_or_share_a_run_then_it_is_refused(
        argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        accuracy.main(argv)
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "name"),
    [(["--split", "blind"], "accuracy-blind.json"),
     (["--split", "holdout"], "accuracy-holdout.json"),
     (["--split", "blind", "--json", "/tmp/y.json"], "y.json"),
     (["--split", "blind2"], "accuracy-blind2.json"),
     (["--split", "blind2", "--json", "/tmp/z.json"], "z.json"),
     (["--split", "blind3"], "accuracy-blind3.json"),
     (["--split", "blind3", "--json", "/tmp/w.json"], "w.json"),
     (["--split", "blind4"], "accuracy-blind4.json"),
     (["--split", "blind4", "--json", "/tmp/v.json"], "v.json"),
     (["--split", "blind5"], "accuracy-blind5.json"),
     (["--split", "blind5", "--json", "/tmp/u.json"], "u.json"),
     (["--split", "blind6"], "accuracy-blind6.json"),
     (["--split", "blind6", "--json", "/tmp/t.json"], "t.json"),
     (["--split", "blind7"], "accuracy-blind7.json"),
     (["--split", "blind7", "--json", "/tmp/s.json"], "s.json"),
     (["--split", "blind8"], "accuracy-blind8.json"),
     (["--split", "blind8", "--json", "/tmp/r.json"], "r.json"),
     (["--split", "blind9"], "accuracy-blind9.json"),
     (["--split", "blind9", "--json", "/tmp/q.json"], "q.json"),
     (["--split", "blind10"], "accuracy-blind10.json"),
     (["--split", "blind10", "--json", "/tmp/p.json"], "p.json"),
     (["--split", "blind11"], "accuracy-blind11.json"),
     (["--split", "blind11", "--json", "/tmp/o.json"], "o.json")],
)
def test_when_blind_is_parsed_then_its_figures_go_to_their_own_file(argv: list[str],
                                                                   name: str) -> None:
    assert accuracy._parse(argv).json.name == name


@pytest.mark.parametrize("split", ["blind", "blind2", "blind3", "blind4", "blind5", "blind6",
                                   "blind7", "blind8", "blind9", "blind10", "blind11"])
def test_when_blind_is_run_end_to_end_then_output_and_json_hold_figures_only(
        monkeypatch: pytest.MonkeyPatch, tmp_path, capsys: pytest.CaptureFixture[str],
        split: str) -> None:
    from benchmarks.systems import Prediction, SystemRun

    def fake_systems(args, docs_dir, work, rows):  # redacts every third token, no model needed
        preds = {name: Prediction(accuracy.tokenize(text)[::3]) for name, text, *_ in rows}
        return [SystemRun("confide", preds, 0.1)]

    monkeypatch.setattr(accuracy, "_run_systems", fake_systems)
    out_json = tmp_path / "blind.json"
    code = accuracy.main(["--split", split, "--n", "4", "--no-presidio-research",
                          "--json", str(out_json)])
    out = capsys.readouterr().out
    record = json.loads(out_json.read_text())["datasets"][f"synthetic-{split}"]
    figures = record["systems"]["confide"]
    hidden = [figures["leak_patterns"], figures["false_positive_patterns"]]
    values = {d.text[a.start:a.end] for d in accuracy.generate(split, 4, 7)
              for a in d.layer(Layer.GOLD) if a.end - a.start > 3}
    printed = out + json.dumps(record, ensure_ascii=False)
    shown = sum(v in printed for v in values)
    assert code == 0
    assert figures["entities"] > 0 and 0 < figures["recall"] < 1
    assert all(isinstance(h, str) and "never recorded" in h for h in hidden)
    assert "Most frequent" not in out and "`" not in out
    count = len(values)
    assert count > 0 and shown == 0
