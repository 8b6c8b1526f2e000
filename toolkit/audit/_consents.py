"""Load and validate the consent records, as ``confide consent validate`` does.

Every finding of validation (and every record or line that cannot be read) becomes a
``consent-record-invalid`` finding, tied to the record's subject when it names one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from toolkit.audit import _files
from toolkit.audit._ids import fingerprint
from toolkit.audit.coverage import records_by_subject
from toolkit.audit.model import Finding, Kind
from toolkit.consent.findings import Finding as ConsentFinding
from toolkit.consent.policy import load_policies
from toolkit.consent.records import ConsentRecord, load_records
from toolkit.consent.validate import Validator, validate_records

__all__ = ["ConsentCheck", "check_consents"]


@dataclass(frozen=True)
class ConsentCheck:
    """The records read (by subject), the validation findings and the policies applied."""

    paths: tuple[Path, ...]
    sources: tuple[str, ...]
    records: int
    by_subject: dict[str, list[ConsentRecord]]
    findings: tuple[Finding, ...]
    policies: tuple[str, ...]


def check_consents(paths: Sequence[Path], root: Path, policies: Sequence[str], now: datetime,
                   key: bytes) -> ConsentCheck:
    """Load ``paths``, validate every record at ``now`` against the bundled and ``policies``."""
    loaded = load_records(list(paths))
    validator = Validator(load_policies(policies) if policies else ())
    found = [*loaded.problems, *validate_records(loaded.records, now=now, validator=validator)]
    subjects = {(r.source, r.position): r.data.get("subject_id") for r in loaded.records}
    used: list[str] = []
    for record in loaded.records:
        used += [p.id for p in validator.policies_for(record) if p.id not in used]
    findings = tuple(_finding(fd, subjects, root, key) for fd in found)
    return ConsentCheck(
        paths=tuple(paths), sources=tuple(_files.shown(Path(s), root) for s in loaded.sources),
        records=len(loaded.records), by_subject=records_by_subject(loaded.records),
        findings=findings, policies=tuple(used))


def _finding(fd: ConsentFinding, subjects: dict[tuple[str, int], object], root: Path,
             key: bytes) -> Finding:
    kind = Kind.CONSENT_RECORD_INVALID
    raw_subject = subjects.get((fd.source or "", fd.record or 0))
    subject = str(raw_subject).strip() if isinstance(raw_subject, str | int) else None
    source = _files.shown(Path(fd.source), root) if fd.source else None
    record = fd.record_id or (f"record #{fd.record}" if fd.record else "input")
    where = f"{source}:{fd.line}" if source and fd.line else (source or "-")
    who = f"subject {subject}, " if subject else ""
    rule = f"{fd.rule} ({fd.path})" if fd.path else fd.rule
    return Finding(
        id=fingerprint(key, kind.code, source, fd.record_id or str(fd.record), fd.rule, fd.path),
        kind=kind, severity=fd.severity, reference=fd.reference,
        message=f"{where}: {who}{record}: {rule}: {fd.message}",
        subject=subject, source=source, line=fd.line, rule=fd.rule, record_id=fd.record_id)
