"""The public API of toolkit.audit: what __all__ promises is there, sorted; CLI registered."""

from __future__ import annotations

import importlib

import pytest

import toolkit.audit
from toolkit.cli import main

MODULES = [
    "toolkit.audit",
    "toolkit.audit.baseline",
    "toolkit.audit.context",
    "toolkit.audit.coverage",
    "toolkit.audit.dataset",
    "toolkit.audit.html",
    "toolkit.audit.manifest",
    "toolkit.audit.model",
    "toolkit.audit.output",
    "toolkit.audit.sarif",
    "toolkit.audit.scan",
    "toolkit.audit.timeline",
]


@pytest.mark.parametrize("name", MODULES)
def test_all_is_sorted_and_every_name_exists(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    assert exported == sorted(exported, key=lambda n: (not n.isupper(), n))
    for attr in exported:
        assert hasattr(module, attr), f"{name}.{attr}"


def test_when_cli_is_loaded_then_audit_and_review_are_registered() -> None:
    audit = main.commands["audit"]
    assert "review" in audit.commands  # type: ignore[attr-defined]
    assert toolkit.audit.audit_dataset is toolkit.audit.dataset.audit_dataset
