"""What WebVTT and SubRip files share: blocks, cue parsing, one document per file.

A subtitle file is a sequence of blocks separated by blank lines. Every block that is not cue
text (header, cue ids, timing lines, STYLE and REGION blocks, blank lines) is kept literally.
The whole file is one document, so a speaker named in one cue is redacted in every cue. A block
that is not a well-formed cue is a :class:`Problem` and is left out of the output.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar, TextIO

from toolkit.formats._cuetext import Cue, Style, has_voice, parse_cue, speaker_prefix
from toolkit.formats._io import iter_lines, read_whole, split_bom
from toolkit.formats._model import Handler, Problem, Unit
from toolkit.pii.types import Segment

__all__ = ["Block", "CueHandler", "Parsed", "parse_block", "split_blocks"]


@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive non-blank lines starting at 1-based ``line``: ``(content, ending)`` each."""

    line: int
    lines: tuple[tuple[str, str], ...]

    @property
    def raw(self) -> str:
        return "".join(content + eol for content, eol in self.lines)


@dataclass(frozen=True, slots=True)
class Parsed:
    """A well-formed block: literal ``head``, cue text ``body``, and the final line ending."""

    head: str
    body: str
    body_line: int
    tail: str
    style: Style


def split_blocks(text: str) -> list[str | Block]:
    """Blank lines (kept as literal text) and blocks, in order."""
    items: list[str | Block] = []
    current: list[tuple[str, str]] = []
    start = line = 0
    for line, (content, eol) in enumerate(iter_lines(text), start=1):
        if content.strip():
            if not current:
                start = line
            current.append((content, eol))
            continue
        if current:
            items.append(Block(start, tuple(current)))
            current = []
        items.append(content + eol)
    if current:
        items.append(Block(start, tuple(current)))
    return items


def parse_block(block: Block, head_size: int, body_line: int, style: Style) -> Parsed:
    """Split ``block`` after its first ``head_size`` characters (id and timing lines)."""
    raw = block.raw
    tail = block.lines[-1][1]
    inner = raw[: len(raw) - len(tail)]
    size = min(head_size, len(inner))
    return Parsed(inner[:size], inner[size:], body_line, tail, style)


@dataclass(frozen=True, slots=True)
class _CuePayload:
    pieces: tuple[str | Cue, ...]

    def render(self, segments: Sequence[Segment], redacted: Sequence[str]) -> str:
        texts = iter(redacted)
        return "".join(p if isinstance(p, str) else p.render(texts) for p in self.pieces)


class CueHandler(Handler):
    """A subtitle format; subclasses say what a header and a cue look like."""

    style: ClassVar[Style]

    def _header(self, items: list[str | Block], source: str) -> tuple[str, list[str | Block]]:
        """The literal header text and the items after it."""
        return "", items

    def _cut(self, block: Block) -> list[Block]:
        """A block holding several cues with no blank line between them, cut into cues."""
        return [block]

    def _classify(self, block: Block, source: str) -> str | Problem | Parsed:
        raise NotImplementedError

    def _read(self, stream: TextIO, source: str) -> Iterator[Unit | Problem]:
        bom, text = split_bom(read_whole(stream, source))
        head, items = self._header(split_blocks(text), source)
        parsed = [
            item if isinstance(item, str) else self._classify(block, source)
            for item in items
            for block in ([item] if isinstance(item, str) else self._cut(item))
        ]
        yield from (item for item in parsed if isinstance(item, Problem))
        yield self._unit(source, bom + head, parsed)

    def _unit(self, source: str, head: str, parsed: list[str | Problem | Parsed]) -> Unit:
        cues = [p.body for p in parsed if isinstance(p, Parsed) and p.style is not Style.RAW]
        prefixed = _speaker_prefixed(cues, self.style)
        pieces: list[str | Cue] = [head]
        segments: list[Segment] = []
        lines: list[int] = []
        fields: list[str] = []
        number = 0
        for item in parsed:
            if isinstance(item, Problem):
                number += 1  # cues keep their place in the numbering
                continue
            if isinstance(item, str):
                pieces.append(item)
                continue
            number += item.style is not Style.RAW
            pieces.append(item.head)
            if item.body:
                cue = parse_cue(item.body, item.body_line, item.style, prefixed=prefixed)
                pieces.append(cue)
                for segment, line in cue.segments():
                    segments.append(segment)
                    lines.append(line)
                    fields.append("note" if item.style is Style.RAW else f"cue {number}")
            pieces.append(item.tail)
        return Unit(
            source=source,
            line=1,
            record=0,
            segments=tuple(segments),
            segment_lines=tuple(lines),
            segment_fields=tuple(fields),
            payload=_CuePayload(_merge_literals(pieces)),
        )


def _speaker_prefixed(cues: list[str], style: Style) -> bool:
    """Zoom style: at least half of the cues without voice tags start with ``Name: ``."""
    plain = [body for body in cues if not (style is Style.VTT and has_voice(body))]
    hits = sum(1 for body in plain if speaker_prefix(body) is not None)
    return hits > 0 and 2 * hits >= len(plain)


def _merge_literals(pieces: list[str | Cue]) -> tuple[str | Cue, ...]:
    merged: list[str | Cue] = []
    for piece in pieces:
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        elif piece != "":
            merged.append(piece)
    return tuple(merged)
