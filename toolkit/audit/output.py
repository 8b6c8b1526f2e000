"""An :class:`~toolkit.audit.model.AuditResult` as JSON (``confide.audit/1``) or a terminal text.

Every renderer returns a string; only the CLI prints or writes. SARIF is in
:mod:`toolkit.audit.sarif`, HTML in :mod:`toolkit.audit.html`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from toolkit import __version__
from toolkit.audit.model import (
    AuditResult,
    FileStatus,
    Finding,
    Kind,
    Occurrence,
    Review,
    Status,
)
from toolkit.consent.policy import Severity

__all__ = ["AUDIT_SCHEMA", "render_json", "render_text", "timestamp", "to_dict"]

#: The ``schema`` of the JSON report.
AUDIT_SCHEMA = "confide.audit/1"
_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_TEXT_LIMIT = 25


def timestamp(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC with a ``Z``."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _review(review: Review | None) -> dict[str, Any] | None:
    if review is None:
        return None
    return {"verdict": review.verdict.value, "reviewer": review.reviewer,
            "at": timestamp(review.at), "note": review.note}


def _occurrence(o: Occurrence) -> dict[str, Any]:
    return {"line": o.line, "record": o.record, "field": o.field, "context": o.context,
            "score": o.score, "recognizer": o.recognizer}


def finding_dict(f: Finding, threshold: Severity | None) -> dict[str, Any]:
    """One finding as JSON."""
    return {
        "id": f.id, "kind": f.kind.code, "title": f.kind.title, "severity": f.severity.value,
        "status": f.status.value, "fails": f.fails(threshold), "message": f.message,
        "reference": f.reference, "file": f.file, "files": list(f.files),
        "subject": f.subject, "purpose": f.purpose, "source": f.source, "line": f.line,
        "lines": list(f.lines), "where": f.where, "rule": f.rule, "record_id": f.record_id,
        "entity_type": f.entity_type, "count": f.count,
        "occurrences": [_occurrence(o) for o in f.occurrences], "review": _review(f.review),
    }


def _scope(result: AuditResult) -> dict[str, int]:
    files = result.files
    present = [e for e in files if e.status is not FileStatus.MISSING]
    return {
        "files": len(present),
        "scanned": sum(1 for e in files if e.scanned),
        "clean": sum(1 for e in files if e.status is FileStatus.CLEAN),
        "with_findings": sum(1 for e in present if e.status is FileStatus.FINDINGS),
        "raw": sum(1 for e in files if e.raw),
        "not_scanned": sum(1 for e in present if not e.scanned and not e.raw),
        "missing": sum(1 for e in files if e.status is FileStatus.MISSING),
        "subjects": len(result.subjects),
        "characters": sum(e.chars for e in files),
    }


def summary_dict(result: AuditResult) -> dict[str, Any]:
    """Counts by severity, kind and status, and how many findings fail."""
    return {
        "findings": len(result.findings),
        "failing": len(result.failing),
        "by_severity": {s.value: result.count(s) for s in Severity},
        "by_kind": {k.code: n for k, n in result.by_kind().items()},
        "by_status": {s.value: n for s in Status
                      if (n := sum(1 for f in result.findings if f.status is s))},
    }


def _baseline(result: AuditResult) -> dict[str, Any] | None:
    b = result.baseline
    if b is None:
        return None
    return {"path": b.path, "created": timestamp(b.created), "new": b.new,
            "resolved": b.resolved, "unreviewed": b.unreviewed, "true_positive": b.confirmed,
            "false_positive": b.dismissed, "changed_settings": list(b.changed_settings)}


def to_dict(result: AuditResult) -> dict[str, Any]:
    """The whole report as a JSON-ready mapping (``confide.audit/1``)."""
    kinds = [k for k in Kind if k in result.by_kind()]
    return {
        "schema": AUDIT_SCHEMA,
        "tool": {"name": "confide", "version": __version__},
        "dataset": result.dataset,
        "generated_at": timestamp(result.generated_at),
        "now": timestamp(result.now),
        "seconds": result.seconds,
        "verdict": "pass" if result.passed else "fail",
        "fail_on": result.threshold.value if result.threshold else "never",
        "manifest": {"source": result.manifest, "rows": result.manifest_rows},
        "consents": {"sources": list(result.consent_sources),
                     "records": result.consent_records, "policies": list(result.policies)},
        "scope": _scope(result),
        "summary": summary_dict(result),
        "baseline": _baseline(result),
        "settings": dict(result.settings),
        "kinds": [{"code": k.code, "title": k.title, "severity": k.severity.value,
                   "scope": k.scope.value, "reference": k.reference} for k in kinds],
        "files": [{"path": e.path, "status": e.status.value, "format": e.format,
                   "subjects": list(e.subjects), "findings": e.findings, "chars": e.chars,
                   "scanned": e.scanned, "raw": e.raw} for e in result.files],
        "subjects": [{"subject": s.subject, "files": list(s.files), "records": s.records,
                      "purposes": list(s.purposes), "findings": s.findings}
                     for s in result.subjects],
        "findings": [finding_dict(f, result.threshold) for f in result.findings],
    }


def render_json(result: AuditResult) -> str:
    """The report as one JSON document."""
    return json.dumps(to_dict(result), indent=2, ensure_ascii=False) + "\n"


# -- terminal ---------------------------------------------------------------------------------


def _paint(text: str, severity: Severity, color: bool) -> str:
    return f"\x1b[{_COLOURS[severity]}m{text}\x1b[0m" if color else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _severity_count(n: int, severity: Severity) -> str:
    return f"{n} info" if severity is Severity.INFO else _plural(n, severity.value)


def _head(result: AuditResult, color: bool) -> list[str]:
    scope = _scope(result)
    threshold = result.threshold.value if result.threshold else "never"
    if result.passed:
        verdict = f"PASS: no finding at or above --fail-on {threshold}"
    else:
        verdict = _paint(f"FAIL: {_plural(len(result.failing), 'finding')} at or above "
                         f"--fail-on {threshold}", Severity.ERROR, color)
    return [
        f"confide audit {result.dataset}: {verdict}",
        f"  files     {scope['files']}: {scope['scanned']} scanned, {scope['clean']} clean, "
        f"{scope['with_findings']} with findings, {scope['raw']} raw, "
        f"{scope['not_scanned']} not scanned; {scope['missing']} listed but missing",
        f"  subjects  {scope['subjects']}; {_plural(result.consent_records, 'consent record')}"
        f" (policies: {', '.join(result.policies) or 'none'})",
        "  findings  " + ", ".join(_paint(_severity_count(result.count(s), s), s, color)
                                   for s in Severity)
        + f"; {len(result.failing)} failing",
    ]


def _kinds(result: AuditResult, color: bool) -> list[str]:
    lines = []
    for kind, n in result.by_kind().items():
        worst = max((f.severity for f in result.findings if f.kind is kind), key=lambda s: s.rank)
        lines.append(f"  {_paint(f'{worst.value:<8}', worst, color)}{n:>4}  {kind.code:<28} "
                     f"{kind.title}")
    return lines


def _baseline_line(result: AuditResult) -> list[str]:
    b = result.baseline
    if b is None:
        return []
    line = (f"  baseline  {b.path}: {b.new} new, {b.unreviewed} unreviewed, {b.confirmed} true "
            f"positive, {b.dismissed} false positive, {b.resolved} resolved")
    if b.changed_settings:
        line += f" (settings changed: {', '.join(b.changed_settings)})"
    return [line]


def render_text(result: AuditResult, *, color: bool = False,
                written: Mapping[str, str] | None = None) -> str:
    """A terminal summary: verdict, scope, counts by kind, the failing findings, reports."""
    lines = [*_head(result, color), *_baseline_line(result)]
    if result.findings:
        lines += ["", *_kinds(result, color)]
    failing = result.failing
    if failing:
        lines += ["", "failing findings:"]
        for f in failing[:_TEXT_LIMIT]:
            tag = "" if f.status in (Status.OPEN, Status.UNREVIEWED) else f" [{f.status.value}]"
            lines.append(f"  {_paint(f'{f.severity.value:<8}', f.severity, color)}"
                         f"{f.kind.code}{tag}: {f.message}")
        if len(failing) > _TEXT_LIMIT:
            lines.append(f"  ... and {len(failing) - _TEXT_LIMIT} more: see the JSON or HTML "
                         "report")
    if written:
        lines += ["", *(f"{what} report: {path}" for what, path in written.items())]
    for note in result.settings.get("notes", ()):
        lines.append(f"note: {note}")
    return "\n".join(lines) + "\n"
