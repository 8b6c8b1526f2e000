"""``confide consent render``: a checked consent document from a profile, and a record skeleton."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from toolkit.cli._app import ExitCode, guarded, warn
from toolkit.cli._consent import consent
from toolkit.consent.profile import Language
from toolkit.consent.render import Format
from toolkit.consent.rendering import RenderOutcome, SkeletonRequest, render_profile_file
from toolkit.consent.skeleton import SubjectDetails
from toolkit.errors import ConfigError

__all__ = ["render"]

_YES_NO = click.Choice(["yes", "no"])


def _parse_time(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime:
    if value is None:
        return datetime.now(UTC).replace(microsecond=0)
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter("not an ISO 8601 timestamp, e.g. 2026-09-01T10:00:00Z") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _answer(value: str | None) -> bool | None:
    return None if value is None else value == "yes"


def _write(output: str, content: bytes, binary: bool) -> None:
    if output == "-":
        if binary and sys.stdout.isatty():
            raise ConfigError(
                "a PDF is binary; write it to a file with -o FILE", where="--format pdf"
            )
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return
    try:
        Path(output).write_bytes(content)
    except OSError as exc:
        raise ConfigError(
            f"cannot write ({exc.strerror}); check the folder exists", where=output
        ) from None


def _report(outcome: RenderOutcome) -> None:
    doc = outcome.document
    warn(doc.readability.summary())
    warn(doc.checklist.summary())
    warn(f"version id sha256:{doc.version_id} ({doc.format.value}, {doc.language.tag})")


@consent.command("render")
@click.argument("profile", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.value for f in Format]),
    default="html",
    show_default=True,
    help="Output format (PDF is tagged PDF/UA-1).",
)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    metavar="OUT",
    help="Write the document here ('-' is standard output).",
)
@click.option(
    "--lang",
    type=click.Choice([lang.value for lang in Language]),
    default=None,
    help="Document language (default: the profile's language).",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Exit 1 and write nothing if a checklist element or a readability bar is missed.",
)
@click.option(
    "--policy",
    "policies",
    multiple=True,
    metavar="NAME|FILE",
    help="Add a bundled policy or a policy file to those the checklist comes from.",
)
@click.option(
    "--record-skeleton",
    "skeleton_path",
    metavar="FILE",
    default=None,
    help="Also write a confide.consent/1 record skeleton (.yaml/.yml or .json).",
)
@click.option(
    "--shown-at",
    callback=_parse_time,
    metavar="ISO8601",
    help="When the document is shown, for the skeleton (default: now).",
)
@click.option("--subject-id", default=None, help="Skeleton: the person's pseudonymous id.")
@click.option(
    "--age",
    type=click.IntRange(0, 130),
    default=None,
    help="Skeleton: the person's age at consent.",
)
@click.option(
    "--capacity-confirmed/--capacity-not-confirmed",
    default=None,
    help="Skeleton: whether capacity to consent was confirmed.",
)
@click.option(
    "--recording",
    type=_YES_NO,
    default=None,
    help="Skeleton (research): the answer to the recording question.",
)
@click.option(
    "--quotes",
    type=_YES_NO,
    default=None,
    help="Skeleton (research): the answer to the quotes question.",
)
@guarded
def render(
    profile: str,
    fmt: str,
    output: str,
    lang: str | None,
    strict: bool,
    policies: tuple[str, ...],
    skeleton_path: str | None,
    shown_at: datetime,
    subject_id: str | None,
    age: int | None,
    capacity_confirmed: bool | None,
    recording: str | None,
    quotes: str | None,
) -> None:
    """Render a plain-language consent document from a PROFILE (YAML).

    The readability figures, the disclosure checklist and the version id are printed to
    stderr on every run.

    \b
    Exit codes: 0 written, 1 --strict and something missed, 2 usage or profile error.
    """
    request = None
    if skeleton_path is not None:
        subject = SubjectDetails(
            subject_id, age, capacity_confirmed, _answer(recording), _answer(quotes)
        )
        request = SkeletonRequest(
            skeleton_path.lower().endswith((".yaml", ".yml")), shown_at, subject
        )
    outcome = render_profile_file(
        profile, Format(fmt), Language(lang) if lang else None, policies=policies, skeleton=request
    )
    _report(outcome)
    if strict and outcome.misses:
        warn(f"--strict: {len(outcome.misses)} missed; nothing written")
        sys.exit(ExitCode.FINDINGS)
    _write(output, outcome.document.content, binary=outcome.document.format is Format.PDF)
    if skeleton_path is not None and outcome.skeleton is not None:
        _write(skeleton_path, outcome.skeleton.encode("utf-8"), binary=False)
    sys.exit(ExitCode.OK)
