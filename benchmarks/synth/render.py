"""Template rendering that records where every slot's text lands.

Template syntax (see data/*/templates.yaml):

* ``{slot}`` or ``{slot.attr}``: a value from the document's cast (gold, decoy or neutral);
  an attribute ending in ``_lc``/``_uc``/``_ascii`` is lower-/upper-cased or stripped of
  diacritics (``{client.first_lc}``, ``{town_ascii_lc}``).
* ``{~KIND:text}``: literal text that is a decoy of :class:`DecoyKind` ``KIND``
  (``{~WORD_NAME:hope}``).
* ``{?KIND:text}``: literal text that is neutral (not scored), :class:`NeutralKind` ``KIND``.
* ``((a|b|c))``: one of the alternatives, chosen at random (may contain slots).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from benchmarks.synth.model import Annotation, DecoyKind, Fill, Mark, NeutralKind, layer_of

__all__ = ["Resolver", "TextBuilder", "render", "slots_of"]

Resolver = Callable[[str, str | None], Fill]

_ALT = re.compile(r"\(\(([^()]*)\)\)")
_TOKEN = re.compile(r"\{([~?])([A-Z_]+):([^{}]*)\}|\{([a-z0-9_]+)(?:\.([a-z0-9_]+))?\}")


class TextBuilder:
    """Appends text and keeps annotations at absolute character offsets."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self._annotations: list[Annotation] = []

    def __len__(self) -> int:
        return self._len

    def add(self, text: str, mark: Mark | None = None) -> None:
        self.add_fill(Fill.whole(text, mark))

    def add_fill(self, fill: Fill) -> None:
        for start, end, mark in fill.marks:
            if end > start:
                self._annotations.append(
                    Annotation(self._len + start, self._len + end, layer_of(mark), mark.value)
                )
        self._parts.append(fill.text)
        self._len += len(fill.text)

    @property
    def text(self) -> str:
        return "".join(self._parts)

    @property
    def annotations(self) -> tuple[Annotation, ...]:
        return tuple(sorted(self._annotations))


def _expand_alternatives(template: str, rng: random.Random) -> str:
    while (m := _ALT.search(template)) is not None:
        choice = rng.choice(m.group(1).split("|"))
        template = template[: m.start()] + choice + template[m.end() :]
    return template


def render(template: str, resolve: Resolver, rng: random.Random, out: TextBuilder) -> None:
    """Render ``template`` into ``out``, resolving slots with ``resolve(slot, attr)``."""
    text = _expand_alternatives(template, rng)
    pos = 0
    for m in _TOKEN.finditer(text):
        out.add(text[pos : m.start()])
        sigil, kind, literal, slot, attr = m.groups()
        if sigil == "~":
            out.add(literal, DecoyKind(kind))
        elif sigil == "?":
            out.add(literal, NeutralKind(kind))
        else:
            out.add_fill(_cased(resolve, slot, attr))
        pos = m.end()
    out.add(text[pos:])


_CASES = {"_lc": Fill.lower, "_uc": Fill.upper, "_ascii": Fill.ascii}


def _cased(resolve: Resolver, slot: str, attr: str | None) -> Fill:
    key = attr if attr is not None else slot
    transforms = []
    while suffix := next((s for s in _CASES if key.endswith(s)), None):
        transforms.append(_CASES[suffix])
        key = key[: -len(suffix)]
    fill = resolve(slot, key) if attr is not None else resolve(key, None)
    for transform in reversed(transforms):
        fill = transform(fill)
    return fill


def slots_of(template: str) -> set[str]:
    """Every ``slot`` or ``slot.attr`` a template refers to (casing suffixes removed)."""
    out: set[str] = set()
    for m in _TOKEN.finditer(template.replace("((", "").replace("))", "").replace("|", " ")):
        if m.group(4):
            name = m.group(4) + (f".{m.group(5)}" if m.group(5) else "")
            out.add(re.sub(r"(_lc|_uc|_ascii)+$", "", name))
    return out
