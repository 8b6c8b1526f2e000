"""The accuracy benchmark never shows anything but aggregate figures for the holdout split."""

from __future__ import annotations

import json

import pytest

from benchmarks import accuracy
from benchmarks.metrics import GoldSpan, Tally, TypedSpan
from benchmarks.report import DatasetResult, dataset_markdown, scores_json
from benchmarks.synth import Layer

TEXT = "Respondent 4: my friend Zebulon Quartermaine rang 07700 900123 about the WSAS"


def _scores():
    tally = Tally()
    tally.add(TEXT, [GoldSpan(24, 44, "PERSON"), GoldSpan(50, 62, "PHONE_NUMBER")],
              [(0, 10), (24, 31), (73, 77)], typed=[TypedSpan(73, 77, "PERSON")],
              decoys=[GoldSpan(0, 12, "ROLE_LABEL"), GoldSpan(73, 77, "SCALE")])
    return tally.scores()


@pytest.mark.parametrize(
    "argv",
    [["--split", "holdout", "--debug"], ["--split", "holdout", "--leak-shapes"],
     ["--split", "dev", "--split", "holdout", "--debug"],
     ["--split", "holdout", "--workdir", "/tmp/never"]],
)
def test_when_holdout_is_asked_to_show_more_than_figures_then_the_run_is_refused(
        argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        accuracy.main(argv)
    assert exc.value.code == 2
    assert "never allowed with --split holdout" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "name"),
    [(["--split", "holdout"], "accuracy-holdout.json"), (["--split", "test"], "accuracy.json"),
     ([], "accuracy.json"), (["--split", "holdout", "--json", "/tmp/x.json"], "x.json")],
)
def test_when_splits_are_parsed_then_holdout_figures_do_not_overwrite_the_test_results(
        argv: list[str], name: str) -> None:
    assert accuracy._parse(argv).json.name == name


def test_when_holdout_report_is_rendered_then_only_figures_appear() -> None:
    scores = accuracy._aggregate(_scores())
    res = DatasetResult("synthetic-holdout", "t", {"confide": scores}, {"confide": 1.0},
                        held_out=True, aggregate_only=True)
    md = dataset_markdown(res)
    assert "| confide |" in md and "PHONE_NUMBER" in md  # the figures and per-type rows
    for secret in ("Zebulon", "Quartermaine", "07700", "WSAS", "Respondent", "`", "shape"):
        assert secret not in md
    figures = scores_json(scores, leak_shapes=False, patterns=False)
    assert figures["leaked_entities"] == 2
    text = json.dumps(figures)
    assert "never recorded" in figures["false_positive_patterns"]
    assert "never recorded" in figures["leak_patterns"]
    for secret in ("Xx", "d d", "SCALE", "ROLE_LABEL"):
        assert secret not in text


def test_when_holdout_scores_are_aggregated_then_no_pattern_survives() -> None:
    raw = _scores()
    assert raw.false_positive_patterns and raw.leak_patterns
    scores = accuracy._aggregate(raw)
    assert not scores.false_positive_patterns and not scores.leak_patterns
    assert (scores.recall, scores.precision, scores.leak_rate) == (
        raw.recall, raw.precision, raw.leak_rate)


def test_when_holdout_is_run_end_to_end_then_output_and_json_hold_figures_only(
        monkeypatch: pytest.MonkeyPatch, tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks.systems import Prediction, SystemRun

    def fake_systems(args, docs_dir, work, rows):  # redacts every third token, no model needed
        preds = {name: Prediction(accuracy.tokenize(text)[::3]) for name, text, *_ in rows}
        return [SystemRun("confide", preds, 0.1)]

    monkeypatch.setattr(accuracy, "_run_systems", fake_systems)
    out_json = tmp_path / "holdout.json"
    assert accuracy.main(["--split", "holdout", "--n", "4", "--no-presidio-research",
                          "--json", str(out_json)]) == 0
    out = capsys.readouterr().out
    record = json.loads(out_json.read_text())["datasets"]["synthetic-holdout"]
    figures = record["systems"]["confide"]
    assert figures["entities"] > 0 and 0 < figures["recall"] < 1
    assert "never recorded" in figures["leak_patterns"]
    assert "never recorded" in figures["false_positive_patterns"]
    assert "Most frequent" not in out and "`" not in out
    values = {d.text[a.start:a.end] for d in accuracy.generate("holdout", 4, 7)
              for a in d.layer(Layer.GOLD) if a.end - a.start > 3}
    printed = out + json.dumps(record, ensure_ascii=False)
    assert values and not {v for v in values if v in printed}
