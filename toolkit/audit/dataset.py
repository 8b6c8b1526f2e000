"""Audit a dataset: residual personal data, manifest coverage and consent coverage together.

::

    from toolkit.audit import AuditOptions, audit_dataset
    result = audit_dataset(AuditOptions(dataset=Path("study/"), key=my_key))
    for finding in result.findings:
        print(finding.severity, finding.kind.code, finding.where, finding.message)

Which files claim to be de-identified: every file of the dataset, except those whose manifest
row says ``deidentified: false`` and those matching a ``raw`` pattern; raw files are not
scanned for personal data (they are expected to hold it) but are still checked for manifest
and consent coverage. The manifest, the consent records and the ``exclude`` patterns are not
dataset files.
"""

from __future__ import annotations

import fnmatch
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from toolkit import __version__
from toolkit.audit import _files
from toolkit.audit._consents import ConsentCheck, check_consents
from toolkit.audit._ids import fingerprint
from toolkit.audit.coverage import coverage_findings
from toolkit.audit.manifest import Manifest, ManifestColumns, read_manifest
from toolkit.audit.model import AuditResult, Finding, Kind
from toolkit.audit.scan import scan_files
from toolkit.consent.policy import Severity
from toolkit.errors import ConfigError, InputError
from toolkit.formats import FormatOptions
from toolkit.pii import RedactConfig
from toolkit.pipeline import FileSummary, Mode, default_workers, plan_jobs

__all__ = ["AuditOptions", "audit_dataset"]

CONSENT_NAMES = ("consents", "consent")
CONSENT_SUFFIXES = (".jsonl", ".json", ".yaml", ".yml", ".csv")


@dataclass(frozen=True)
class AuditOptions:
    """What to audit and how. ``key`` makes finding ids stable (a baseline needs that)."""

    dataset: Path
    key: bytes = field(repr=False)
    manifest: Path | None = None  # default: <dataset>/manifest.csv
    consents: tuple[Path, ...] = ()  # default: <dataset>/consents(.jsonl|.json|.yaml|.csv|/)
    columns: ManifestColumns = field(default_factory=ManifestColumns)
    default_purpose: str | None = None
    timezone: tzinfo = UTC
    raw: tuple[str, ...] = ()  # patterns of files that do not claim to be de-identified
    exclude: tuple[str, ...] = ()  # patterns of files that are not data (README, docs)
    #: Paths that are never dataset files (the reports and baseline being written).
    outputs: tuple[Path, ...] = ()
    policies: tuple[str, ...] = ()
    now: datetime | None = None
    config: RedactConfig = field(default_factory=RedactConfig)
    formats: FormatOptions = field(default_factory=FormatOptions)
    workers: int | None = None
    context: int | None = 40  # characters of masked context either side; None: none
    threshold: Severity | None = Severity.ERROR

    def settings(self) -> dict[str, Any]:
        """What produced the findings, for reports and baselines (no raw allow/deny words)."""
        cfg = self.config
        return {
            "confide": __version__,
            "model": cfg.model,
            "entities": sorted(e.value for e in cfg.entities) if cfg.entities else "all",
            "score_threshold": cfg.score_threshold,
            "default_allow": cfg.default_allow,
            "allow": sorted(fingerprint(self.key, w) for w in cfg.allow),
            "deny": sorted(fingerprint(self.key, w) for w in cfg.deny),
            "fields": list(self.formats.fields),
            "columns": list(self.formats.columns),
            "raw": list(self.raw),
            "exclude": list(self.exclude),
            "policies": list(self.policies),
            "manifest_columns": vars(self.columns).copy(),
            "default_purpose": self.default_purpose,
            "timezone": str(self.timezone),
            "context": self.context,
        }


def matches(path: str, patterns: Iterable[str]) -> bool:
    """``path`` (dataset-relative, POSIX) matches a pattern; ``dir/`` matches everything in it."""
    for pattern in patterns:
        if pattern.endswith("/") and path.startswith(pattern.removeprefix("./")):
            return True
        if fnmatch.fnmatchcase(path, pattern.removeprefix("./")):
            return True
    return False


def _consent_paths(options: AuditOptions) -> tuple[Path, ...]:
    if options.consents:
        return options.consents
    for name in CONSENT_NAMES:
        folder = options.dataset / name
        if folder.is_dir():
            return (folder,)
        for suffix in CONSENT_SUFFIXES:
            if (options.dataset / f"{name}{suffix}").is_file():
                return (options.dataset / f"{name}{suffix}",)
    raise ConfigError("no consent records found (looked for consents.jsonl, .json, .yaml, "
                      ".csv or a consents/ folder); pass --consents FILE|DIR",
                      where=options.dataset)


def _manifest_findings(manifest: Manifest, key: bytes) -> list[Finding]:
    out = []
    for issue in manifest.issues:
        kind = Kind.MANIFEST_DUPLICATE_ROW if issue.duplicate else Kind.MANIFEST_ROW_INVALID
        out.append(Finding(
            id=fingerprint(key, kind.code, manifest.source, str(issue.line)), kind=kind,
            severity=kind.severity, reference=kind.reference, source=manifest.source,
            line=issue.line, message=f"{manifest.source}:{issue.line}: {issue.message}"))
    return out


def _notes(manifest: Manifest, options: AuditOptions) -> list[str]:
    notes = []
    if manifest.naive_times:
        notes.append(f"{manifest.naive_times} manifest timestamp(s) had no time zone; read as "
                     f"{options.timezone}")
    if options.context is None:
        notes.append("masked context was turned off (--no-context)")
    return notes


def audit_dataset(options: AuditOptions, *, on_start: Callable[[int], None] | None = None,
                  on_file: Callable[[FileSummary], None] | None = None) -> AuditResult:
    """Audit ``options.dataset``; ``on_start(n)`` then ``on_file`` per scanned file (progress).

    Raises :class:`~toolkit.errors.ConfideError` for a missing dataset, manifest or consent
    records, or a bad option; everything wrong inside the dataset is a finding.
    """
    began = time.monotonic()
    root = options.dataset
    if not root.is_dir():
        raise InputError("not a folder; give the dataset folder", where=root)
    now = (options.now or datetime.now(UTC)).astimezone(UTC)
    manifest_path = options.manifest or root / "manifest.csv"
    manifest = read_manifest(manifest_path, root, columns=options.columns,
                             default_purpose=options.default_purpose, tz=options.timezone,
                             name=_files.shown(manifest_path, root))
    consents = check_consents(_consent_paths(options), root, options.policies, now, options.key)
    layout = _files.layout(root, plan_jobs([str(root)], None, mode=Mode.DETECT),
                           manifest, _excluded(options, manifest_path, consents))
    declared_raw = {row.path for row in manifest.rows if row.deidentified is False}
    claimed = [j for j in layout.jobs
               if j.name not in declared_raw and not matches(j.name, options.raw)]
    if on_start is not None:
        on_start(len(claimed))
    scan = scan_files(claimed, config=options.config, options=options.formats,
                      workers=options.workers or default_workers(), key=options.key,
                      context=options.context, on_file=on_file)
    findings = [*scan.findings, *_files.coverage(layout, manifest, root, options.key),
                *_manifest_findings(manifest, options.key), *consents.findings,
                *coverage_findings(manifest, consents.by_subject, now=now, key=options.key,
                                   shown=lambda source: _files.shown(Path(source), root))]
    findings = sorted(findings, key=_order)
    raw = {n for n in layout.names if n in declared_raw or matches(n, options.raw)}
    return AuditResult(
        dataset=str(root), now=now, generated_at=datetime.now(UTC), manifest=manifest.source,
        manifest_rows=len(manifest.rows), consent_sources=consents.sources,
        consent_records=consents.records, policies=consents.policies,
        files=_files.entries(layout, manifest, findings, scan.summaries, raw),
        subjects=_files.subjects(manifest, consents, findings), findings=tuple(findings),
        settings={**options.settings(), "notes": _notes(manifest, options)},
        threshold=options.threshold, seconds=round(time.monotonic() - began, 2))


def _excluded(options: AuditOptions, manifest: Path, consents: ConsentCheck
              ) -> Callable[[Path, str], bool]:
    never = {p.resolve() for p in (manifest, *options.outputs)}
    folders = [p.resolve() for p in consents.paths if p.is_dir()]
    never |= {p.resolve() for p in consents.paths if not p.is_dir()}

    def excluded(path: Path, name: str) -> bool:
        real = path.resolve()
        return (real in never or any(real.is_relative_to(f) for f in folders)
                or matches(name, options.exclude))

    return excluded


_KIND_ORDER = {kind: i for i, kind in enumerate(Kind)}


def _order(finding: Finding) -> tuple[int, int, str, str, int, str, str]:
    return (-finding.severity.rank, _KIND_ORDER[finding.kind], finding.file or "",
            finding.subject or "", finding.line or 0, finding.entity_type or "", finding.id)

