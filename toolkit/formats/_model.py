"""Shared types of the format layer: formats, options, units, problems and the handler base.

A handler turns a file into documents (:class:`Unit`) for the engine and writes each one back
from its redacted segment texts. Parts it cannot parse become :class:`Problem` items: they are
reported and left out of the output, so nothing unparsed is ever written unredacted.
"""

from __future__ import annotations

import abc
import enum
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Protocol, TextIO

from toolkit.errors import ConfigError, DecodeError, InputError
from toolkit.formats._io import open_input
from toolkit.pii.types import Segment

__all__ = [
    "Format",
    "FormatOptions",
    "Handler",
    "Problem",
    "Unit",
    "detect_format",
]


class Format(enum.StrEnum):
    """A file format confide reads and writes back."""

    TEXT = "text"
    VTT = "vtt"
    SRT = "srt"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


_EXTENSIONS: dict[str, Format] = {
    ".txt": Format.TEXT,
    ".md": Format.TEXT,
    ".log": Format.TEXT,
    ".vtt": Format.VTT,
    ".srt": Format.SRT,
    ".json": Format.JSON,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".csv": Format.CSV,
    ".tsv": Format.CSV,
}


def detect_format(path: str | Path, override: Format | str | None = None) -> Format:
    """The format of ``path``: ``override`` when given, else from the file extension."""
    if override is not None:
        try:
            return Format(override)
        except ValueError:
            choices = "|".join(Format)
            raise ConfigError(f"unknown format {override!r}; use one of {choices}") from None
    suffix = Path(path).suffix.lower()
    try:
        return _EXTENSIONS[suffix]
    except KeyError:
        what = f"extension {suffix!r}" if suffix else "no extension"
        known = " ".join(sorted(_EXTENSIONS))
        raise InputError(
            f"cannot tell the format from {what} (known: {known}); pass --format",
            where=path,
        ) from None


@dataclass(frozen=True, slots=True)
class FormatOptions:
    """What the user chose on the command line, for the formats that need a choice.

    ``fields``: JSON/JSONL text fields as dotted paths relative to a record, ``*`` matching
    every list element (or object value), e.g. ``data.*.comment``; empty: auto-detect.
    ``columns``: CSV columns holding text; empty: auto-pick (see ``toolkit.formats._csvscan``).
    ``delimiter``: CSV delimiter; None: tab for a ``.tsv`` source, else sniffed from the header.
    """

    fields: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    delimiter: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", tuple(self.fields))
        object.__setattr__(self, "columns", tuple(self.columns))
        for path in self.fields:
            steps = path.removeprefix("$.").replace("[", ".").replace("]", "").split(".")
            if not path.strip() or any(not step for step in steps):
                raise ConfigError(
                    f"--field {path!r}: not a dotted path; write e.g. messages.*.content"
                )
        if self.delimiter is not None and (len(self.delimiter) != 1 or self.delimiter in '"\r\n'):
            raise ConfigError(
                f"--delimiter {self.delimiter!r}: must be one character, not a quote or newline"
            )


class _Payload(Protocol):
    """What a handler keeps in a unit to write it back (picklable, no callables)."""

    def render(self, segments: Sequence[Segment], redacted: Sequence[str]) -> str: ...


@dataclass(frozen=True, slots=True)
class Unit:
    """One document of a file: the segments the engine analyses together, and how to write it.

    ``line`` is the 1-based line where the document starts and ``record`` its 0-based index in
    the file. ``segment_lines`` and ``segment_fields`` say where each segment is (its line, and
    its JSON path, CSV column or cue) for reports. A unit may have no segments (a record without
    text, or blank lines at the end of a file): it is still rendered, unchanged.
    """

    source: str
    line: int
    record: int
    segments: tuple[Segment, ...]
    segment_lines: tuple[int, ...]
    segment_fields: tuple[str, ...]
    payload: _Payload = field(repr=False, compare=False)

    def render(self, redacted: Sequence[str]) -> str:
        """The text of this unit in its format, with ``redacted[i]`` in place of segment ``i``.

        With ``redacted`` equal to the segment texts the result is the input, byte for byte.
        """
        if len(redacted) != len(self.segments):
            raise ValueError(
                f"{self.source}[{self.record}]: got {len(redacted)} redacted texts "
                f"for {len(self.segments)} segments"
            )
        return self.payload.render(self.segments, redacted)


@dataclass(frozen=True, slots=True)
class Problem:
    """A part of a file that cannot be parsed; it is left out of the output, never leaked.

    ``message`` says what is wrong and never quotes the content.
    """

    source: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.message}"

    def to_error(self) -> InputError:
        """The same problem as an :class:`InputError` (for callers that stop at the first)."""
        return InputError(self.message, where=self.source, line=self.line)


class Handler(abc.ABC):
    """Reads one format into units and writes units back; built once with the user's options."""

    format: ClassVar[Format]
    #: True when the handler reads record by record (memory flat on large files).
    streaming: ClassVar[bool] = False

    def __init__(self, options: FormatOptions | None = None) -> None:
        self.options = options if options is not None else FormatOptions()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.options!r})"

    def read(
        self, src: str | Path | TextIO, *, source: str | None = None
    ) -> Iterator[Unit | Problem]:
        """Units and problems of ``src`` in order: a path, ``-`` (stdin) or an open text stream.

        A stream must be opened with ``newline=""`` (see :func:`open_input`) or line endings are
        lost. Raises :class:`InputError` when the whole file is unusable (not this format, not
        UTF-8); a broken part of a file is a :class:`Problem` and reading goes on.
        """
        if isinstance(src, str | Path):
            name = source if source is not None else str(src)
            with open_input(src) as stream:
                yield from self._decoded(stream, name)
        else:
            name = source if source is not None else str(getattr(src, "name", "<stream>"))
            yield from self._decoded(src, name)

    def _decoded(self, stream: TextIO, source: str) -> Iterator[Unit | Problem]:
        try:
            yield from self._read(stream, source)
        except UnicodeDecodeError:
            raise DecodeError(
                "not valid UTF-8 text; convert it to UTF-8 first", where=source
            ) from None

    @abc.abstractmethod
    def _read(self, stream: TextIO, source: str) -> Iterator[Unit | Problem]:
        """Parse an open text stream (``newline=""``)."""

    def render(self, unit: Unit, redacted: Sequence[str]) -> str:
        """Same as ``unit.render(redacted)``."""
        return unit.render(redacted)

    def write(self, items: Iterable[tuple[Unit, Sequence[str]]], out: TextIO) -> None:
        """Write each unit with its redacted segment texts, in order (``out``: ``newline=""``)."""
        for unit, redacted in items:
            out.write(unit.render(redacted))
