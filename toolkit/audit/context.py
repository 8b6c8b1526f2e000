"""Masked context: the words around a finding with every detected value replaced by its type.

The window is cut from the finding's line, at most ``width`` characters either side, widened
so that it never cuts a detected value in two and narrowed to whole words; then every span in
it goes through the engine's ``tag`` operator (``<PERSON>``, ``<PHONE_NUMBER>``). The value
itself never appears. Whitespace is folded to single spaces and ``…`` marks a cut line.
"""

from __future__ import annotations

from collections.abc import Sequence

from toolkit.pii import OperatorName, RedactConfig, Span
from toolkit.pii.operators import Replacer, apply_spans, make_operator

__all__ = ["masked_context", "tag_replacer"]

_ELLIPSIS = "…"


def tag_replacer() -> Replacer:
    """The engine's tag operator (``<TYPE>``) for one document."""
    return make_operator(RedactConfig(operator=OperatorName.TAG)).for_document()


def masked_context(text: str, spans: Sequence[Span], target: Span, *, width: int = 40,
                   replace: Replacer | None = None) -> str:
    """The masked context of ``target`` in ``text`` (``spans``: all spans of this text)."""
    line_start = text.rfind("\n", 0, target.start) + 1
    line_end = text.find("\n", target.end)
    line_end = len(text) if line_end < 0 else line_end
    start = max(line_start, target.start - width)
    end = min(line_end, target.end + width)
    for span in spans:  # never cut a detected value in two
        if span.start < start < span.end:
            start = span.start
        if span.start < end < span.end:
            end = span.end
    start = _word_start(text, start, line_start, spans)
    end = _word_end(text, end, line_end, spans)
    inside = [Span(s.segment, s.start - start, s.end - start, s.entity_type, s.score,
                   s.recognizer) for s in spans if start <= s.start and s.end <= end]
    masked = apply_spans(text[start:end], inside, replace or tag_replacer())
    body = " ".join(masked.split())
    prefix = _ELLIPSIS + " " if start > line_start else ""
    suffix = " " + _ELLIPSIS if end < line_end else ""
    return f"{prefix}{body}{suffix}"


def _inside_span(pos: int, spans: Sequence[Span]) -> bool:
    return any(s.start <= pos < s.end for s in spans)


def _word_start(text: str, pos: int, floor: int, spans: Sequence[Span]) -> int:
    """Move ``pos`` forward to the start of a whole word (unless at the line or a span)."""
    if pos <= floor or text[pos - 1].isspace() or _inside_span(pos, spans):
        return pos
    while pos < len(text) and not text[pos].isspace() and not _inside_span(pos, spans):
        pos += 1
    return pos


def _word_end(text: str, pos: int, ceiling: int, spans: Sequence[Span]) -> int:
    """Move ``pos`` back to the end of a whole word (unless at the line end or a span)."""
    if pos >= ceiling or text[pos].isspace() or _inside_span(pos - 1, spans):
        return pos
    while pos > 0 and not text[pos - 1].isspace() and not _inside_span(pos - 1, spans):
        pos -= 1
    return pos
