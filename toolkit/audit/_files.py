"""The files of a dataset against its manifest: what is there, what is listed, what is not."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit.audit._ids import fingerprint
from toolkit.audit.manifest import Manifest
from toolkit.audit.model import FileEntry, FileStatus, Finding, Kind, SubjectEntry
from toolkit.pipeline import FileSummary, Job

if TYPE_CHECKING:
    from toolkit.audit._consents import ConsentCheck

__all__ = ["Layout", "coverage", "entries", "layout", "shown", "subjects"]


def shown(path: Path, root: Path) -> str:
    """``path`` relative to the dataset ``root`` (POSIX) when inside it, else as given."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Layout:
    """The dataset's files: readable ones as detect jobs (named by dataset path), the rest."""

    jobs: tuple[Job, ...]
    unreadable: tuple[str, ...]  # formats confide cannot read (audio, video, PDF...)

    @property
    def names(self) -> set[str]:
        return {j.name for j in self.jobs} | set(self.unreadable)


def layout(root: Path, planned: tuple[list[Job], list[str]], manifest: Manifest,
           excluded: Callable[[Path, str], bool]) -> Layout:
    """The dataset files from :func:`toolkit.pipeline.plan_jobs`, less the excluded ones."""
    jobs, skipped = planned
    kept: list[Job] = []
    for job in jobs:
        name = Path(job.source).relative_to(root).as_posix()
        if not excluded(Path(job.source), name):
            kept.append(replace(job, name=name))
    other = [Path(p) for p in skipped]
    unreadable = [p.relative_to(root).as_posix() for p in other]
    unreadable = [n for p, n in zip(other, unreadable, strict=True) if not excluded(p, n)]
    return Layout(tuple(kept), tuple(unreadable))


def coverage(files: Layout, manifest: Manifest, root: Path, key: bytes) -> list[Finding]:
    """Files with no manifest row, and manifest rows whose file is not there."""
    listed: dict[str, int] = {}
    for row in manifest.rows:
        listed.setdefault(row.path, row.line)
    out = []
    for name in sorted(files.names - listed.keys()):
        kind = Kind.FILE_NOT_IN_MANIFEST
        out.append(Finding(
            id=fingerprint(key, kind.code, name), kind=kind, severity=kind.severity,
            reference=kind.reference, file=name, source=manifest.source,
            message=f"{name}: no row of {manifest.source} accounts for this file, so whose "
                    "data it holds and under what consent is unknown; add a row or remove it"))
    for name, line in sorted(listed.items()):
        if name in files.names or (root / name).is_file():
            continue
        kind = Kind.MANIFEST_FILE_MISSING
        out.append(Finding(
            id=fingerprint(key, kind.code, name), kind=kind, severity=kind.severity,
            reference=kind.reference, file=name, source=manifest.source, line=line,
            message=f"{manifest.source}:{line}: lists {name}, which is not in the dataset; "
                    "fix the path or the manifest"))
    return out


def _touching(findings: Iterable[Finding]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for finding in findings:
        for name in {finding.file, *finding.files} - {None}:
            counts[str(name)] = counts.get(str(name), 0) + 1
    return counts


def entries(files: Layout, manifest: Manifest, findings: Sequence[Finding],
            summaries: dict[str, FileSummary], raw: set[str]) -> tuple[FileEntry, ...]:
    """One entry per dataset file and per missing manifest file, sorted by path."""
    touching = _touching(findings)
    subjects: dict[str, list[str]] = {}
    for row in manifest.rows:
        if row.subject not in subjects.setdefault(row.path, []):
            subjects[row.path].append(row.subject)
    formats = {j.name: j.fmt.value for j in files.jobs}
    out = []
    for name in sorted(files.names | subjects.keys()):
        n = touching.get(name, 0)
        if name not in files.names:
            status = FileStatus.MISSING
        elif n:
            status = FileStatus.FINDINGS
        elif name in raw:
            status = FileStatus.RAW
        elif name not in formats:
            status = FileStatus.NOT_SCANNED
        else:
            status = FileStatus.CLEAN
        summary = summaries.get(name)
        out.append(FileEntry(name, status, formats.get(name), tuple(subjects.get(name, ())), n,
                             summary.chars if summary is not None else 0,
                             scanned=summary is not None and summary.error is None,
                             raw=name in raw))
    return tuple(out)


def subjects(manifest: Manifest, consents: ConsentCheck, findings: Sequence[Finding]
             ) -> tuple[SubjectEntry, ...]:
    """One entry per subject of the manifest or of the consent records, sorted."""
    files: dict[str, list[str]] = {}
    purposes: dict[str, list[str]] = {}
    for row in manifest.rows:
        files.setdefault(row.subject, [])
        if row.path not in files[row.subject]:
            files[row.subject].append(row.path)
        for purpose in row.purposes:
            if purpose not in purposes.setdefault(row.subject, []):
                purposes[row.subject].append(purpose)
    counts: dict[str, int] = {}
    for finding in findings:
        if finding.subject is not None:
            counts[finding.subject] = counts.get(finding.subject, 0) + 1
    names = sorted(files.keys() | consents.by_subject.keys())
    return tuple(SubjectEntry(s, tuple(sorted(files.get(s, ()))),
                              len(consents.by_subject.get(s, ())),
                              tuple(purposes.get(s, ())), counts.get(s, 0)) for s in names)
