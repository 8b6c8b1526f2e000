"""Does consent cover the data? Manifest rows judged against each subject's consent records.

For every row and purpose the subject's consent history (:mod:`toolkit.audit.timeline`) gives
one outcome: covered, or the first problem among no record, purpose not consented, refused,
collected before consent, after withdrawal or after expiry, and then (for data collected while
consent was in force) consent withdrawn or expired since. Problems that are facts about the
subject (no record, purpose not consented, refused, withdrawn, expired) are one finding per
subject and purpose listing the files concerned; problems of one collection are per file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePosixPath

from toolkit.audit._ids import fingerprint
from toolkit.audit.manifest import Collected, Manifest, ManifestRow
from toolkit.audit.model import Finding, Kind
from toolkit.audit.timeline import End, History, Window, history_for
from toolkit.consent import _fields as cf
from toolkit.consent.records import ConsentRecord

__all__ = ["coverage_findings", "modality_of", "records_by_subject"]

_AUDIO = frozenset({".wav", ".mp3", ".m4a", ".flac", ".ogg", ".opus", ".aac", ".wma"})
_VIDEO = frozenset({".mp4", ".mov", ".webm", ".mkv", ".avi", ".m4v"})
_TIMED = frozenset({".vtt", ".srt"})


def records_by_subject(records: Iterable[ConsentRecord]) -> dict[str, list[ConsentRecord]]:
    """Records grouped by ``subject_id`` (records without one are left out)."""
    out: dict[str, list[ConsentRecord]] = {}
    for record in records:
        subject = record.data.get("subject_id")
        if isinstance(subject, str | int) and str(subject).strip():
            out.setdefault(str(subject).strip(), []).append(record)
    return out


def modality_of(row: ManifestRow) -> str | None:
    """audio, video or transcript: the manifest's ``modality``, else from the extension."""
    if row.modality is not None:
        return row.modality
    suffix = PurePosixPath(row.path).suffix.lower()
    if suffix in _AUDIO:
        return "audio"
    if suffix in _VIDEO:
        return "video"
    return "transcript" if suffix in _TIMED else None


def _ts(moment: datetime | None) -> str:
    return moment.isoformat().replace("+00:00", "Z") if moment is not None else "?"


def _where(window: Window | History) -> str:
    return f"{window.source}:{window.line}" if window.line else window.source


@dataclass
class _Group:
    """A subject-level problem and the files it concerns."""

    kind: Kind
    subject: str
    purpose: str | None
    detail: str
    source: str
    line: int | None
    files: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Outcome:
    kind: Kind
    detail: str
    evidence: Window | History
    per_file: bool


def _judge(history: History, collected: Collected | None, now: datetime) -> _Outcome | None:
    """The first problem with using data of this history and collection time, if any."""
    purpose = f"purpose {history.purpose!r}"
    if not history.has_events:
        if history.declared and "consent" not in history.bases and history.bases:
            return None  # another lawful basis, and no consent process recorded for it
        what = "is not among the purposes of their consent records" if not history.declared \
            else "has no consent event (nothing was given)"
        return _Outcome(Kind.PURPOSE_NOT_CONSENTED, f"{purpose} {what}", history, False)
    if not history.windows:
        if history.refused:
            return _Outcome(Kind.CONSENT_REFUSED, f"consent for {purpose} was refused",
                            history, False)
        return _Outcome(Kind.PURPOSE_NOT_CONSENTED, f"consent for {purpose} was never given",
                        history, False)
    if collected is not None and history.covering(collected.start, collected.end) is None:
        return _late_or_early(history, collected, purpose)
    if history.in_force(now) is None:
        last = history.last_end_before(now)
        if last is not None and last.why is End.EXPIRED:
            return _Outcome(Kind.CONSENT_EXPIRED,
                            f"consent for {purpose} expired on {_ts(last.end)}", last, False)
        if last is not None:
            return _Outcome(Kind.CONSENT_WITHDRAWN,
                            f"consent for {purpose} was {last.why} on {_ts(last.end)}",
                            last, False)
    return None


def _late_or_early(history: History, collected: Collected, purpose: str) -> _Outcome:
    when = f"collected {collected.label()}"
    first = history.first_start
    last = history.last_end_before(collected.start)
    if last is None:
        return _Outcome(Kind.COLLECTED_BEFORE_CONSENT,
                        f"{when}, before consent for {purpose} was given ({_ts(first)})",
                        history, True)
    if last.why is End.EXPIRED:
        return _Outcome(Kind.COLLECTED_AFTER_EXPIRY,
                        f"{when}, after consent for {purpose} expired ({_ts(last.end)})",
                        last, True)
    return _Outcome(Kind.COLLECTED_AFTER_WITHDRAWAL,
                    f"{when}, after consent for {purpose} was {last.why} ({_ts(last.end)})",
                    last, True)


class _Coverage:
    def __init__(self, manifest: Manifest, records: Mapping[str, Sequence[ConsentRecord]],
                 now: datetime, key: bytes, shown: Callable[[str], str]) -> None:
        self.shown = shown
        self.manifest = manifest
        self.records = records
        self.now = now
        self.key = key
        self.findings: list[Finding] = []
        self.groups: dict[tuple[Kind, str, str | None], _Group] = {}
        self.timed = any(r.collected is not None for r in manifest.rows)

    def run(self) -> list[Finding]:
        if manifest_untimed := (not self.timed and bool(self.manifest.rows)):
            self.findings.append(self.untimed())
        for row in self.manifest.rows:
            records = self.records.get(row.subject)
            if not records:
                self.group(Kind.NO_CONSENT_RECORD, row, None, "has no consent record",
                           self.manifest.source, row.line)
                continue
            for purpose in row.purposes:
                self.judge(row, purpose, history_for(records, purpose))
            self.recording(row, records)
            if row.collected is None and not manifest_untimed:
                self.file_finding(Kind.COLLECTED_AT_MISSING, row, None,
                                  "the manifest gives no collection time, so consent at "
                                  "collection cannot be shown", self.manifest.source, row.line)
        return self.findings + [self.subject_finding(g) for g in self.groups.values()]

    def untimed(self) -> Finding:
        kind = Kind.COLLECTED_AT_MISSING
        return Finding(
            id=fingerprint(self.key, kind.code, None, None, None), kind=kind,
            severity=kind.severity, reference=kind.reference, source=self.manifest.source,
            line=1, message="the manifest gives no collection time for any file (no "
            "collected_at column, or it is empty): consent at collection cannot be shown")

    def judge(self, row: ManifestRow, purpose: str, history: History) -> None:
        outcome = _judge(history, row.collected, self.now)
        if outcome is None:
            return
        source, line = self.shown(outcome.evidence.source), outcome.evidence.line
        if outcome.per_file:
            self.file_finding(outcome.kind, row, purpose, outcome.detail, source, line)
        else:
            self.group(outcome.kind, row, purpose, outcome.detail, source, line)

    def recording(self, row: ManifestRow, records: Sequence[ConsentRecord]) -> None:
        modality = modality_of(row)
        if modality is None:
            return
        answers = [cf.get(r.data, f"research.recording_consent.{modality}") for r in records]
        if any(a is False for a in answers) and not any(a is True for a in answers):
            record = next(r for r, a in zip(records, answers, strict=True) if a is False)
            self.file_finding(Kind.RECORDING_NOT_CONSENTED, row, None,
                              f"the consent record says no to {modality} "
                              f"(research.recording_consent.{modality}: false)",
                              self.shown(record.source), record.line)

    def file_finding(self, kind: Kind, row: ManifestRow, purpose: str | None, detail: str,
                     source: str, line: int | None) -> None:
        self.findings.append(Finding(
            id=fingerprint(self.key, kind.code, row.path, row.subject, purpose),
            kind=kind, severity=kind.severity, reference=kind.reference,
            message=f"{row.path} (subject {row.subject}): {detail}",
            file=row.path, subject=row.subject, purpose=purpose, source=source, line=line))

    def group(self, kind: Kind, row: ManifestRow, purpose: str | None, detail: str,
              source: str, line: int | None) -> None:
        key = (kind, row.subject, purpose)
        if key not in self.groups:
            self.groups[key] = _Group(kind, row.subject, purpose, detail, source, line)
        if row.path not in self.groups[key].files:
            self.groups[key].files.append(row.path)

    def subject_finding(self, group: _Group) -> Finding:
        files = sorted(group.files)
        shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
        noun = "file holds" if len(files) == 1 else "files hold"
        action = _ACTIONS[group.kind]
        return Finding(
            id=fingerprint(self.key, group.kind.code, None, group.subject, group.purpose),
            kind=group.kind, severity=group.kind.severity, reference=group.kind.reference,
            message=f"subject {group.subject}: {group.detail}; {len(files)} {noun} their data "
                    f"({shown}): {action}",
            subject=group.subject, purpose=group.purpose, files=tuple(files),
            source=group.source, line=group.line)


_ACTIONS = {
    Kind.NO_CONSENT_RECORD: "find the consent record, or remove the data",
    Kind.PURPOSE_NOT_CONSENTED: "do not use the data for this purpose without consent",
    Kind.CONSENT_REFUSED: "remove the data",
    Kind.CONSENT_WITHDRAWN: "stop processing; erase or anonymise the data",
    Kind.CONSENT_EXPIRED: "renew the consent, or stop processing and erase the data",
}


def coverage_findings(manifest: Manifest, records: Mapping[str, Sequence[ConsentRecord]], *,
                      now: datetime, key: bytes,
                      shown: Callable[[str], str] = str) -> list[Finding]:
    """Consent-coverage findings for every row of ``manifest``; ``records`` by subject.

    ``shown`` turns a consent record's source into the name reports show.
    """
    return _Coverage(manifest, records, now, key, shown).run()
