"""Markdown tables and JSON for the accuracy benchmark. Never prints raw text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from benchmarks.metrics import Scores

__all__ = ["Bar", "DatasetResult", "bars_table", "dataset_markdown", "scores_json"]


@dataclass(frozen=True)
class DatasetResult:
    key: str  # e.g. "synthetic-test" or "presidio-research/confide"
    title: str
    scores: dict[str, Scores]  # system name -> scores
    seconds: dict[str, float]
    notes: tuple[str, ...] = ()
    held_out: bool = False  # leak shapes hidden: they would hint at the held-out formats
    aggregate_only: bool = False  # holdout, blind: no shapes or patterns, only the figures


@dataclass(frozen=True)
class Bar:
    dataset: str
    metric: str  # recall | precision | leak_rate
    op: str  # ">=" or "<="
    value: float

    def met(self, scores: Scores) -> bool:
        got = getattr(scores, self.metric)
        return bool(got >= self.value) if self.op == ">=" else bool(got <= self.value)


def _f(x: float | None, pct: bool = False) -> str:
    if x is None:
        return "–"
    return f"{x:.1%}" if pct else f"{x:.3f}"


def dataset_markdown(res: DatasetResult, top: int = 12) -> str:
    systems = list(res.scores)
    first = next(iter(res.scores.values()))
    lines = [f"## {res.title}", "",
             f"{first.documents} documents, {first.tokens} scored tokens "
             f"({first.ignored_tokens} ignored), {first.gold_tokens} gold tokens, "
             f"{first.entities} gold entities.", "",
             "| system | token recall | token precision | leaked entities | predicted tokens "
             "| seconds |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, s in res.scores.items():
        lines.append(f"| {name} | {_f(s.recall)} | {_f(s.precision)} | "
                     f"{_f(s.leak_rate, True)} ({s.leaked_entities}/{s.entities}) | "
                     f"{s.predicted_tokens} | {res.seconds.get(name, 0):.1f} |")
    lines += ["", "### Recall and leaked entities by gold type", "",
              "| gold type | entities | " + " | ".join(f"{n} recall | {n} leaked" for n in systems)
              + " |", "| --- | ---: |" + " ---: | ---: |" * len(systems)]
    for t in sorted({t for s in res.scores.values() for t in s.per_gold_type}):
        row = [t, str(first.per_gold_type[t].entities if t in first.per_gold_type else 0)]
        for s in res.scores.values():
            r = s.per_gold_type.get(t)
            row += [_f(r.recall if r else None), _f(r.leak_rate if r else None, True)]
        lines.append("| " + " | ".join(row) + " |")
    for name, s in res.scores.items():
        if not s.per_predicted_type:
            continue
        lines += ["", f"### Precision by predicted type: {name}", "",
                  "| predicted type | tokens | precision |", "| --- | ---: | ---: |"]
        for t, p in sorted(s.per_predicted_type.items(), key=lambda kv: -kv[1].tokens):
            lines.append(f"| {t} | {p.tokens} | {_f(p.precision)} |")
    lines += _patterns(res, top)
    lines += [f"\n_{n}_" for n in res.notes]
    return "\n".join(lines) + "\n"


def _patterns(res: DatasetResult, top: int) -> list[str]:
    if res.aggregate_only:
        return ["", "_Aggregate figures only: false-positive and leak patterns are never shown "
                "for the holdout and blind splits, which must not be used for tuning._"]
    lines = ["", f"### Most frequent false positives (top {top}; shapes only, no text)", "",
             "| system | predicted type | what it was | shape | tokens |",
             "| --- | --- | --- | --- | ---: |"]
    for name, s in res.scores.items():
        for (ptype, decoy, shp), n in s.false_positive_patterns.most_common(top):
            lines.append(f"| {name} | {ptype} | {decoy} | `{shp}` | {n} |")
    if res.held_out:
        return [*lines, "", "_Leak shapes are not shown for the held-out split (they would "
                "hint at its formats); see the per-type table, or pass --leak-shapes._"]
    lines += ["", f"### Most frequent leaks (top {top})", "",
              "| system | gold type | shape | entities |", "| --- | --- | --- | ---: |"]
    for name, s in res.scores.items():
        for (gtype, shp), n in s.leak_patterns.most_common(top):
            lines.append(f"| {name} | {gtype} | `{shp}` | {n} |")
    return lines


def bars_table(bars: Sequence[Bar], results: dict[str, DatasetResult],
               system: str) -> tuple[str, bool]:
    lines = ["## Bars (issue 2)", "", "| dataset | metric | bar | " + system + " | met |",
             "| --- | --- | --- | ---: | --- |"]
    ok = True
    for bar in bars:
        res = results.get(bar.dataset)
        s = res.scores.get(system) if res else None
        if s is None:
            lines.append(f"| {bar.dataset} | {bar.metric} | {bar.op} {bar.value} | – | not run |")
            ok = False
            continue
        met = bar.met(s)
        ok &= met
        lines.append(f"| {bar.dataset} | {bar.metric} | {bar.op} {bar.value} | "
                     f"{_f(getattr(s, bar.metric))} | {'yes' if met else 'NO'} |")
    return "\n".join(lines) + "\n", ok


def scores_json(s: Scores, top: int = 20, *, leak_shapes: bool = True,
                patterns: bool = True) -> dict[str, Any]:
    """The figures of one system; ``patterns=False`` (holdout, blind) leaves out every
    pattern."""
    if not patterns:
        hidden = "never recorded for the holdout and blind splits"
        figures = scores_json(s, top, leak_shapes=False)
        return {**figures, "false_positive_patterns": hidden, "leak_patterns": hidden}
    return {
        "recall": round(s.recall, 4), "precision": round(s.precision, 4),
        "leak_rate": round(s.leak_rate, 4), "documents": s.documents, "tokens": s.tokens,
        "ignored_tokens": s.ignored_tokens, "gold_tokens": s.gold_tokens,
        "predicted_tokens": s.predicted_tokens, "true_positive_tokens": s.true_positive_tokens,
        "entities": s.entities, "leaked_entities": s.leaked_entities,
        "per_gold_type": {k: {"tokens": v.tokens, "predicted": v.predicted, "entities": v.entities,
                              "leaked": v.leaked} for k, v in s.per_gold_type.items()},
        "per_predicted_type": {k: {"tokens": v.tokens, "gold": v.gold}
                               for k, v in s.per_predicted_type.items()},
        "false_positive_patterns": [
            {"predicted_type": t, "decoy": d, "shape": sh, "tokens": n}
            for (t, d, sh), n in s.false_positive_patterns.most_common(top)],
        "leak_patterns": [{"gold_type": t, "shape": sh, "entities": n}
                          for (t, sh), n in s.leak_patterns.most_common(top)] if leak_shapes
                         else "hidden for the held-out split",
    }
