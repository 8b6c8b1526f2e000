"""Reading and checking one policy YAML file (the meta-schema of policies)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import cerberus
import yaml

from toolkit.errors import PolicyError

__all__ = [
    "DISCLOSURE_ELEMENTS",
    "YamlLoader",
    "parse_date",
    "parse_datetime",
    "read_policy_mapping",
]

#: The libyaml loader when PyYAML was built with it (ten times faster), else the pure one.
YamlLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: What a consent document may have to state. A rule's ``disclosure`` names one of these; the
#: document renderer builds its checklist from them.
DISCLOSURE_ELEMENTS: frozenset[str] = frozenset(
    {
        "ai_identity", "ai_provider", "ai_purpose", "ai_limitations", "not_a_therapist",
        "human_oversight", "not_for_crisis", "crisis_contacts", "overreliance_risk",
        "recording_choice", "emotion_recognition", "controller_identity", "dpo_contact",
        "data_collected", "purposes", "lawful_basis", "special_category_condition",
        "recipients", "transfers", "retention", "trains_ai", "withdrawal_right",
        "withdrawal_method", "rights", "complaint_authority", "confidentiality_limits",
        "voluntary", "automated_decisions", "research_aims", "research_involvement",
        "ethics_approval", "data_withdrawal_deadline", "debriefing", "information_sheet_version",
    }
)  # fmt: skip

_STR = {"type": "string", "empty": False}
_STR_LIST = {"type": "list", "schema": _STR}
_RULE_ID = {"type": "string", "regex": r"[A-Z][A-Z0-9]*(-[A-Z0-9.]+)+", "required": True}

_RULE_SCHEMA: dict[str, Any] = {
    "id": _RULE_ID,
    "name": {**_STR, "required": True},
    "reference": {**_STR, "required": True},
    "severity": {"type": "string", "allowed": ["error", "warning", "info"], "required": True},
    "message": {**_STR, "required": True},
    "rationale": {**_STR, "required": True},
    "schema": {"type": "dict", "excludes": "check", "required": True},
    "check": {"type": "string", "excludes": "schema", "required": True},
    "args": {"type": "dict", "dependencies": "check"},
    "when": {
        "type": "dict",
        "schema": {
            "context": {"type": ["string", "list"]},
            "jurisdiction": {"type": ["string", "list"]},
            "in_force": {"type": ["date", "string"]},
        },
    },
    "examples": {
        "type": "dict",
        "required": True,
        "schema": {
            "pass": {"type": "dict", "required": True},
            "fail": {"type": "dict", "required": True},
        },
    },
    "disclosure": {"type": "string", "allowed": sorted(DISCLOSURE_ELEMENTS), "nullable": True},
    "url": _STR,
}

_POLICY_SCHEMA: dict[str, Any] = {
    "policy": {"type": "string", "regex": r"[a-z0-9][a-z0-9-]*", "required": True},
    "name": {**_STR, "required": True},
    "reference_base": _STR,
    "url": _STR,
    "version": {"type": ["string", "number"]},
    "extends": _STR,
    "disable": _STR_LIST,
    "in_force": {"type": ["date", "string"]},
    "applies_to": {
        "type": "dict",
        "schema": {
            "jurisdictions": _STR_LIST,
            "contexts": {
                "type": "list",
                "schema": {"type": "string", "allowed": ["clinical", "research", "*"]},
            },
        },
    },
    "parameters": {"type": "dict"},
    "example_base": {"type": ["dict", "string"]},
    "example_now": {"type": ["datetime", "string"]},
    "rules": {"type": "list", "schema": {"type": "dict", "schema": _RULE_SCHEMA}},
}


def read_policy_mapping(path: Path) -> Mapping[str, Any]:
    """Parse ``path`` as YAML and check it against the policy meta-schema."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(
            f"cannot read the policy file ({type(exc).__name__})", where=path
        ) from exc
    try:
        raw = yaml.load(text, Loader=YamlLoader)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        loc = f"{path}:{line + 1}" if line is not None else path
        raise PolicyError("not valid YAML; fix the syntax", where=loc) from exc
    if not isinstance(raw, dict):
        raise PolicyError(
            "a policy file must be a YAML mapping with `policy:` and `rules:`", where=path
        )
    schema = dict(_POLICY_SCHEMA)
    if not raw.get("extends"):
        schema["rules"] = {**schema["rules"], "required": True, "empty": False}
        schema["reference_base"] = {**_STR, "required": True}
    else:
        schema["name"] = _STR
    validator = cerberus.Validator(schema)
    if not validator.validate(raw):
        raise PolicyError(f"{_first_error(validator.errors)}; see docs/rules.md", where=path)
    _check_rules(raw.get("rules") or [], path)
    return raw


def _first_error(errors: Mapping[str, Any], prefix: str = "") -> str:
    for key, value in errors.items():
        where = f"{prefix}.{key}" if prefix else str(key)
        item = value[0] if isinstance(value, list) and value else value
        if isinstance(item, Mapping):
            return _first_error(item, where)
        return f"{where}: {item}"
    return "invalid policy"


def _check_rules(rules: list[Mapping[str, Any]], path: Path) -> None:
    from toolkit.consent.checks import CHECKS  # local: checks import the record helpers

    seen: set[str] = set()
    for rule in rules:
        rid = rule["id"]
        where = f"{path} rule {rid}"
        if rid in seen:
            raise PolicyError("duplicate rule id; give each rule its own id", where=where)
        seen.add(rid)
        if rule.get("check") and rule["check"] not in CHECKS:
            raise PolicyError(
                f"unknown check {rule['check']!r}; known checks: {', '.join(sorted(CHECKS))}",
                where=where,
            )
        if rule.get("schema") is not None:
            try:
                cerberus.Validator(rule["schema"], allow_unknown=True)
            except cerberus.SchemaError as exc:
                raise PolicyError(f"the Cerberus schema is invalid: {exc}", where=where) from exc


def parse_date(value: Any, where: str | Path, name: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise PolicyError(f"{name}: not an ISO 8601 date (YYYY-MM-DD)", where=where) from exc


def parse_datetime(value: Any, where: str | Path, name: str) -> datetime | None:
    if value is None or value == "":
        return None
    if not isinstance(value, datetime):
        try:
            value = datetime.fromisoformat(str(value))
        except ValueError as exc:
            raise PolicyError(f"{name}: not an ISO 8601 timestamp", where=where) from exc
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
