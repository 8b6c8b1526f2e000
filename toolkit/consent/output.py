"""Format a validation :class:`~toolkit.consent.validate.Report` as text, JSON or SARIF.

Every renderer returns a string; only the CLI prints. Text groups findings by record and
colours severities when asked to (the CLI asks when writing to a terminal).
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Sequence
from typing import Any

from toolkit import __version__
from toolkit.consent.findings import Finding
from toolkit.consent.policy import Policy, Rule, Severity
from toolkit.consent.validate import Report

__all__ = [
    "FINDINGS_SCHEMA",
    "OutputFormat",
    "render_json",
    "render_report",
    "render_sarif",
    "render_text",
]

#: The ``schema`` of the JSON output.
FINDINGS_SCHEMA = "confide.findings/1"
_SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


class OutputFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"


def render_report(report: Report, fmt: OutputFormat, *, color: bool = False) -> str:
    """``report`` in format ``fmt`` (colour applies to text only)."""
    if fmt is OutputFormat.JSON:
        return render_json(report)
    if fmt is OutputFormat.SARIF:
        return render_sarif(report)
    return render_text(report, color=color)


def _paint(text: str, severity: Severity, color: bool) -> str:
    return f"\x1b[{_COLOURS[severity]}m{text}\x1b[0m" if color else text


def _block_key(source: str | None, line: int | None, position: int | None) -> tuple[str, int, int]:
    return (source or "", line or 0, position or 0)


def render_text(report: Report, *, color: bool = False) -> str:
    """One block per record (status, then its findings), unreadable input, then a summary."""
    by_record: dict[tuple[str, int | None], list[Finding]] = {}
    for fd in report.findings:
        by_record.setdefault((fd.source or "", fd.record), []).append(fd)
    blocks: list[tuple[tuple[str, int, int], list[str]]] = []
    for ref in report.checked:
        found = by_record.pop((ref.source, ref.position), [])
        where = f"{ref.source}:{ref.line}" if ref.line else f"{ref.source}[{ref.position}]"
        name = f"record {ref.record_id}" if ref.record_id else f"record #{ref.position}"
        head = f"{where}  {name}  {_status(found, color)}"
        blocks.append(
            (_block_key(ref.source, ref.line, ref.position), [head, *_lines(found, color)])
        )
    for found in by_record.values():
        first = found[0]
        blocks.append(
            (
                _block_key(first.source, first.line, first.record),
                [f"{first.location}  input", *_lines(found, color)],
            )
        )
    order = {source: i for i, source in enumerate(report.sources)}
    blocks.sort(key=lambda b: (order.get(b[0][0], 0), b[0][1], b[0][2]))
    lines = [line for _, block in blocks for line in block]
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _status(found: Sequence[Finding], color: bool) -> str:
    if not found:
        return "ok"
    parts = []
    for severity in Severity:
        n = sum(1 for fd in found if fd.severity is severity)
        if n:
            parts.append(_paint(f"{n} {severity.value}{'s' if n != 1 else ''}", severity, color))
    return ", ".join(parts)


def _lines(found: Sequence[Finding], color: bool) -> list[str]:
    lines = []
    for fd in found:
        label = _paint(f"{fd.severity.value:<7}", fd.severity, color)
        lines.append(f"  {label} {fd.rule}  {fd.path or '-'}")
        lines.append(f"          {fd.message}")
        lines.append(f"          [{fd.reference}]")
    return lines


def _summary(report: Report) -> str:
    refs = {(ref.source, ref.position) for ref in report.checked}
    errors = {(fd.source, fd.record) for fd in report.findings if fd.severity is Severity.ERROR}
    failing = len(errors & refs)
    unreadable = sum(1 for fd in report.findings if (fd.source, fd.record) not in refs)
    counts = ", ".join(
        f"{report.count(s)} {s.value}{'s' if report.count(s) != 1 else ''}" for s in Severity
    )
    policies = ", ".join(report.policies) or "none"
    records = f"{report.records} record{'s' if report.records != 1 else ''}"
    now = report.now.isoformat().replace("+00:00", "Z")
    head = f"{records}: {report.records - failing} without errors, {failing} with errors"
    if unreadable:
        head += f"; {unreadable} input problem{'s' if unreadable != 1 else ''}"
    return f"{head}; {counts} (policies: {policies}; now {now})"


def render_json(report: Report) -> str:
    """The report as one JSON document (``confide.findings/1``)."""
    doc: dict[str, Any] = {
        "schema": FINDINGS_SCHEMA,
        "tool": {"name": "confide", "version": __version__},
        "now": report.now.isoformat().replace("+00:00", "Z"),
        "sources": list(report.sources),
        "records": report.records,
        "policies": list(report.policies),
        "summary": {s.value: report.count(s) for s in Severity},
        "findings": [fd.to_dict() for fd in report.findings],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _sarif_rules(findings: Iterable[Finding], policies: Sequence[Policy]) -> list[dict[str, Any]]:
    known: dict[str, Rule] = {r.id: r for p in policies for r in p.rules}
    rules: list[dict[str, Any]] = []
    for rule_id in dict.fromkeys(fd.rule for fd in findings):
        rule = known.get(rule_id)
        entry: dict[str, Any] = {"id": rule_id}
        if rule is not None:
            entry |= {
                "name": rule.name,
                "shortDescription": {"text": rule.message},
                "fullDescription": {"text": rule.rationale},
                "defaultConfiguration": {"level": _LEVELS[rule.severity]},
                "properties": {"reference": rule.reference, "policy": rule.policy},
            }
        rules.append(entry)
    return rules


def _sarif_result(fd: Finding, rule_index: int) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": fd.source or "-"}}
    if fd.line is not None:
        location["region"] = {"startLine": fd.line}
    logical = f"{fd.record_id or f'record {fd.record}'}/{fd.path or ''}"
    return {
        "ruleId": fd.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[fd.severity],
        "message": {"text": f"{fd.message} [{fd.reference}]"},
        "locations": [
            {"physicalLocation": location, "logicalLocations": [{"fullyQualifiedName": logical}]}
        ],
        "properties": {
            "record_id": fd.record_id,
            "path": fd.path,
            "reference": fd.reference,
            "policy": fd.policy,
        },
    }


def render_sarif(report: Report) -> str:
    """The report as SARIF 2.1.0, one result per finding, located by file and line."""
    rules = _sarif_rules(report.findings, report.pool)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = [_sarif_result(fd, index[fd.rule]) for fd in report.findings]
    doc = {
        "$schema": _SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "confide",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
