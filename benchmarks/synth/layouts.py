"""How the turns of a document are laid out beyond two alternating voices (blind split).

A kind's templates may name a ``layout``:

* ``group``: a host (``host``, voice ``host_voice``) and members, each their own person
  (``members``: ``[role, voice]`` pairs, plus ``extra`` more peers with voice ``extra_voice``);
  an optional go-round (``go_round``: each member's ``intro`` line); then turns drawn among
  them. Labels: entry 0 is the host's, entry *k* member *k*'s (the last entry serves every
  further member; a list entry is drawn once per member). Templates say ``{me.first}`` for
  the speaker, ``{other.first}`` for another member, ``{spk}`` for a numbered speaker label.
* ``export``: a group laid out as a messaging-app export: each message advances a clock and
  starts with ``msg_prefix`` (``[{mdate}, {mtime}] ``: the day is gold, the time a timestamp;
  ``msg_prefix``, ``msg_date`` and ``msg_time`` may carry locale tags); optional ``system``
  lines at the start, a ``divider`` line whenever the day changes (Slack), and ``noise``
  bodies ("<Media omitted>") now and then.
* ``prose``: a dictated summary: paragraphs of the ``host_voice`` voice, no labels, an
  optional ``footer``.

Without ``layout`` (every kind of dev, test and holdout) ``kinds._Doc.body`` runs as before.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from benchmarks.synth.castslots import format_date
from benchmarks.synth.model import DecoyKind, Fill
from benchmarks.synth.render import render
from toolkit.pii.types import EntityType

if TYPE_CHECKING:
    from benchmarks.synth.kinds import _Doc

__all__ = ["EXTRA_ROLES", "LAYOUTS", "LAYOUT_SLOTS", "SPEAKER_ALIASES", "Speaker", "Voice",
           "clock_fill", "for_locale", "run_layout"]

EXTRA_ROLES = ("peer", "peer2", "peer3", "peer4", "peer5")
SPEAKER_ALIASES = frozenset({"me", "other"})  # {me.first}: the speaker; {other.first}: another
LAYOUT_SLOTS = frozenset({"spk", "mdate", "mtime"})
_PII_SHARE = 0.4  # share of sentences drawn from a voice's "pii" list rather than "plain"
_LOCALE_TAG = re.compile(r"^\[([a-z,]+)\] ")


def for_locale(templates: Sequence[str], locale: str) -> list[str]:
    """Templates usable in ``locale``: untagged ones, and ``[uk] ...``-tagged ones that match
    (the tag is removed)."""
    out = []
    for t in templates:
        m = _LOCALE_TAG.match(t)
        if m is None:
            out.append(t)
        elif locale in m.group(1).split(","):
            out.append(t[m.end():])
    return out


@dataclass
class Voice:
    """One speaker's sentence pools, drawn without replacement within a document."""

    table: dict[str, list[str]]
    rng: random.Random
    used: set[str]
    locale: str

    def take(self, section: str) -> str | None:
        candidates = for_locale(self.table.get(section, []), self.locale)
        pool = [t for t in candidates if t not in self.used]
        if not pool:
            return None
        choice = self.rng.choice(pool)
        self.used.add(choice)
        return choice

    def sentences(self, n: int) -> list[str]:
        out = []
        for _ in range(n):
            first, second = ("pii", "plain") if self.rng.random() < _PII_SHARE else ("plain", "pii")
            t = self.take(first) or self.take(second)
            if t is not None:
                out.append(t)
        return out


@dataclass
class Speaker:
    role: str
    index: int  # 0: the host; 1..: members
    voice: Voice
    label: str


@dataclass
class _Clock:
    """The date and time of the current message of an export."""

    now: datetime
    date_format: str
    time_format: str
    days: set[str] = field(default_factory=set)

    def tick(self, rng: random.Random) -> bool:
        """Move on to the next message; True if it falls on a new day."""
        roll = rng.random()
        minutes = (rng.randint(0, 4) if roll < 0.7 else rng.randint(5, 59) if roll < 0.92
                   else rng.randint(60, 900))
        before = self.now.date()
        self.now += timedelta(minutes=minutes, seconds=rng.randint(0, 59))
        return self.now.date() != before


def clock_fill(doc: _Doc, slot: str) -> Fill:
    """``{mdate}`` (gold DATE) or ``{mtime}`` (a TIMESTAMP decoy) of the current message."""
    clock: _Clock = doc.layout_state["clock"]
    if slot == "mdate":
        return Fill.whole(format_date(clock.date_format, clock.now.date()), EntityType.DATE)
    t = clock.now
    text = clock.time_format.format(
        HH=f"{t.hour:02d}", H=t.hour, MM=f"{t.minute:02d}", SS=f"{t.second:02d}",
        h=(t.hour - 1) % 12 + 1, ampm="AM" if t.hour < 12 else "PM",
        ampm_lc="am" if t.hour < 12 else "pm")
    return Fill.whole(text, DecoyKind.TIMESTAMP)


def _voices(doc: _Doc) -> Callable[[str], Voice]:
    made: dict[str, Voice] = {}

    def voice(name: str) -> Voice:
        if name not in made:
            made[name] = Voice(doc.tpl["voices"][name], doc.rng, set(), doc.cast.locale)
        return made[name]

    return voice


def _cast(doc: _Doc) -> list[Speaker]:
    kt, rng = doc.kt, doc.rng
    voice = _voices(doc)
    specs: list[tuple[str, str]] = [(kt.get("host", "therapist"), kt.get("host_voice",
                                                                         "therapist"))]
    specs += [(str(r), str(v)) for r, v in kt.get("members", [["client", "client"]])]
    lo, hi = kt.get("extra", [0, 0])
    specs += [(r, kt.get("extra_voice", "member")) for r in EXTRA_ROLES[:rng.randint(lo, hi)]]
    out = []
    for index, (role, name) in enumerate(specs):
        entry: Any = doc.labels[min(index, len(doc.labels) - 1)]
        label = str(rng.choice(entry)) if isinstance(entry, list) else str(entry)
        out.append(Speaker(role, index, voice(name), label))
    doc.layout_state["members"] = [s.role for s in out[1:]]
    return out


def _speak(doc: _Doc, who: Speaker, text: str | None) -> None:
    if text is None:
        return
    doc.speaker = who
    clock: _Clock | None = doc.layout_state.get("clock")
    if clock is not None:
        if clock.tick(doc.rng) and (divider := doc.kt.get("divider")):
            render(divider, doc.resolve, doc.rng, doc.out)
            doc.out.add("\n")
        noise = doc.kt.get("noise")
        if noise and who.index > 0 and doc.rng.random() < doc.kt.get("noise_share", 0.06):
            text = str(doc.rng.choice(noise))
    doc.say(who.label, text)


def _next(doc: _Doc, cast: list[Speaker], prev: Speaker | None) -> Speaker:
    rng = doc.rng
    if prev is not cast[0] and rng.random() < doc.kt.get("host_share", 0.3):
        return cast[0]
    repeat = prev is not None and prev.index > 0 and rng.random() < doc.kt.get("repeat", 0.0)
    if repeat and prev is not None:
        return prev
    members = [s for s in cast[1:] if s is not prev] or cast[1:]
    weights = [2.0 if s.index == 1 else 1.0 for s in members]
    return rng.choices(members, weights=weights)[0]


def _turns(doc: _Doc, cast: list[Speaker]) -> None:
    rng, kt = doc.rng, doc.kt
    host = cast[0]
    _speak(doc, host, host.voice.take("open"))
    if kt.get("go_round"):
        for member in cast[1:]:
            _speak(doc, member, member.voice.take("intro"))
    else:
        _speak(doc, cast[1], cast[1].voice.take("open"))
    lo, hi = kt.get("turns", [14, 30])
    prev: Speaker | None = None
    for _ in range(rng.randint(lo, hi)):
        who = _next(doc, cast, prev)
        most = 1 if kt.get("layout") == "export" else 2 if who is host else 3
        parts = who.voice.sentences(rng.randint(1, most))
        if parts:
            _speak(doc, who, " ".join(parts))
        prev = who
    _speak(doc, host, host.voice.take("close"))
    if len(cast) > 1:
        _speak(doc, cast[1], cast[1].voice.take("close"))


def group(doc: _Doc) -> None:
    _turns(doc, _cast(doc))


def export(doc: _Doc) -> None:
    rng, kt, locale = doc.rng, doc.kt, doc.cast.locale

    def pick(key: str, default: str = "") -> str:
        options = for_locale(kt.get(key, []), locale)
        return str(rng.choice(options)) if options else default

    lo, hi = kt.get("start_hour", [7, 22])
    start = datetime.combine(doc.cast.session_date, time(rng.randint(lo, hi), rng.randint(0, 59)))
    clock = _Clock(start, pick("msg_date", "{dd}/{mm}/{Y}"), pick("msg_time", "{HH}:{MM}"))
    doc.layout_state["clock"] = clock
    prefix = pick("msg_prefix")
    doc.line_format = prefix + doc.line_format
    cast = _cast(doc)
    if divider := kt.get("divider"):
        render(divider, doc.resolve, rng, doc.out)
        doc.out.add("\n")
    for line in kt.get("system", []):
        render(prefix + line, doc.resolve, rng, doc.out)
        doc.out.add(doc.sep)
        clock.tick(rng)
    _turns(doc, cast)


def prose(doc: _Doc) -> None:
    rng, kt = doc.rng, doc.kt
    voice = _voices(doc)(kt.get("host_voice", "dictation"))
    doc.speaker = Speaker(kt.get("host", "therapist"), 0, voice, "")
    lo, hi = kt.get("turns", [3, 6])
    paragraphs = rng.randint(lo, hi)
    for i in range(paragraphs):
        parts = [t for t in [voice.take("open")] if t] if i == 0 else []
        parts += voice.sentences(rng.randint(1, 3) if i == 0 else rng.randint(2, 4))
        if i == paragraphs - 1 and (closer := voice.take("close")):
            parts.append(closer)
        if parts:
            render(" ".join(parts), doc.resolve, rng, doc.out)
            doc.out.add("\n\n")
    if footer := kt.get("footer"):
        render(str(rng.choice(footer)), doc.resolve, rng, doc.out)
        doc.out.add("\n")


LAYOUTS: dict[str, Callable[[_Doc], None]] = {"group": group, "export": export, "prose": prose}


def run_layout(doc: _Doc, name: str) -> None:
    if name not in LAYOUTS:
        raise ValueError(f"templates: unknown layout {name!r}; use one of {sorted(LAYOUTS)}")
    LAYOUTS[name](doc)
