"""Synthetic therapy transcripts and chatbot logs with gold personal-data spans.

Seeded and deterministic: ``generate(split, n, seed)`` returns the same documents on every
machine (for a given Faker version). Fourteen disjoint families of templates and pools: ``dev``
(what confide may be tuned against), ``test`` (held out), ``holdout`` (never looked at:
scored by benchmarks/accuracy.py for aggregate figures only), ``blind`` (like holdout, but
never seen by anyone working on confide, and scored once, at the end; its documents are never
written out by ``python -m benchmarks.synth``), ``blind2`` (a second blind family, written
from scratch and independent of the other four, treated exactly like ``blind``), ``blind3``
(a third, independent of all five others, treated the same way), ``blind4`` (a fourth,
independent of all six others, treated the same way), ``blind5`` (a fifth, independent of
all seven others, treated the same way), ``blind6`` (a sixth, independent of all eight
others, treated the same way), ``blind7`` (a seventh, independent of all nine others,
treated the same way), ``blind8`` (an eighth, independent of all ten others, treated the
same way), ``blind9`` (a ninth, independent of all eleven others, treated the same way),
``blind10`` (a tenth, independent of all twelve others, treated the same way) and ``blind11``
(an eleventh, independent of all thirteen others, treated the same way). See
benchmarks/README.md.

    python -m benchmarks.synth --split test --n 200 --seed 7 --out DIR
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from pathlib import Path

from benchmarks.synth.kinds import build_document
from benchmarks.synth.model import (
    Annotation,
    DecoyKind,
    DocKind,
    Document,
    Layer,
    NeutralKind,
    Split,
)
from benchmarks.synth.pools import Pools, load_yaml

__all__ = [
    "Annotation",
    "DecoyKind",
    "DocKind",
    "Document",
    "Layer",
    "NeutralKind",
    "Split",
    "generate",
    "write_corpus",
]


def generate(split: Split | str, n: int, seed: int) -> list[Document]:
    """``n`` documents of ``split``; document ``i`` depends only on (split, seed, i)."""
    split = Split(split)
    pools = Pools(split)
    templates = load_yaml(split, "templates")
    docs = []
    for i in range(n):
        rng = random.Random(f"confide-synth:{split.value}:{seed}:{i}")
        docs.append(build_document(pools, templates, rng, f"{split.value}-s{seed}-{i:04d}"))
    return docs


def write_corpus(docs: Iterable[Document], out: Path) -> int:
    """Write ``out/docs/<name>.txt`` and ``out/gold.jsonl``; return the number of documents."""
    docs_dir = out / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    count = 0
    with (out / "gold.jsonl").open("w", encoding="utf-8") as gold:
        for doc in docs:
            (docs_dir / f"{doc.name}.txt").write_text(doc.text, encoding="utf-8", newline="")
            gold.write(json.dumps(doc.gold_record(), ensure_ascii=False) + "\n")
            count += 1
    return count
