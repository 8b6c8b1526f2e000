"""``confide policy list`` and ``confide policy show RULE``."""

from __future__ import annotations

import click

from toolkit.cli._app import guarded, main
from toolkit.consent.docs import rule_detail, rule_list, rule_list_json
from toolkit.consent.policy import Policy, combine_policies, find_rule, load_policies

__all__ = ["policy"]

_EXTRA = click.option(
    "--policy",
    "extra",
    multiple=True,
    metavar="NAME|FILE",
    help="Also load this policy file (one with a bundled id replaces it; repeatable).",
)


def _load(extra: tuple[str, ...]) -> tuple[Policy, ...]:
    return combine_policies(load_policies(None), load_policies(extra) if extra else ())


@main.group("policy")
def policy() -> None:
    """List and explain the consent policy rules."""


@policy.command("list")
@_EXTRA
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@guarded
def list_rules(extra: tuple[str, ...], fmt: str) -> None:
    """Every rule of every policy: id, severity, reference and name."""
    policies = _load(extra)
    click.echo(rule_list_json(policies) if fmt == "json" else rule_list(policies), nl=False)


@policy.command("show")
@click.argument("rule_id", metavar="RULE")
@_EXTRA
@guarded
def show(rule_id: str, extra: tuple[str, ...]) -> None:
    """One rule in full: reference, rationale, how it is checked, passing and failing example."""
    policies = _load(extra)
    rule = find_rule(rule_id, policies)
    owner = next(p for p in policies if p.id == rule.policy)
    click.echo(rule_detail(rule, owner), nl=False)
