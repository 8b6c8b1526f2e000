"""The value types of an audit: finding kinds, findings, files, subjects and the result.

A finding is about one file (residual personal data, a file with no manifest row), one subject
(no consent record, consent withdrawn) or the dataset's own metadata (a manifest row that cannot
be read, a consent record that fails validation). It never carries a raw value: personal data is
named by type, located by line and shown in context with every detected value replaced by its
type (``<PERSON>``). Its ``id`` is a keyed fingerprint, stable across runs made with the same
key, which a baseline uses to remember reviews.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from toolkit.consent.policy import Severity

__all__ = [
    "AuditResult",
    "BaselineInfo",
    "FileEntry",
    "FileStatus",
    "Finding",
    "Kind",
    "Occurrence",
    "Review",
    "Scope",
    "Status",
    "SubjectEntry",
    "Verdict",
]

_ART4 = "GDPR and UK GDPR Art. 4(1), Recital 26; ICO guidance on anonymisation"
_ACCOUNT = "GDPR and UK GDPR Art. 5(2), Art. 30 (accountability, records of processing)"
_CONSENT = "GDPR and UK GDPR Art. 6(1)(a), 7(1), 9(2)(a)"


class Scope(enum.StrEnum):
    """What a finding is about."""

    FILE = "file"
    SUBJECT = "subject"
    DATASET = "dataset"


class Kind(enum.Enum):
    """Every kind of audit finding: code, default severity, scope, title and reference."""

    RESIDUAL_PII = ("residual-personal-data", Severity.ERROR, Scope.FILE,
                    "Personal data left in a de-identified file", _ART4)
    IDENTIFYING_COLUMN = ("identifying-column", Severity.WARNING, Scope.FILE,
                          "A CSV column whose name says it identifies people", _ART4)
    FILE_NOT_IN_MANIFEST = ("file-not-in-manifest", Severity.ERROR, Scope.FILE,
                            "A file no manifest row accounts for", _ACCOUNT)
    FILE_UNREADABLE = ("file-unreadable", Severity.ERROR, Scope.FILE,
                       "A file that could not be read: its content was not checked", _ACCOUNT)
    FILE_PART_UNREADABLE = ("file-part-unreadable", Severity.WARNING, Scope.FILE,
                            "Part of a file could not be parsed: it was not checked", _ACCOUNT)
    COLLECTED_BEFORE_CONSENT = ("collected-before-consent", Severity.ERROR, Scope.FILE,
                                "Data collected before consent was given", _CONSENT)
    COLLECTED_AFTER_WITHDRAWAL = ("collected-after-withdrawal", Severity.ERROR, Scope.FILE,
                                  "Data collected after consent was withdrawn",
                                  "GDPR and UK GDPR Art. 7(3)")
    COLLECTED_AFTER_EXPIRY = ("collected-after-expiry", Severity.ERROR, Scope.FILE,
                              "Data collected after consent expired",
                              "GDPR and UK GDPR Art. 5(1)(e), 6(1)(a)")
    RECORDING_NOT_CONSENTED = ("recording-not-consented", Severity.ERROR, Scope.FILE,
                               "A recording or transcript the subject did not agree to",
                               "BPS Code of Human Research Ethics 2021 s.4; GDPR Art. 6(1)(a)")
    COLLECTED_AT_MISSING = ("collected-at-missing", Severity.WARNING, Scope.FILE,
                            "No collection time: consent at collection cannot be shown",
                            "GDPR and UK GDPR Art. 7(1) (demonstrate consent)")
    MANIFEST_FILE_MISSING = ("manifest-file-missing", Severity.WARNING, Scope.FILE,
                             "A manifest row whose file is not in the dataset", _ACCOUNT)
    NO_CONSENT_RECORD = ("no-consent-record", Severity.ERROR, Scope.SUBJECT,
                         "A subject with no consent record", _CONSENT)
    PURPOSE_NOT_CONSENTED = ("purpose-not-consented", Severity.ERROR, Scope.SUBJECT,
                             "Data used for a purpose the subject did not consent to",
                             "GDPR and UK GDPR Art. 5(1)(b), 6(1)(a)")
    CONSENT_REFUSED = ("consent-refused", Severity.ERROR, Scope.SUBJECT,
                       "Consent was refused", _CONSENT)
    CONSENT_WITHDRAWN = ("consent-withdrawn", Severity.ERROR, Scope.SUBJECT,
                         "Consent has since been withdrawn",
                         "GDPR and UK GDPR Art. 7(3), 17(1)(b)")
    CONSENT_EXPIRED = ("consent-expired", Severity.ERROR, Scope.SUBJECT,
                       "Consent has expired", "GDPR and UK GDPR Art. 5(1)(e), 6(1)(a)")
    CONSENT_RECORD_INVALID = ("consent-record-invalid", Severity.ERROR, Scope.SUBJECT,
                              "A consent record that fails validation",
                              "the policy rule's own reference (see each finding)")
    MANIFEST_ROW_INVALID = ("manifest-row-invalid", Severity.ERROR, Scope.DATASET,
                            "A manifest row that cannot be read", _ACCOUNT)
    MANIFEST_DUPLICATE_ROW = ("manifest-duplicate-row", Severity.WARNING, Scope.DATASET,
                              "The same file, subject and purpose listed twice", _ACCOUNT)

    @property
    def code(self) -> str:
        return str(self.value[0])

    @property
    def severity(self) -> Severity:
        return Severity(self.value[1])

    @property
    def scope(self) -> Scope:
        return Scope(self.value[2])

    @property
    def title(self) -> str:
        return str(self.value[3])

    @property
    def reference(self) -> str:
        return str(self.value[4])

    @classmethod
    def from_code(cls, code: str) -> Kind:
        for kind in cls:
            if kind.code == code:
                return kind
        raise ValueError(code)


class Status(enum.StrEnum):
    """Where a finding stands against a baseline."""

    OPEN = "open"  # no baseline in use
    NEW = "new"  # not in the baseline
    UNREVIEWED = "unreviewed"  # in the baseline, nobody has judged it yet
    CONFIRMED = "true-positive"  # reviewed: a real problem
    DISMISSED = "false-positive"  # reviewed: not a problem


class Verdict(enum.StrEnum):
    """What a reviewer decided about a finding."""

    TRUE_POSITIVE = "true-positive"
    FALSE_POSITIVE = "false-positive"


@dataclass(frozen=True)
class Review:
    """Who judged a finding, how, and when."""

    verdict: Verdict
    reviewer: str
    at: datetime
    note: str | None = None


@dataclass(frozen=True)
class Occurrence:
    """One place a residual value was found: line, field, and masked context (no value)."""

    line: int
    record: int
    field: str
    context: str | None
    score: float
    recognizer: str


@dataclass(frozen=True)
class Finding:
    """One problem the audit found; see the module docstring."""

    id: str
    kind: Kind
    severity: Severity
    message: str
    reference: str
    file: str | None = None
    subject: str | None = None
    purpose: str | None = None
    #: The files a subject-level finding concerns.
    files: tuple[str, ...] = ()
    #: Where the evidence is (the manifest, a consent file); ``line`` is in ``source`` when
    #: it is set, else in ``file``.
    source: str | None = None
    line: int | None = None
    #: The policy rule a consent record breaks, and the record's id.
    rule: str | None = None
    record_id: str | None = None
    entity_type: str | None = None
    #: How many times the value occurs; ``occurrences`` holds the first few.
    count: int = 0
    occurrences: tuple[Occurrence, ...] = ()
    status: Status = Status.OPEN
    review: Review | None = None

    @property
    def lines(self) -> tuple[int, ...]:
        """The lines of ``file`` the finding points at (``line`` is in ``source`` when set)."""
        if self.occurrences:
            return tuple(sorted({o.line for o in self.occurrences}))
        in_file = self.file is not None and self.source is None
        return (self.line,) if self.line is not None and in_file else ()

    @property
    def where(self) -> str:
        """A short location: ``file:line``, ``subject P03``, or ``manifest.csv:12``."""
        if self.file is not None:
            first = self.lines[0] if self.lines else None
            return f"{self.file}:{first}" if first is not None else self.file
        if self.subject is not None:
            return f"subject {self.subject}"
        if self.source is not None:
            return f"{self.source}:{self.line}" if self.line is not None else self.source
        return "dataset"

    def fails(self, threshold: Severity | None) -> bool:
        """True when this finding makes the audit fail at ``threshold`` (None: never)."""
        if threshold is None or self.severity.rank < threshold.rank:
            return False
        return self.status in {Status.OPEN, Status.NEW, Status.CONFIRMED}


class FileStatus(enum.StrEnum):
    """What the audit did with a file of the dataset."""

    CLEAN = "clean"  # scanned, nothing found about it
    FINDINGS = "findings"  # at least one finding concerns it
    RAW = "raw"  # declared raw (not de-identified): not scanned for personal data
    NOT_SCANNED = "not-scanned"  # a format confide cannot read (audio, video, ...)
    MISSING = "missing"  # listed in the manifest, not in the dataset


@dataclass(frozen=True)
class FileEntry:
    """One file of the dataset (or listed by the manifest)."""

    path: str
    status: FileStatus
    format: str | None
    subjects: tuple[str, ...]
    findings: int
    chars: int = 0
    #: Went through the engine (readable, and claims to be de-identified).
    scanned: bool = False
    #: Declared raw (``deidentified: false`` or ``--raw``): not scanned for personal data.
    raw: bool = False


@dataclass(frozen=True)
class SubjectEntry:
    """One subject of the manifest (or of the consent records)."""

    subject: str
    files: tuple[str, ...]
    records: int
    purposes: tuple[str, ...]
    findings: int


@dataclass(frozen=True)
class BaselineInfo:
    """How the findings compare with a baseline file."""

    path: str
    created: datetime
    new: int
    resolved: int
    unreviewed: int
    confirmed: int
    dismissed: int
    #: Settings that differ from those the baseline was made with.
    changed_settings: tuple[str, ...] = ()


@dataclass(frozen=True)
class AuditResult:
    """Everything an audit found, ready for the renderers."""

    dataset: str
    now: datetime
    generated_at: datetime
    manifest: str
    manifest_rows: int
    consent_sources: tuple[str, ...]
    consent_records: int
    policies: tuple[str, ...]
    files: tuple[FileEntry, ...]
    subjects: tuple[SubjectEntry, ...]
    findings: tuple[Finding, ...]
    settings: Mapping[str, Any] = field(default_factory=dict)
    threshold: Severity | None = Severity.ERROR
    baseline: BaselineInfo | None = None
    seconds: float = 0.0

    @property
    def failing(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.fails(self.threshold))

    @property
    def passed(self) -> bool:
        return not self.failing

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def by_kind(self) -> dict[Kind, int]:
        """Finding counts per kind present, worst severity first, then in :class:`Kind` order."""
        counts = dict.fromkeys(Kind, 0)
        worst: dict[Kind, int] = {}
        for finding in self.findings:
            counts[finding.kind] += 1
            worst[finding.kind] = max(worst.get(finding.kind, 0), finding.severity.rank)
        order = {kind: i for i, kind in enumerate(Kind)}
        present = sorted(worst, key=lambda k: (-worst[k], order[k]))
        return {kind: counts[kind] for kind in present}
