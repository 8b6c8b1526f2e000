"""Residual personal data: the files that claim to be de-identified, through the engine.

Files go through :class:`toolkit.pipeline.Runner` in detect mode (each file read once, worker
processes, results streamed in order). Spans are located with
:func:`toolkit.report.span_records` and grouped per file, entity type and value: the value is
known only by its keyed HMAC, so the same name found ten times in a file is one finding with ten
occurrences, each with its line and masked context. CSV headers that name identifying columns
(``email``, ``client_name``) are findings too, as in ``confide detect``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from toolkit.audit._ids import fingerprint
from toolkit.audit.context import masked_context, tag_replacer
from toolkit.audit.model import Finding, Kind, Occurrence
from toolkit.consent.policy import Severity
from toolkit.errors import ConfideError
from toolkit.formats import Format, FormatOptions, identifying_columns, read_csv_layout
from toolkit.pii import EntityType, RedactConfig, Span
from toolkit.pipeline import FileSummary, Job, Mode, Runner, UnitResult
from toolkit.report import span_records

__all__ = ["INDIRECT_TYPES", "ScanOutcome", "scan_files", "severity_of"]

#: Types that identify a person only in combination (quasi-identifiers): warnings, not errors.
INDIRECT_TYPES = frozenset({EntityType.LOCATION, EntityType.ORGANIZATION, EntityType.DATE,
                            EntityType.URL})
#: Occurrences kept (with context) per finding; the count covers them all.
MAX_OCCURRENCES = 20


def severity_of(entity: EntityType) -> Severity:
    """Direct identifiers are errors; indirect ones (place, organisation, date, URL) warnings."""
    return Severity.WARNING if entity in INDIRECT_TYPES else Severity.ERROR


@dataclass
class _Group:
    entity: EntityType
    value_hmac: str
    count: int = 0
    occurrences: list[Occurrence] = field(default_factory=list)


@dataclass(frozen=True)
class ScanOutcome:
    """What the scan found: findings, and what happened to each file (by dataset path)."""

    findings: tuple[Finding, ...]
    summaries: dict[str, FileSummary]


class _Collector:
    def __init__(self, key: bytes, context: int | None) -> None:
        self.key = key
        self.context = context
        self.groups: dict[str, dict[tuple[EntityType, str], _Group]] = {}
        self.findings: list[Finding] = []
        self.summaries: dict[str, FileSummary] = {}

    def unit(self, result: UnitResult) -> None:
        name = result.job.name
        groups = self.groups.setdefault(name, {})
        by_segment: dict[int, list[Span]] = {}
        for span in result.spans:
            by_segment.setdefault(span.segment, []).append(span)
        records = span_records(name, result.unit, result.spans, key=self.key,
                               fmt=result.job.fmt)
        for span, rec in zip(result.spans, records, strict=True):
            entity = span.entity_type
            group = groups.setdefault((entity, rec.value_hmac or ""),
                                      _Group(entity, rec.value_hmac or ""))
            group.count += 1
            if len(group.occurrences) >= MAX_OCCURRENCES:
                continue
            context = None
            if self.context is not None:
                text = result.unit.segments[span.segment].text
                context = masked_context(text, by_segment[span.segment], span,
                                         width=self.context, replace=tag_replacer())
            group.occurrences.append(Occurrence(rec.line, rec.record, rec.field, context,
                                                span.score, span.recognizer))

    def file(self, summary: FileSummary) -> None:
        name = summary.job.name
        self.summaries[name] = summary
        for group in self.groups.pop(name, {}).values():
            self.findings.append(self._residual(name, group))
        if summary.error is not None:
            self.findings.append(self._unreadable(name, summary.error))
        for problem in summary.problems:
            kind = Kind.FILE_PART_UNREADABLE
            self.findings.append(Finding(
                id=fingerprint(self.key, kind.code, name, str(problem.line)), kind=kind,
                severity=kind.severity, reference=kind.reference,
                message=f"{name}:{problem.line}: {problem.message}; that part was not checked",
                file=name, line=problem.line))
        if summary.error is None and summary.job.fmt is Format.CSV:
            self.findings.extend(self._columns(summary.job))

    def _residual(self, name: str, group: _Group) -> Finding:
        kind = Kind.RESIDUAL_PII
        entity = group.entity
        lines = sorted({o.line for o in group.occurrences})
        shown = ", ".join(map(str, lines[:8])) + (" ..." if len(lines) > 8 else "")
        times = "once" if group.count == 1 else f"{group.count} times"
        what = "an indirect identifier" if entity in INDIRECT_TYPES else "a direct identifier"
        return Finding(
            id=fingerprint(self.key, kind.code, name, entity.value, group.value_hmac),
            kind=kind, severity=severity_of(entity), reference=kind.reference,
            message=f"{name}: {entity.value} ({what}, value #{group.value_hmac[:8]}) found "
                    f"{times} (line {shown}) in a file that should be de-identified",
            file=name, entity_type=entity.value, count=group.count,
            occurrences=tuple(group.occurrences), line=lines[0] if lines else None)

    def _unreadable(self, name: str, error: ConfideError) -> Finding:
        kind = Kind.FILE_UNREADABLE
        what = getattr(error, "message", str(error))
        return Finding(id=fingerprint(self.key, kind.code, name), kind=kind,
                       severity=kind.severity, reference=kind.reference,
                       message=f"{name}: {what}; its content was not checked", file=name)

    def _columns(self, job: Job) -> list[Finding]:
        kind = Kind.IDENTIFYING_COLUMN
        try:
            layout = read_csv_layout(job.source)
        except ConfideError:
            return []
        return [Finding(
            id=fingerprint(self.key, kind.code, job.name, col.column), kind=kind,
            severity=kind.severity, reference=kind.reference, file=job.name, line=1,
            entity_type=col.entity_type.value,
            message=f"{job.name}:1: column {col.column!r}: {col.reason}; check that its "
                    "values are de-identified, or drop the column")
            for col in identifying_columns(layout.columns)]


def scan_files(jobs: Sequence[Job], *, config: RedactConfig, options: FormatOptions,
               workers: int, key: bytes, context: int | None = 40,
               on_file: Callable[[FileSummary], None] | None = None) -> ScanOutcome:
    """Scan ``jobs`` (their ``name`` is the dataset path) for residual personal data.

    ``context``: characters of masked context either side of a value (None: no context).
    """
    collector = _Collector(key, context)

    def file_done(summary: FileSummary) -> None:
        collector.file(summary)
        if on_file is not None:
            on_file(summary)

    streaming = any(j.fmt in (Format.JSONL, Format.CSV) for j in jobs)
    used = workers if streaming else min(workers, max(1, len(jobs)))
    Runner(config, mode=Mode.DETECT, workers=used, options=options).run(
        jobs, on_unit=collector.unit, on_file=file_done)
    return ScanOutcome(tuple(collector.findings), collector.summaries)

