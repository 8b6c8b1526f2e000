"""Load consent records (confide.consent/1 or Kantara CR v1.1) from JSON, JSONL, YAML or CSV.

Loading never stops at the first bad line: each unreadable line, document or record becomes a
:class:`~toolkit.consent.findings.Finding` naming the file and line, and the rest is read.

Timestamps are normalised to timezone-aware UTC before anything compares them: every field
named ``at``, ``*_at`` or ``valid_until`` becomes a UTC ``datetime`` (a date alone means
midnight UTC; a timestamp without a zone is read as UTC and reported as ``INPUT-NAIVE-TIME``);
every field named ``date``, ``*_date`` or ``*_deadline`` becomes a ``date``. A value that is not
ISO 8601 is reported as ``INPUT-BAD-TIME`` and left as it was, so the rules see it as invalid.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from toolkit.consent import _kantara
from toolkit.consent._readers import InputFormat, RawItem, read_items
from toolkit.consent.findings import Finding, InputProblem
from toolkit.errors import InputError

__all__ = [
    "RECORD_SUFFIXES",
    "ConsentRecord",
    "InputFormat",
    "LoadResult",
    "RecordFormat",
    "load_records",
    "read_records",
]

#: File extensions read when a directory is given.
RECORD_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson", ".yaml", ".yml", ".csv"})


class RecordFormat(enum.StrEnum):
    """What a record was before loading."""

    CONFIDE = "confide.consent/1"
    KANTARA = "kantara-cr-1.1"


@dataclass(frozen=True)
class ConsentRecord:
    """One loaded record: its normalised fields and where it came from."""

    data: Mapping[str, Any] = field(hash=False, compare=False)
    source: str
    line: int | None
    #: 1-based position of the record in its file.
    position: int
    format: RecordFormat = RecordFormat.CONFIDE

    @property
    def record_id(self) -> str | None:
        value = self.data.get("record_id")
        return str(value) if value is not None and not isinstance(value, (dict, list)) else None

    @property
    def jurisdiction(self) -> str | None:
        value = self.data.get("jurisdiction")
        return value if isinstance(value, str) else None

    @property
    def context(self) -> str | None:
        value = self.data.get("context")
        return value if isinstance(value, str) else None


@dataclass(frozen=True)
class LoadResult:
    """The records read and the problems met while reading them."""

    records: tuple[ConsentRecord, ...]
    problems: tuple[Finding, ...]
    sources: tuple[str, ...]


def load_records(paths: Sequence[str | Path], *, stdin_text: str | None = None) -> LoadResult:
    """Read every record of ``paths`` (files, directories, or ``-`` for standard input).

    Raises :class:`~toolkit.errors.InputError` only for a path that does not exist; every
    other problem is a finding in the result.
    """
    records: list[ConsentRecord] = []
    problems: list[Finding] = []
    sources: list[str] = []
    for path in _expand(paths):
        source = str(path)
        sources.append(source)
        text = _read_text(path, stdin_text, problems)
        if text is None:
            continue
        fmt = _sniff(text) if source == "-" else InputFormat.for_suffix(Path(source).suffix)
        result = read_records(text, source, fmt)
        records.extend(result.records)
        problems.extend(result.problems)
    problems.extend(_duplicate_ids(records))
    return LoadResult(tuple(records), tuple(problems), tuple(sources))


def _expand(paths: Sequence[str | Path]) -> Iterator[str | Path]:
    for raw in paths:
        if str(raw) == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in RECORD_SUFFIXES)
            if not found:
                raise InputError("no .json, .jsonl, .yaml or .csv files in this folder", where=path)
            yield from found
        elif path.is_file():
            yield path
        else:
            raise InputError("no such file or folder; check the path", where=path)


def _sniff(text: str) -> InputFormat:
    """Standard input: JSON Lines when several lines start a JSON object, else YAML (which also
    reads JSON)."""
    starts = [line for line in text.splitlines() if line.strip()]
    if len(starts) > 1 and all(line.lstrip().startswith("{") for line in starts):
        return InputFormat.JSONL
    return InputFormat.YAML


def _read_text(path: str | Path, stdin_text: str | None, problems: list[Finding]) -> str | None:
    source = str(path)
    try:
        if source == "-":
            return stdin_text if stdin_text is not None else sys.stdin.read()
        return Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.append(
            Finding.input(
                InputProblem.DECODE,
                "not UTF-8 text; save it as UTF-8 JSON, YAML or CSV",
                source=source,
            )
        )
    except OSError as exc:
        raise InputError(
            f"cannot be read ({exc.strerror or type(exc).__name__})", where=path
        ) from exc
    return None


def read_records(text: str, source: str, fmt: InputFormat = InputFormat.JSON) -> LoadResult:
    """Read the records of one text in format ``fmt`` (``AUTO`` means JSON)."""
    records: list[ConsentRecord] = []
    problems: list[Finding] = []
    count = 0
    for item in read_items(text, fmt, source):
        count += 1
        if isinstance(item, Finding):
            problems.append(item)
            continue
        record, found = _to_record(item, source)
        problems.extend(found)
        if record is not None:
            records.append(record)
    if count == 0:
        problems.append(
            Finding.input(InputProblem.EMPTY, "the file holds no record", source=source)
        )
    return LoadResult(tuple(records), tuple(problems), (source,))


def _to_record(item: RawItem, source: str) -> tuple[ConsentRecord | None, list[Finding]]:
    where = {"source": source, "line": item.line, "record": item.index + 1}
    raw = item.value
    if not isinstance(raw, Mapping):
        message = f"found {_kind(raw)} where a record (a mapping of fields) belongs"
        return None, [Finding.input(InputProblem.NOT_A_RECORD, message, **where)]
    other = _kantara.other_format(raw)
    if other == "legacy":
        message = (
            "a pre-1.0 Kantara Minimum Viable Consent Receipt (MVCR); it cannot show valid "
            "consent under the GDPR. Re-issue it as Kantara CR v1.1 or confide.consent/1"
        )
        return None, [Finding.input(InputProblem.LEGACY_FORMAT, message, **where)]
    if other is not None:
        message = f"{other}; convert it to confide.consent/1 (see DESIGN.md)"
        return None, [Finding.input(InputProblem.UNSUPPORTED_FORMAT, message, **where)]
    problems: list[Finding] = []
    fmt = RecordFormat.CONFIDE
    data: dict[str, Any] = dict(raw)
    if _kantara.is_kantara_v11(raw):
        fmt = RecordFormat.KANTARA
        data = _kantara.map_kantara(raw)
        problems.extend(_kantara_findings(raw, data, where))
    record_id = data.get("record_id") if isinstance(data.get("record_id"), str) else None
    problems.extend(
        Finding.input(problem, message, path=path, record_id=record_id, **where)
        for problem, path, message in normalise_times(data)
    )
    return ConsentRecord(data, source, item.line, item.index + 1, fmt), problems


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return "nothing" if value is None else f"a {type(value).__name__}"


def _kantara_findings(
    raw: Mapping[str, Any], data: Mapping[str, Any], where: Mapping[str, Any]
) -> Iterator[Finding]:
    record_id = data.get("record_id") if isinstance(data.get("record_id"), str) else None
    for path, problem in _kantara.kantara_schema_errors(raw):
        yield Finding.input(
            InputProblem.KANTARA_SCHEMA,
            f"{path}: {problem}",
            path=path,
            record_id=record_id,
            **where,
        )
    for path, what in _kantara.KANTARA_GAPS:
        yield Finding.input(
            InputProblem.KANTARA_GAP,
            f"Kantara CR v1.1 cannot express {what}; add it to a confide.consent/1 record",
            path=path,
            record_id=record_id,
            **where,
        )


# ---------------------------------------------------------------------------------------------
# Time normalisation

Problem = tuple[InputProblem, str, str]


def _is_datetime_key(key: str) -> bool:
    return key == "at" or key.endswith("_at") or key == "valid_until"


def _is_date_key(key: str) -> bool:
    return key == "date" or key.endswith(("_date", "_deadline"))


def normalise_times(data: dict[str, Any]) -> list[Problem]:
    """Convert the record's timestamps and dates in place; return the problems met."""
    problems: list[Problem] = []
    for container, key, path in list(_fields(data, "")):
        value = container[key]
        if _is_datetime_key(str(key)):
            converted, problem = _to_datetime(value)
        else:
            converted, problem = _to_date(value)
        if problem is not None:
            problems.append((problem[0], path, f"{path}: {problem[1]}"))
        if converted is not None:
            container[key] = converted
    return problems


def _fields(node: Any, prefix: str) -> Iterable[tuple[Any, Any, str]]:
    items: Iterable[tuple[Any, Any]]
    if isinstance(node, dict):
        items = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return
    for key, value in list(items):
        path = f"{prefix}.{key}" if prefix else str(key)
        timed = isinstance(key, str) and (_is_datetime_key(key) or _is_date_key(key))
        if timed and value is not None and not isinstance(value, (dict, list, bool)):
            yield node, key, path
            continue
        yield from _fields(value, path)


_BAD_TIME = (InputProblem.BAD_TIME, "not an ISO 8601 timestamp (e.g. 2025-03-01T10:00:00Z)")
_BAD_DATE = (InputProblem.BAD_TIME, "not an ISO 8601 date (e.g. 2025-09-01)")
_NAIVE = (InputProblem.NAIVE_TIME, "has no time zone; read as UTC (add Z or an offset)")


def _to_datetime(value: Any) -> tuple[datetime | None, tuple[InputProblem, str] | None]:
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 10:
                return _to_datetime(date.fromisoformat(text))
            value = datetime.fromisoformat(text)
        except ValueError:
            return None, _BAD_TIME
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC), _NAIVE
        return value.astimezone(UTC), None
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC), None
    return None, _BAD_TIME


def _to_date(value: Any) -> tuple[date | None, tuple[InputProblem, str] | None]:
    if isinstance(value, datetime):
        moment = value.astimezone(UTC) if value.tzinfo else value
        return moment.date(), None
    if isinstance(value, date):
        return value, None
    if isinstance(value, str):
        text = value.strip()
        try:
            return (
                (date.fromisoformat(text), None)
                if len(text) == 10
                else _to_date(datetime.fromisoformat(text))
            )
        except ValueError:
            return None, _BAD_DATE
    return None, _BAD_DATE


def _duplicate_ids(records: Sequence[ConsentRecord]) -> Iterator[Finding]:
    seen: dict[str, ConsentRecord] = {}
    for record in records:
        rid = record.record_id
        if rid is None:
            continue
        if rid in seen:
            first = seen[rid]
            yield Finding.input(
                InputProblem.DUPLICATE_ID,
                f"record_id also used at {first.source}:{first.line or first.position}",
                source=record.source,
                line=record.line,
                record=record.position,
                record_id=rid,
                path="record_id",
            )
        else:
            seen[rid] = record
