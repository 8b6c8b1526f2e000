"""The value types of policies: severities, applicability, rules and policies.

Re-exported by :mod:`toolkit.consent.policy`, which loads them from YAML.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from toolkit.errors import PolicyError

__all__ = [
    "ANY",
    "AppliesTo",
    "Context",
    "Examples",
    "JurisdictionValue",
    "Policy",
    "Rule",
    "Severity",
    "When",
    "normalise_jurisdiction",
]

ANY = "*"
# ISO 3166-1 alpha-2 is "GB"; "UK" is accepted as an alias wherever a jurisdiction is matched.
_JURISDICTION_ALIASES = {"UK": "GB"}


class Severity(enum.StrEnum):
    """How serious a finding is; ``error`` means the consent would not stand up."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Context(enum.StrEnum):
    """The two consent contexts of a confide.consent/1 record."""

    CLINICAL = "clinical"
    RESEARCH = "research"


def normalise_jurisdiction(code: str) -> str:
    upper = code.strip().upper()
    return _JURISDICTION_ALIASES.get(upper, upper)


@dataclass(frozen=True)
class When:
    """Where a rule applies: contexts and jurisdictions (empty = any) and from which date.

    ``in_force`` is the date the provision became applicable; a record whose consent relied on
    (the latest ``given`` or ``renewed`` event) predates it gets ``info`` findings, not errors.
    """

    contexts: frozenset[str] = frozenset()
    jurisdictions: frozenset[str] = frozenset()
    in_force: date | None = None

    def matches(self, jurisdiction: str | None, context: str | None) -> bool:
        if self.contexts and (context or "") not in self.contexts:
            return False
        if not self.jurisdictions:
            return True
        return normalise_jurisdiction(jurisdiction or "") in self.jurisdictions

    def describe(self) -> str:
        parts = []
        if self.contexts:
            parts.append("context " + " or ".join(sorted(self.contexts)))
        if self.jurisdictions:
            parts.append("jurisdiction " + ", ".join(sorted(self.jurisdictions)))
        if self.in_force:
            parts.append(f"consent given on or after {self.in_force.isoformat()}")
        return "; ".join(parts) if parts else "always"


@dataclass(frozen=True)
class AppliesTo:
    """The records a policy applies to by default: jurisdictions (``*`` = any) and contexts."""

    jurisdictions: frozenset[str] = frozenset({ANY})
    contexts: frozenset[str] = frozenset({Context.CLINICAL.value, Context.RESEARCH.value})

    def matches(self, jurisdiction: str | None, context: str | None) -> bool:
        ctx_ok = ANY in self.contexts or (context or "") in self.contexts
        jur = normalise_jurisdiction(jurisdiction or "")
        return ctx_ok and (ANY in self.jurisdictions or jur in self.jurisdictions)


@dataclass(frozen=True)
class Examples:
    """A passing and a failing example: a full record, or a patch on the policy's base record.

    A patch is a mapping merged into ``Policy.example_base``: nested mappings merge, lists and
    scalars replace, ``null`` deletes, and a dotted key (``events.0.method``) sets one path.
    """

    passing: Mapping[str, Any] = field(hash=False)
    failing: Mapping[str, Any] = field(hash=False)


@dataclass(frozen=True)
class JurisdictionValue:
    """A parameter's value for one jurisdiction and the law that sets it."""

    value: Any
    source: str
    jurisdiction: str | None = None


@dataclass(frozen=True)
class Rule:
    """One requirement: what is checked, where the law says so, and how to show it is met."""

    id: str
    name: str
    reference: str
    severity: Severity
    message: str
    rationale: str
    policy: str
    examples: Examples
    schema: Mapping[str, Any] | None = field(default=None, hash=False, compare=False)
    check: str | None = None
    when: When = When()
    disclosure: str | None = None
    url: str | None = None
    args: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def kind(self) -> str:
        """``schema`` or ``check``: how the rule is evaluated."""
        return "check" if self.check else "schema"


@dataclass(frozen=True)
class Policy:
    """A loaded policy file: metadata, parameters and rules."""

    id: str
    name: str
    reference_base: str
    rules: tuple[Rule, ...]
    applies_to: AppliesTo = AppliesTo()
    parameters: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)
    example_base: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)
    example_now: datetime | None = None
    #: The name of the base record in ``policies/_examples.yaml``, when named.
    example_base_name: str | None = None
    url: str | None = None
    version: str | None = None
    in_force: date | None = None
    source: Path | None = None
    bundled: bool = False

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def applies(self, jurisdiction: str | None, context: str | None) -> bool:
        return self.applies_to.matches(jurisdiction, context)

    def jurisdiction_parameter(self, name: str, jurisdiction: str | None) -> JurisdictionValue:
        """The value of a per-jurisdiction parameter, e.g. ``age_of_digital_consent``.

        The parameter reads ``{default: V, default_source: S,
        by_jurisdiction: {CZ: {value: V, source: S}}}``.
        """
        param = self.parameters.get(name)
        if not isinstance(param, Mapping):
            raise PolicyError(f"parameter {name!r} is not defined", where=self.source or self.id)
        jur = normalise_jurisdiction(jurisdiction or "")
        entry = (param.get("by_jurisdiction") or {}).get(jur)
        if isinstance(entry, Mapping):
            return JurisdictionValue(entry.get("value"), str(entry.get("source", "")), jur)
        return JurisdictionValue(param.get("default"), str(param.get("default_source", "")))
