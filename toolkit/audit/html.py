"""An audit as one self-contained HTML page: inline CSS, inline SVG charts, a small inline
filter script, nothing fetched from anywhere (a Content-Security-Policy forbids it).

All computation happens here (the view); ``templates/audit_report.html.j2`` and its
``_audit_*.j2`` partials only lay it out, with autoescaping and ``StrictUndefined``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import jinja2

from toolkit._resources import data_dir
from toolkit.audit.model import AuditResult, FileStatus, Finding, Scope, Status
from toolkit.audit.output import finding_dict, summary_dict, timestamp, to_dict
from toolkit.consent.policy import Severity

__all__ = ["TEMPLATE", "build_view", "render_html"]

TEMPLATE = "audit_report.html.j2"
_BAR_H, _GAP, _LABEL_W, _CHART_W = 22, 8, 300, 640
_FILE_ORDER = (FileStatus.FINDINGS, FileStatus.CLEAN, FileStatus.RAW, FileStatus.NOT_SCANNED,
               FileStatus.MISSING)
_FILE_LABELS = {FileStatus.FINDINGS: "with findings", FileStatus.CLEAN: "clean",
                FileStatus.RAW: "raw (not scanned)", FileStatus.NOT_SCANNED: "not readable",
                FileStatus.MISSING: "missing"}
_STATUS_LABELS = {Status.OPEN: "open", Status.NEW: "new", Status.UNREVIEWED: "unreviewed",
                  Status.CONFIRMED: "true positive", Status.DISMISSED: "false positive"}


def anchor(prefix: str, name: str) -> str:
    """An HTML id for a file or subject."""
    return f"{prefix}-" + re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")


def _worst(findings: Iterable[Finding]) -> Severity:
    return max((f.severity for f in findings), key=lambda s: s.rank, default=Severity.INFO)


def _finding(f: Finding, result: AuditResult) -> dict[str, Any]:
    view = finding_dict(f, result.threshold)
    review = f.review
    view |= {
        "status_label": _STATUS_LABELS[f.status],
        "reviewed": f"{_STATUS_LABELS[f.status]}: {review.reviewer}, {timestamp(review.at)}"
        if review is not None else "",
        "file_anchor": anchor("file", f.file) if f.file else "",
        "subject_anchor": anchor("subject", f.subject) if f.subject else "",
        "file_links": [{"path": p, "anchor": anchor("file", p)} for p in f.files],
        "search": " ".join(filter(None, [f.message, f.file, f.subject, f.kind.code,
                                         f.entity_type, f.rule])).lower(),
    }
    return view


def kind_chart(result: AuditResult) -> dict[str, Any]:
    """Horizontal bars: findings per kind, coloured by the worst severity of each kind."""
    counts = result.by_kind()
    top = max(counts.values(), default=1)
    bars = []
    for i, (kind, n) in enumerate(counts.items()):
        worst = _worst(f for f in result.findings if f.kind is kind)
        width = max(2, round((_CHART_W - _LABEL_W - 50) * n / top))
        bars.append({"y": i * (_BAR_H + _GAP), "width": width, "count": n, "code": kind.code,
                     "title": kind.title, "severity": worst.value,
                     "text_y": i * (_BAR_H + _GAP) + _BAR_H * 0.7,
                     "count_x": _LABEL_W + width + 6})
    height = max(1, len(bars)) * (_BAR_H + _GAP)
    return {"width": _CHART_W, "height": height, "label_w": _LABEL_W, "bar_h": _BAR_H,
            "bars": bars}


def file_chart(result: AuditResult) -> dict[str, Any]:
    """One stacked bar: the files by what the audit made of them."""
    counts = {s: sum(1 for e in result.files if e.status is s) for s in _FILE_ORDER}
    total = sum(counts.values()) or 1
    x = 0.0
    segments = []
    for status in _FILE_ORDER:
        n = counts[status]
        if not n:
            continue
        width = _CHART_W * n / total
        segments.append({"x": round(x, 2), "width": round(width, 2), "count": n,
                         "status": status.value, "label": _FILE_LABELS[status]})
        x += width
    return {"width": _CHART_W, "height": 28, "segments": segments}


def _groups(result: AuditResult) -> tuple[list[dict[str, Any]], list[dict[str, Any]],
                                          list[dict[str, Any]]]:
    by_file: dict[str, list[dict[str, Any]]] = {}
    related: dict[str, list[dict[str, Any]]] = {}
    by_subject: dict[str, list[dict[str, Any]]] = {}
    dataset: list[dict[str, Any]] = []
    for f in result.findings:
        view = _finding(f, result)
        if f.file is not None and f.kind.scope is Scope.FILE:
            by_file.setdefault(f.file, []).append(view)
        elif f.subject is not None:
            by_subject.setdefault(f.subject, []).append(view)
            for name in f.files:
                related.setdefault(name, []).append(view)
        else:
            dataset.append(view)
    files = [{"path": e.path, "anchor": anchor("file", e.path), "status": e.status.value,
              "subjects": list(e.subjects), "findings": by_file.get(e.path, []),
              "related": related.get(e.path, [])}
             for e in result.files if e.path in by_file or e.path in related]
    subjects = [{"subject": s.subject, "anchor": anchor("subject", s.subject),
                 "files": [{"path": p, "anchor": anchor("file", p)} for p in s.files],
                 "records": s.records, "purposes": list(s.purposes),
                 "findings": by_subject.get(s.subject, [])}
                for s in result.subjects if s.findings or s.subject in by_subject]
    return files, subjects, dataset


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _cards(report: dict[str, Any]) -> list[dict[str, str]]:
    scope, summary = report["scope"], report["summary"]
    sev = summary["by_severity"]
    return [
        {"label": "Files", "value": str(scope["files"]),
         "detail": f"{scope['scanned']} scanned, {scope['clean']} clean, {scope['raw']} raw, "
                   f"{scope['not_scanned']} not readable, {scope['missing']} missing"},
        {"label": "Subjects", "value": str(scope["subjects"]),
         "detail": f"{report['consents']['records']} consent records"},
        {"label": "Findings", "value": str(summary["findings"]),
         "detail": f"{_n(sev['error'], 'error')}, {_n(sev['warning'], 'warning')}, "
                   f"{sev['info']} info"},
        {"label": "Fail the audit", "value": str(summary["failing"]),
         "detail": f"at or above --fail-on {report['fail_on']}"},
    ]


def _settings(settings: dict[str, Any]) -> list[tuple[str, str]]:
    rows = []
    for key, value in settings.items():
        if key == "notes":
            continue
        if isinstance(value, dict):
            value = ", ".join(f"{k}={v}" for k, v in value.items())
        elif isinstance(value, list):
            value = ", ".join(map(str, value)) or "none"
        rows.append((key.replace("_", " "), str(value)))
    return rows


def build_view(result: AuditResult) -> dict[str, Any]:
    """Everything the template shows, computed."""
    report = to_dict(result)
    files, subjects, dataset = _groups(result)
    linked = {g["path"] for g in files}
    kinds = [{"code": k.code, "title": k.title, "count": n, "reference": k.reference,
              "severity": _worst(f for f in result.findings if f.kind is k).value,
              "failing": sum(1 for f in result.failing if f.kind is k)}
             for k, n in result.by_kind().items()]
    return {
        "report": report, "name": result.dataset.rstrip("/").split("/")[-1] or result.dataset,
        "passed": result.passed, "cards": _cards(report), "kinds": kinds,
        "kind_chart": kind_chart(result), "file_chart": file_chart(result),
        "file_legend": [{"status": s.value, "label": _FILE_LABELS[s]} for s in _FILE_ORDER],
        "files": files, "subjects": subjects, "dataset_findings": dataset,
        "all_files": [{"path": e.path, "anchor": anchor("file", e.path), "status": e.status.value,
                       "label": _FILE_LABELS[e.status], "subjects": ", ".join(e.subjects),
                       "findings": e.findings, "format": e.format or "",
                       "linked": e.path in linked} for e in result.files],
        "reviewed": [_finding(f, result) for f in result.findings if f.review is not None],
        "statuses": [{"value": s.value, "label": _STATUS_LABELS[s]} for s in Status
                     if any(f.status is s for f in result.findings)],
        "severities": [s.value for s in Severity],
        "settings": _settings(dict(result.settings)),
        "notes": list(result.settings.get("notes", ())),
        "summary": summary_dict(result),
    }


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        undefined=jinja2.StrictUndefined, autoescape=True, trim_blocks=True,
        lstrip_blocks=True, keep_trailing_newline=True)


def render_html(result: AuditResult) -> str:
    """The audit as a self-contained HTML page."""
    return _environment().get_template(TEMPLATE).render(**build_view(result))

