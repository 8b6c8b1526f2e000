"""Dataset audit: residual personal data, manifest coverage and consent coverage.

::

    from pathlib import Path
    from toolkit.audit import AuditOptions, audit_dataset, render_html, render_json

    result = audit_dataset(AuditOptions(dataset=Path("study/"), key=key))
    Path("audit.html").write_text(render_html(result), encoding="utf-8")
    print("PASS" if result.passed else f"FAIL: {len(result.failing)} findings")

A baseline (:func:`apply_baseline`, :func:`load_baseline`, :func:`save_baseline`) remembers
findings by keyed fingerprint and what a reviewer decided about each, like detect-secrets.
"""

from __future__ import annotations

from toolkit.audit.baseline import (
    BASELINE_SCHEMA,
    Baseline,
    BaselineEntry,
    apply_baseline,
    load_baseline,
    save_baseline,
)
from toolkit.audit.dataset import AuditOptions, audit_dataset
from toolkit.audit.html import render_html
from toolkit.audit.manifest import Manifest, ManifestColumns, ManifestRow, read_manifest
from toolkit.audit.model import (
    AuditResult,
    BaselineInfo,
    FileEntry,
    FileStatus,
    Finding,
    Kind,
    Occurrence,
    Review,
    Scope,
    Status,
    SubjectEntry,
    Verdict,
)
from toolkit.audit.output import AUDIT_SCHEMA, render_json, render_text
from toolkit.audit.sarif import render_sarif

__all__ = [
    "AUDIT_SCHEMA",
    "BASELINE_SCHEMA",
    "AuditOptions",
    "AuditResult",
    "Baseline",
    "BaselineEntry",
    "BaselineInfo",
    "FileEntry",
    "FileStatus",
    "Finding",
    "Kind",
    "Manifest",
    "ManifestColumns",
    "ManifestRow",
    "Occurrence",
    "Review",
    "Scope",
    "Status",
    "SubjectEntry",
    "Verdict",
    "apply_baseline",
    "audit_dataset",
    "load_baseline",
    "read_manifest",
    "render_html",
    "render_json",
    "render_sarif",
    "render_text",
    "save_baseline",
]
