"""SubRip subtitles: numbered cues, ``00:00:01,000 --> 00:00:04,000``, multi-line text.

Cue numbers, timing lines (with any position coordinates), blank lines and a byte-order mark are
kept byte for byte; a ``Name: text`` speaker prefix (Zoom style, when most cues have one) is a
SPEAKER segment and the text a TEXT segment. A block that is not a cue is a :class:`Problem`
and is left out of the output.
"""

from __future__ import annotations

import re

from toolkit.formats._cues import Block, CueHandler, Parsed, parse_block
from toolkit.formats._cuetext import Style
from toolkit.formats._model import Format, Problem

__all__ = ["SrtHandler"]

_TIME = r"\d+:\d{1,2}:\d{1,2}(?:[,.]\d{1,3})?"
_TIMING = re.compile(rf"[ \t]*{_TIME}[ \t]*-->[ \t]*{_TIME}(?:[ \t].*)?")
_TIMING_LIKE = re.compile(r"[ \t]*\d+:\d")


class SrtHandler(CueHandler):
    """SubRip (``.srt``)."""

    format = Format.SRT
    style = Style.SRT

    def _classify(self, block: Block, source: str) -> str | Problem | Parsed:
        lines = block.lines
        first = lines[0][0]
        if _TIMING.fullmatch(first):
            timing = 0
        elif first.strip().isdigit() and len(lines) > 1 and _TIMING.fullmatch(lines[1][0]):
            timing = 1
        elif "-->" in first or first.strip().isdigit() or _TIMING_LIKE.match(first):
            bad = block.line if not first.strip().isdigit() else block.line + 1
            return Problem(
                source,
                bad,
                "bad cue timing; expected e.g. '00:00:01,000 --> 00:00:04,000'; cue left out",
            )
        else:
            return Problem(
                source,
                block.line,
                "not a cue: expected a cue number, then a timing line 'start --> end'; "
                "block left out",
            )
        head = sum(len(content) + len(eol) for content, eol in lines[: timing + 1])
        return parse_block(block, head, block.line + timing + 1, Style.SRT)
