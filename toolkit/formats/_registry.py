"""Finding the handler of a format, and reading or rewriting a whole file with one call."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from toolkit.formats._csv import CsvHandler
from toolkit.formats._json import JsonHandler, JsonlHandler
from toolkit.formats._model import Format, FormatOptions, Handler, Problem, Unit, detect_format
from toolkit.formats._srt import SrtHandler
from toolkit.formats._text import TextHandler
from toolkit.formats._vtt import VttHandler

__all__ = ["TransformResult", "get_handler", "iter_units", "transform"]

_HANDLERS: dict[Format, type[Handler]] = {
    Format.TEXT: TextHandler,
    Format.VTT: VttHandler,
    Format.SRT: SrtHandler,
    Format.JSON: JsonHandler,
    Format.JSONL: JsonlHandler,
    Format.CSV: CsvHandler,
}


def get_handler(fmt: Format | str, options: FormatOptions | None = None) -> Handler:
    """The handler of ``fmt``, built with ``options`` (fields, columns, delimiter)."""
    return _HANDLERS[detect_format("", fmt)](options)


def iter_units(
    path: str | Path,
    fmt: Format | str | None = None,
    options: FormatOptions | None = None,
) -> Iterator[Unit | Problem]:
    """Units and problems of the file at ``path`` (format from the extension unless given)."""
    return get_handler(detect_format(path, fmt), options).read(path)


@dataclass(frozen=True, slots=True)
class TransformResult:
    """What :func:`transform` did to one file."""

    units: int
    segments: int
    problems: tuple[Problem, ...]


def transform(
    src: str | Path | TextIO,
    out: TextIO,
    redact: Callable[[Unit], Sequence[str]],
    *,
    fmt: Format | str | None = None,
    options: FormatOptions | None = None,
    source: str | None = None,
) -> TransformResult:
    """Read ``src``, write each unit to ``out`` with ``redact(unit)`` as its segment texts.

    One unit at a time, so memory stays flat for streaming formats. Problems are collected and
    their parts left out of the output. ``fmt`` defaults to the extension of ``source`` or
    ``src``.
    """
    if source is not None:
        name = source
    elif isinstance(src, str | Path):
        name = str(src)
    else:
        name = str(getattr(src, "name", "<stream>"))
    handler = get_handler(detect_format(name, fmt), options)
    units = segments = 0
    problems: list[Problem] = []
    for item in handler.read(src, source=name):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        out.write(item.render(redact(item)))
        units += 1
        segments += len(item.segments)
    return TransformResult(units, segments, tuple(problems))
