"""Findings: what validation reports, one per rule broken per field of a record.

A finding names the record (``record_id``; never the subject), the rule and the article or
clause it enforces, the field at fault (``path``), and where the record came from (``source``
file and ``line`` when known). Messages never quote free text from the record.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from toolkit.consent.policy import Severity

__all__ = ["FORMAT_REFERENCE", "Finding", "InputProblem"]

#: What input problems cite: the record format itself.
FORMAT_REFERENCE = "confide.consent/1 record format (DESIGN.md)"
KANTARA_REFERENCE = "Kantara Consent Receipt Specification v1.1"


class InputProblem(enum.Enum):
    """Problems found while reading records, before any policy is applied."""

    PARSE = (
        "INPUT-PARSE",
        Severity.ERROR,
        "A file or line is not valid JSON, JSON Lines, YAML or CSV.",
    )
    NOT_A_RECORD = (
        "INPUT-NOT-A-RECORD",
        Severity.ERROR,
        "A list, string or number stands where a record (a mapping) belongs.",
    )
    DECODE = ("INPUT-DECODE", Severity.ERROR, "The file is not UTF-8 text.")
    EMPTY = ("INPUT-EMPTY", Severity.WARNING, "The file holds no record.")
    BAD_TIME = (
        "INPUT-BAD-TIME",
        Severity.ERROR,
        "A timestamp or date is not ISO 8601; the field is treated as missing.",
    )
    NAIVE_TIME = (
        "INPUT-NAIVE-TIME",
        Severity.WARNING,
        "A timestamp has no time zone; it is read as UTC.",
    )
    CSV_COLUMN = (
        "INPUT-CSV-COLUMN",
        Severity.ERROR,
        "CSV dotted columns contradict each other (e.g. `a` and `a.b`).",
    )
    DUPLICATE_ID = (
        "INPUT-DUPLICATE-ID",
        Severity.ERROR,
        "Two records share a record_id; each consent process needs its own.",
    )
    LEGACY_FORMAT = (
        "INPUT-LEGACY-FORMAT",
        Severity.ERROR,
        "A pre-1.0 Kantara Minimum Viable Consent Receipt; not supported.",
    )
    UNSUPPORTED_FORMAT = (
        "INPUT-UNSUPPORTED-FORMAT",
        Severity.ERROR,
        "An ISO/IEC TS 27560 or W3C DPV record; not supported yet.",
    )
    KANTARA_SCHEMA = (
        "INPUT-KANTARA-SCHEMA",
        Severity.ERROR,
        "A Kantara CR v1.1 receipt that breaks the v1.1 JSON schema.",
    )
    KANTARA_GAP = (
        "INPUT-KANTARA-GAP",
        Severity.WARNING,
        "A confide.consent/1 field that Kantara CR v1.1 cannot express.",
    )

    @property
    def code(self) -> str:
        return self.value[0]

    @property
    def severity(self) -> Severity:
        return self.value[1]

    @property
    def description(self) -> str:
        return self.value[2]

    @property
    def reference(self) -> str:
        kantara = {InputProblem.KANTARA_SCHEMA, InputProblem.KANTARA_GAP}
        return KANTARA_REFERENCE if self in kantara else FORMAT_REFERENCE


@dataclass(frozen=True)
class Finding:
    """One problem with one record (or one unreadable line or record of an input)."""

    record_id: str | None
    rule: str
    severity: Severity
    reference: str
    path: str | None
    message: str
    source: str | None = None
    line: int | None = None
    policy: str | None = None
    #: 1-based position of the record in its file (when the record id is not known).
    record: int | None = None

    @classmethod
    def input(
        cls,
        problem: InputProblem,
        message: str,
        *,
        source: str | None,
        line: int | None = None,
        record: int | None = None,
        record_id: str | None = None,
        path: str | None = None,
    ) -> Finding:
        return cls(
            record_id=record_id,
            rule=problem.code,
            severity=problem.severity,
            reference=problem.reference,
            path=path,
            message=message,
            source=source,
            line=line,
            policy=None,
            record=record,
        )

    @property
    def location(self) -> str:
        """``file:line`` or ``file[record]`` or ``file``."""
        if self.source is None:
            return "-"
        if self.line is not None:
            return f"{self.source}:{self.line}"
        return f"{self.source}[{self.record}]" if self.record is not None else self.source

    def to_dict(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "rule": self.rule,
            "severity": self.severity.value,
            "reference": self.reference,
            "path": self.path,
            "message": self.message,
            "source": self.source,
            "line": self.line,
            "record": self.record,
            "policy": self.policy,
        }
