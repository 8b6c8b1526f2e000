"""Command line of confide: ``confide redact|detect|consent|policy|audit``.

A thin click layer over :mod:`toolkit`; each sub-command lives in its own module.
"""

from __future__ import annotations

import importlib

from toolkit.cli._app import ExitCode, main

__all__ = ["ExitCode", "main"]

# Sub-command modules register themselves on ``main`` when imported. A module that is not
# there yet is simply skipped, so the CLI never breaks on a partial checkout.
for _name in ("_redact", "_consent", "_render", "_policy", "_audit"):
    try:
        importlib.import_module(f"toolkit.cli.{_name}")
    except ModuleNotFoundError as _exc:  # pragma: no cover - only while building
        if _exc.name != f"toolkit.cli.{_name}":
            raise
