"""Assemble one document of a given kind from the split's templates and a fresh cast."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from benchmarks.synth.cast import ADULT_AGES, Cast
from benchmarks.synth.layouts import (
    LAYOUT_SLOTS,
    SPEAKER_ALIASES,
    Speaker,
    Voice,
    clock_fill,
    for_locale,
    run_layout,
)
from benchmarks.synth.model import DecoyKind, DocKind, Document, Fill
from benchmarks.synth.pools import LOCALES, Pools
from benchmarks.synth.render import TextBuilder, render

__all__ = ["DOC_SLOTS", "KIND_WEIGHTS", "LOCALE_WEIGHTS", "build_document", "for_locale",
           "kind_weights", "scenario_for", "template_texts"]

KIND_WEIGHTS = {DocKind.ROLE: 0.24, DocKind.RESEARCH: 0.14, DocKind.NAMED: 0.16,
                DocKind.STAMPED: 0.16, DocKind.CHAT: 0.3}
LOCALE_WEIGHTS = {"uk": 0.5, "cz": 0.25, "us": 0.25}
_VOICES = {DocKind.RESEARCH: ("interviewer", "participant"),
           DocKind.CHAT: ("chat_bot", "chat_user")}
_TURNS = {DocKind.CHAT: (8, 22), DocKind.RESEARCH: (12, 26)}
# Slots a document resolves itself (not the cast): recording timestamps, subtitle cues, and the
# speaker labels and message stamps of the blind layouts.
DOC_SLOTS = frozenset({"ts", "cue"}) | LAYOUT_SLOTS


def kind_weights(templates: dict[str, Any]) -> dict[DocKind, float]:
    """The split's document kinds and their weights: ``kind_weights`` in its templates, or
    :data:`KIND_WEIGHTS` (dev, test, holdout)."""
    table = templates.get("kind_weights")
    if table is None:
        return KIND_WEIGHTS
    return {DocKind(k): float(v) for k, v in table.items()}


def _weighted(rng: random.Random, table: dict[Any, float]) -> Any:
    keys = list(table)
    return rng.choices(keys, weights=[table[k] for k in keys])[0]


def _stamp(seconds: int, pattern: str) -> str:
    """Format a timestamp ``seconds`` into a recording. Keys: ``hh mm ss`` (padded), ``h mi s``
    (unpadded), ``m`` (total minutes), ``ms`` (milliseconds), ``t`` (tenths of a second, f4
    transcription style), the same with an ``e`` in front
    for the end of a subtitle cue (``ehh emm ess ems``, ``eh emi es``), and a wall clock
    ``clock`` (21:07) or ``clock12`` (9:07 PM) for a session that started at 9:30."""
    end = seconds + 2 + seconds % 6  # deterministic: no random draw for a cue's end

    def parts(t: int, p: str) -> dict[str, object]:
        h, rest = divmod(t, 3600)
        m, s = divmod(rest, 60)
        return {f"{p}hh": f"{h:02d}", f"{p}mm": f"{m:02d}", f"{p}ss": f"{s:02d}", f"{p}h": h,
                f"{p}mi": m, f"{p}s": s, f"{p}ms": f"{(t * 137 + len(p) * 71) % 1000:03d}",
                f"{p}t": (t * 7 + len(p)) % 10}

    h, rest = divmod(seconds, 3600)
    m = rest // 60
    hour, minute = (9 + h + (m + 30) // 60) % 24, (m + 30) % 60
    noon = "AM" if hour < 12 else "PM"
    return pattern.format(**parts(seconds, ""), **parts(end, "e"), m=m + 60 * h,
                          clock=f"{hour:02d}:{minute:02d}",
                          clock12=f"{(hour - 1) % 12 + 1}:{minute:02d} {noon}")


def _merge_voices(*tables: dict[str, dict[str, list[str]]]) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    for table in tables:
        for voice, sections in table.items():
            for section, lines in sections.items():
                out.setdefault(voice, {}).setdefault(section, []).extend(lines)
    return out


def template_texts(templates: dict[str, Any]) -> dict[str, list[str]]:
    """Every speaker label, header and sentence template of a split's templates, wherever it
    is defined (shared kinds and their styles, voices, common voice sets, scenarios)."""
    kinds = list(templates["kinds"].values())
    voices = [templates.get("voices", {}), *templates.get("common", {}).values()]
    for sc in templates.get("scenarios", {}).values():
        kinds += [k for k in sc["kinds"].values() if k]
        voices.append(sc.get("voices", {}))
    kinds += [style for k in list(kinds) for style in k.get("styles", [])]
    extra = ("system", "noise", "footer")  # blind layouts' own lines
    return {
        "labels": [one for k in kinds for group in k.get("labels", []) for lbl in group
                   for one in (lbl if isinstance(lbl, list) else [lbl])],
        "headers": [h for k in kinds for h in k.get("header", [])]
                   + [h for k in kinds for key in extra for h in k.get(key, [])]
                   + [k["divider"] for k in kinds if k.get("divider")],
        "sentences": [t for table in voices for sections in table.values()
                      for lines in sections.values() for t in lines],
    }


def scenario_for(templates: dict[str, Any], kind: DocKind, locale: str,
                 rng: random.Random) -> tuple[str, dict[str, Any], tuple[int, int]]:
    """The scenario of a document, its templates and the client's age range.

    Templates without ``scenarios`` (dev, test) are one scenario, ``""``, and nothing is drawn.
    With ``scenarios`` (holdout), one that fits the kind and locale is drawn by ``weight``; its
    kind settings override the shared ones key by key, and its voices are added to the
    ``common`` voice sets it names. A kind may also give ``styles`` (line format, stamp,
    separator and header that belong together, one drawn per document) and ``turns``.
    """
    scenarios: dict[str, Any] | None = templates.get("scenarios")
    if not scenarios:
        return "", templates, ADULT_AGES
    fits = {name: sc for name, sc in scenarios.items()
            if kind.value in sc["kinds"] and locale in sc.get("locales", LOCALES)}
    if not fits:
        raise ValueError(f"templates: no scenario for kind {kind.value} in locale {locale}; "
                         "add one to data/<split>/templates.yaml")
    name = _weighted(rng, {n: float(sc.get("weight", 1.0)) for n, sc in fits.items()})
    sc = fits[name]
    kinds = {kind.value: {**templates["kinds"][kind.value], **(sc["kinds"][kind.value] or {})}}
    common = [templates["common"][c] for c in sc.get("common", [])]
    voices = _merge_voices(*common, sc.get("voices", {}))
    lo, hi = sc.get("ages", ADULT_AGES)
    sexes = {str(k): bool(v) for k, v in sc.get("sexes", {}).items()}
    return name, {"kinds": kinds, "voices": voices, "sexes": sexes}, (int(lo), int(hi))


class _Doc:
    def __init__(self, pools: Pools, tpl: dict[str, Any], rng: random.Random, kind: DocKind,
                 locale: str, ages: tuple[int, int] = ADULT_AGES) -> None:
        self.tpl, self.rng, self.kind = tpl, rng, kind
        self.cast = Cast(pools, rng, locale, ages, tpl.get("sexes"))
        self.out = TextBuilder()
        self.cue = 0
        self.seconds = rng.randint(0, 90)
        kt: dict[str, Any] = tpl["kinds"][kind.value]
        if "styles" in kt:  # holdout: line format, stamp, separator and header that belong together
            # (blind: a style may name the locales it fits; dev/test/holdout styles do not)
            styles = [st for st in kt["styles"] if locale in st.get("locales", LOCALES)]
            kt = {**kt, **rng.choice(styles)}
        self.kt = kt
        self.labels: Sequence[Any] = rng.choice(kt["labels"]) if "labels" in kt else ("",)
        self.line_format: str = rng.choice(kt["line"]) if "line" in kt else ""
        self.stamp: str = rng.choice(kt.get("stamp", ["{hh}:{mm}:{ss}"]))
        self.sep: str = rng.choice(kt.get("sep", ["\n"]))
        # blind only (no draw unless the templates ask): text after each turn (f4-style stamps)
        self.line_end: str = rng.choice(kt["line_end"]) if "line_end" in kt else ""
        self.speaker: Speaker | None = None  # the speaker of a layout's current line
        self.layout_state: dict[str, Any] = {}

    def resolve(self, slot: str, attr: str | None) -> Fill:
        if slot in SPEAKER_ALIASES:
            slot = self._alias(slot)
        elif attr is None and slot in LAYOUT_SLOTS:
            if slot == "spk":
                index = self.speaker.index if self.speaker else 0
                text = str(self.kt.get("spk", "Speaker {n}")).format(n=index + 1, i=index)
                return Fill.whole(text, DecoyKind.ROLE_LABEL)
            return clock_fill(self, slot)
        if slot == "ts" and attr is None:
            self.seconds += self.rng.randint(4, 75)
            return Fill.whole(_stamp(self.seconds, self.stamp), DecoyKind.TIMESTAMP)
        if slot == "cue" and attr is None:  # subtitle cue number (SRT)
            self.cue += 1
            return Fill.whole(str(self.cue), DecoyKind.SESSION_META)
        return self.cast.resolve(slot, attr)

    def _alias(self, slot: str) -> str:
        """``me``: the role of the current speaker; ``other``: another member, at random."""
        me = self.speaker.role if self.speaker else "therapist"
        if slot == "me":
            return me
        members: list[str] = self.layout_state.get("members", [])
        return self.rng.choice([r for r in members if r != me] or members)

    def line(self, speaker: int, body: str) -> None:
        label = self.labels[speaker]
        if speaker > 0 and len(self.labels) > 2:  # several participants share one voice
            label = self.rng.choice(self.labels[1:])
        self.say(label, body)

    def say(self, label: str, body: str) -> None:
        """One turn: the line format with ``label``, then ``body``, then the separator."""
        template = self.line_format.replace("{label}", label) + body + self.line_end
        render(template, self.resolve, self.rng, self.out)
        self.out.add(self.sep)

    def header(self) -> None:
        headers = for_locale(self.kt.get("header", []), self.cast.locale)
        if headers and self.rng.random() < self.kt.get("header_share", 0.5):
            render(self.rng.choice(headers), self.resolve, self.rng, self.out)
            self.out.add("\n\n")

    def body(self) -> None:
        if "layout" in self.kt:  # blind: groups, messaging exports, dictated prose
            run_layout(self, str(self.kt["layout"]))
            return
        names = _VOICES.get(self.kind, ("therapist", "client"))
        voices = [Voice(self.tpl["voices"][n], self.rng, set(), self.cast.locale)
                  for n in names]
        lo, hi = self.kt.get("turns") or _TURNS.get(self.kind, (14, 34))
        turns = self.rng.randint(lo, hi)
        chat = self.kind is DocKind.CHAT
        # Openers: the therapist/interviewer speaks first; in a chat the user introduces
        # themselves (after an optional greeting) and the bot answers by name.
        order = [(0, "greet"), (1, "open"), (0, "open")] if chat else [(0, "open"), (1, "open")]
        for speaker, section in order:
            if section == "greet" and self.rng.random() < 0.5:
                continue
            if (text := voices[speaker].take(section)) is not None:
                self.line(speaker, text)
        speaker = 1
        for turn in range(turns):
            voice = voices[speaker]
            if turn >= turns - 2 and (closer := voice.take("close")):
                parts = [closer]
            else:
                most = int(self.kt.get("sentences", 2 if chat else 3))  # blind: per kind
                parts = voice.sentences(self.rng.randint(1, most))
            if parts:
                self.line(speaker, " ".join(parts))
            if not chat or self.rng.random() < 0.85:
                speaker = 1 - speaker


def build_document(pools: Pools, templates: dict[str, Any], rng: random.Random,
                   name: str) -> Document:
    """One document: a kind and locale at random, a header sometimes, then the turns."""
    kind = _weighted(rng, kind_weights(templates))
    locale = _weighted(rng, templates.get("locale_weights", LOCALE_WEIGHTS))
    _, tpl, ages = scenario_for(templates, kind, locale, rng)
    pools.reseed(rng)
    doc = _Doc(pools, tpl, rng, kind, locale, ages)
    doc.header()
    doc.body()
    text = doc.out.text.rstrip("\n") + "\n"
    anns = tuple(a for a in doc.out.annotations if a.end <= len(text))
    return Document(name, text, kind, locale, anns)
