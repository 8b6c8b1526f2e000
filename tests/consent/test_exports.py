"""The public API of toolkit.consent: what __all__ promises is there, sorted."""

from __future__ import annotations

import importlib

import pytest

import toolkit.consent

MODULES = [
    "toolkit.consent",
    "toolkit.consent.policy",
    "toolkit.consent.records",
    "toolkit.consent.validate",
    "toolkit.consent.findings",
    "toolkit.consent.output",
    "toolkit.consent.checks",
    "toolkit.consent.docs",
    "toolkit.consent.examples",
]


@pytest.mark.parametrize("name", MODULES)
def test_all_is_sorted_and_every_name_exists(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    assert exported == sorted(exported, key=lambda n: (not n.isupper(), n))
    for attr in exported:
        assert hasattr(module, attr), f"{name}.{attr}"


def test_consent_group_is_importable_for_other_sub_commands() -> None:
    from toolkit.cli._consent import consent

    assert "validate" in consent.commands
    assert toolkit.consent.load_policies is toolkit.consent.policy.load_policies
