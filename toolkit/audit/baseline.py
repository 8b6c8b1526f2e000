"""Baselines: what an audit found, and what a reviewer decided about each finding.

Like detect-secrets' baseline, a baseline file records findings by keyed fingerprint (the id of
a finding: an HMAC of its kind, file, subject and, for personal data, the keyed hash of the
value), never a raw value, with the settings that produced them. A reviewer marks each one a
true or a false positive (``confide audit review``). A later audit with the same key compares
its findings with the baseline: new ones are added, ones no longer found are dropped, reviews
are kept, and the audit fails only on new or confirmed findings.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from toolkit import __version__
from toolkit.audit._ids import key_id
from toolkit.audit.model import AuditResult, BaselineInfo, Finding, Review, Status, Verdict
from toolkit.errors import ConfigError, InputError

__all__ = [
    "BASELINE_SCHEMA",
    "Baseline",
    "BaselineEntry",
    "apply_baseline",
    "load_baseline",
    "save_baseline",
]

BASELINE_SCHEMA = "confide.audit-baseline/1"
_IGNORED_SETTINGS = frozenset({"notes", "confide"})


@dataclass(frozen=True)
class BaselineEntry:
    """One finding as the baseline remembers it (no raw values: contexts are masked)."""

    id: str
    kind: str
    severity: str
    where: str
    message: str
    file: str | None = None
    subject: str | None = None
    purpose: str | None = None
    entity_type: str | None = None
    rule: str | None = None
    lines: tuple[int, ...] = ()
    contexts: tuple[str, ...] = ()
    first_seen: datetime = field(default_factory=lambda: datetime.now(UTC))
    last_seen: datetime = field(default_factory=lambda: datetime.now(UTC))
    review: Review | None = None

    @classmethod
    def of(cls, finding: Finding, seen: datetime) -> BaselineEntry:
        contexts = tuple(dict.fromkeys(f"line {o.line}: {o.context}"
                                       for o in finding.occurrences if o.context))
        return cls(finding.id, finding.kind.code, finding.severity.value, finding.where,
                   finding.message, finding.file, finding.subject, finding.purpose,
                   finding.entity_type, finding.rule, finding.lines, contexts[:5], seen, seen)


@dataclass(frozen=True)
class Baseline:
    """A baseline file's content."""

    created: datetime
    updated: datetime
    key_id: str
    dataset: str
    settings: Mapping[str, Any]
    entries: tuple[BaselineEntry, ...]

    def check_key(self, key: bytes, *, where: str) -> None:
        """Raise :class:`ConfigError` unless ``key`` is the key this baseline was made with
        (with another key every id would differ and every review would be lost)."""
        if self.key_id != key_id(key):
            raise ConfigError("the baseline was made with another key; use the same "
                              "CONFIDE_HASH_KEY or --key-file (or start a new baseline)",
                              where=where)

    def get(self, finding_id: str) -> BaselineEntry | None:
        return next((e for e in self.entries if e.id == finding_id), None)

    def pending(self) -> tuple[BaselineEntry, ...]:
        """Entries nobody has reviewed yet."""
        return tuple(e for e in self.entries if e.review is None)

    def with_review(self, finding_id: str, review: Review) -> Baseline:
        """A copy with ``review`` recorded for the entry ``finding_id``."""
        if self.get(finding_id) is None:
            raise ConfigError(f"no finding {finding_id} in this baseline", where="baseline")
        entries = tuple(replace(e, review=review) if e.id == finding_id else e
                        for e in self.entries)
        return replace(self, entries=entries, updated=review.at)


def _status(entry: BaselineEntry | None) -> Status:
    if entry is None:
        return Status.NEW
    if entry.review is None:
        return Status.UNREVIEWED
    return Status.CONFIRMED if entry.review.verdict is Verdict.TRUE_POSITIVE else Status.DISMISSED


def apply_baseline(result: AuditResult, baseline: Baseline | None, *, path: str, key: bytes,
                   now: datetime | None = None) -> tuple[AuditResult, Baseline]:
    """Judge ``result`` against ``baseline`` (None: a new one) and return both updated.

    Raises :class:`ConfigError` when the baseline was written with another key (every id
    would differ and every review would be lost).
    """
    moment = now or datetime.now(UTC)
    if baseline is not None:
        baseline.check_key(key, where=path)
    known = {e.id: e for e in baseline.entries} if baseline is not None else {}
    findings: list[Finding] = []
    entries: list[BaselineEntry] = []
    for finding in result.findings:
        old = known.get(finding.id)
        findings.append(replace(finding, status=_status(old),
                                review=old.review if old is not None else None))
        fresh = BaselineEntry.of(finding, moment)
        if old is not None:
            fresh = replace(fresh, first_seen=old.first_seen, review=old.review)
        entries.append(fresh)
    seen = {f.id for f in result.findings}
    counts = {s: sum(1 for f in findings if f.status is s) for s in Status}
    info = BaselineInfo(
        path=path, created=baseline.created if baseline is not None else moment,
        new=counts[Status.NEW], resolved=sum(1 for i in known if i not in seen),
        unreviewed=counts[Status.UNREVIEWED], confirmed=counts[Status.CONFIRMED],
        dismissed=counts[Status.DISMISSED],
        changed_settings=_changed(baseline.settings if baseline else None, result.settings))
    updated = Baseline(created=info.created, updated=moment, key_id=key_id(key),
                       dataset=result.dataset, settings=_stored(result.settings),
                       entries=tuple(entries))
    return replace(result, findings=tuple(findings), baseline=info), updated


def _stored(settings: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in settings.items() if k not in _IGNORED_SETTINGS}


def _changed(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> tuple[str, ...]:
    if old is None:
        return ()
    keys = (old.keys() | new.keys()) - _IGNORED_SETTINGS
    return tuple(sorted(k for k in keys if old.get(k) != new.get(k)))


# -- files --------------------------------------------------------------------------------------


def _ts(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _review_dict(review: Review | None) -> dict[str, Any] | None:
    if review is None:
        return None
    return {"verdict": review.verdict.value, "reviewer": review.reviewer, "at": _ts(review.at),
            "note": review.note}


def _entry_dict(entry: BaselineEntry) -> dict[str, Any]:
    return {"id": entry.id, "kind": entry.kind, "severity": entry.severity,
            "where": entry.where, "message": entry.message, "file": entry.file,
            "subject": entry.subject, "purpose": entry.purpose,
            "entity_type": entry.entity_type, "rule": entry.rule, "lines": list(entry.lines),
            "contexts": list(entry.contexts), "first_seen": _ts(entry.first_seen),
            "last_seen": _ts(entry.last_seen), "review": _review_dict(entry.review)}


def dump_baseline(baseline: Baseline) -> str:
    """The baseline as JSON text (``confide.audit-baseline/1``)."""
    doc = {"schema": BASELINE_SCHEMA, "tool": {"name": "confide", "version": __version__},
           "created": _ts(baseline.created), "updated": _ts(baseline.updated),
           "key_id": baseline.key_id, "dataset": baseline.dataset,
           "settings": dict(baseline.settings),
           "findings": [_entry_dict(e) for e in baseline.entries]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def save_baseline(baseline: Baseline, path: str | Path) -> None:
    """Write ``baseline`` to ``path`` atomically (a reader never sees half a file)."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.confide-{os.getpid()}.tmp")
    try:
        tmp.write_text(dump_baseline(baseline), encoding="utf-8")
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"cannot write the baseline ({exc.strerror})", where=target) from None


def load_baseline(path: str | Path) -> Baseline:
    """Read a baseline file; raises :class:`InputError` or :class:`ConfigError` when bad."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such baseline; run `confide audit DIR --baseline FILE` first",
                         where=path) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg}); restore it from version control",
                         where=path, line=exc.lineno) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the baseline ({type(exc).__name__})", where=path) from None
    if not isinstance(doc, dict) or doc.get("schema") != BASELINE_SCHEMA:
        raise ConfigError(f"not a confide audit baseline (schema {BASELINE_SCHEMA} expected)",
                          where=path)
    try:
        entries = tuple(_entry(item) for item in doc["findings"])
        return Baseline(_time(doc["created"]), _time(doc["updated"]), str(doc["key_id"]),
                        str(doc.get("dataset", "")), dict(doc.get("settings") or {}), entries)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"a baseline field is missing or malformed ({exc}); restore it from "
                         "version control", where=path) from None


def _time(value: Any) -> datetime:
    moment = datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _entry(item: Mapping[str, Any]) -> BaselineEntry:
    review = item.get("review")
    return BaselineEntry(
        id=str(item["id"]), kind=str(item["kind"]), severity=str(item["severity"]),
        where=str(item.get("where", "")), message=str(item.get("message", "")),
        file=item.get("file"), subject=item.get("subject"), purpose=item.get("purpose"),
        entity_type=item.get("entity_type"), rule=item.get("rule"),
        lines=tuple(int(n) for n in item.get("lines") or ()),
        contexts=tuple(str(c) for c in item.get("contexts") or ()),
        first_seen=_time(item["first_seen"]), last_seen=_time(item["last_seen"]),
        review=None if not review else Review(Verdict(review["verdict"]),
                                              str(review["reviewer"]), _time(review["at"]),
                                              review.get("note")))


def review_counts(entries: Sequence[BaselineEntry]) -> dict[str, int]:
    """How many entries are unreviewed, true and false positives."""
    out = {"unreviewed": 0, Verdict.TRUE_POSITIVE.value: 0, Verdict.FALSE_POSITIVE.value: 0}
    for entry in entries:
        out["unreviewed" if entry.review is None else entry.review.verdict.value] += 1
    return out
