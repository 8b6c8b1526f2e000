"""Throughput per format, scaling with workers, and memory on large JSONL (issue 3's bars).

    python -m benchmarks.formats                  # ~1 M characters per format, 1 and 2 workers,
                                                  # then a 1 MB and a 20 MB JSONL chat log
    python -m benchmarks.formats --check          # exit 1 unless workers 2 >= 1.6x workers 1 on
                                                  # the transcript folder, the 20 MB peak is
                                                  # within 150 MB of 1 MB, and every output has
                                                  # as many documents as its input

The corpus is the synthetic dev split (benchmarks/synth), written out as plain text, Zoom-style
WebVTT, SRT, OpenAI-style JSONL and CSV, so every format carries the same text. Each run is a
whole ``confide redact DIR -o OUT`` process (benchmarks/procstat.py measures wall time, CPU
time and the peak memory of the whole process tree, workers included). Every output is parsed
back with confide's own reader and must have as many documents as its input.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import time
from pathlib import Path

from benchmarks.procstat import Measured, measure
from benchmarks.synth import generate

__all__ = ["main"]

_RESULTS = Path(__file__).resolve().parent / "results" / "formats.json"
_FORMATS = ("text", "vtt", "srt", "jsonl", "csv")


def _turns(text: str) -> list[tuple[str, str]]:
    """(speaker, utterance) pairs of a synthetic transcript; unlabelled lines go to ''."""
    out = []
    for line in text.splitlines():
        head, sep, rest = line.partition(": ")
        if sep and len(head) <= 40:
            out.append((head.strip("[]0123456789: "), rest))
        elif line.strip():
            out.append(("", line))
    return out


def _stamp(seconds: int, sep: str) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}{sep}000"


def _vtt(turns: list[tuple[str, str]]) -> str:
    cues = ["WEBVTT", ""]
    for n, (who, said) in enumerate(turns, start=1):
        cues += [str(n), f"{_stamp(4 * n, '.')} --> {_stamp(4 * n + 3, '.')}",
                 f"{who}: {said}" if who else said, ""]
    return "\n".join(cues)


def _srt(turns: list[tuple[str, str]]) -> str:
    cues = []
    for n, (who, said) in enumerate(turns, start=1):
        cues += [str(n), f"{_stamp(4 * n, ',')} --> {_stamp(4 * n + 3, ',')}",
                 f"{who}: {said}" if who else said, ""]
    return "\n".join(cues)


def _chat(i: int, turns: list[tuple[str, str]]) -> str:
    messages = [{"role": "user" if n % 2 == 0 else "assistant", "content": said}
                for n, (_, said) in enumerate(turns)]
    return json.dumps({"id": i, "model": "demo", "messages": messages}, ensure_ascii=False)


def build(out: Path, mb: float, seed: int) -> dict[str, int]:
    """Write the corpus in every format under ``out/<format>/``; characters per format."""
    docs, size = [], 0
    batch = 0
    while size < mb * 1_000_000:
        for doc in generate("dev", 100, seed + batch):
            docs.append(doc.text)
            size += len(doc.text)
            if size >= mb * 1_000_000:
                break
        batch += 1
    for fmt in _FORMATS:
        (out / fmt).mkdir(parents=True, exist_ok=True)
    rows = io.StringIO()
    writer = csv.writer(rows, lineterminator="\n")
    writer.writerow(["ResponseId", "text"])
    with (out / "jsonl" / "chats.jsonl").open("w", encoding="utf-8") as jsonl:
        for i, text in enumerate(docs):
            turns = _turns(text)
            (out / "text" / f"d{i:05d}.txt").write_text(text, encoding="utf-8")
            (out / "vtt" / f"d{i:05d}.vtt").write_text(_vtt(turns), encoding="utf-8")
            (out / "srt" / f"d{i:05d}.srt").write_text(_srt(turns), encoding="utf-8")
            jsonl.write(_chat(i, turns) + "\n")
            writer.writerow([f"R_{i:05d}", text])
    (out / "csv" / "survey.csv").write_text(rows.getvalue(), encoding="utf-8")
    return dict.fromkeys(_FORMATS, size)


def _confide() -> list[str]:
    return [sys.executable, "-m", "toolkit.cli"]


def _count_units(path: Path) -> int:
    from toolkit.formats import Problem, iter_units

    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return sum(1 for f in files for u in iter_units(f) if not isinstance(u, Problem))


def _run(src: Path, dst: Path, workers: str, extra: list[str]) -> Measured:
    cmd = [*_confide(), "redact", str(src), "-o", str(dst), "--no-progress", *extra]
    if workers != "default":
        cmd += ["--workers", workers]
    done = measure(cmd, log_dir=dst.parent / "logs", name=dst.name)
    if done.returncode != 0:
        raise SystemExit(f"confide failed on {src} ({done.returncode}): {done.stderr[-500:]}")
    return done


def _row(label: str, workers: str, m: Measured, chars: int, units_in: int,
         units_out: int) -> dict[str, object]:
    return {"format": label, "workers": workers, "wall_s": round(m.wall_s, 2),
            "chars_per_s": round(chars / m.wall_s), "cpu_s": round(m.cpu_s, 2),
            "tree_rss_mb": m.tree_rss_mb, "max_rss_mb": m.max_rss_mb,
            "documents_in": units_in, "documents_out": units_out}


def throughput(work: Path, chars: dict[str, int]) -> list[dict[str, object]]:
    rows = []
    for fmt in _FORMATS:
        src = work / "corpus" / fmt
        units_in = _count_units(src)
        extra = ["--column", "text"] if fmt == "csv" else []
        for workers in ("1", "2"):
            dst = work / f"out-{fmt}-{workers}"
            m = _run(src, dst, workers, extra)
            rows.append(_row(fmt, workers, m, chars[fmt], units_in, _count_units(dst)))
            print(f"  {fmt:5s} workers {workers}: {rows[-1]['chars_per_s']} chars/s",
                  file=sys.stderr)
    return rows


def _jsonl_of_size(src: Path, dst: Path, mb: float) -> int:
    """Repeat the records of ``src`` (with new ids) until ``dst`` holds ``mb`` megabytes."""
    lines = src.read_text(encoding="utf-8").splitlines()
    written, i = 0, 0
    with dst.open("w", encoding="utf-8") as out:
        while written < mb * 1_000_000:
            record = json.loads(lines[i % len(lines)])
            record["id"] = i
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            i += 1
    return i


def memory(work: Path, small: float, large: float) -> list[dict[str, object]]:
    rows = []
    for mb in (small, large):
        src = work / f"chats-{mb:g}mb.jsonl"
        records = _jsonl_of_size(work / "corpus" / "jsonl" / "chats.jsonl", src, mb)
        m = _run(src, work / f"out-{mb:g}mb.jsonl", "default", [])
        rows.append({"jsonl_mb": mb, "records": records, "wall_s": round(m.wall_s, 2),
                     "tree_rss_mb": m.tree_rss_mb, "max_rss_mb": m.max_rss_mb})
        print(f"  JSONL {mb:g} MB: peak {m.tree_rss_mb} MB (all processes)", file=sys.stderr)
    return rows


def _report(rows: list[dict[str, object]], mem: list[dict[str, object]]) -> tuple[str, dict]:
    lines = ["## Throughput per format (`confide redact DIR -o OUT`)", "",
             "| format | workers | wall s | chars/s | CPU s | peak RSS MB (all processes) "
             "| documents in / out |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    scaling: dict[str, float] = {}
    for r in rows:
        lines.append(f"| {r['format']} | {r['workers']} | {r['wall_s']} | {r['chars_per_s']} | "
                     f"{r['cpu_s']} | {r['tree_rss_mb']} | {r['documents_in']} / "
                     f"{r['documents_out']} |")
    for fmt in _FORMATS:
        one = next(r for r in rows if r["format"] == fmt and r["workers"] == "1")
        two = next(r for r in rows if r["format"] == fmt and r["workers"] == "2")
        scaling[fmt] = round(float(one["wall_s"]) / float(two["wall_s"]), 2)
    lines += ["", "| format | workers 2 / workers 1 (speed-up) |", "| --- | ---: |"]
    lines += [f"| {fmt} | {x}x |" for fmt, x in scaling.items()]
    lines += ["", "## Memory on large JSONL chat logs (default workers)", "",
              "| JSONL size | records | wall s | peak RSS MB (all processes) "
              "| largest process MB |",
              "| ---: | ---: | ---: | ---: | ---: |"]
    lines += [f"| {m['jsonl_mb']} MB | {m['records']} | {m['wall_s']} | {m['tree_rss_mb']} | "
              f"{m['max_rss_mb']} |" for m in mem]
    delta = (float(mem[1]["tree_rss_mb"] or 0) - float(mem[0]["tree_rss_mb"] or 0)) if mem else 0
    lines += ["", f"Peak memory difference, large minus small: {delta:.0f} MB (bar: <= 150 MB)."]
    return "\n".join(lines), {"scaling": scaling, "memory_delta_mb": round(delta, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=1.0, help="characters per format, millions")
    parser.add_argument("--small-mb", type=float, default=1.0)
    parser.add_argument("--large-mb", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--no-memory", action="store_true", help="skip the JSONL memory runs")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    import tempfile

    work = args.workdir or Path(tempfile.mkdtemp(prefix="confide-formats-"))
    work.mkdir(parents=True, exist_ok=True)
    chars = build(work / "corpus", args.mb, args.seed)
    started = time.time()
    rows = throughput(work, chars)
    mem = [] if args.no_memory else memory(work, args.small_mb, args.large_mb)
    text, summary = _report(rows, mem)
    print(text)
    _RESULTS.parent.mkdir(parents=True, exist_ok=True)
    _RESULTS.write_text(json.dumps({
        "command": "python -m benchmarks.formats " + " ".join(argv or sys.argv[1:]),
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "cpu_count": os.cpu_count(), "throughput": rows, "memory": mem, **summary,
    }, indent=2) + "\n", encoding="utf-8")
    ok = summary["scaling"]["text"] >= 1.6  # the bar: a directory of transcripts
    ok = ok and (args.no_memory or summary["memory_delta_mb"] <= 150)
    ok = ok and all(r["documents_in"] == r["documents_out"] for r in rows)
    if args.check and not ok:
        print("\n_a bar of issue 3 is not met_", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
