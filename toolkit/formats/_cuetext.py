"""The text of one subtitle cue: speaker names, running text and the markup around them.

A cue's text is cut into pieces: literal markup kept as it is, :class:`Speaker` names (a WebVTT
``<v Name>`` voice tag, or a Zoom-style ``Name: `` prefix) and :class:`Run` text. Inline tags
(``<i>``, ``</v>``, ``<c.yellow>``, timestamps...) are taken out of a run's text before the
engine sees it and put back at the same place afterwards; WebVTT character references
(``&amp;``) are decoded for the engine and redacted text is escaped again, so a ``<PERSON>`` tag
from the engine is written ``&lt;PERSON&gt;`` and cannot break the file.

An unchanged piece is written back from its raw text, byte for byte.
"""

from __future__ import annotations

import enum
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from toolkit.formats._io import EOL, iter_lines
from toolkit.pii.types import Segment, SegmentKind

__all__ = ["Cue", "Run", "Speaker", "Style", "has_voice", "parse_cue", "speaker_prefix"]


class Style(enum.Enum):
    """How a cue's text is marked up."""

    VTT = "vtt"  # WebVTT: <tags>, &references;
    SRT = "srt"  # SubRip: <i> <b> <u> <font ...> and {\an8}, no references
    RAW = "raw"  # NOTE comments: plain text


_TAGS: dict[Style, re.Pattern[str] | None] = {
    Style.VTT: re.compile(r"<[^<>\r\n]*>"),
    Style.SRT: re.compile(r"</?(?:[biu]|font)(?:[ \t][^<>\r\n]*)?>|\{\\[^{}\r\n]*\}", re.I),
    Style.RAW: None,
}
_VOICE = re.compile(r"<v(?:\.[^\s.<>]+)*[ \t\f]+(?P<name>[^<>\r\n]*?)[ \t\f]*>")
# A name, or a name already redacted to a tag (<PERSON>, &lt;PERSON:3f2a&gt; in WebVTT).
_PREFIX = re.compile(
    r"(?P<name><[A-Z][A-Z_]*(?::[0-9a-f]+)?>|&lt;[A-Z][A-Z_]*(?::[0-9a-f]+)?&gt;"
    r"|[^\s:<>&][^:<>\r\n]{0,59}?)(?P<sep>:[ \t]+)(?=\S)"
)
_MAX_PREFIX_WORDS = 6


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker name: ``raw`` as written, ``text`` as the engine sees it."""

    raw: str
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Run:
    """Running text: ``plain`` for the engine, ``marks`` the tags taken out (offset, tag)."""

    raw: str
    plain: str
    marks: tuple[tuple[int, str], ...]
    line: int


@dataclass(frozen=True, slots=True)
class Cue:
    """The pieces of one cue's text, in order; ``eol`` is its line ending."""

    pieces: tuple[str | Speaker | Run, ...]
    style: Style
    eol: str

    def segments(self) -> Iterator[tuple[Segment, int]]:
        """The segment of every speaker and run, with its line."""
        for piece in self.pieces:
            if isinstance(piece, Speaker):
                yield Segment(piece.text, SegmentKind.SPEAKER), piece.line
            elif isinstance(piece, Run):
                yield Segment(piece.plain), piece.line

    def render(self, redacted: Iterator[str]) -> str:
        """The cue text with the next redacted texts in place of its speakers and runs."""
        out: list[str] = []
        changed = False
        for piece in self.pieces:
            if isinstance(piece, str):
                out.append(piece)
                continue
            new = next(redacted)
            original = piece.text if isinstance(piece, Speaker) else piece.plain
            if new == original:
                out.append(piece.raw)
            elif isinstance(piece, Speaker):
                changed = True
                out.append(_encode(" ".join(new.split()) or "?", self.style, self.eol))
            else:
                changed = True
                out.append(_rebuild(piece, new, self.style, self.eol))
        text = "".join(out)
        # A cue ends at a blank line: never let a redaction create one.
        return _drop_blank_lines(text) if changed else text


def has_voice(raw: str) -> bool:
    """True when ``raw`` cue text has a WebVTT voice tag with a name."""
    return any(m["name"].strip() for m in _VOICE.finditer(raw))


def speaker_prefix(raw: str) -> re.Match[str] | None:
    """A Zoom-style ``Name: `` prefix at the start of cue text, if any."""
    match = _PREFIX.match(raw)
    if match is None or len(match["name"].split()) > _MAX_PREFIX_WORDS:
        return None
    if match["name"].strip().isdigit():
        return None
    return match


def parse_cue(raw: str, line: int, style: Style, *, prefixed: bool) -> Cue:
    """Cut cue text into pieces; ``prefixed``: read a leading ``Name: `` as a speaker."""
    pieces: list[str | Speaker | Run] = []
    unescape = html.unescape if style is Style.VTT else _same
    voices = [m for m in _VOICE.finditer(raw) if m["name"].strip()] if style is Style.VTT else []
    pos = 0
    if voices:
        for match in voices:
            _add_run(pieces, raw, pos, match.start(), line, style)
            name_line = _line_at(raw, match.start("name"), line)
            pieces.append(raw[match.start() : match.start("name")])
            pieces.append(Speaker(match["name"], unescape(match["name"]), name_line))
            pieces.append(raw[match.end("name") : match.end()])
            pos = match.end()
    elif prefixed and (match := speaker_prefix(raw)) is not None:
        pieces.append(Speaker(match["name"], unescape(match["name"]).strip(), line))
        pieces.append(match["sep"])
        pos = match.end()
    _add_run(pieces, raw, pos, len(raw), line, style)
    eol_match = EOL.search(raw)
    return Cue(tuple(pieces), style, eol_match.group() if eol_match else "\n")


def _same(text: str) -> str:
    return text


def _line_at(raw: str, offset: int, line: int) -> int:
    return line + len(EOL.findall(raw, 0, offset))


def _add_run(
    pieces: list[str | Speaker | Run], raw: str, start: int, end: int, line: int, style: Style
) -> None:
    if start >= end:
        return
    text = raw[start:end]
    tag = _TAGS[style]
    unescape = html.unescape if style is Style.VTT else _same
    parts: list[str] = []
    marks: list[tuple[int, str]] = []
    size = pos = 0
    for match in tag.finditer(text) if tag is not None else ():
        plain = EOL.sub("\n", unescape(text[pos : match.start()]))
        parts.append(plain)
        size += len(plain)
        marks.append((size, match.group()))
        pos = match.end()
    parts.append(EOL.sub("\n", unescape(text[pos:])))
    plain = "".join(parts)
    if plain.strip():
        pieces.append(Run(text, plain, tuple(marks), _line_at(raw, start, line)))
    else:
        pieces.append(text)


def _encode(text: str, style: Style, eol: str) -> str:
    if style is Style.VTT:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    else:
        text = text.replace("-->", "->")  # never look like a timing line
    return text.replace("\n", eol) if eol != "\n" else text


def _rebuild(run: Run, new: str, style: Style, eol: str) -> str:
    """Redacted text with the run's tags put back where they were."""
    if not run.marks:
        return _encode(new, style, eol)
    ops = SequenceMatcher(None, run.plain, new, autojunk=False).get_opcodes()
    out: list[str] = []
    pos = 0
    for offset, tag in run.marks:
        target = max(_map_offset(ops, offset, len(new)), pos)
        out.append(_encode(new[pos:target], style, eol))
        out.append(tag)
        pos = target
    out.append(_encode(new[pos:], style, eol))
    return "".join(out)


def _map_offset(ops: list[tuple[str, int, int, int, int]], offset: int, size: int) -> int:
    for tag, i1, i2, j1, j2 in ops:
        if i1 <= offset < i2:
            if tag == "equal":
                return j1 + offset - i1
            return j1 if offset == i1 else j2
    return size


def _drop_blank_lines(text: str) -> str:
    lines = [(content, eol) for content, eol in iter_lines(text) if content.strip()]
    if not lines:
        return ""
    joined = "".join(content + eol for content, eol in lines)
    return joined[: len(joined) - len(lines[-1][1])]  # cue text has no final line ending
