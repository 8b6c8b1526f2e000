"""Validate consent records against policies: Cerberus schemas plus named Python checks.

The policies a record is judged by are picked by its ``jurisdiction`` and ``context`` from the
bundled policies (``policies_for``); policies passed explicitly are added, and one whose id
equals a bundled policy replaces it (:func:`~toolkit.consent.policy.combine_policies`).

A rule with an ``in_force`` date (the EU AI Act's Art. 50 applies from 2 August 2026) is
judged in full only for consent relied on (the latest ``given`` or ``renewed`` event) from that
date; for earlier consent its findings are ``info``, telling the officer what to re-disclose.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import cerberus

from toolkit.consent import _fields as f
from toolkit.consent._cerberus import make_validator, schema_problems
from toolkit.consent._checkbase import CheckContext
from toolkit.consent.checks import CHECKS
from toolkit.consent.findings import Finding
from toolkit.consent.policy import ANY, Policy, Rule, Severity, combine_policies, load_policies
from toolkit.consent.records import ConsentRecord, load_records

__all__ = [
    "RecordRef",
    "Report",
    "Validator",
    "is_jurisdictional",
    "validate_paths",
    "validate_records",
]


@dataclass(frozen=True)
class RecordRef:
    """Which record was checked: its file, line, position in the file and id."""

    source: str
    line: int | None
    position: int
    record_id: str | None


@dataclass(frozen=True)
class Report:
    """The outcome of one validation run."""

    findings: tuple[Finding, ...]
    records: int
    sources: tuple[str, ...]
    now: datetime
    #: Ids of the policies applied to at least one record, in load order.
    policies: tuple[str, ...]
    #: Explicitly requested policies that applied to no record (``applies_to`` excluded all).
    unused_policies: tuple[str, ...] = ()
    #: Every record read, in input order (records with no finding included).
    checked: tuple[RecordRef, ...] = ()
    #: The policies records were judged against (bundled plus explicit), for rule metadata.
    pool: tuple[Policy, ...] = field(default=(), compare=False)

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    def fails(self, threshold: Severity | None) -> bool:
        """True when a finding is at or above ``threshold`` (``None`` never fails)."""
        if threshold is None:
            return False
        return any(fd.severity.rank >= threshold.rank for fd in self.findings)


class Validator:
    """Judges records against a pool of policies; build once, call :meth:`validate` per record."""

    def __init__(self, extra: Sequence[Policy] = (), *, bundled: Sequence[Policy] | None = None):
        base = load_policies(None) if bundled is None else tuple(bundled)
        self.extra_ids = tuple(p.id for p in extra)
        self.pool: tuple[Policy, ...] = combine_policies(base, extra)
        self._schemas: dict[tuple[str, str], cerberus.Validator] = {}

    def policies_for(self, record: ConsentRecord) -> tuple[Policy, ...]:
        return tuple(p for p in self.pool if p.applies(record.jurisdiction, record.context))

    def validate(self, record: ConsentRecord, now: datetime) -> list[Finding]:
        """Every finding for ``record`` from every rule of every policy that applies to it."""
        policies = self.policies_for(record)
        jurisdictional = is_jurisdictional(policies)
        findings: list[Finding] = []
        for policy in policies:
            findings.extend(self.run_rules(policy, policy.rules, record, now, jurisdictional))
        return findings

    def run_rules(
        self,
        policy: Policy,
        rules: Sequence[Rule],
        record: ConsentRecord,
        now: datetime,
        jurisdictional: bool = True,
    ) -> list[Finding]:
        """Findings of ``rules`` of ``policy`` whose ``when`` matches the record."""
        relied_on = f.latest_consent_time(record.data)
        findings: list[Finding] = []
        for rule in rules:
            if not rule.when.matches(record.jurisdiction, record.context):
                continue
            ctx = CheckContext(now=now, policy=policy, rule=rule, jurisdictional=jurisdictional)
            for path, detail, cites in self._evaluate(policy, rule, record.data, ctx):
                finding = _finding(record, policy, rule, path, detail, relied_on)
                if cites and cites not in finding.reference:
                    finding = replace(finding, reference=f"{finding.reference}; {cites}")
                findings.append(finding)
        return findings

    def _evaluate(
        self, policy: Policy, rule: Rule, data: Mapping[str, Any], ctx: CheckContext
    ) -> Iterator[tuple[str, str, str | None]]:
        if rule.check is not None:
            for issue in CHECKS[rule.check](data, ctx):
                yield issue.path, issue.detail, issue.cites
            return
        key = (policy.id, rule.id)
        if key not in self._schemas:
            self._schemas[key] = make_validator(rule.schema or {})
        for path, detail in schema_problems(self._schemas[key], data):
            yield path, detail, None


def is_jurisdictional(policies: Sequence[Policy]) -> bool:
    """True when some policy is tied to jurisdictions (not only ``*`` policies)."""
    return any(ANY not in p.applies_to.jurisdictions for p in policies)


def _finding(
    record: ConsentRecord,
    policy: Policy,
    rule: Rule,
    path: str,
    detail: str,
    relied_on: datetime | None,
) -> Finding:
    severity, message = rule.severity, f"{rule.message}: {detail}"
    in_force: date | None = rule.when.in_force
    if in_force is not None and relied_on is not None and relied_on.date() < in_force:
        severity = Severity.INFO
        message = (
            f"{message} (not yet applicable when this consent was given: it applies from "
            f"{in_force.isoformat()}; disclose at the next interaction or renew the consent)"
        )
    return Finding(
        record_id=record.record_id,
        rule=rule.id,
        severity=severity,
        reference=rule.reference,
        path=path or None,
        message=message,
        source=record.source,
        line=record.line,
        policy=policy.id,
        record=record.position,
    )


def validate_records(
    records: Sequence[ConsentRecord],
    *,
    policies: Sequence[Policy] = (),
    now: datetime | None = None,
    validator: Validator | None = None,
) -> tuple[Finding, ...]:
    """Findings for ``records`` against the bundled policies plus ``policies``."""
    clock = _utc(now)
    engine = validator or Validator(policies)
    return tuple(fd for record in records for fd in engine.validate(record, clock))


def validate_paths(
    paths: Sequence[str | Path],
    *,
    policies: Sequence[str] = (),
    now: datetime | None = None,
    stdin_text: str | None = None,
) -> Report:
    """Load the records of ``paths`` and validate them: what ``confide consent validate`` does.

    ``policies`` are bundled policy ids or paths to policy files, added to (or replacing) the
    defaults. Raises :class:`~toolkit.errors.ConfideError` for a missing path or a bad policy.
    """
    clock = _utc(now)
    engine = Validator(load_policies(policies) if policies else ())
    loaded = load_records(paths, stdin_text=stdin_text)
    findings = list(loaded.problems)
    used: list[str] = []
    for record in loaded.records:
        for policy in engine.policies_for(record):
            if policy.id not in used:
                used.append(policy.id)
        findings.extend(engine.validate(record, clock))
    order = {source: i for i, source in enumerate(loaded.sources)}
    findings.sort(key=lambda fd: (order.get(fd.source or "", 0), fd.line or 0, fd.record or 0))
    return Report(
        findings=tuple(findings),
        records=len(loaded.records),
        sources=loaded.sources,
        now=clock,
        policies=tuple(p.id for p in engine.pool if p.id in used),
        unused_policies=tuple(pid for pid in engine.extra_ids if pid not in used),
        checked=tuple(RecordRef(r.source, r.line, r.position, r.record_id) for r in loaded.records),
        pool=engine.pool,
    )


def _utc(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    return now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)
