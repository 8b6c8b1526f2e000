"""Rule examples: build a rule's passing or failing record and judge it by that rule alone.

An example is a full record (it has ``schema_version`` and ``record_id``) or a patch on the policy's
``example_base``: nested mappings merge, lists and scalars replace, ``null`` deletes, and a
dotted key (``events.0.method``) sets one path, where a list index equal to the list's length
appends.
"""

from __future__ import annotations

import copy
import enum
from collections.abc import Mapping
from typing import Any

from toolkit.consent.findings import Finding
from toolkit.consent.policy import Policy, Rule
from toolkit.consent.records import ConsentRecord, normalise_times
from toolkit.consent.validate import Validator, is_jurisdictional
from toolkit.errors import PolicyError

__all__ = ["ExampleKind", "apply_patch", "example_record", "run_example"]


class ExampleKind(enum.StrEnum):
    PASS = "pass"
    FAIL = "fail"


def apply_patch(base: Mapping[str, Any], patch: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy of ``base`` with ``patch`` applied (see the module docstring)."""
    data = copy.deepcopy(dict(base))
    for key, value in patch.items():
        if "." in str(key):
            _set_path(data, str(key).split("."), copy.deepcopy(value))
        else:
            _merge(data, str(key), copy.deepcopy(value))
    return data


def _merge(node: dict[str, Any], key: str, value: Any) -> None:
    if value is None:
        node.pop(key, None)
    elif isinstance(value, Mapping) and isinstance(node.get(key), dict):
        for sub_key, sub_value in value.items():
            _merge(node[key], str(sub_key), sub_value)
    else:
        node[key] = value


def _set_path(node: Any, parts: list[str], value: Any) -> None:
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
    last = parts[-1]
    if isinstance(node, list):
        index = int(last)
        if value is None:
            del node[index]
        elif index == len(node):
            node.append(value)
        else:
            node[index] = value
    elif value is None:
        node.pop(last, None)
    else:
        node[last] = value


def example_record(policy: Policy, rule: Rule, kind: ExampleKind) -> ConsentRecord:
    """The record of ``rule``'s passing or failing example, normalised like a loaded record."""
    example = rule.examples.passing if kind is ExampleKind.PASS else rule.examples.failing
    try:
        if "schema_version" in example and "record_id" in example:
            data = copy.deepcopy(dict(example))
        else:
            data = apply_patch(policy.example_base, example)
    except (IndexError, KeyError, TypeError, ValueError) as exc:
        raise PolicyError(
            f"rule {rule.id}: the {kind.value} example does not fit the base record ({exc})",
            where=policy.source or policy.id,
        ) from exc
    normalise_times(data)
    return ConsentRecord(data, f"{policy.id}:{rule.id}:{kind.value}", None, 1)


def run_example(
    policy: Policy,
    rule: Rule,
    kind: ExampleKind,
    *,
    validator: Validator | None = None,
) -> list[Finding]:
    """The findings of ``rule`` alone on its own example, at the policy's ``example_now``.

    The rule is applied whatever the policy's ``applies_to`` (its ``when`` still counts);
    ``validator`` (every bundled policy by default) tells which policies would apply.
    """
    if policy.example_now is None:
        raise PolicyError("example_now is not set", where=policy.source or policy.id)
    engine = validator or Validator()
    record = example_record(policy, rule, kind)
    jurisdictional = is_jurisdictional(engine.policies_for(record))
    return engine.run_rules(policy, (rule,), record, policy.example_now, jurisdictional)
