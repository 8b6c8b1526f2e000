"""WebVTT transcripts: Zoom (``Name: text`` cues) and Microsoft Teams (``<v Name>`` voice tags).

The header, cue ids (``0b1c.../12-0``), timing lines with their settings, STYLE and REGION
blocks and blank lines are kept byte for byte. Speaker names become SPEAKER segments and cue
text TEXT segments; NOTE comments are free text too and are redacted like cue text. A block
that is neither a cue nor a NOTE/STYLE/REGION block, or a cue with a bad timing line, is a
:class:`Problem` and is left out of the output.
"""

from __future__ import annotations

import re

from toolkit.errors import InputError
from toolkit.formats._cues import Block, CueHandler, Parsed, parse_block
from toolkit.formats._cuetext import Style
from toolkit.formats._model import Format, Problem

__all__ = ["VttHandler"]

_HEADER = re.compile(r"WEBVTT(?:[ \t].*)?")
# Teams writes unpadded hours and short fractions (0:00:01.5); hours are optional.
_TIME = r"(?:\d+:)?\d{1,2}:\d{1,2}(?:\.\d+)?"
_TIMING = re.compile(rf"[ \t]*{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t].*)?")
_KEYWORD = re.compile(r"(NOTE|STYLE|REGION)(?:[ \t]|$)")
_TIMING_LIKE = re.compile(r"[ \t]*\d+:\d")


class VttHandler(CueHandler):
    """WebVTT (``.vtt``)."""

    format = Format.VTT
    style = Style.VTT

    def _header(self, items: list[str | Block], source: str) -> tuple[str, list[str | Block]]:
        first = items[0] if items else None
        if not isinstance(first, Block) or not _HEADER.fullmatch(first.lines[0][0]):
            raise InputError(
                "not a WebVTT file: the first line must be WEBVTT; pass --format srt or text",
                where=source,
                line=1,
            )
        # A header runs to the first blank line; a cue glued to it is still read as a cue.
        glued = next((i for i, (c, _) in enumerate(first.lines) if i and "-->" in c), None)
        if glued is None:
            return first.raw, items[1:]
        cut = max(1, glued - 1)
        head = Block(first.line, first.lines[:cut]).raw
        return head, [Block(first.line + cut, first.lines[cut:]), *items[1:]]

    def _cut(self, block: Block) -> list[Block]:
        # As the WebVTT parser does: a "-->" line inside cue text starts the next cue.
        lines = block.lines
        if _KEYWORD.match(lines[0][0]) or len(lines) < 2:
            return [block]
        timing = 0 if "-->" in lines[0][0] else 1
        starts = [0, *(i for i in range(timing + 1, len(lines)) if "-->" in lines[i][0])]
        if len(starts) == 1:
            return [block]
        ends = [*starts[1:], len(lines)]
        return [Block(block.line + a, lines[a:b]) for a, b in zip(starts, ends, strict=True)]

    def _classify(self, block: Block, source: str) -> str | Problem | Parsed:
        lines = block.lines
        keyword = _KEYWORD.match(lines[0][0])
        if keyword is not None:
            return _note(block) if keyword[1] == "NOTE" else block.raw
        if "-->" in lines[0][0]:
            timing = 0
        elif len(lines) > 1 and "-->" in lines[1][0]:
            timing = 1
        elif (bad := _timing_like(lines)) is not None:
            return Problem(
                source,
                block.line + bad,
                "bad cue timing; expected e.g. '00:00:01.000 --> 00:00:04.000'; cue left out",
            )
        else:
            return Problem(
                source,
                block.line,
                "not a cue: expected an optional cue id, then a timing line 'start --> end'; "
                "block left out",
            )
        if not _TIMING.fullmatch(lines[timing][0]):
            return Problem(
                source,
                block.line + timing,
                "bad cue timing; expected e.g. '00:00:01.000 --> 00:00:04.000'; cue left out",
            )
        head = sum(len(content) + len(eol) for content, eol in lines[: timing + 1])
        return parse_block(block, head, block.line + timing + 1, Style.VTT)


def _note(block: Block) -> Parsed:
    first, eol = block.lines[0]
    after = first[4:]
    if after.strip():  # NOTE text on the same line
        head = 4 + len(after) - len(after.lstrip(" \t"))
        return parse_block(block, head, block.line, Style.RAW)
    return parse_block(block, len(first) + len(eol), block.line + 1, Style.RAW)


def _timing_like(lines: tuple[tuple[str, str], ...]) -> int | None:
    """Which of the first two lines was meant as a timing line (starts like a timestamp)."""
    return next((i for i, (c, _) in enumerate(lines[:2]) if _TIMING_LIKE.match(c)), None)
