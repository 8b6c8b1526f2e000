"""``python -m benchmarks.synth --split test --n 200 --seed 7 --out DIR``"""

from __future__ import annotations

import argparse
import json
import sys
from importlib.metadata import version
from pathlib import Path

from benchmarks.synth import Split, generate, write_corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synth", description=__doc__)
    parser.add_argument("--split", choices=[s.value for s in Split], default="dev")
    parser.add_argument("--n", type=int, default=200, help="number of documents")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    if (args.out / "docs").exists() and any((args.out / "docs").iterdir()):
        parser.error(f"{args.out}/docs is not empty; choose a new --out directory")
    if args.split in (Split.BLIND, Split.BLIND2, Split.BLIND3, Split.BLIND4, Split.BLIND5,
                      Split.BLIND6, Split.BLIND7, Split.BLIND8, Split.BLIND9, Split.BLIND10,
                      Split.BLIND11):
        parser.error(f"the {args.split} split is never written out to be read: it is scored "
                     f"once, at the end, by python -m benchmarks.accuracy --split {args.split} "
                     "(aggregate figures only; benchmarks/README.md). Use --split dev to look at "
                     "documents")
    if args.split == Split.HOLDOUT:
        print("warning: the holdout split is never used for tuning; do not read these "
              "documents (python -m benchmarks.accuracy --split holdout scores it)",
              file=sys.stderr)
    docs = generate(args.split, args.n, args.seed)
    count = write_corpus(docs, args.out)
    manifest = {"split": args.split, "n": count, "seed": args.seed,
                "chars": sum(len(d.text) for d in docs), "faker": version("faker")}
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {count} documents ({manifest['chars']} characters) to {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
