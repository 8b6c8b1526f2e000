"""Public consent examples (../shared/datasets/consent-examples), read where they are.

The Kantara files are not under an OSI licence, so they are not copied into the repository;
these tests skip when the shared folder is absent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from toolkit.consent.policy import Severity
from toolkit.consent.records import load_records
from toolkit.consent.validate import validate_paths

from .conftest import HELDOUT_NOW, SHARED

KANTARA = SHARED / "kantara-cr-v1.1" / "kantara-consent-receipt-v1_1-example.json"

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="shared consent examples absent")


def _kantara() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(KANTARA.read_text(encoding="utf-8"))
    return loaded


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "receipt.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_when_kantara_v11_example_is_read_then_it_maps_onto_a_confide_record() -> None:
    result = load_records([KANTARA])
    (record,) = result.records
    assert record.format == "kantara-cr-1.1"
    assert record.record_id == "c1befd3e-b7e5-4ea6-8688-e9a565aade21"
    assert record.data["events"][0]["at"].isoformat() == "2017-11-13T17:00:00+00:00"
    assert [p["lawful_basis"] for p in record.data["purposes"] if "lawful_basis" in p] == [
        "consent",
        "consent",
        "consent",
    ]
    assert record.data["recipients"] == [
        {"name": "The Ankh-morpork Deadbeat Debt Collectors Society", "role": "third_party"},
        {"name": "Requesting legal authority", "role": "third_party"},
    ]
    assert not [f for f in result.problems if f.rule == "INPUT-KANTARA-SCHEMA"]


def test_when_kantara_example_is_validated_then_gaps_and_fictional_jurisdiction_are_findings() -> (
    None
):
    report = validate_paths([KANTARA], now=HELDOUT_NOW)
    rules = {f.rule for f in report.findings}
    assert {
        "INPUT-KANTARA-GAP",
        "REC-JURISDICTION-KNOWN",
        "REC-POLICY-APPLIES",
        "REC-SCOPE",
    } <= rules
    gaps = {f.path for f in report.findings if f.rule == "INPUT-KANTARA-GAP"}
    assert {"notice.sha256", "disclosures", "subject.age_at_consent", "valid_until"} <= gaps
    assert report.fails(Severity.ERROR)


def test_when_kantara_receipt_is_from_an_eu_state_then_gdpr_reports_what_is_missing(
    tmp_path: Path,
) -> None:
    data = {**_kantara(), "jurisdiction": "IE"}
    report = validate_paths([_write(tmp_path, data)], now=HELDOUT_NOW)
    by_rule = {f.rule: f for f in report.findings}
    for rule in (
        "GDPR-7.1-NOTICE",
        "GDPR-7.3-WITHDRAW-RIGHT",
        "GDPR-13.2D-COMPLAINT",
        "GDPR-8-AGE-STATED",
        "GDPR-7.4-CONDITIONAL",
        "GDPR-5.1E-BOUNDED",
    ):
        assert rule in by_rule, rule
    assert by_rule["GDPR-7.3-WITHDRAW-RIGHT"].reference == "GDPR Art. 7(3)"


def test_when_kantara_subject_is_a_name_then_it_is_flagged_and_never_printed() -> None:
    report = validate_paths([KANTARA], now=HELDOUT_NOW)
    assert "REC-SUBJECT-PSEUDONYMOUS" in {f.rule for f in report.findings}
    text = json.dumps([f.to_dict() for f in report.findings])
    for secret in ("Bowden", "Jeffries", "William De Worde", "william@", "555"):
        assert secret not in text


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (lambda d: d.update(consentTimestamp="2017-11-13T17:00:00Z"), "consentTimestamp"),
        (lambda d: d.update(policyURL=d.pop("policyUrl")), "policyUrl"),
        (
            lambda d: d["services"][0]["purposes"][1].update(thirdPartyDisclosure=True),
            "services.0.purposes.1.thirdPartyName",
        ),
    ],
)
def test_when_kantara_receipt_breaks_the_v11_schema_then_the_field_is_named(
    tmp_path: Path, mutate: Any, path: str
) -> None:
    data = _kantara()
    mutate(data)
    result = load_records([_write(tmp_path, data)])
    schema = [f for f in result.problems if f.rule == "INPUT-KANTARA-SCHEMA"]
    assert [f.path for f in schema] == [path]


def test_when_legacy_mvcr_is_given_then_it_is_rejected_clearly() -> None:
    result = load_records([SHARED / "kantara-mvcr-legacy" / "exampleinput.json"])
    assert result.records == ()
    (problem,) = result.problems
    assert (
        problem.rule == "INPUT-LEGACY-FORMAT"
        and "Minimum Viable Consent Receipt" in problem.message
    )
    assert "sarah" not in problem.message.lower()


@pytest.mark.parametrize(
    ("relative", "line"),
    [
        ("kantara-mvcr-legacy/newinput.json", 16),
        ("kantara-cr-v1.1/kantara-consent-receipt-v1_1-schema.jsonc", 2),
        ("iso27560-dpv-consent-record/record.json", 20),
        ("iso27560-dpv-consent-record/receipt.json", 16),
    ],
)
def test_when_json_is_not_strict_then_parse_finding_names_the_line(
    relative: str, line: int
) -> None:
    result = load_records([SHARED / relative])
    assert [(f.rule, f.line) for f in result.problems] == [("INPUT-PARSE", line)]


@pytest.mark.parametrize(
    "relative",
    [
        "iso27560-dpv-consent-record/record_dpv.jsonld",
        "iso27560-dpv-consent-record/receipt_dpv.jsonld",
        "iso27560-dpv-consent-record/drafts-SEP-01b.json",
    ],
)
def test_when_dpv_or_27560_record_is_given_then_it_is_reported_unsupported(relative: str) -> None:
    result = load_records([SHARED / relative])
    assert [f.rule for f in result.problems] == ["INPUT-UNSUPPORTED-FORMAT"]
