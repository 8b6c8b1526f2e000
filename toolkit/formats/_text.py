"""Plain text transcripts: the whole file is one document with one TEXT segment.

The engine sees the text with ``\\n`` line breaks (it handles ``Name:`` / ``THERAPIST:`` line
labels itself). The output keeps the exact line count, each original line ending (``\\n``,
``\\r\\n``, ``\\r``), a missing final newline and a byte-order mark.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TextIO

from toolkit.formats._io import EOL, conform_lines, read_whole, restore_eols, split_bom
from toolkit.formats._model import Format, Handler, Problem, Unit
from toolkit.pii.types import Segment

__all__ = ["TextHandler"]


@dataclass(frozen=True, slots=True)
class _TextPayload:
    bom: str
    eols: tuple[str, ...]

    def render(self, segments: Sequence[Segment], redacted: Sequence[str]) -> str:
        plain = conform_lines(segments[0].text, redacted[0])
        return self.bom + restore_eols(plain, self.eols)


class TextHandler(Handler):
    """Plain text (``.txt``, ``.md``, ``.log``)."""

    format = Format.TEXT

    def _read(self, stream: TextIO, source: str) -> Iterator[Unit | Problem]:
        bom, text = split_bom(read_whole(stream, source))
        eols = tuple(EOL.findall(text))
        plain = EOL.sub("\n", text)
        yield Unit(
            source=source,
            line=1,
            record=0,
            segments=(Segment(plain),),
            segment_lines=(1,),
            segment_fields=("",),
            payload=_TextPayload(bom, eols),
        )
