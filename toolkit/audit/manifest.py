"""Read a dataset manifest: which file holds whose data, collected when, for what purpose.

The manifest is a CSV (``manifest.csv`` in the dataset folder by default) with a header row.
Columns (names can be mapped with :class:`ManifestColumns`):

``path``          the file, relative to the dataset folder (required)
``subject_id``    the pseudonymous subject whose data it holds (required)
``collected_at``  ISO 8601 timestamp or date of collection (optional column)
``purpose``       purpose id(s) the data is used for, several separated by ``|`` or ``;``
``deidentified``  true/false: does the file claim to be de-identified (optional column)
``modality``      audio, video or transcript, for recording consent (optional column)

A file may have several rows (a group session: one per subject). Timestamps are converted to
UTC; one without a zone is read in ``tz`` (UTC by default). A date alone stands for the whole
day. A row that cannot be used is an issue with its line number and the rest is still read.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path, PurePosixPath

from toolkit.errors import ConfigError, InputError

__all__ = [
    "Collected",
    "Manifest",
    "ManifestColumns",
    "ManifestIssue",
    "ManifestRow",
    "Modality",
    "read_manifest",
]

_TRUE = frozenset({"true", "yes", "y", "1"})
_FALSE = frozenset({"false", "no", "n", "0"})
_MODALITIES = frozenset({"audio", "video", "transcript"})
Modality = str


@dataclass(frozen=True)
class ManifestColumns:
    """The manifest's column names for each field."""

    path: str = "path"
    subject: str = "subject_id"
    collected: str = "collected_at"
    purpose: str = "purpose"
    deidentified: str = "deidentified"
    modality: str = "modality"


@dataclass(frozen=True)
class Collected:
    """When data was collected: a moment (``start == end``) or a whole day (a date alone)."""

    start: datetime
    end: datetime

    @property
    def exact(self) -> bool:
        return self.start == self.end

    def label(self) -> str:
        if self.exact:
            return self.start.isoformat().replace("+00:00", "Z")
        return self.start.date().isoformat()


@dataclass(frozen=True)
class ManifestRow:
    """One usable row: the file (relative, POSIX), subject, time, purposes, claims."""

    line: int
    path: str
    subject: str
    collected: Collected | None
    purposes: tuple[str, ...]
    deidentified: bool | None = None
    modality: Modality | None = None


@dataclass(frozen=True)
class ManifestIssue:
    """A row that cannot be used (or a duplicate), with its line; never quotes free text."""

    line: int
    message: str
    duplicate: bool = False


@dataclass(frozen=True)
class Manifest:
    """The rows of a manifest and the issues met reading it."""

    source: str
    rows: tuple[ManifestRow, ...]
    issues: tuple[ManifestIssue, ...]
    columns: tuple[str, ...]
    #: Rows whose timestamp had no zone (read in the manifest time zone).
    naive_times: int = 0


def read_manifest(path: str | Path, dataset: str | Path, *,
                  columns: ManifestColumns | None = None, default_purpose: str | None = None,
                  tz: tzinfo = UTC, name: str | None = None) -> Manifest:
    """Read the manifest at ``path``; file paths are taken relative to ``dataset``.

    Raises :class:`ConfigError` when the file is missing or a required column is absent;
    every bad row is a :class:`ManifestIssue` instead.
    """
    cols = columns or ManifestColumns()
    shown = name or str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError("no manifest here; write one (path,subject_id,collected_at,purpose) "
                          "or pass --manifest FILE", where=shown) from None
    except UnicodeDecodeError:
        raise InputError("the manifest is not UTF-8 text; save it as UTF-8 CSV",
                         where=shown) from None
    except OSError as exc:
        raise InputError(f"cannot read the manifest ({exc.strerror})", where=shown) from None
    delimiter = _delimiter(text, str(path))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header = _header(reader, shown, cols)
    parser = _RowParser(header, cols, Path(dataset), default_purpose, tz, delimiter)
    rows, issues = parser.parse(_records(reader, shown))
    return Manifest(shown, tuple(rows), tuple(issues), tuple(header), parser.naive)


def _delimiter(text: str, path: str) -> str:
    if path.lower().endswith(".tsv"):
        return "\t"
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _header(reader: Iterator[list[str]], shown: str, cols: ManifestColumns) -> list[str]:
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ConfigError("the manifest is empty; it needs a header row "
                          "(path,subject_id,collected_at,purpose)", where=shown) from None
    except csv.Error:
        raise InputError("the header row is not valid CSV", where=shown, line=1) from None
    for column, option in ((cols.path, "--path-column"), (cols.subject, "--subject-column")):
        if column not in header:
            raise ConfigError(
                f"no column {column!r} (columns: {', '.join(header) or 'none'}); "
                f"name the column with {option}", where=f"{shown}:1")
    return header


def _records(reader: Iterator[list[str]], shown: str) -> Iterator[tuple[int, list[str] | None]]:
    """(first line, cells) per data row; cells None for a row the CSV reader rejects."""
    line_num = getattr(reader, "line_num", 1)
    while True:
        start = line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            yield start, None
            return  # the reader cannot resynchronise after an unclosed quote
        line_num = getattr(reader, "line_num", start)
        yield start, cells


class _RowParser:
    def __init__(self, header: Sequence[str], cols: ManifestColumns, dataset: Path,
                 default_purpose: str | None, tz: tzinfo, delimiter: str) -> None:
        self.index = {name: i for i, name in enumerate(header)}
        self.width = len(header)
        self.cols = cols
        self.dataset = dataset.resolve()
        self.default_purpose = default_purpose
        self.tz = tz
        self.split = re.compile(r"[|]" if delimiter == ";" else r"[|;]")
        self.naive = 0

    def parse(self, records: Iterator[tuple[int, list[str] | None]]
              ) -> tuple[list[ManifestRow], list[ManifestIssue]]:
        rows: list[ManifestRow] = []
        issues: list[ManifestIssue] = []
        seen: dict[tuple[str, str, tuple[str, ...]], int] = {}
        for line, cells in records:
            if cells is not None and not any(c.strip() for c in cells):
                continue  # a blank line
            try:
                row = self.row(line, cells)
            except ValueError as exc:
                issues.append(ManifestIssue(line, str(exc)))
                continue
            key = (row.path, row.subject, row.purposes)
            if key in seen:
                issues.append(ManifestIssue(line, f"same file, subject and purpose as line "
                                                  f"{seen[key]}; remove one", duplicate=True))
                continue
            seen[key] = line
            rows.append(row)
        return rows, issues

    def cell(self, cells: list[str], column: str) -> str:
        i = self.index.get(column)
        return cells[i].strip() if i is not None else ""

    def row(self, line: int, cells: list[str] | None) -> ManifestRow:
        if cells is None:
            raise ValueError("a quoted cell is never closed; the rest of the manifest is unread")
        if len(cells) != self.width:
            raise ValueError(f"row has {len(cells)} cells but the header has {self.width}")
        path = self.path(self.cell(cells, self.cols.path))
        subject = self.cell(cells, self.cols.subject)
        if not subject:
            raise ValueError(f"{self.cols.subject} is empty; every file needs its subject")
        purposes = tuple(p.strip() for p in self.split.split(self.cell(cells, self.cols.purpose))
                         if p.strip())
        if not purposes and self.default_purpose:
            purposes = (self.default_purpose,)
        if not purposes:
            raise ValueError(f"{self.cols.purpose} is empty; add the purpose, or pass --purpose")
        collected = self.collected(self.cell(cells, self.cols.collected))
        return ManifestRow(line, path, subject, collected, purposes,
                           self.flag(self.cell(cells, self.cols.deidentified)),
                           self.modality(self.cell(cells, self.cols.modality)))

    def path(self, value: str) -> str:
        if not value:
            raise ValueError(f"{self.cols.path} is empty")
        raw = value.replace("\\", "/")
        pure = PurePosixPath(raw)
        if pure.is_absolute():
            try:
                pure = PurePosixPath(Path(raw).resolve().relative_to(self.dataset).as_posix())
            except ValueError:
                raise ValueError(f"{self.cols.path} is outside the dataset folder; "
                                 "give it relative to the dataset") from None
        parts = [p for p in pure.parts if p not in ("", ".")]
        if not parts or ".." in parts:
            raise ValueError(f"{self.cols.path} leaves the dataset folder (..); "
                             "give it relative to the dataset")
        return "/".join(parts)

    def collected(self, value: str) -> Collected | None:
        if not value:
            return None
        try:
            if len(value) == 10:
                day = date.fromisoformat(value)
                start = datetime(day.year, day.month, day.day, tzinfo=self.tz).astimezone(UTC)
                return Collected(start, start + timedelta(days=1) - timedelta(microseconds=1))
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{self.cols.collected} is not an ISO 8601 timestamp "
                             "(e.g. 2026-03-01T10:00:00Z)") from None
        if moment.tzinfo is None:
            self.naive += 1
            moment = moment.replace(tzinfo=self.tz)
        moment = moment.astimezone(UTC)
        return Collected(moment, moment)

    def flag(self, value: str) -> bool | None:
        if not value:
            return None
        low = value.lower()
        if low in _TRUE | _FALSE:
            return low in _TRUE
        raise ValueError(f"{self.cols.deidentified} must be true or false (or yes/no, 1/0)")

    def modality(self, value: str) -> Modality | None:
        if not value:
            return None
        low = value.lower()
        return low if low in _MODALITIES else None
