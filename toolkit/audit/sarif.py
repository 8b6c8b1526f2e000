"""An audit as SARIF 2.1.0, for CI: one rule per finding kind, one result per finding.

File findings point at the file and line (relative to the ``DATASET`` base); subject and
dataset findings point at the manifest or consent file line that is their evidence, with the
subject as a logical location. Each result carries the finding id as a partial fingerprint;
with a baseline, ``baselineState`` says new or unchanged and a finding reviewed as a false
positive carries an accepted suppression naming the reviewer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from toolkit import __version__
from toolkit.audit.model import AuditResult, Finding, Kind, Status
from toolkit.audit.output import timestamp
from toolkit.consent.policy import Severity

__all__ = ["render_sarif"]

_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_BASE = "DATASET"


def _rule(kind: Kind) -> dict[str, Any]:
    return {
        "id": kind.code,
        "name": "".join(part.title() for part in kind.code.split("-")),
        "shortDescription": {"text": kind.title},
        "fullDescription": {"text": f"{kind.title}. Reference: {kind.reference}."},
        "defaultConfiguration": {"level": _LEVELS[kind.severity]},
        "properties": {"reference": kind.reference, "scope": kind.scope.value},
    }


def _artifact(path: str, root: Path) -> dict[str, Any]:
    if (root / path).exists() and not Path(path).is_absolute():
        return {"uri": Path(path).as_posix(), "uriBaseId": _BASE}
    return {"uri": Path(path).resolve().as_uri()}


def _physical(path: str, line: int | None, root: Path, *, in_dataset: bool) -> dict[str, Any]:
    artifact = {"uri": path, "uriBaseId": _BASE} if in_dataset else _artifact(path, root)
    loc: dict[str, Any] = {"artifactLocation": artifact}
    if line:
        loc["region"] = {"startLine": line}
    return loc


def _locations(f: Finding, root: Path) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The primary location (the file, else the evidence) and the related ones."""
    related: list[dict[str, Any]] = []
    if f.file is not None:
        primary = _physical(f.file, f.lines[0] if f.lines else None, root, in_dataset=True)
        if f.source is not None:
            related.append({"id": 0, "physicalLocation": _physical(
                f.source, f.line, root, in_dataset=False),
                "message": {"text": "evidence"}})
        return primary, related
    if f.source is not None:
        primary = _physical(f.source, f.line, root, in_dataset=False)
        related = [{"id": i, "physicalLocation": _physical(p, None, root, in_dataset=True),
                    "message": {"text": "concerned file"}} for i, p in enumerate(f.files)]
        return primary, related
    return None, related


def _result(f: Finding, index: int, root: Path, baseline: bool) -> dict[str, Any]:
    location: dict[str, Any] = {}
    physical, related = _locations(f, root)
    if physical is not None:
        location["physicalLocation"] = physical
    if f.subject is not None:
        location["logicalLocations"] = [{"name": f.subject,
                                         "fullyQualifiedName": f"subject/{f.subject}"}]
    out: dict[str, Any] = {
        "ruleId": f.kind.code, "ruleIndex": index, "level": _LEVELS[f.severity],
        "message": {"text": f"{f.message} [{f.reference}]"},
        "locations": [location] if location else [],
        "partialFingerprints": {"confideFindingId/v1": f.id},
        "properties": {"severity": f.severity.value, "status": f.status.value,
                       "subject": f.subject, "purpose": f.purpose, "files": list(f.files),
                       "rule": f.rule, "entityType": f.entity_type, "count": f.count,
                       "lines": list(f.lines)},
    }
    if related:
        out["relatedLocations"] = related
    if baseline:
        out["baselineState"] = "new" if f.status is Status.NEW else "unchanged"
    if f.status is Status.DISMISSED and f.review is not None:
        out["suppressions"] = [{
            "kind": "external", "status": "accepted",
            "justification": f"false positive (reviewed by {f.review.reviewer} at "
                             f"{timestamp(f.review.at)})" + (f": {f.review.note}"
                                                            if f.review.note else "")}]
    return out


def render_sarif(result: AuditResult) -> str:
    """The audit as a SARIF 2.1.0 log (one run)."""
    root = Path(result.dataset)
    kinds = [k for k in Kind if k in result.by_kind()]
    index = {k: i for i, k in enumerate(kinds)}
    results = [_result(f, index[f.kind], root, result.baseline is not None)
               for f in result.findings]
    run = {
        "tool": {"driver": {"name": "confide", "version": __version__,
                            "rules": [_rule(k) for k in kinds]}},
        "originalUriBaseIds": {_BASE: {"uri": root.resolve().as_uri() + "/"}},
        "invocations": [{"executionSuccessful": True,
                         "endTimeUtc": timestamp(result.generated_at)}],
        "results": results,
    }
    doc = {"$schema": _SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
