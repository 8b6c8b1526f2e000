"""Speed of ``confide audit`` on a 1,000-file synthetic dataset (issue 6: "in minutes").

    python -m benchmarks.audit_speed                 # 1,000 files, all cores
    python -m benchmarks.audit_speed --files 200 --workers 1 --workdir /tmp/audit-bench

Builds a dataset of small synthetic transcripts and chat logs (``benchmarks.synth``, dev split:
they hold planted personal data, so the audit also has thousands of findings to report), a
manifest (four sessions per subject) and a consent record per subject, then times one
``confide audit DIR --json --html --sarif`` as its own process, model loading included, and
prints files per second, characters per second, CPU time and peak memory. Not a test; needs no
network.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: python benchmarks/audit_speed.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import json
import os
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from benchmarks.procstat import measure
from benchmarks.synth import generate
from benchmarks.systems import confide_command
from toolkit.consent.examples import apply_patch
from toolkit.consent.policy import read_example_bases

PURPOSE = "between-session-support"
SESSIONS_PER_SUBJECT = 4


def build_dataset(root: Path, files: int, seed: int) -> int:
    """Write ``files`` transcripts, ``manifest.csv`` and ``consents.jsonl``; return characters."""
    docs = generate("dev", files, seed)
    base = read_example_bases()["clinical-gb"]
    rows = ["path,subject_id,collected_at,purpose"]
    chars = 0
    start = datetime(2026, 8, 20, 9, tzinfo=UTC)
    with (root / "consents.jsonl").open("w", encoding="utf-8") as consents:
        for i, doc in enumerate(docs):
            subject = f"P{i // SESSIONS_PER_SUBJECT:04d}"
            path = f"sessions/{subject}/s{i % SESSIONS_PER_SUBJECT + 1}.txt"
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(doc.text, encoding="utf-8", newline="")
            chars += len(doc.text)
            when = start + timedelta(days=7 * (i % SESSIONS_PER_SUBJECT), minutes=i)
            rows.append(f"{path},{subject},{when.isoformat().replace('+00:00', 'Z')},{PURPOSE}")
            if i % SESSIONS_PER_SUBJECT == 0:
                record = apply_patch(base, {"subject_id": subject, "record_id": str(
                    uuid.uuid5(uuid.NAMESPACE_URL, f"audit-bench-{subject}"))})
                consents.write(json.dumps(record, default=_iso) + "\n")
    (root / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return chars


def _iso(value: Any) -> str:
    return value.isoformat()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--workers", help="passed to confide audit (default: all cores)")
    parser.add_argument("--workdir", type=Path, help="keep the dataset and reports here")
    parser.add_argument("--confide", help="confide command (default: the one beside python)")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="confide-audit-bench-"))
    dataset = work / "dataset"
    dataset.mkdir(parents=True, exist_ok=True)
    chars = build_dataset(dataset, args.files, args.seed)
    out = work / "reports"
    out.mkdir(exist_ok=True)
    cmd = [*confide_command(args.confide), "audit", str(dataset), "--json",
           str(out / "audit.json"), "--html", str(out / "audit.html"), "--sarif",
           str(out / "audit.sarif"), "--no-color", "--now", "2026-11-01T00:00:00Z"]
    if args.workers:
        cmd += ["--workers", args.workers]
    env = {**os.environ, "CONFIDE_HASH_KEY": "audit-benchmark-key-not-secret-000"}
    run = measure(cmd, log_dir=work / "logs", name="audit", env=env)
    if run.returncode not in (0, 1):
        print(run.stderr, file=sys.stderr)
        return 2
    report = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    html_mb = (out / "audit.html").stat().st_size / 1e6
    print(f"confide audit: {args.files} files, {chars:,} characters, "
          f"workers {args.workers or 'all cores'} ({os.cpu_count()} CPUs)")
    print(f"  wall {run.wall_s:.1f} s ({run.wall_s / 60:.1f} min), "
          f"{args.files / run.wall_s:.1f} files/s, {chars / run.wall_s:,.0f} chars/s")
    print(f"  cpu {run.cpu_s:.1f} s, peak memory {run.max_rss_mb:.0f} MB per process"
          + (f", {run.tree_rss_mb:.0f} MB whole tree" if run.tree_rss_mb else ""))
    print(f"  {report['summary']['findings']} findings; HTML report {html_mb:.1f} MB; "
          f"exit {run.returncode}; files in {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
