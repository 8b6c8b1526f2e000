"""Parse JSON, JSON Lines, YAML and CSV text into raw items with their line numbers.

A reader never raises on bad content: it yields what it could read and a finding for each
line or document it could not, so the rest of the file is still judged.
"""

from __future__ import annotations

import csv
import enum
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from toolkit.consent._policyfile import YamlLoader
from toolkit.consent.findings import Finding, InputProblem

__all__ = ["InputFormat", "RawItem", "read_items"]


class InputFormat(enum.StrEnum):
    """How an input file is read; ``auto`` picks by file extension."""

    AUTO = "auto"
    JSON = "json"
    JSONL = "jsonl"
    YAML = "yaml"
    CSV = "csv"

    @classmethod
    def for_suffix(cls, suffix: str) -> InputFormat:
        return {
            ".jsonl": cls.JSONL,
            ".ndjson": cls.JSONL,
            ".yaml": cls.YAML,
            ".yml": cls.YAML,
            ".csv": cls.CSV,
        }.get(suffix.lower(), cls.JSON)


@dataclass(frozen=True)
class RawItem:
    """One parsed item of a file: ``line`` where it starts (1-based), ``index`` its position."""

    line: int | None
    index: int
    value: Any


Read = Iterator[RawItem | Finding]

_WS = re.compile(r"\s*")
_YAML_DOC = re.compile(r"^---(?:\s.*)?$", re.MULTILINE)
_CSV_INT_KEYS = frozenset({"age_at_consent"})


def read_items(text: str, fmt: InputFormat, source: str) -> Read:
    """Parse ``text`` of format ``fmt``; yield raw items and findings in file order."""
    if fmt is InputFormat.JSONL:
        return _jsonl(text, source)
    if fmt is InputFormat.YAML:
        return _yaml(text, source)
    if fmt is InputFormat.CSV:
        return _csv(text, source)
    return _json(text, source)


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _json_error(exc: json.JSONDecodeError, source: str, what: str) -> Finding:
    return Finding.input(
        InputProblem.PARSE,
        f"{what} is not valid JSON: {exc.msg} (column {exc.colno}); use strict JSON "
        "(no comments, no trailing commas, quoted keys)",
        source=source,
        line=exc.lineno,
    )


def _json(text: str, source: str) -> Read:
    decoder = json.JSONDecoder()
    pos = _WS.match(text, 0).end()  # type: ignore[union-attr]
    if pos == len(text):
        return
    try:
        if text[pos] != "[":
            value, end = decoder.raw_decode(text, pos)
            yield RawItem(_line_of(text, pos), 0, value)
            end = _WS.match(text, end).end()  # type: ignore[union-attr]
            if end != len(text):
                raise json.JSONDecodeError("Extra data after the record", text, end)
            return
        yield from _json_array(text, pos + 1, decoder)
    except json.JSONDecodeError as exc:
        yield _json_error(exc, source, "the file")


def _json_array(text: str, pos: int, decoder: json.JSONDecoder) -> Iterator[RawItem]:
    index = 0
    while True:
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if text.startswith("]", pos):
            break
        value, end = decoder.raw_decode(text, pos)
        yield RawItem(_line_of(text, pos), index, value)
        index += 1
        pos = _WS.match(text, end).end()  # type: ignore[union-attr]
        if text.startswith(",", pos):
            pos += 1
        elif not text.startswith("]", pos):
            raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)
    rest = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
    if rest != len(text):
        raise json.JSONDecodeError("Extra data after the list", text, rest)


def _jsonl(text: str, source: str) -> Read:
    index = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Finding.input(
                InputProblem.PARSE,
                f"line is not valid JSON: {exc.msg} (column {exc.colno}); one JSON record per line",
                source=source,
                line=number,
                record=index + 1,
            )
        else:
            yield RawItem(number, index, value)
        index += 1


def _yaml(text: str, source: str) -> Read:
    """Each ``---`` document is parsed on its own, so one broken document spares the others."""
    starts = [0] + [m.start() for m in _YAML_DOC.finditer(text) if m.start() > 0]
    index = 0
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(text)
        offset = _line_of(text, start) - 1
        loader = YamlLoader(text[start:end])
        try:
            node = loader.get_single_node()
            if node is None:
                continue
            value = loader.construct_document(node)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            last = offset + max(1, len(text[start:end].rstrip().splitlines()))
            line = min(offset + mark.line + 1, last) if mark is not None else offset + 1
            problem = getattr(exc, "problem", None) or "syntax error"
            yield Finding.input(
                InputProblem.PARSE, f"not valid YAML: {problem}", source=source, line=line
            )
            continue
        finally:
            loader.dispose()
        if isinstance(node, yaml.SequenceNode) and isinstance(value, list):
            for child, item in zip(node.value, value, strict=True):
                yield RawItem(offset + child.start_mark.line + 1, index, item)
                index += 1
        else:
            yield RawItem(offset + node.start_mark.line + 1, index, value)
            index += 1


def _csv(text: str, source: str) -> Read:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return
    last = reader.line_num
    for index, row in enumerate(reader):
        line, last = last + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Finding.input(
                InputProblem.PARSE,
                f"row has {len(row)} cells but the header has {len(header)}",
                source=source,
                line=line,
                record=index + 1,
            )
            continue
        try:
            yield RawItem(line, index, _unflatten(zip(header, row, strict=True)))
        except ValueError as exc:
            yield Finding.input(
                InputProblem.CSV_COLUMN, str(exc), source=source, line=line, record=index + 1
            )


def _unflatten(cells: Any) -> dict[str, Any]:
    """``{"a.0.b": "x"}`` -> ``{"a": [{"b": "x"}]}``; empty cells are absent fields."""
    root: dict[str, Any] = {}
    for key, cell in cells:
        if not key or not cell.strip():
            continue
        parts = key.strip().split(".")
        node = root
        for part in parts[:-1]:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                raise ValueError(f"column {key!r} conflicts with column {part!r}")
            node = child
        if parts[-1] in node:
            raise ValueError(f"column {key!r} conflicts with another column")
        node[parts[-1]] = _cell(parts[-1], cell.strip())
    return _lists(root)


def _cell(key: str, cell: str) -> Any:
    if cell.lower() in {"true", "false"}:
        return cell.lower() == "true"
    if key in _CSV_INT_KEYS and re.fullmatch(r"-?\d+", cell):
        return int(cell)
    if cell[0] in "[{":
        try:
            return json.loads(cell)
        except json.JSONDecodeError:
            return cell
    return cell


def _lists(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    converted = {k: _lists(v) for k, v in node.items()}
    if converted and all(k.isdigit() for k in converted):
        keys = sorted(converted, key=int)
        if [int(k) for k in keys] != list(range(len(keys))):
            raise ValueError(f"list columns must be numbered 0..{len(keys) - 1} without gaps")
        return [converted[k] for k in keys]
    return converted
