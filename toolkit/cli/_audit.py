"""``confide audit DATASET_DIR`` and ``confide audit review BASELINE``.

``audit`` is a click group whose default command is the audit itself: any first argument that
is not a sub-command name (``review``) is the dataset folder, so ``confide audit DIR --html
report.html`` and ``confide audit review baseline.json`` both read naturally. A dataset folder
literally named ``review`` is given as ``./review``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from toolkit.audit import (
    AuditOptions,
    Baseline,
    BaselineEntry,
    ManifestColumns,
    Review,
    Verdict,
    apply_baseline,
    audit_dataset,
    load_baseline,
    render_html,
    render_json,
    render_sarif,
    render_text,
    save_baseline,
)
from toolkit.cli._app import ExitCode, guarded, main
from toolkit.cli._consent import _parse_now
from toolkit.cli._options import Progress, build_config, engine_options
from toolkit.consent.policy import Severity
from toolkit.errors import ConfigError, InputError
from toolkit.formats import FormatOptions
from toolkit.pii import HASH_KEY_ENV, RedactConfig
from toolkit.report import ephemeral_key

__all__ = ["audit", "review"]

_RUN = "\x00audit"  # the default command's name: no user can type it
_FAIL_ON = [*(s.value for s in Severity), "never"]


class _DefaultContext(click.Context):
    """The default command shows itself as ``confide audit`` in usage and error hints."""

    @property
    def command_path(self) -> str:
        return self.parent.command_path if self.parent is not None else super().command_path


class _AuditCommand(click.Command):
    context_class = _DefaultContext


class _AuditGroup(click.Group):
    """Routes ``confide audit ARGS`` to the audit unless ARGS start with a sub-command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] not in self.commands or args[0] == _RUN:
            args = [_RUN, *args]
        return super().parse_args(ctx, args)


@main.group("audit", cls=_AuditGroup, short_help="Audit a dataset: residual personal data and "
            "consent coverage.")
def audit() -> None:
    """Audit a dataset (see ``confide audit --help``); review a baseline (``audit review``)."""


def _zone(ctx: click.Context, param: click.Parameter, value: str) -> tzinfo:
    try:
        return UTC if value.upper() == "UTC" else ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise click.BadParameter("not a time zone name, e.g. UTC or Europe/London") from None


def _out(path: str | None) -> Path | None:
    return None if path is None or path == "-" else Path(path)


def _write(path: str, text: str, what: str) -> None:
    if path == "-":
        click.echo(text, nl=False)
        return
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the {what} report ({exc.strerror})", where=path) from None


def _key(opts: dict[str, Any], baseline: str | None) -> tuple[RedactConfig, bytes]:
    try:
        config = build_config(opts, None, key_required=baseline is not None)
    except ConfigError as exc:
        if baseline is not None and HASH_KEY_ENV in exc.message:
            raise ConfigError(f"--baseline needs a stable key to recognise findings across "
                              f"runs: set {HASH_KEY_ENV} or pass --key-file", where=baseline
                              ) from None
        raise
    return config, config.hash_key or ephemeral_key()


def _options(dataset: str, opts: dict[str, Any], reports: Sequence[str | None],
             baseline: str | None) -> AuditOptions:
    config, key = _key(opts, baseline)
    columns = ManifestColumns(path=opts["path_column"], subject=opts["subject_column"],
                              collected=opts["collected_column"], purpose=opts["purpose_column"],
                              deidentified=opts["deidentified_column"])
    outputs = tuple(p for p in (*map(_out, reports), _out(baseline)) if p is not None)
    return AuditOptions(
        dataset=Path(dataset), key=key,
        manifest=Path(opts["manifest"]) if opts["manifest"] else None,
        consents=tuple(Path(p) for p in opts["consents"]), columns=columns,
        default_purpose=opts["purpose"], timezone=opts["timezone"], raw=opts["raw"],
        exclude=opts["exclude"], outputs=outputs, policies=opts["policies"], now=opts["now"],
        config=config, formats=FormatOptions(fields=opts["fields"], columns=opts["columns"]),
        workers=opts["workers"], context=None if opts["no_context"] else opts["context"],
        threshold=None if opts["fail_on"] == "never" else Severity(opts["fail_on"]))


def _old_baseline(path: str | None, key: bytes) -> Baseline | None:
    """The baseline to compare with, checked before the audit runs (None: a new one)."""
    if path is None or not Path(path).exists():
        return None
    old = load_baseline(path)
    old.check_key(key, where=path)
    return old


def _use_color(choice: bool | None, stream: Any) -> bool:
    if choice is not None:
        return choice
    return bool(stream.isatty()) and "NO_COLOR" not in os.environ


_MANIFEST_OPTIONS = [
    click.option("--manifest", type=click.Path(dir_okay=False),
                 help="Manifest CSV (default: DATASET_DIR/manifest.csv)."),
    click.option("--path-column", default="path", show_default=True,
                 help="Manifest column with the file path."),
    click.option("--subject-column", default="subject_id", show_default=True,
                 help="Manifest column with the subject id."),
    click.option("--collected-column", default="collected_at", show_default=True,
                 help="Manifest column with the collection time (ISO 8601)."),
    click.option("--purpose-column", default="purpose", show_default=True,
                 help="Manifest column with the purpose id(s), separated by | or ;."),
    click.option("--deidentified-column", default="deidentified", show_default=True,
                 help="Manifest column saying whether a file claims to be de-identified."),
    click.option("--purpose", metavar="ID", help="Purpose of rows that name none."),
    click.option("--timezone", default="UTC", show_default=True, callback=_zone, metavar="ZONE",
                 help="Zone of manifest timestamps that have none."),
]
_SCOPE_OPTIONS = [
    click.option("--consents", multiple=True, type=click.Path(exists=True),
                 help="Consent records, file or folder (repeatable; default: consents.jsonl, "
                      ".json, .yaml, .csv or consents/ in DATASET_DIR)."),
    click.option("--policy", "policies", multiple=True, metavar="NAME|FILE",
                 help="Add a consent policy, as in `consent validate` (repeatable)."),
    click.option("--raw", multiple=True, metavar="GLOB",
                 help="Files that do not claim to be de-identified: not scanned (repeatable)."),
    click.option("--exclude", multiple=True, metavar="GLOB",
                 help="Files that are not data, e.g. README.md or docs/ (repeatable)."),
    click.option("--now", callback=_parse_now, metavar="ISO8601",
                 help="Judge consent as of this moment (default: now)."),
]
_REPORT_OPTIONS = [
    click.option("--html", "html_file", metavar="FILE", help="Write the HTML report."),
    click.option("--json", "json_file", metavar="FILE", help="Write the JSON report (- stdout)."),
    click.option("--sarif", "sarif_file", metavar="FILE", help="Write SARIF 2.1.0 (- stdout)."),
    click.option("--baseline", metavar="FILE",
                 help="Compare with this baseline and update it (created if missing)."),
    click.option("--fail-on", type=click.Choice(_FAIL_ON), default="error", show_default=True,
                 help="Exit 1 when a finding at or above this severity needs action."),
    click.option("--context", type=click.IntRange(0, 200), default=40, show_default=True,
                 metavar="N",
                 help="Characters of masked context either side of a value."),
    click.option("--no-context", is_flag=True, help="Leave masked context out of every report."),
    click.option("--color/--no-color", default=None, help="Colour the terminal summary."),
]


def _apply(options: list[Any], func: Any) -> Any:
    for option in reversed(options):
        func = option(func)
    return func


def _audit_options(func: Any) -> Any:
    return _apply([*_MANIFEST_OPTIONS, *_SCOPE_OPTIONS, *_REPORT_OPTIONS], func)


@audit.command(_RUN, cls=_AuditCommand, hidden=True)
@click.argument("dataset", metavar="DATASET_DIR", type=click.Path(file_okay=False))
@_audit_options
@engine_options
@guarded
def run(dataset: str, html_file: str | None, json_file: str | None, sarif_file: str | None,
        baseline: str | None, color: bool | None, **opts: Any) -> None:
    """Audit a dataset for an ethics officer: residual personal data and consent coverage.

    Reads every transcript and chat log under DATASET_DIR, its manifest and the consent
    records, and reports personal data left in files that claim to be de-identified, files
    and manifest rows that do not match, and consent that does not cover the data.

    \b
    confide audit study/ --html audit.html --json audit.json
    confide audit study/ --consents records/ --raw 'raw/*' --sarif audit.sarif
    confide audit study/ --baseline audit-baseline.json   (needs CONFIDE_HASH_KEY)
    confide audit review audit-baseline.json               (mark findings true/false)

    \b
    Exit codes: 0 no finding at or above --fail-on needs action, 1 findings,
    2 usage or input error. With --baseline only new and confirmed findings fail.
    """
    options = _options(dataset, opts, (html_file, json_file, sarif_file), baseline)
    old = _old_baseline(baseline, options.key)
    progress = Progress(0, opts["progress"])
    try:
        result = audit_dataset(options, on_start=progress.begin, on_file=progress.file_done)
    finally:
        progress.close()
    if baseline is not None:
        result, updated = apply_baseline(result, old, path=baseline, key=options.key)
        save_baseline(updated, baseline)
    written: dict[str, str] = {}
    for path, what, render in ((html_file, "HTML", render_html), (json_file, "JSON", render_json),
                               (sarif_file, "SARIF", render_sarif)):
        if path is not None:
            _write(path, render(result), what)
            if path != "-":
                written[what] = path
    to_stderr = "-" in (json_file, sarif_file)
    stream = sys.stderr if to_stderr else sys.stdout
    use_color = _use_color(color, stream)
    click.echo(render_text(result, color=use_color, written=written), nl=False, err=to_stderr,
               color=use_color)
    sys.exit(ExitCode.OK if result.passed else ExitCode.FINDINGS)


# -- review -------------------------------------------------------------------------------------


def _reviewer(name: str | None) -> str:
    who = name or os.environ.get("USER") or os.environ.get("LOGNAME")
    if not who:
        raise ConfigError("no reviewer name: pass --reviewer NAME", where="confide audit review")
    return who


def _show(entry: BaselineEntry, n: int, total: int) -> None:
    click.echo("")
    click.echo(f"[{n}/{total}] {entry.severity}  {entry.kind}  {entry.where}")
    click.echo(f"  {entry.message}")
    for context in entry.contexts:
        click.echo(f"  {context}")
    if entry.review is not None:
        click.echo(f"  reviewed before: {entry.review.verdict.value} by {entry.review.reviewer} "
                   f"at {entry.review.at.isoformat()}")


_CHOICES = {"t": Verdict.TRUE_POSITIVE, "f": Verdict.FALSE_POSITIVE}


def _ask() -> tuple[Verdict | None, str | None] | None:
    """The reviewer's decision and note; (None, None) to skip; None to stop (q, Ctrl-C, EOF)."""
    try:
        answer = click.prompt("  [t]rue positive, [f]alse positive, [s]kip, [q]uit",
                              type=click.Choice(["t", "f", "s", "q"]), show_choices=False)
        if answer in ("q", "s"):
            return None if answer == "q" else (None, None)
        note = click.prompt("  note (optional)", default="", show_default=False).strip()
    except click.Abort:
        click.echo("")
        return None
    return _CHOICES[answer], note or None


@audit.command("review")
@click.argument("baseline_file", metavar="BASELINE", type=click.Path(dir_okay=False))
@click.option("--reviewer", help="Who is reviewing (default: $USER).")
@click.option("--all", "everything", is_flag=True, help="Also revisit reviewed findings.")
@click.option("--kind", "kinds", multiple=True, metavar="KIND",
              help="Only findings of this kind, e.g. residual-personal-data (repeatable).")
@guarded
def review(baseline_file: str, reviewer: str | None, everything: bool,
           kinds: tuple[str, ...]) -> None:
    """Mark the findings of a baseline as true or false positives, one by one.

    Shows each unreviewed finding with its masked context and asks: [t]rue positive (a real
    problem: later audits keep failing on it), [f]alse positive (dismissed: later audits
    ignore it), [s]kip, or [q]uit. Every answer is saved at once, with who and when.
    """
    current: Baseline = load_baseline(baseline_file)
    who = _reviewer(reviewer)
    todo = [e for e in (current.entries if everything else current.pending())
            if not kinds or e.kind in kinds]
    if not todo:
        click.echo("nothing to review: every finding in this baseline has been reviewed")
        sys.exit(ExitCode.OK)
    done = {Verdict.TRUE_POSITIVE: 0, Verdict.FALSE_POSITIVE: 0}
    for n, entry in enumerate(todo, 1):
        _show(entry, n, len(todo))
        decided = _ask()
        if decided is None:
            break
        if decided[0] is None:
            continue
        verdict, note = decided
        current = current.with_review(entry.id, Review(verdict, who, datetime.now(UTC), note))
        save_baseline(current, baseline_file)
        done[verdict] += 1
    left = len(current.pending())
    click.echo(f"\nreviewed {sum(done.values())}: {done[Verdict.TRUE_POSITIVE]} true positive, "
               f"{done[Verdict.FALSE_POSITIVE]} false positive; {left} still unreviewed "
               f"(saved to {baseline_file})")
