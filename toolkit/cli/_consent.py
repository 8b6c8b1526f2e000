"""``confide consent validate`` (and the ``consent`` group other sub-commands attach to)."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime

import click

from toolkit.cli._app import ExitCode, guarded, main, warn
from toolkit.consent.output import OutputFormat, render_report
from toolkit.consent.policy import Severity
from toolkit.consent.validate import validate_paths

__all__ = ["consent", "validate"]

_FAIL_ON = [*(s.value for s in Severity), "never"]


@main.group("consent")
def consent() -> None:
    """Validate consent records; render consent documents."""


def _parse_now(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter("not an ISO 8601 timestamp, e.g. 2026-09-01T00:00:00Z") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _use_color(choice: bool | None) -> bool:
    if choice is not None:
        return choice
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


@consent.command(
    "validate", short_help="Check consent records against the GDPR, UK GDPR, BPS and AI Act."
)
@click.argument("records", nargs=-1, required=True, metavar="RECORDS...")
@click.option(
    "--policy",
    "policies",
    multiple=True,
    metavar="NAME|FILE",
    help="Add a bundled policy or a policy YAML file; one with a bundled policy's id "
    "replaces it (repeatable). By default the record's jurisdiction and context "
    "pick the policies.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.value for f in OutputFormat]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--now",
    callback=_parse_now,
    metavar="ISO8601",
    help="Judge as of this moment (default: the current time; no zone means UTC).",
)
@click.option(
    "--fail-on",
    type=click.Choice(_FAIL_ON),
    default="error",
    show_default=True,
    help="Exit 1 when a finding is at or above this severity.",
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text output (default: when writing to a terminal).",
)
@guarded
def validate(
    records: tuple[str, ...],
    policies: tuple[str, ...],
    fmt: str,
    now: datetime | None,
    fail_on: str,
    color: bool | None,
) -> None:
    """Check consent records (JSON, JSONL, YAML, CSV or Kantara CR v1.1) against the law.

    \b
    Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error.
    """
    report = validate_paths(records, policies=policies, now=now)
    for policy_id in report.unused_policies:
        warn(f"--policy {policy_id}: applies to none of these records (see its applies_to)")
    use_color = _use_color(color)
    click.echo(render_report(report, OutputFormat(fmt), color=use_color), nl=False, color=use_color)
    threshold = None if fail_on == "never" else Severity(fail_on)
    sys.exit(ExitCode.FINDINGS if report.fails(threshold) else ExitCode.OK)
