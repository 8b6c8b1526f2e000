"""What every check gets and returns, and helpers shared by the check modules."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from toolkit.consent import _fields as f
from toolkit.consent.policy import Policy, Rule

__all__ = [
    "CheckContext",
    "Issue",
    "ago",
    "ai_systems_with",
    "code",
    "guardian_issues",
    "join",
    "known",
    "pid",
    "pids",
]


@dataclass(frozen=True)
class Issue:
    """One thing a check found wrong: the field at fault and what is wrong with it."""

    path: str
    detail: str
    #: A further provision the finding cites, e.g. the national law setting an age.
    cites: str | None = None


@dataclass(frozen=True)
class CheckContext:
    """What a check may read besides the record: the clock, its policy and its rule."""

    now: datetime
    policy: Policy
    rule: Rule
    #: True when a jurisdiction-specific policy (not only ``*`` policies) applies to the record.
    jurisdictional: bool = True

    def param(self, name: str, default: Any = None) -> Any:
        """A policy parameter (``parameters:`` in the YAML)."""
        return self.policy.parameters.get(name, default)

    def arg(self, name: str, default: Any = None) -> Any:
        """A rule argument (``args:`` in the YAML)."""
        return self.rule.args.get(name, default)


def code(value: Any) -> str:
    """A country code fit to print, or a neutral phrase (a record's free text is never echoed)."""
    if isinstance(value, str) and len(value) == 2 and value.isalpha():
        return value.upper()
    return "this jurisdiction"


def known(value: Any, allowed: Iterable[Any], other: str = "a value not in the list") -> str:
    """``value`` when it is one of ``allowed`` (a closed set), else ``other``."""
    return str(value) if f.is_in(value, set(allowed)) else other


_SLUG = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


def pid(value: Any) -> str:
    """A purpose id fit to print (a slug), or a neutral phrase: ids are not free text."""
    return repr(value) if isinstance(value, str) and _SLUG.match(value) else "(non-standard id)"


def pids(values: Iterable[Any]) -> str:
    return join(pid(v) for v in values)


def join(items: Iterable[Any]) -> str:
    return ", ".join(str(i) for i in items)


def ago(delta: timedelta) -> str:
    """A coarse, non-identifying length of time ("3 days", "5 hours", "minutes")."""
    if delta.days >= 2:
        return f"{delta.days} days"
    hours = int(delta.total_seconds() // 3600)
    return f"{hours} hours" if hours >= 2 else "minutes"


def ai_systems_with(record: Mapping[str, Any], flag: str) -> list[int]:
    """Indexes of AI systems with ``flag`` true, except those developed solely for research
    (EU AI Act Art. 2(6) excludes them)."""
    return [
        k
        for k, system in f.mappings(record.get("ai_systems"))
        if system.get(flag) is True and system.get("research_only") is not True
    ]


def guardian_issues(record: Mapping[str, Any], ctx: CheckContext, why: str) -> Iterator[Issue]:
    """What is missing from the consent of the holder of parental responsibility."""
    guardian = record.get("guardian")
    if not isinstance(guardian, Mapping):
        yield Issue(
            "guardian", f"{why}; no consent of a holder of parental responsibility is recorded"
        )
        return
    relations = ctx.param("guardian_relationships", [])
    if guardian.get("relationship") not in relations:
        yield Issue(
            "guardian.relationship", f"{why}; the relationship must be one of {join(relations)}"
        )
    verified = ctx.param("verified_methods", [])
    if guardian.get("verification") not in verified:
        yield Issue(
            "guardian.verification",
            f"{why}; the guardian's authority must be verified ({join(verified)})",
        )
    if not isinstance(guardian.get("consented_at"), datetime):
        yield Issue("guardian.consented_at", f"{why}; when the guardian consented is not recorded")
