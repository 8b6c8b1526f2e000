"""Build records for tests from the named base records of policies/_examples.yaml."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from toolkit.consent.examples import apply_patch
from toolkit.consent.policy import read_example_bases
from toolkit.consent.records import ConsentRecord, normalise_times


def make_record(base: str, patch: Mapping[str, Any] | None = None) -> ConsentRecord:
    """A normalised record: base record ``base`` with ``patch`` applied (examples.py rules)."""
    data = apply_patch(read_example_bases()[base], patch or {})
    normalise_times(data)
    return ConsentRecord(data, f"test:{base}", None, 1)
