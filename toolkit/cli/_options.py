"""Command-line options shared by the commands that run the detection engine.

``redact``, ``detect`` and ``audit`` take the same engine options (model, entity types, allow
and deny lists, format fields and columns, workers, key file, progress) and turn them into a
:class:`~toolkit.pii.RedactConfig` the same way.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import click

from toolkit.pii import HASH_KEY_ENV, OperatorName, RedactConfig, load_key
from toolkit.pii.config import parse_entities
from toolkit.pipeline import FileSummary

__all__ = ["Progress", "build_config", "engine_options", "key_from"]


def engine_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by redact, detect and audit."""
    options = [
        click.option("--config", "config_file", type=click.Path(dir_okay=False),
                     help="YAML or TOML file of engine options (model, entities, allow...)."),
        click.option("--model", help="spaCy model: installed package name or directory."),
        click.option("--entities", multiple=True, metavar="TYPE[,TYPE]",
                     help="Only these entity types (default: all)."),
        click.option("--allow", multiple=True, metavar="WORD",
                     help="Never redact this word or phrase (repeatable)."),
        click.option("--deny", multiple=True, metavar="[TYPE:]WORD",
                     help="Always redact this word or phrase (repeatable)."),
        click.option("--no-default-allow", is_flag=True,
                     help="Drop the built-in allow-list (AI tools, therapies, crisis lines)."),
        click.option("--field", "fields", multiple=True, metavar="PATH",
                     help="JSON/JSONL text field, dotted, * for lists (repeatable)."),
        click.option("--column", "columns", multiple=True, metavar="NAME",
                     help="CSV text column (repeatable)."),
        click.option("--workers", type=click.IntRange(min=1),
                     help="Processes to use (default: all cores)."),
        click.option("--key-file", type=click.Path(dir_okay=False),
                     help=f"Secret for keyed hashes (default: ${HASH_KEY_ENV})."),
        click.option("--progress/--no-progress", default=None,
                     help="Progress on stderr (default: when stderr is a terminal)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def build_config(opts: dict[str, Any], operator: OperatorName | None, *,
                 key_required: bool = False) -> RedactConfig:
    """The engine config from a config file and the command-line options in ``opts``.

    The key is loaded when one is configured, when the operator needs it, or when
    ``key_required`` (e.g. an audit baseline); a missing required key is a ConfigError.
    """
    config = RedactConfig.from_file(opts["config_file"]) if opts["config_file"] else RedactConfig()
    changes: dict[str, Any] = {}
    if opts["model"]:
        changes["model"] = opts["model"]
        changes["verify_model"] = config.verify_model and opts["model"] == config.model
    if opts["entities"]:
        changes["entities"] = list(parse_entities(opts["entities"]))
    if opts["allow"]:
        changes["allow"] = [*config.allow, *opts["allow"]]
    if opts["deny"]:
        changes["deny"] = [*config.deny, *opts["deny"]]
    if opts["no_default_allow"]:
        changes["default_allow"] = False
    if operator is not None:
        changes["operator"] = operator.value
    config = config.merged(changes, where="command line")
    required = key_required or config.operator is OperatorName.HASH
    return replace(config, hash_key=key_from(opts, required=required))


def key_from(opts: dict[str, Any], *, required: bool) -> bytes | None:
    """The key from ``--key-file`` or ``$CONFIDE_HASH_KEY``; None when neither is set."""
    if opts["key_file"] or os.environ.get(HASH_KEY_ENV) or required:
        return load_key(opts["key_file"])
    return None


class Progress:
    """A one-line progress bar on stderr (never stdout, which may carry the data).

    Shown when stderr is a terminal, or with ``--progress``; redrawn at most five times a
    second, so a multi-gigabyte JSONL file shows its records going by.
    """

    def __init__(self, total: int, enabled: bool | None) -> None:
        self.total = total
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.done = 0
        self.chars = 0
        self.records = 0
        self._started = time.monotonic()
        self._drawn = 0.0

    def begin(self, total: int) -> None:
        """Set the number of files, once it is known."""
        self.total = total

    def unit_done(self, chars: int) -> None:
        """One document (a file, a record, a row) analysed."""
        self.records += 1
        self.chars += chars
        self._draw()

    def file_done(self, summary: FileSummary) -> None:
        self.done += 1
        if not self.records:  # callers that only report files
            self.chars += summary.chars
        self._draw(force=True)

    def _draw(self, *, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self._drawn < 0.2):
            return
        self._drawn = now
        width = 20
        filled = round(width * self.done / self.total) if self.total else 0
        rate = self.chars / max(now - self._started, 1e-6)
        click.echo(f"\rconfide: [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} "
                   f"files, {self.records} documents, {self.chars / 1e6:.1f} M chars, "
                   f"{rate / 1e3:.0f} k chars/s ", err=True, nl=False)

    def close(self) -> None:
        if self.enabled and (self.done or self.records):
            self._draw(force=True)
            click.echo("", err=True)
