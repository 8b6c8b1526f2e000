"""CSV and TSV: each data row is one document whose text cells are its segments.

Read and written record by record (memory stays flat on large files). Header rows, unchosen
cells, quoting, the delimiter, line endings and blank lines are kept byte for byte; a changed
cell is quoted like the original, or when its new value needs it. Qualtrics exports (three
header rows: ids, question texts, ``{"ImportId":...}``) are recognised and rows 2-3 pass
through as header. A row with the wrong number of cells, or with bytes that are not UTF-8, is a
:class:`Problem` and is left out of the output.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from toolkit.errors import DecodeError, InputError
from toolkit.formats._csvscan import (
    SAMPLE_ROWS,
    CsvLayout,
    RawRecord,
    auto_columns,
    cell_value,
    chosen_columns,
    import_id,
    is_import_id_row,
    iter_records,
    quote_cell,
    sniff_delimiter,
)
from toolkit.formats._io import EOL, has_undecodable, open_input, split_bom, split_eol
from toolkit.formats._model import Format, FormatOptions, Handler, Problem, Unit
from toolkit.pii.types import Segment, SegmentKind

__all__ = ["CsvHandler", "read_csv_layout"]


@dataclass(frozen=True, slots=True)
class _CsvSplice:
    """The raw text of a row (with any header or blank lines before it) and its text cells."""

    text: str
    spans: tuple[tuple[int, int], ...]
    delimiter: str

    def render(self, segments: Sequence[Segment], redacted: Sequence[str]) -> str:
        out: list[str] = []
        pos = 0
        for (start, end), segment, new in zip(self.spans, segments, redacted, strict=True):
            if new != segment.text:
                out.append(self.text[pos:start])
                out.append(quote_cell(new, self.delimiter, self.text.startswith('"', start)))
                pos = end
        out.append(self.text[pos:])
        return "".join(out)


@dataclass(frozen=True, slots=True)
class _Header:
    layout: CsvLayout
    raw: str  # BOM and header rows, written before the first row
    rows: Iterator[RawRecord]  # the data rows


def _read_header(stream: TextIO, source: str, options: FormatOptions) -> _Header | None:
    first = stream.readline()
    if not first:
        return None
    bom, first = split_bom(first)
    delimiter = options.delimiter or sniff_delimiter(split_eol(first)[0])
    records = iter_records(itertools.chain([first], stream), delimiter)
    header = next(records)
    if header.cells is None or has_undecodable(header.text):
        raise InputError(
            "the header row has an unclosed quote or bytes that are not UTF-8; fix the header",
            where=source,
            line=1,
        )
    peek = list(itertools.islice(records, 2))
    qualtrics = len(peek) == 2 and peek[1].cells is not None and is_import_id_row(peek[1].values())
    head = [header, *peek] if qualtrics else [header]
    layout = CsvLayout(
        delimiter=delimiter,
        columns=tuple(header.values()),
        qualtrics=qualtrics,
        questions=tuple(peek[0].values()) if qualtrics else (),
        import_ids=tuple(import_id(v) for v in peek[1].values()) if qualtrics else (),
    )
    rows = records if qualtrics else itertools.chain(peek, records)
    return _Header(layout, bom + "".join(r.text + r.eol for r in head), rows)


def read_csv_layout(src: str | Path | TextIO, options: FormatOptions | None = None) -> CsvLayout:
    """The header of a CSV file (delimiter, columns, Qualtrics rows), reading only the header."""
    options = options if options is not None else FormatOptions()
    if isinstance(src, str | Path):
        with open_input(src) as stream:
            return _layout(stream, str(src), options)
    return _layout(src, str(getattr(src, "name", "<stream>")), options)


def _layout(stream: TextIO, source: str, options: FormatOptions) -> CsvLayout:
    try:
        header = _read_header(stream, source, _for_source(options, source))
    except UnicodeDecodeError:
        raise DecodeError("not valid UTF-8 text; convert it to UTF-8 first", where=source) from None
    return header.layout if header is not None else CsvLayout(",", ())


def _for_source(options: FormatOptions, source: str) -> FormatOptions:
    """A ``.tsv`` file is tab-separated unless a delimiter was given."""
    if options.delimiter is None and source.lower().endswith(".tsv"):
        return replace(options, delimiter="\t")
    return options


class CsvHandler(Handler):
    """CSV and TSV (``.csv``, ``.tsv``), Qualtrics exports included; read as a stream."""

    format = Format.CSV
    streaming = True

    def _read(self, stream: TextIO, source: str) -> Iterator[Unit | Problem]:
        header = _read_header(stream, source, _for_source(self.options, source))
        if header is None:
            return
        layout = header.layout
        sample: list[RawRecord] = []
        if self.options.columns:
            columns = chosen_columns(layout, self.options.columns, source)
        else:  # look at the first rows to find free-text columns
            sample = list(itertools.islice(header.rows, SAMPLE_ROWS))
            good = [r.values() for r in sample if _problem(r, len(layout.columns)) is None]
            columns = auto_columns(layout, good)
        before = [header.raw]
        record = line = 0
        for row in itertools.chain(sample, header.rows):
            line = row.line
            if row.cells is not None and not row.text:  # a blank line
                before.append(row.eol)
                continue
            problem = _problem(row, len(layout.columns))
            if problem is not None:
                yield Problem(source, row.line, f"{problem}; left out")
                continue
            yield _unit((source, record), layout, columns, "".join(before), row)
            before.clear()
            record += 1
        if any(before):  # a header without rows, or blank lines at the end
            payload = _CsvSplice("".join(before), (), layout.delimiter)
            yield Unit(source, max(line, 1), record, (), (), (), payload)


def _problem(row: RawRecord, width: int) -> str | None:
    if row.cells is None:
        return "a quoted cell is never closed, so the rest of the file is one broken row"
    if has_undecodable(row.text):
        return "row is not valid UTF-8"
    if len(row.cells) != width:
        return f"row has {len(row.cells)} cells but the header has {width}"
    return None


def _unit(
    where: tuple[str, int],
    layout: CsvLayout,
    columns: dict[int, SegmentKind],
    prefix: str,
    row: RawRecord,
) -> Unit:
    assert row.cells is not None
    spans: list[tuple[int, int]] = []
    segments: list[Segment] = []
    lines: list[int] = []
    fields: list[str] = []
    for index, kind in columns.items():
        start, end = row.cells[index]
        value = cell_value(row.text[start:end])
        if not value.strip():
            continue
        spans.append((start + len(prefix), end + len(prefix)))
        segments.append(Segment(value, kind))
        lines.append(row.line + len(EOL.findall(row.text, 0, start)))
        fields.append(layout.columns[index])
    return Unit(
        source=where[0],
        line=row.line,
        record=where[1],
        segments=tuple(segments),
        segment_lines=tuple(lines),
        segment_fields=tuple(fields),
        payload=_CsvSplice(prefix + row.text + row.eol, tuple(spans), layout.delimiter),
    )
