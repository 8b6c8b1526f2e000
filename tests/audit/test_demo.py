"""The demo dataset of the README (examples/dataset) shows exactly what the README says."""

from __future__ import annotations

import json
from pathlib import Path

from toolkit.pii import Redactor

from .conftest import run_cli

DEMO = Path(__file__).resolve().parents[2] / "examples" / "dataset"


def test_when_demo_dataset_is_audited_then_only_its_planted_problems_are_found(
        tmp_path: Path, redactor: Redactor) -> None:
    out = tmp_path / "audit.json"
    code, _, err = run_cli("audit", str(DEMO), "--workers", "1", "--now",
                           "2026-11-01T00:00:00Z", "--json", str(out))
    assert code == 1, err
    found = sorted((f["kind"], f["file"] or f["subject"], f["entity_type"] or f["severity"])
                   for f in json.loads(out.read_text(encoding="utf-8"))["findings"])
    assert found == [
        ("consent-record-invalid", "P04", "info"),
        ("consent-withdrawn", "P04", "error"),
        ("residual-personal-data", "sessions/P03-2026-09-16.txt", "PERSON"),
        ("residual-personal-data", "sessions/P03-2026-09-16.txt", "PHONE_NUMBER"),
    ]
