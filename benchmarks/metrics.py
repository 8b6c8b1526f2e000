"""Token-level redaction metrics: recall, precision and leaked entities, overall and per type.

Definitions (benchmarks/README.md, "Metrics"):

* A **token** is a maximal run of Unicode word characters (``\\w+``); punctuation and
  whitespace are not tokens, so ``tom.jones@gmail.com`` is four tokens.
* A token is **gold** if any of its characters is inside a gold span, **predicted** if any of
  its characters was redacted (inside a predicted span). Tokens touching an *ignore* span and
  no gold span are left out of every count (arguable data such as countries, or labels a
  dataset excludes from scoring), so they neither help nor hurt a system.
* **Recall** = gold tokens predicted / gold tokens; **precision** = predicted tokens that are
  gold / predicted tokens. Types do not matter here: for redaction a phone number masked as a
  date is still masked.
* An **entity** (one gold span) **leaks** if any of its tokens is not predicted.
* Per gold type: recall and leaks of that type's spans. Per predicted type (when a system
  reports types): the share of tokens predicted as that type that are gold (of any type).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = [
    "GoldSpan",
    "Scores",
    "Tally",
    "TypedSpan",
    "changed_spans",
    "shape",
    "tokenize",
]

TOKEN_RE = re.compile(r"\w+")
UNTYPED = "?"


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class TypedSpan:
    start: int
    end: int
    label: str


def tokenize(text: str) -> list[tuple[int, int]]:
    """Character ranges of the word tokens of ``text``."""
    return [m.span() for m in TOKEN_RE.finditer(text)]


def changed_spans(original: str, redacted: str, *, where: str = "") -> list[tuple[int, int]]:
    """Runs of characters that differ between a text and its same-length redaction."""
    if len(original) != len(redacted):
        raise ValueError(
            f"{where}: redacted text has {len(redacted)} characters, original {len(original)}; "
            "the mask operator must keep every offset (one '*' per character)"
        )
    spans: list[tuple[int, int]] = []
    start = -1
    for i, (a, b) in enumerate(zip(original, redacted, strict=True)):
        if a != b and start < 0:
            start = i
        elif a == b and start >= 0:
            spans.append((start, i))
            start = -1
    if start >= 0:
        spans.append((start, len(original)))
    return spans


def shape(text: str) -> str:
    """A value-free pattern of ``text``: ``Xx`` for Word, ``x`` for word, ``d`` for digits.

    Runs of one class collapse to one symbol; other characters are kept (``+d d d``,
    ``Xd dX``, ``x.x@x.x``), so a report can say *what kind* of text leaked or was
    over-redacted without showing it.
    """
    out: list[str] = []
    for ch in text:
        if ch.isdigit():
            sym = "d"
        elif ch.isalpha():
            sym = "X" if ch.isupper() else "x"
        elif ch.isspace():
            sym = " "
        else:
            sym = ch
        if not out or out[-1] != sym or sym not in "Xxd ":
            out.append(sym)
    return "".join(out)[:40]


def _mask(length: int, spans: Iterable[tuple[int, int]]) -> bytearray:
    mask = bytearray(length)
    for start, end in spans:
        mask[max(start, 0) : min(end, length)] = b"\x01" * (min(end, length) - max(start, 0))
    return mask


def _hits(mask: bytearray, start: int, end: int) -> bool:
    return any(mask[start:end])


@dataclass(frozen=True)
class TypeRecall:
    tokens: int
    predicted: int
    entities: int
    leaked: int

    @property
    def recall(self) -> float | None:
        return self.predicted / self.tokens if self.tokens else None

    @property
    def leak_rate(self) -> float | None:
        return self.leaked / self.entities if self.entities else None


@dataclass(frozen=True)
class TypePrecision:
    tokens: int
    gold: int

    @property
    def precision(self) -> float | None:
        return self.gold / self.tokens if self.tokens else None


@dataclass(frozen=True)
class Scores:
    """Totals over a corpus for one system."""

    documents: int
    tokens: int
    ignored_tokens: int
    gold_tokens: int
    predicted_tokens: int
    true_positive_tokens: int
    entities: int
    leaked_entities: int
    per_gold_type: dict[str, TypeRecall]
    per_predicted_type: dict[str, TypePrecision]
    false_positive_patterns: Counter[tuple[str, str, str]]  # (predicted type, decoy kind, shape)
    leak_patterns: Counter[tuple[str, str]]  # (gold type, shape)

    @property
    def recall(self) -> float:
        return self.true_positive_tokens / self.gold_tokens if self.gold_tokens else 1.0

    @property
    def precision(self) -> float:
        return self.true_positive_tokens / self.predicted_tokens if self.predicted_tokens else 1.0

    @property
    def leak_rate(self) -> float:
        return self.leaked_entities / self.entities if self.entities else 0.0


@dataclass
class Tally:
    """Accumulates documents; :meth:`scores` returns the frozen totals."""

    documents: int = 0
    tokens: int = 0
    ignored: int = 0
    gold: int = 0
    predicted: int = 0
    tp: int = 0
    gold_types: dict[str, list[int]] = field(default_factory=dict)  # tokens, hit, ents, leaked
    pred_types: dict[str, list[int]] = field(default_factory=dict)  # tokens, gold
    fp_patterns: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    leak_patterns: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(
        self,
        text: str,
        gold: Sequence[GoldSpan],
        predicted: Iterable[tuple[int, int]],
        *,
        typed: Sequence[TypedSpan] = (),
        ignore: Iterable[tuple[int, int]] = (),
        decoys: Sequence[GoldSpan] = (),
    ) -> None:
        """Score one document. ``predicted`` are redacted character ranges; ``typed`` the
        same system's spans with types, if it reports them (used for per-type precision)."""
        n = len(text)
        gmask = _mask(n, ((g.start, g.end) for g in gold))
        pmask = _mask(n, predicted)
        imask = _mask(n, ignore)
        self.documents += 1
        scored: list[tuple[int, int]] = []
        for s, e in tokenize(text):
            is_gold = _hits(gmask, s, e)
            if not is_gold and _hits(imask, s, e):
                self.ignored += 1
                continue
            scored.append((s, e))
            is_pred = _hits(pmask, s, e)
            self.tokens += 1
            self.gold += is_gold
            self.predicted += is_pred
            self.tp += is_gold and is_pred
            if is_pred and not is_gold:
                self._false_positive(text, s, e, typed, decoys, pmask)
        self._gold_types(text, gold, pmask)
        self._pred_types(typed, scored, gmask)

    def _gold_types(self, text: str, gold: Sequence[GoldSpan], pmask: bytearray) -> None:
        for g in gold:
            toks = [(s, e) for s, e in tokenize(text[g.start : g.end])]
            if not toks:
                continue
            hit = sum(_hits(pmask, g.start + s, g.start + e) for s, e in toks)
            row = self.gold_types.setdefault(g.label, [0, 0, 0, 0])
            row[0] += len(toks)
            row[1] += hit
            row[2] += 1
            if hit < len(toks):
                row[3] += 1
                self.leak_patterns[(g.label, shape(text[g.start : g.end]))] += 1

    def _pred_types(self, typed: Sequence[TypedSpan], scored: list[tuple[int, int]],
                    gmask: bytearray) -> None:
        if not typed:
            return
        for t in typed:
            row = self.pred_types.setdefault(t.label, [0, 0])
            for s, e in scored:
                if s < t.end and e > t.start:
                    row[0] += 1
                    row[1] += _hits(gmask, s, e)

    def _false_positive(self, text: str, s: int, e: int, typed: Sequence[TypedSpan],
                        decoys: Sequence[GoldSpan], pmask: bytearray) -> None:
        decoy = next((d.label for d in decoys if d.start < e and d.end > s), "other")
        covering = [t for t in typed if t.start < e and t.end > s]
        if covering:
            for t in covering:
                self.fp_patterns[(t.label, decoy, shape(text[t.start : t.end]))] += 1
            return
        # untyped: describe the whole redacted run around the token
        a, b = s, e
        while a > 0 and pmask[a - 1]:
            a -= 1
        while b < len(text) and pmask[b]:
            b += 1
        self.fp_patterns[(UNTYPED, decoy, shape(text[a:b]))] += 1

    def scores(self) -> Scores:
        return Scores(
            documents=self.documents, tokens=self.tokens, ignored_tokens=self.ignored,
            gold_tokens=self.gold, predicted_tokens=self.predicted, true_positive_tokens=self.tp,
            entities=sum(r[2] for r in self.gold_types.values()),
            leaked_entities=sum(r[3] for r in self.gold_types.values()),
            per_gold_type={k: TypeRecall(*v) for k, v in sorted(self.gold_types.items())},
            per_predicted_type={k: TypePrecision(*v) for k, v in sorted(self.pred_types.items())},
            false_positive_patterns=Counter(self.fp_patterns),
            leak_patterns=Counter(self.leak_patterns),
        )
