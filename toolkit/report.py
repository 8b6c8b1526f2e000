"""Span reports: where personal data was found, never what it was.

Each span becomes one JSON-serialisable record with the file, record, line, field, type,
offsets, score and recognizer, plus a keyed HMAC-SHA256 of the value so the same value can be
recognised across reports made with the same key without the value being stored.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import asdict, dataclass

from toolkit.formats import Format, Unit
from toolkit.pii import Span
from toolkit.pii.operators import keyed_digest

__all__ = ["SpanRecord", "ephemeral_key", "span_records"]


@dataclass(frozen=True, slots=True)
class SpanRecord:
    """One detected span, located, without its text (unless ``text`` was asked for)."""

    file: str
    record: int
    line: int
    field: str
    segment: int
    type: str
    start: int
    end: int
    score: float
    recognizer: str
    value_hmac: str | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {k: v for k, v in asdict(self).items() if v is not None}


def ephemeral_key() -> bytes:
    """A random key for one run, when the user configured none."""
    return secrets.token_bytes(32)


def span_records(file: str, unit: Unit, spans: tuple[Span, ...], *, key: bytes | None = None,
                 show_text: bool = False, fmt: Format | None = None) -> Iterator[SpanRecord]:
    """A :class:`SpanRecord` per span of ``unit``; offsets are within the segment's text.

    The line is the segment's first line, plus the line breaks before the span where the
    segment's text is laid out on the file's lines (not in JSON, whose strings escape theirs).
    """
    physical = fmt not in (Format.JSON, Format.JSONL)
    for span in spans:
        text = unit.segments[span.segment].text
        value = text[span.start:span.end]
        first_line = unit.segment_lines[span.segment] if unit.segment_lines else unit.line
        field = unit.segment_fields[span.segment] if unit.segment_fields else ""
        yield SpanRecord(
            file=file, record=unit.record,
            line=first_line + (text.count("\n", 0, span.start) if physical else 0),
            field=field, segment=span.segment, type=span.entity_type.value, start=span.start,
            end=span.end, score=span.score, recognizer=span.recognizer,
            value_hmac=keyed_digest(key, value, length=16) if key is not None else None,
            text=value if show_text else None,
        )
