"""The runner batches documents across small files: results must not depend on the batching."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit import pipeline
from toolkit.pii import RedactConfig, Redactor
from toolkit.pipeline import Mode, Runner, plan_jobs

SESSION = ("THERAPIST: Morning, {name}. How was the week?\n"
           "CLIENT: {name} Halloran here, call me on 07700 900{n:03d}. I use Wysa.\n")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for n, name in enumerate(["Ottilie", "Bartholomew", "Zdenka", "Perpetua", "Leontyne"]):
        (root / f"s{n}.txt").write_text(SESSION.format(name=name, n=n), encoding="utf-8")
    (root / "empty.txt").write_text("", encoding="utf-8")
    return root


def _runner(redactor: Redactor) -> Runner:
    runner = Runner(RedactConfig(), mode=Mode.REDACT, workers=1)
    runner._redactor = redactor  # the session's engine: no second model load
    return runner


def test_when_files_share_a_batch_then_each_output_is_as_if_alone(
        folder: Path, redactor: Redactor) -> None:
    together = folder.parent / "together"
    jobs, _ = plan_jobs([str(folder)], str(together))
    summaries = _runner(redactor).run(jobs)
    assert [s.job.name for s in summaries] == [j.name for j in jobs]  # files end in order
    assert all(s.error is None for s in summaries)
    for path in sorted(folder.glob("*.txt")):
        alone = folder.parent / f"alone-{path.name}"
        jobs, _ = plan_jobs([str(path)], str(alone))
        _runner(redactor).run(jobs)
        assert (together / path.name).read_bytes() == alone.read_bytes()
    text = (together / "s1.txt").read_text(encoding="utf-8")
    assert "Bartholomew" not in text and "Halloran" not in text and "Wysa" in text


def test_when_one_file_in_a_batch_trips_a_bug_then_only_it_fails(
        folder: Path, redactor: Redactor, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.analyse

    def flaky(red: Redactor, docs: list, mode: Mode) -> list:
        if any("Zdenka" in seg.text for doc in docs for seg in doc):
            raise RuntimeError("simulated bug")
        return real(red, docs, mode)

    monkeypatch.setattr(pipeline, "analyse", flaky)
    out = folder.parent / "out"
    jobs, _ = plan_jobs([str(folder)], str(out))
    summaries = {s.job.name: s for s in _runner(redactor).run(jobs)}
    failed = {name for name, s in summaries.items() if s.error is not None}
    assert failed == {str(folder / "s2.txt")}
    assert "internal error" in summaries[str(folder / "s2.txt")].error.message
    assert not (out / "s2.txt").exists()
    assert sorted(p.name for p in out.iterdir()) == ["empty.txt", "s0.txt", "s1.txt", "s3.txt",
                                                     "s4.txt"]
    assert not list(out.glob(".*.tmp"))
