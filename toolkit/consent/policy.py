"""Consent policies: rules as data in ``policies/*.yaml``, loaded into frozen dataclasses.

A policy file names an instrument (GDPR, UK GDPR, the BPS Code, the EU AI Act...), the
jurisdictions and contexts it applies to, its parameters (e.g. the Art. 8 age of digital consent
per member state) and its rules. Each rule has a stable id, a name, the article or clause it
enforces (``reference``), a severity, a message, a rationale, either a Cerberus ``schema`` or the
name of a Python ``check`` (see :mod:`toolkit.consent.checks`), an optional applicability
(``when``), a passing and a failing example, and optionally the ``disclosure`` element a consent
document must state for the rule to be met (one of :data:`DISCLOSURE_ELEMENTS`).

A user's own policy file has the same shape; it may ``extends:`` a bundled policy, ``disable:``
some of its rules and override its ``parameters``. A loaded policy whose id equals a bundled
one replaces it (see :func:`combine_policies`).
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from toolkit._resources import data_dir
from toolkit.consent._policyfile import (
    DISCLOSURE_ELEMENTS,
    YamlLoader,
    parse_date,
    parse_datetime,
    read_policy_mapping,
)
from toolkit.consent._policytypes import (
    ANY,
    AppliesTo,
    Context,
    Examples,
    JurisdictionValue,
    Policy,
    Rule,
    Severity,
    When,
    normalise_jurisdiction,
)
from toolkit.errors import ConfigError, PolicyError

__all__ = [
    "ANY",
    "DISCLOSURE_ELEMENTS",
    "AppliesTo",
    "Context",
    "Examples",
    "JurisdictionValue",
    "Policy",
    "Rule",
    "Severity",
    "When",
    "bundled_policy_ids",
    "combine_policies",
    "find_rule",
    "load_policies",
    "load_policy_file",
    "normalise_jurisdiction",
    "policies_for",
    "read_example_bases",
]

# ---------------------------------------------------------------------------------------------
# Loading


def bundled_policy_ids() -> tuple[str, ...]:
    """Ids (file stems) of the policies shipped with confide, in load order."""
    return tuple(p.stem for p in _bundled_files())


#: Bundled policies are listed in this order (then any other, by name): format, law, code.
_ORDER = ("record", "gdpr", "uk-gdpr", "eu-ai-act", "bps", "ai-care")


def _bundled_files() -> list[Path]:
    files = [p for p in data_dir("policies").glob("*.yaml") if not p.name.startswith("_")]
    rank = {name: i for i, name in enumerate(_ORDER)}
    return sorted(files, key=lambda p: (rank.get(p.stem, len(rank)), p.stem))


def load_policies(names_or_paths: Sequence[str] | None = None) -> tuple[Policy, ...]:
    """Load bundled policies by id (``gdpr``) and user policy files by path.

    ``None`` loads every bundled policy. A name that is neither a bundled id nor an existing
    file raises :class:`~toolkit.errors.ConfigError` naming the bundled ids.
    """
    if names_or_paths is None:
        names_or_paths = bundled_policy_ids()
    policies = tuple(_load_one(item) for item in names_or_paths)
    _check_unique_rule_ids(policies)
    return policies


def _load_one(name_or_path: str) -> Policy:
    bundled = {p.stem: p for p in _bundled_files()}
    if name_or_path in bundled:
        return load_policy_file(bundled[name_or_path], bundled=True)
    path = Path(name_or_path)
    if path.is_file():
        return load_policy_file(path)
    hint = difflib.get_close_matches(name_or_path, list(bundled), n=1)
    suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
    raise ConfigError(
        f"no bundled policy or file named {name_or_path!r}{suggestion}; "
        f"use one of {', '.join(sorted(bundled))} or a path to a policy YAML file",
        where="--policy",
    )


def load_policy_file(path: str | Path, *, bundled: bool = False) -> Policy:
    """Load one policy YAML file (resolving ``extends:`` against the bundled policies).

    Loaded policies are immutable, so a file is parsed again only when it changes.
    """
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise PolicyError("cannot read the policy file; check the path", where=path) from exc
    return _load_cached(path.resolve(), stat.st_mtime_ns, stat.st_size, bundled)


@functools.lru_cache(maxsize=64)
def _load_cached(path: Path, mtime_ns: int, size: int, bundled: bool) -> Policy:
    raw = read_policy_mapping(path)
    base: Policy | None = None
    if raw.get("extends"):
        base = _load_one(str(raw["extends"]))
    return _build_policy(raw, path, base, bundled)


def _build_policy(raw: Mapping[str, Any], path: Path, base: Policy | None, bundled: bool) -> Policy:
    pid = str(raw["policy"])
    parameters = _merge(dict(base.parameters) if base else {}, raw.get("parameters") or {})
    example_base = _example_base(raw.get("example_base"), path) or (
        dict(base.example_base) if base else {}
    )
    in_force = parse_date(raw.get("in_force"), path, "in_force") or (
        base.in_force if base else None
    )
    own = [_build_rule(r, pid, in_force, path) for r in raw.get("rules") or []]
    inherited = _inherited(base, pid, {r.id for r in own}, set(raw.get("disable") or []), path)
    policy = Policy(
        id=pid,
        name=str(raw.get("name") or (base.name if base else pid)),
        reference_base=str(raw.get("reference_base") or (base.reference_base if base else "")),
        rules=(*inherited, *own),
        applies_to=_applies_to(raw.get("applies_to"), base),
        parameters=parameters,
        example_base=example_base,
        example_base_name=raw["example_base"]
        if isinstance(raw.get("example_base"), str)
        else (base.example_base_name if base and not raw.get("example_base") else None),
        example_now=parse_datetime(raw.get("example_now"), path, "example_now")
        or (base.example_now if base else None),
        url=raw.get("url") or (base.url if base else None),
        version=str(raw["version"]) if raw.get("version") is not None else None,
        in_force=in_force,
        source=path,
        bundled=bundled,
    )
    if not policy.rules:
        raise PolicyError("the policy has no rules; add `rules:` or `extends:`", where=path)
    return policy


def _inherited(
    base: Policy | None, pid: str, own_ids: set[str], disabled: set[str], path: Path
) -> list[Rule]:
    """The base policy's rules that a policy keeps: not disabled, not redefined."""
    if base is None:
        return []
    unknown = disabled - {r.id for r in base.rules}
    if unknown:
        raise PolicyError(
            f"disable: no rule {sorted(unknown)[0]!r} in policy {base.id!r}; "
            "see `confide policy list`",
            where=path,
        )
    return [_rebase(r, pid) for r in base.rules if r.id not in disabled | own_ids]


def _example_base(value: Any, path: Path) -> dict[str, Any]:
    """``example_base`` is a record, or the name of one in ``policies/_examples.yaml``."""
    if value is None or isinstance(value, Mapping):
        return dict(value or {})
    bases = read_example_bases()
    if value not in bases:
        raise PolicyError(
            f"example_base: no base record {value!r}; use one of {', '.join(sorted(bases))} "
            "or write the record inline",
            where=path,
        )
    return dict(bases[value])


def read_example_bases() -> Mapping[str, Any]:
    """The named base records of ``policies/_examples.yaml`` (callers copy before changing)."""
    path = data_dir("policies") / "_examples.yaml"
    return _read_bases(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _read_bases(path: Path, mtime_ns: int) -> Mapping[str, Any]:
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=YamlLoader)
    except (OSError, yaml.YAMLError) as exc:
        raise PolicyError("cannot read the example base records", where=path) from exc
    return loaded if isinstance(loaded, dict) else {}


def _rebase(rule: Rule, policy_id: str) -> Rule:
    return Rule(**{**rule.__dict__, "policy": policy_id})


def _applies_to(raw: Mapping[str, Any] | None, base: Policy | None) -> AppliesTo:
    if not raw:
        return base.applies_to if base else AppliesTo()
    default = AppliesTo()
    jurs = raw.get("jurisdictions")
    ctxs = raw.get("contexts")
    return AppliesTo(
        jurisdictions=frozenset(normalise_jurisdiction(j) if j != ANY else ANY for j in jurs)
        if jurs
        else default.jurisdictions,
        contexts=frozenset(ctxs) if ctxs else default.contexts,
    )


def _build_rule(raw: Mapping[str, Any], pid: str, in_force: date | None, path: Path) -> Rule:
    when_raw = raw.get("when") or {}
    where = f"{path} rule {raw['id']}"
    examples = raw["examples"]
    return Rule(
        id=str(raw["id"]),
        name=str(raw["name"]),
        reference=str(raw["reference"]),
        severity=Severity(raw["severity"]),
        message=str(raw["message"]).strip(),
        rationale=" ".join(str(raw["rationale"]).split()),
        policy=pid,
        examples=Examples(passing=examples["pass"], failing=examples["fail"]),
        schema=raw.get("schema"),
        check=raw.get("check"),
        when=When(
            contexts=frozenset(_as_list(when_raw.get("context"))),
            jurisdictions=frozenset(
                normalise_jurisdiction(j) for j in _as_list(when_raw.get("jurisdiction"))
            ),
            in_force=parse_date(when_raw.get("in_force"), where, "when.in_force") or in_force,
        ),
        disclosure=raw.get("disclosure"),
        url=raw.get("url"),
        args=raw.get("args") or {},
    )


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _merge(dict(out[key]), value)
        else:
            out[key] = value
    return out


def _check_unique_rule_ids(policies: Iterable[Policy]) -> None:
    seen: dict[str, str] = {}
    for policy in policies:
        for rule in policy.rules:
            if rule.id in seen and seen[rule.id] != policy.id:
                raise PolicyError(
                    f"rule id {rule.id!r} is defined by both {seen[rule.id]!r} and {policy.id!r}; "
                    "give one of them another id, or `extends:` the other policy",
                    where=policy.source or policy.id,
                )
            seen[rule.id] = policy.id


# ---------------------------------------------------------------------------------------------
# Selecting


def combine_policies(base: Sequence[Policy], extra: Sequence[Policy]) -> tuple[Policy, ...]:
    """``base`` plus ``extra``; a policy in ``extra`` with the id of one in ``base`` replaces it,
    and so does one that ``extends`` it under the same id."""
    extra_ids = {p.id for p in extra}
    combined = (*(p for p in base if p.id not in extra_ids), *extra)
    _check_unique_rule_ids(combined)
    return combined


def policies_for(
    jurisdiction: str, context: str, policies: Sequence[Policy] | None = None
) -> tuple[Policy, ...]:
    """The policies that apply by default to a record of ``jurisdiction`` and ``context``.

    ``policies`` is the pool to choose from (every bundled policy when ``None``).
    """
    pool = load_policies(None) if policies is None else policies
    return tuple(p for p in pool if p.applies(jurisdiction, context))


def find_rule(rule_id: str, policies: Sequence[Policy]) -> Rule:
    """The rule with ``rule_id`` (case-insensitive); ConfigError with a suggestion otherwise."""
    by_id = {r.id.upper(): r for p in policies for r in p.rules}
    rule = by_id.get(rule_id.strip().upper())
    if rule is not None:
        return rule
    hint = difflib.get_close_matches(rule_id.upper(), list(by_id), n=1, cutoff=0.5)
    suggestion = f"did you mean {by_id[hint[0]].id}? " if hint else ""
    raise ConfigError(
        f"no rule {rule_id!r}; {suggestion}`confide policy list` shows every rule id",
        where="confide policy show",
    )
