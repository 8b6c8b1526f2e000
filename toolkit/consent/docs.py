"""Describe policy rules: the ``confide policy`` listings and the generated ``docs/rules.md``.

``python -m toolkit.consent.docs > docs/rules.md`` regenerates the rule reference from the
bundled policy files; a test fails when the committed file is out of date.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from toolkit.consent.findings import InputProblem
from toolkit.consent.policy import Policy, Rule, load_policies

__all__ = ["rule_detail", "rule_list", "rule_list_json", "rules_markdown"]


def _applies(policy: Policy) -> str:
    jurs = sorted(policy.applies_to.jurisdictions)
    where = "any jurisdiction" if "*" in jurs else ", ".join(jurs)
    contexts = sorted(policy.applies_to.contexts)
    return f"{where}; {'any context' if '*' in contexts else 'context ' + ' or '.join(contexts)}"


def _how(rule: Rule) -> str:
    return f"check `{rule.check}`" if rule.check else "Cerberus schema"


def _yaml(value: Any) -> str:
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=96).rstrip()


def rule_list(policies: Sequence[Policy]) -> str:
    """Every rule of every policy, one line each, grouped by policy."""
    lines: list[str] = []
    for policy in policies:
        lines.append(f"{policy.id}: {policy.name} ({len(policy.rules)} rules; {_applies(policy)})")
        width = max(len(r.id) for r in policy.rules)
        for rule in policy.rules:
            lines.append(
                f"  {rule.id:<{width}}  {rule.severity.value:<7}  {rule.reference}  -  {rule.name}"
            )
        lines.append("")
    total = sum(len(p.rules) for p in policies)
    lines.append(f"{total} rules in {len(policies)} policies; `confide policy show RULE` for one")
    return "\n".join(lines) + "\n"


def rule_list_json(policies: Sequence[Policy]) -> str:
    """Every rule as JSON (id, policy, name, severity, reference, disclosure, when)."""
    rows = [
        {
            "id": r.id,
            "policy": p.id,
            "name": r.name,
            "severity": r.severity.value,
            "reference": r.reference,
            "disclosure": r.disclosure,
            "when": r.when.describe(),
            "kind": r.kind,
        }
        for p in policies
        for r in p.rules
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def _example_text(policy: Policy, example: Mapping[str, Any]) -> str:
    full = "schema_version" in example and "record_id" in example
    if full:
        head = "full record"
    elif policy.example_base_name:
        head = f"patch on the base record {policy.example_base_name!r} of policies/_examples.yaml"
    else:
        head = f"patch on the example_base of policy {policy.id}"
    return f"{head}:\n{_yaml(dict(example)) if example else '{}  (the base record as it is)'}"


def rule_detail(rule: Rule, policy: Policy) -> str:
    """One rule in full: reference, rationale, how it is checked and its two examples."""
    lines = [
        f"{rule.id}: {rule.name}",
        f"  policy:     {policy.id} ({policy.name})",
        f"  reference:  {rule.reference}",
        f"  severity:   {rule.severity.value}",
        f"  applies:    {_applies(policy)}; {rule.when.describe()}",
        f"  checked by: {_how(rule)}",
    ]
    if rule.disclosure:
        lines.append(f"  document must state: {rule.disclosure}")
    lines += ["", f"Message: {rule.message}", "", f"Rationale: {rule.rationale}", ""]
    if rule.schema is not None:
        lines += ["Schema:", _indent(_yaml(dict(rule.schema))), ""]
    if rule.args:
        lines += [f"Arguments: {json.dumps(dict(rule.args), default=str)}", ""]
    lines += ["Passing example, " + _example_text(policy, rule.examples.passing), ""]
    lines += ["Failing example, " + _example_text(policy, rule.examples.failing)]
    return "\n".join(lines) + "\n"


def _indent(text: str) -> str:
    return "\n".join(f"  {line}" for line in text.splitlines())


def rules_markdown(policies: Sequence[Policy]) -> str:
    """The rule reference ``docs/rules.md``."""
    out = [
        "# Consent policy rules",
        "",
        "Generated from `policies/*.yaml` by `python -m toolkit.consent.docs > docs/rules.md`;",
        "do not edit by hand. `confide policy list` and `confide policy show RULE` show the same.",
        "",
        "| policy | name | applies to | rules |",
        "|---|---|---|---|",
    ]
    out += [f"| `{p.id}` | {p.name} | {_applies(p)} | {len(p.rules)} |" for p in policies]
    for policy in policies:
        out += _policy_markdown(policy)
    out += _input_markdown()
    out += _disclosure_markdown(policies)
    return "\n".join(out) + "\n"


def _policy_markdown(policy: Policy) -> list[str]:
    out = ["", f"## `{policy.id}`: {policy.name}", "", f"Source: {policy.reference_base}."]
    if policy.url:
        out[-1] += f" <{policy.url}>"
    out += ["", f"Applies to {_applies(policy)}."]
    if policy.in_force:
        out += [
            "",
            f"In force from {policy.in_force.isoformat()}: for consent relied on from before "
            "that date, findings are `info`.",
        ]
    age = policy.parameters.get("age_of_digital_consent")
    if isinstance(age, Mapping):
        out += ["", "Age of digital consent (Art. 8):", "", "| jurisdiction | age | source |"]
        default = f"| default | {age.get('default')} | {age.get('default_source')} |"
        out += ["|---|---|---|", default]
        for jur, entry in sorted((age.get("by_jurisdiction") or {}).items()):
            out.append(f"| {jur} | {entry.get('value')} | {entry.get('source')} |")
    for rule in policy.rules:
        out += _rule_markdown(rule, policy)
    return out


def _rule_markdown(rule: Rule, policy: Policy) -> list[str]:
    out = [
        "",
        f"### {rule.id}: {rule.name}",
        "",
        f"- Reference: {rule.reference}",
        f"- Severity: `{rule.severity.value}`; applies: {rule.when.describe()}",
        f"- Checked by: {_how(rule)}",
    ]
    if rule.disclosure:
        out.append(f"- A consent document must state: `{rule.disclosure}`")
    out += ["", f"{rule.message}. {rule.rationale}", ""]
    for label, example in (("Passes", rule.examples.passing), ("Fails", rule.examples.failing)):
        head = _example_text(policy, example).split(":", 1)[0]
        if not example:
            out += [f"{label}: the base record as it is ({head.removeprefix('patch on ')}).", ""]
            continue
        out += [f"{label} ({head}):", "", "```yaml", _yaml(dict(example)), "```", ""]
    return out[:-1]


def _input_markdown() -> list[str]:
    out = [
        "",
        "## Input problems",
        "",
        "Reported while reading records, before any policy, with the file and line.",
        "",
        "| code | severity | meaning |",
        "|---|---|---|",
    ]
    out += [f"| `{p.code}` | `{p.severity.value}` | {p.description} |" for p in InputProblem]
    return out


def _disclosure_markdown(policies: Sequence[Policy]) -> list[str]:
    out = [
        "",
        "## Disclosure elements",
        "",
        "What a consent document must state, and the rules that require it.",
        "",
        "| element | rules |",
        "|---|---|",
    ]
    by_element: dict[str, list[str]] = {}
    for policy in policies:
        for rule in policy.rules:
            if rule.disclosure:
                by_element.setdefault(rule.disclosure, []).append(rule.id)
    out += [f"| `{e}` | {', '.join(ids)} |" for e, ids in sorted(by_element.items())]
    return out


if __name__ == "__main__":  # pragma: no cover - exercised by the docs freshness test
    sys.stdout.write(rules_markdown(load_policies(None)))
