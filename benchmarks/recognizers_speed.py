"""How fast confide's pattern recognizers are: all of them over ~1 MB of conversational text.

    .venv/bin/python benchmarks/recognizers_speed.py [--mb 1.0] [--repeat 3]

Prints CPU seconds (the best of ``--repeat`` runs, which leaves out the one-off pattern
compilation and public-suffix load, about 0.5 s together) and MB/s: for the whole text in one
call per recognizer, in pieces of about 8,000 characters cut at line breaks (as the engine
analyses it), and line by line (one call per segment); then Presidio's own predefined pattern
recognizers on the whole text, for scale. CPU time, because the machine may be shared. The
text is timestamped, role-labelled therapy dialogue, one line in twenty carrying an
identifier: digits on every line are the worst case for the candidate scans.
Synthetic text only; not a test.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from types import SimpleNamespace

from presidio_analyzer import EntityRecognizer, PatternRecognizer, RecognizerRegistry
from presidio_analyzer.predefined_recognizers.generic import email_recognizer as email_module

from toolkit.pii.recognizers import build_recognizers
from toolkit.pii.recognizers._tld import offline_extractor

_SPEAKERS = ("THERAPIST", "CLIENT", "Interviewer", "P07", "user", "assistant")
_LINES = (
    "How have you been sleeping since we last spoke?",
    "Honestly not great, I keep waking up at 3am and my mind just races.",
    "That sounds exhausting. What goes through your mind when that happens?",
    "Mostly work stuff. My manager keeps piling things on and I can't say no.",
    "On a scale of 1 to 10, how anxious would you say you felt this week?",
    "Maybe a 7/10 most days, an 8 on Monday. My PHQ-9 score was 14 last time.",
    "Let's try the breathing exercise again, four seconds in and six seconds out.",
    "I tried the app between sessions, it suggested journaling which helped a bit.",
    "We've been working on this for about two weeks now, since session 3.",
    "If things get really bad you can call Samaritans on 116 123, or 999 in an emergency.",
    "i dunno, i just feel like nobody gets it. my mum says i'm overreacting lol",
    "Did you manage to go for a walk? You mentioned the park near your house.",
    "Yeah I walked 3 miles down the road on Sunday and it was actually nice.",
    "What would you say to a friend who was feeling the way you do right now?",
    "I'd probably tell them to be kinder to themselves. Funny how that works.",
    "Version 3.8.0 of the app crashed twice, so I gave up around 00:12:45 into it.",
    "We moved in 2019, it's been about 3 years since the divorce.",
    "Last week was rough but yesterday was better. Thanks for asking.",
)
_PII = (
    "My new number is 07700 900{n:03d} if you need it.",
    "I'm at 12 Acacia Avenue, Leeds LS6 2AB now.",
    "I was born on 3rd March 1985, so I'm nearly forty.",
    "My NHS number is 943 476 5919, the letter says.",
    "Email me at sam.{n}@example.co.uk instead.",
    "She's @sam_k.92 on Instagram.",
    "My Czech mobile is +420 601 123 {n:03d}.",
    "Call me on (555) 123-{n:04d} after six.",
    "Bydlím Na Příkopě 15, 110 00 Praha 1.",
)


def make_text(size: int, seed: int = 7) -> str:
    """About ``size`` characters of timestamped, role-labelled therapy dialogue."""
    rng = random.Random(seed)
    out: list[str] = []
    total, seconds = 0, 0
    while total < size:
        seconds += rng.randint(3, 40)
        stamp = f"[{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}]"
        pool = _PII if rng.random() < 0.05 else _LINES
        line = f"{stamp} {rng.choice(_SPEAKERS)}: {rng.choice(pool).format(n=rng.randint(0, 999))}"
        out.append(line)
        total += len(line) + 1
    return "\n".join(out)


def pieces_of(text: str, size: int = 8_000) -> list[str]:
    """The text cut at line breaks into pieces of about ``size`` characters."""
    pieces, start = [], 0
    while start < len(text):
        cut = text.rfind("\n", start, start + size) if len(text) - start > size else -1
        end = cut + 1 if cut > start else min(len(text), start + size)
        pieces.append(text[start:end])
        start = end
    return pieces


def presidio_pattern_recognizers() -> list[EntityRecognizer]:
    """Presidio's predefined pattern recognizers for English (what plain Presidio runs).

    Presidio's email recognizer calls the module-level ``tldextract.extract``, which tries to
    download the public-suffix list (and prints a traceback offline); it gets the offline
    extractor here so the comparison neither touches the network nor floods the terminal.
    """
    email_module.tldextract = SimpleNamespace(extract=offline_extractor())  # type: ignore[attr-defined]
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"])
    return [r for r in registry.recognizers if isinstance(r, PatternRecognizer)]


def _best_of(repeat: int, run: Callable[[], int]) -> tuple[float, int]:
    best, found = float("inf"), 0
    for _ in range(repeat):
        start = time.process_time()
        found = run()
        best = min(best, time.process_time() - start)
    return best, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="megabytes of text (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    parser.add_argument("--per-recognizer", action="store_true", help="time each one as well")
    args = parser.parse_args()

    text = make_text(int(args.mb * 1_000_000))
    mb = len(text.encode()) / 1e6
    ours = build_recognizers()
    presidio = presidio_pattern_recognizers()

    def run_on(recognizers: list[EntityRecognizer], parts: list[str]) -> Callable[[], int]:
        return lambda: sum(len(r.analyze(p, [])) for p in parts for r in recognizers)

    runs = (
        ("confide, whole text", ours, [text]),
        ("confide, 8 KB pieces", ours, pieces_of(text)),
        ("confide, line by line", ours, text.split("\n")),
        ("Presidio, whole text", presidio, [text]),
    )
    for label, recognizers, parts in runs:
        seconds, found = _best_of(args.repeat, run_on(recognizers, parts))
        print(f"{label:>22}: {mb:.2f} MB, {len(recognizers):2d} pattern recognizers, "
              f"{found:5d} results, {seconds:.3f} s, {mb / seconds:.1f} MB/s")
    if args.per_recognizer:
        for r in ours:
            seconds, found = _best_of(args.repeat, lambda r=r: len(r.analyze(text, [])))
            print(f"  {r.name:<26} {seconds * 1000:7.1f} ms  {found:6d} results")


if __name__ == "__main__":
    main()
