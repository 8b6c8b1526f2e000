"""Command line of confide: ``confide redact|detect|consent|policy|audit``.

A thin click layer over :mod:`toolkit`; each sub-command lives in its own module and
registers itself on :data:`main` when imported here.
"""

from __future__ import annotations

from toolkit.cli import _audit, _consent, _policy, _redact, _render  # noqa: F401  (register)
from toolkit.cli._app import ExitCode, main

__all__ = ["ExitCode", "main"]
