"""``confide redact`` and ``confide detect``."""

from __future__ import annotations

import contextlib
import enum
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from toolkit.cli._app import ExitCode, guarded, main, warn
from toolkit.cli._options import Progress as _Progress
from toolkit.cli._options import build_config as _build_config
from toolkit.cli._options import engine_options as _engine_options
from toolkit.errors import ConfigError
from toolkit.formats import Format, FormatOptions
from toolkit.pii import OperatorName, RedactConfig
from toolkit.pipeline import (
    FileSummary,
    Job,
    Mode,
    Runner,
    UnitResult,
    default_workers,
    plan_jobs,
)
from toolkit.report import ephemeral_key, span_records

__all__ = ["detect", "redact"]


class SpanFormat(enum.StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"


_INPUT_FORMATS = ["auto", *[f.value for f in Format]]


def _report_failures(summaries: list[FileSummary], skipped: list[str]) -> bool:
    """One line per failed file or malformed part; True when anything went wrong."""
    bad = False
    for summary in summaries:
        if summary.error is not None:
            warn(f"{summary.error}")
            bad = True
        for problem in summary.problems:
            warn(str(problem))
            bad = True
    if skipped:
        warn(f"skipped {len(skipped)} file(s) of unknown type (use --format): "
             + ", ".join(skipped[:3]) + (" ..." if len(skipped) > 3 else ""))
    return bad


def _plan(mode: Mode, paths: tuple[str, ...], output: str | None, in_place: bool,
          input_format: str) -> tuple[list[Job], list[str]]:
    fmt = None if input_format == "auto" else Format(input_format)
    return plan_jobs(paths, output, fmt=fmt, in_place=in_place, mode=mode)


def _execute(mode: Mode, jobs: list[Job], opts: dict[str, Any], config: RedactConfig,
             on_unit: Callable[[UnitResult], None] | None) -> list[FileSummary]:
    options = FormatOptions(fields=opts["fields"], columns=opts["columns"])
    workers = opts["workers"] or default_workers()
    if all(j.fmt not in (Format.JSONL, Format.CSV) for j in jobs):
        workers = min(workers, max(1, len(jobs)))  # one file of text: one process is enough
    progress = _Progress(len(jobs), opts["progress"])
    runner = Runner(config, mode=mode, workers=workers, options=options,
                    dask_address=opts.get("dask"))

    def each_unit(result: UnitResult) -> None:
        progress.unit_done(sum(len(seg.text) for seg in result.unit.segments))
        if on_unit is not None:
            on_unit(result)

    try:
        return runner.run(jobs, on_unit=each_unit, on_file=progress.file_done)
    finally:
        progress.close()


def _check_report_path(report: Path, jobs: list[Job], paths: tuple[str, ...]) -> None:
    """The report must not be an input, an output, or inside a folder being read."""
    where = report.resolve()
    files = {Path(p).resolve() for j in jobs for p in (j.source, j.target) if p not in (None, "-")}
    folders = [Path(p).resolve() for p in paths if p != "-" and Path(p).is_dir()]
    if where in files or any(where.is_relative_to(f) for f in folders):
        raise ConfigError("the report would overwrite or be read as an input or an output; "
                          "write it somewhere else", where=report)


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-o", "--output", metavar="OUT",
              help="Output file, or folder for a folder/several inputs (default: stdout).")
@click.option("--in-place", is_flag=True, help="Replace each input with its redacted version "
              "(atomically).")
@click.option("--operator", type=click.Choice([o.value for o in OperatorName]), default=None,
              help="tag (default), pseudonym, mask, hash (keyed), surrogate.")
@click.option("--format", "input_format", type=click.Choice(_INPUT_FORMATS), default="auto",
              help="Input format (default: from the extension).")
@click.option("--report", "report_file", type=click.Path(dir_okay=False),
              help="Write a JSONL log of what was redacted where (no values, keyed hashes).")
@click.option("--dask", metavar="ADDRESS",
              help='Run on a Dask cluster at ADDRESS (pip install "confide[dask]").')
@_engine_options
@guarded
def redact(paths: tuple[str, ...], output: str | None, in_place: bool, operator: str | None,
           input_format: str, report_file: str | None, **opts: Any) -> None:
    """Remove personal data from transcripts and chat logs.

    \b
    confide redact session.txt -o session.redacted.txt
    confide redact transcripts/ -o redacted/ --operator pseudonym
    cat chat.jsonl | confide redact - --format jsonl > chat.redacted.jsonl
    """
    config = _build_config(opts, OperatorName(operator) if operator else None)
    jobs, skipped = _plan(Mode.REDACT, paths, output, in_place, input_format)
    key = config.hash_key or ephemeral_key()
    report_path = Path(report_file) if report_file is not None else None
    if report_path is not None:
        _check_report_path(report_path, jobs, paths)
    with contextlib.ExitStack() as stack:
        report = stack.enter_context(_atomic_text(report_path)) if report_path else None

        def on_unit(result: UnitResult) -> None:
            if report is not None:
                for rec in span_records(result.job.name, result.unit, result.spans, key=key,
                                        fmt=result.job.fmt):
                    report.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")

        summaries = _execute(Mode.REDACT, jobs, opts, config, on_unit)
    sys.exit(ExitCode.ERROR if _report_failures(summaries, skipped) else ExitCode.OK)


@contextlib.contextmanager
def _atomic_text(path: Path) -> Iterator[TextIO]:
    """Write ``path`` through a temporary file beside it, renamed into place at the end."""
    tmp = path.with_name(f".{path.name}.confide-{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as out:
            yield out
        tmp.replace(path)
    except OSError as exc:
        raise ConfigError(f"cannot write the report ({exc.strerror})", where=path) from None
    finally:
        tmp.unlink(missing_ok=True)


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "out_format", type=click.Choice([f.value for f in SpanFormat]),
              default="table", help="Output: table (default), json or jsonl.")
@click.option("--input-format", type=click.Choice(_INPUT_FORMATS), default="auto",
              help="Input format (default: from the extension).")
@click.option("--show-text", is_flag=True,
              help="Include the detected text itself (personal data!) in the output.")
@_engine_options
@guarded
def detect(paths: tuple[str, ...], out_format: str, input_format: str, show_text: bool,
           **opts: Any) -> None:
    """List personal-data spans: type, offsets, score, recognizer (no text by default).

    Exits 1 when anything was found, 0 when nothing was, 2 on an input error.
    """
    config = _build_config(opts, None)
    key = config.hash_key
    rows: list[dict[str, object]] = []
    fmt = SpanFormat(out_format)

    def on_unit(result: UnitResult) -> None:
        for rec in span_records(result.job.name, result.unit, result.spans, key=key,
                                show_text=show_text, fmt=result.job.fmt):
            row = rec.to_dict()
            if fmt is SpanFormat.JSONL:
                click.echo(json.dumps(row, ensure_ascii=False))
            else:
                rows.append(row)

    jobs, skipped = _plan(Mode.DETECT, paths, None, False, input_format)
    summaries = _execute(Mode.DETECT, jobs, opts, config, on_unit)
    rows += _identifying_columns(summaries)
    if fmt is SpanFormat.JSON:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt is SpanFormat.TABLE:
        click.echo(_table(rows, show_text))
    failed = _report_failures(summaries, skipped)
    found = any(s.spans for s in summaries) or bool(rows)
    sys.exit(ExitCode.ERROR if failed else ExitCode.FINDINGS if found else ExitCode.OK)


def _identifying_columns(summaries: list[FileSummary]) -> list[dict[str, object]]:
    """CSV columns whose header says they identify people, reported even when not picked."""
    from toolkit.formats import identifying_columns, read_csv_layout

    rows: list[dict[str, object]] = []
    for summary in summaries:
        if (summary.job.fmt is not Format.CSV or summary.error is not None
                or summary.job.source == "-"):
            continue  # stdin cannot be read a second time
        layout = read_csv_layout(summary.job.source)
        for col in identifying_columns(layout.columns):
            rows.append({"file": summary.job.name, "column": col.column,
                         "type": col.entity_type.value, "recognizer": "csv_header",
                         "reason": col.reason})
    return rows


def _table(rows: list[dict[str, object]], show_text: bool) -> str:
    if not rows:
        return "no personal data found"
    cols = ["file", "line", "field", "type", "start", "end", "score", "recognizer"]
    if show_text:
        cols.append("text")
    cols = [c for c in cols if any(c in r for r in rows)] + (
        ["column"] if any("column" in r for r in rows) else [])
    cells = [[str(r.get(c, "")) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(line.rstrip() for line in lines)
