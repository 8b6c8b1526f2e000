"""Fixtures for audit tests: the held-out dataset, audited once per session through the CLI."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from toolkit.cli import main
from toolkit.pii import Redactor

from ._dataset import KEY, NOW, Planted, heldout


@dataclass(frozen=True)
class Audited:
    """The held-out dataset and what ``confide audit`` made of it."""

    root: Path
    planted: list[Planted]
    clean_files: list[str]
    clean_subjects: list[str]
    exit_code: int
    stdout: str
    report: dict[str, Any]
    html: str
    sarif: dict[str, Any]


def run_cli(*args: str, input: str | None = None, key: str | None = KEY,
            env: dict[str, str | None] | None = None) -> tuple[int, str, str]:
    """``confide ARGS`` in-process; returns (exit code, stdout, stderr). ``key`` None: unset."""
    environ: dict[str, str | None] = {"CONFIDE_HASH_KEY": key}
    result = CliRunner().invoke(main, list(args), input=input, env={**environ, **(env or {})},
                                prog_name="confide")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="session")
def audited(tmp_path_factory: pytest.TempPathFactory, redactor: Redactor) -> Audited:
    """The held-out dataset audited once (``redactor`` loads the model once for the session)."""
    root, planted, clean, subjects = heldout(tmp_path_factory.mktemp("heldout") / "study")
    out = root.parent
    code, stdout, _ = run_cli("audit", str(root), "--workers", "1", "--now", NOW,
                              "--json", str(out / "audit.json"), "--html",
                              str(out / "audit.html"), "--sarif", str(out / "audit.sarif"))
    return Audited(root, planted, clean, subjects, code, stdout,
                   json.loads((out / "audit.json").read_text(encoding="utf-8")),
                   (out / "audit.html").read_text(encoding="utf-8"),
                   json.loads((out / "audit.sarif").read_text(encoding="utf-8")))
