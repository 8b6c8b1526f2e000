"""Fixtures for the consent validation tests: the bundled policies, loaded once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from toolkit.consent.policy import Policy, load_policies
from toolkit.consent.validate import Validator

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "consent-examples"
#: The clock of the held-out records.
HELDOUT_NOW = datetime(2026, 11, 1, tzinfo=UTC)


@pytest.fixture(scope="session")
def bundled_policies() -> tuple[Policy, ...]:
    return load_policies(None)


@pytest.fixture(scope="session")
def engine(bundled_policies: tuple[Policy, ...]) -> Validator:
    return Validator(bundled=bundled_policies)
