"""JSON and JSON Lines chat logs: each record is one document; only text values change.

JSONL is read line by line (memory stays flat on multi-gigabyte files): a line that is not
JSON, or not UTF-8, is a :class:`Problem` and is left out of the output; blank lines are kept.
A ``.json`` file is read whole: a top-level array is a list of records (one document each),
unless it is a list of chat messages (one conversation, one document); anything else is one
record. See :mod:`toolkit.formats._jsonscan` for which values are text.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TextIO

from toolkit.errors import InputError
from toolkit.formats._io import BOM, EOL, has_undecodable, read_whole, split_bom, split_eol
from toolkit.formats._jsonscan import (
    JArr,
    JNode,
    Pick,
    TooDeep,
    is_conversation,
    parse,
    pick,
    split_path,
)
from toolkit.formats._model import Format, Handler, Problem, Unit
from toolkit.pii.types import Segment

__all__ = ["JsonHandler", "JsonlHandler"]

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class _JsonSplice:
    """The raw text of a record and the spans of its chosen string tokens."""

    text: str
    spans: tuple[tuple[int, int], ...]

    def render(self, segments: Sequence[Segment], redacted: Sequence[str]) -> str:
        out: list[str] = []
        pos = 0
        for (start, end), segment, new in zip(self.spans, segments, redacted, strict=True):
            if new != segment.text:
                out.append(self.text[pos:start])
                out.append(_dump(new))
                pos = end
        out.append(self.text[pos:])
        return "".join(out)


def _dump(value: str) -> str:
    """A JSON string token in UTF-8; lone surrogates (from ``\\ud800`` escapes) stay escaped."""
    token = json.dumps(value, ensure_ascii=False)
    return json.dumps(value) if _SURROGATE.search(token) else token


class _JsonBase(Handler):
    def _fields(self) -> tuple[tuple[str, ...], ...]:
        return tuple(split_path(path) for path in self.options.fields)

    @staticmethod
    def _unit(
        where: tuple[str, int, int], text: str, offset: int, picks: list[Pick], lines: list[int]
    ) -> Unit:
        """A unit over ``text`` (``where``: source, record, line); picks shift by ``offset``."""
        source, record, line = where
        return Unit(
            source=source,
            line=line,
            record=record,
            segments=tuple(Segment(p.node.value, p.kind) for p in picks),
            segment_lines=tuple(lines),
            segment_fields=tuple(p.path for p in picks),
            payload=_JsonSplice(
                text, tuple((p.node.start + offset, p.node.end + offset) for p in picks)
            ),
        )


class JsonlHandler(_JsonBase):
    """JSON Lines (``.jsonl``, ``.ndjson``): one record per line, read as a stream."""

    format = Format.JSONL
    streaming = True

    def _read(self, stream: TextIO, source: str) -> Iterator[Unit | Problem]:
        fields = self._fields()
        before: list[str] = []  # blank lines (and a BOM) waiting for the next record
        record = number = 0
        for number, line in enumerate(stream, start=1):
            if number == 1 and line.startswith(BOM):
                before.append(BOM)
                line = line[1:]
            content, eol = split_eol(line)
            if not content.strip(" \t"):
                before.append(line)
                continue
            parsed = _parse_line(content)
            if isinstance(parsed, str):
                yield Problem(source, number, f"{parsed}; line left out")
                continue
            prefix = "".join(before)
            picks = pick(parsed, fields)
            text = prefix + content + eol
            lines = [number] * len(picks)
            yield self._unit((source, record, number), text, len(prefix), picks, lines)
            before.clear()
            record += 1
        if before:  # blank lines at the end of the file
            yield self._unit((source, record, number), "".join(before), 0, [], [])


def _parse_line(content: str) -> JNode | str:
    """The parsed record, or what is wrong with the line (never its content)."""
    if has_undecodable(content):
        return "not valid UTF-8"
    try:
        return parse(content)
    except json.JSONDecodeError as exc:
        return f"not valid JSON ({exc.msg}, column {exc.colno})"
    except TooDeep:
        return "JSON nested too deeply"


class JsonHandler(_JsonBase):
    """A JSON document (``.json``): an array of records, or one record. Read whole."""

    format = Format.JSON

    def _read(self, stream: TextIO, source: str) -> Iterator[Unit | Problem]:
        bom, text = split_bom(read_whole(stream, source))
        try:
            root = parse(text)
        except json.JSONDecodeError as exc:
            hint = (
                "; it looks like JSON Lines, pass --format jsonl"
                if exc.msg == "Extra data"
                else "; fix it or pass another --format"
            )
            raise InputError(
                f"not valid JSON ({exc.msg}, column {exc.colno}){hint}",
                where=source,
                line=exc.lineno,
            ) from None
        except TooDeep:
            raise InputError("JSON nested too deeply", where=source) from None
        starts = [m.end() for m in EOL.finditer(text)]

        def line_of(offset: int) -> int:
            return bisect.bisect_right(starts, offset) + 1

        fields = self._fields()
        if not isinstance(root, JArr) or not root.items or (not fields and is_conversation(root)):
            picks = pick(root, fields)
            lines = [line_of(p.node.start) for p in picks]
            yield self._unit((source, 0, 1), bom + text, len(bom), picks, lines)
            return
        pos = 0
        last = len(root.items) - 1
        for index, node in enumerate(root.items):
            end = len(text) if index == last else node.end
            head = bom if index == 0 else ""
            picks = pick(node, fields)
            lines = [line_of(p.node.start) for p in picks]
            where = (source, index, line_of(node.start))
            yield self._unit(where, head + text[pos:end], len(head) - pos, picks, lines)
            pos = end
