"""The public API of the consent-document modules is explicit and importable."""

from __future__ import annotations

import importlib

import pytest

MODULES = [
    "toolkit.consent.profile",
    "toolkit.consent.render",
    "toolkit.consent.render_pdf",
    "toolkit.consent.readability",
    "toolkit.consent.checklist",
    "toolkit.consent.skeleton",
    "toolkit.consent.rendering",
    "toolkit.cli._render",
]


@pytest.mark.parametrize("name", MODULES)
def test_when_module_is_imported_then_all_names_exist_and_are_sorted(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    assert exported, f"{name} declares its public API"
    for item in exported:
        assert hasattr(module, item), f"{name}.{item}"
    assert exported == sorted(exported, key=lambda s: (not s.isupper(), s)), name


def test_when_cli_is_loaded_then_render_is_a_consent_subcommand() -> None:
    from toolkit.cli import main

    consent = main.commands["consent"]
    assert "render" in consent.commands and "validate" in consent.commands  # type: ignore[attr-defined]
