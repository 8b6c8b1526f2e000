"""Edge cases of the named checks: ages, time order across zones, transfers, the AI Act date."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from toolkit.consent.policy import Severity
from toolkit.consent.validate import Validator

from ._helpers import make_record

NOW = datetime(2026, 11, 1, tzinfo=UTC)


def _rules(engine: Validator, base: str, patch: dict[str, Any]) -> dict[str, Severity]:
    findings = engine.validate(make_record(base, patch), NOW)
    return {f.rule: f.severity for f in findings}


@pytest.mark.parametrize(
    ("base", "jurisdiction", "age", "breaks"),
    [
        ("clinical-cz", "CZ", 15, False),
        ("clinical-cz", "CZ", 14, True),
        ("clinical-cz", "DE", 15, True),
        ("clinical-cz", "AT", 14, False),
        ("clinical-cz", "AT", 13, True),
        ("clinical-cz", "FR", 15, False),
        ("clinical-cz", "IE", 15, True),
        ("clinical-gb", "GB", 13, False),
        ("clinical-gb", "GB", 12, True),
    ],
)
def test_age_of_digital_consent_follows_the_jurisdiction(
    engine: Validator, base: str, jurisdiction: str, age: int, breaks: bool
) -> None:
    rules = _rules(engine, base, {"jurisdiction": jurisdiction, "subject.age_at_consent": age})
    assert any(r.endswith("8-CHILD-CONSENT") for r in rules) is breaks


def test_when_child_rests_on_another_basis_then_art8_does_not_apply(engine: Validator) -> None:
    patch = {
        "subject.age_at_consent": 12,
        "purposes.0.lawful_basis": "public_task",
        "purposes.0.special_category_condition": "health_or_social_care",
    }
    assert "UKGDPR-8-CHILD-CONSENT" not in _rules(engine, "clinical-gb", patch)


def test_when_times_have_different_offsets_then_they_are_compared_in_utc(engine: Validator) -> None:
    # Shown 10:30 in Prague (08:30 UTC) before consent at 09:00 UTC: in time.
    patch = {
        "disclosures.withdrawal_right_shown_at": "2026-08-10T10:30:00+02:00",
        "disclosures.ai_disclosure_shown_at": "2026-08-10T10:30:00+02:00",
        "events.0.at": "2026-08-10T09:00:00Z",
    }
    rules = _rules(engine, "clinical-cz", patch)
    assert "GDPR-7.3-WITHDRAW-BEFORE" not in rules and "AIACT-50.1-AI-DISCLOSED" not in rules
    # Shown 11:30 in Prague (09:30 UTC): after the consent.
    patch["disclosures.withdrawal_right_shown_at"] = "2026-08-10T11:30:00+02:00"
    assert "GDPR-7.3-WITHDRAW-BEFORE" in _rules(engine, "clinical-cz", patch)


@pytest.mark.parametrize(
    ("consented", "severity"),
    [("2026-08-01T12:00:00Z", Severity.INFO), ("2026-08-02T00:00:00Z", Severity.ERROR)],
)
def test_ai_act_rules_are_info_for_consent_before_2_august_2026(
    engine: Validator, consented: str, severity: Severity
) -> None:
    patch = {
        "events.0.at": consented,
        "disclosures.withdrawal_right_shown_at": "2026-07-01T00:00:00Z",
        "disclosures.ai_disclosure_shown_at": None,
    }
    findings = engine.validate(make_record("clinical-cz", patch), NOW)
    (finding,) = [f for f in findings if f.rule == "AIACT-50.1-AI-DISCLOSED"]
    assert finding.severity is severity
    assert ("not yet applicable" in finding.message) is (severity is Severity.INFO)


def test_when_consent_is_renewed_after_the_ai_act_date_then_it_is_judged_in_full(
    engine: Validator,
) -> None:
    patch = {
        "events.0.at": "2026-03-01T12:00:00Z",
        "events.1": {
            "state": "renewed",
            "at": "2026-09-01T12:00:00Z",
            "by": "subject",
            "method": "e_signature",
            "purposes": ["between-session-support"],
        },
        "disclosures.withdrawal_right_shown_at": "2026-02-01T00:00:00Z",
        "disclosures.ai_disclosure_shown_at": "2026-03-05T00:00:00Z",
    }
    assert _rules(engine, "clinical-cz", patch)["AIACT-50.1-AI-DISCLOSED"] is Severity.ERROR


def test_when_ai_system_is_research_only_then_art50_does_not_apply(engine: Validator) -> None:
    patch = {"ai_systems.0.research_only": True, "disclosures.ai_disclosure_shown_at": None}
    assert "AIACT-50.1-AI-DISCLOSED" not in _rules(engine, "clinical-cz", patch)


@pytest.mark.parametrize(
    ("base", "country", "mechanism", "breaks"),
    [
        ("clinical-cz", "JP", "adequacy", False),
        ("clinical-cz", "IN", "adequacy", True),
        ("clinical-cz", "US", "idta", True),
        ("clinical-cz", "NO", None, False),
        ("clinical-gb", "US", "idta", False),
        ("clinical-gb", "DE", None, False),
        ("clinical-gb", "GI", "adequacy", False),
        ("clinical-gb", "IN", "scc", False),
        ("clinical-gb", "IN", None, True),
    ],
)
def test_transfer_mechanisms_follow_the_regime(
    engine: Validator, base: str, country: str, mechanism: str | None, breaks: bool
) -> None:
    patch = {"recipients.1.country": country, "recipients.1.transfer_mechanism": mechanism}
    assert any(r.endswith("44-TRANSFERS") for r in _rules(engine, base, patch)) is breaks


@pytest.mark.parametrize(
    ("events", "breaks"),
    [
        ([("given", "08-10"), ("withdrawn", "08-20"), ("given", "08-25")], False),
        ([("requested", "08-09"), ("refused", "08-10"), ("given", "08-11")], False),
        ([("given", "08-10"), ("renewed", "08-20"), ("expired", "08-30")], False),
        ([("withdrawn", "08-10")], True),
        ([("renewed", "08-10")], True),
        ([("given", "08-10"), ("withdrawn", "08-20"), ("withdrawn", "08-21")], True),
        ([("given", "08-10"), ("given", "08-20")], True),
        ([("given", "08-20"), ("withdrawn", "08-10")], True),
        ([("given", "08-10"), ("withdrawn", "12-01")], True),  # in the future
        ([("given", "08-10"), ("agreed", "08-20")], True),
    ],
)
def test_event_sequence_must_be_valid_and_in_time_order(
    engine: Validator, events: list[tuple[str, str]], breaks: bool
) -> None:
    listed = [
        {
            "state": s,
            "at": f"2026-{d}T10:00:00Z",
            "by": "subject",
            "method": "two_step",
            "purposes": ["between-session-support"],
        }
        for s, d in events
    ]
    patch = {
        "events": listed,
        "disclosures.withdrawal_right_shown_at": "2026-08-01T00:00:00Z",
        "disclosures.ai_disclosure_shown_at": "2026-08-01T00:00:00Z",
    }
    assert ("UKGDPR-7.3-SEQUENCE" in _rules(engine, "clinical-gb", patch)) is breaks


def test_when_consent_is_withdrawn_then_an_info_tells_processing_to_stop(engine: Validator) -> None:
    patch = {
        "events.1": {
            "state": "withdrawn",
            "at": "2026-09-01T00:00:00Z",
            "by": "subject",
            "method": "e_signature",
        }
    }
    rules = _rules(engine, "clinical-gb", patch)
    assert rules["UKGDPR-7.3-WITHDRAWN"] is Severity.INFO
    assert not [r for r, s in rules.items() if s is Severity.ERROR]


@pytest.mark.parametrize(
    ("patch", "rule"),
    [
        ({"research.recording_consent.quotes": None}, "BPS-4-RECORDING"),
        ({"research.recording_consent": None}, "BPS-4-RECORDING"),
        ({"research.deception": True, "research.debrief_planned": False}, "BPS-7-DECEPTION"),
        ({"subject.age_at_consent": 15}, "BPS-4-CHILD-ASSENT"),
    ],
)
def test_research_checks_report_their_rule(
    engine: Validator, patch: dict[str, Any], rule: str
) -> None:
    assert _rules(engine, "research-gb", patch).get(rule) is Severity.ERROR


def test_when_no_policy_covers_the_jurisdiction_then_the_record_is_not_clean(
    engine: Validator,
) -> None:
    rules = _rules(engine, "clinical-gb", {"jurisdiction": "CH"})
    assert rules["REC-POLICY-APPLIES"] is Severity.ERROR


def test_messages_never_quote_free_text_of_the_record(engine: Validator) -> None:
    secret = "Jana Nováková, Vinohradská 12"
    patch = {
        "subject_id": secret,
        "purposes.0.retention": secret,
        "disclosures.withdrawal_method": "",
        "controller.name": secret,
        "recipients.1.transfer_mechanism": secret,
        "events.0.method": secret,
        "valid_until": secret,
    }
    findings = engine.validate(make_record("clinical-cz", patch), NOW)
    assert len(findings) > 5
    for finding in findings:
        assert "Jana" not in finding.message and "Vinohradská" not in finding.message


def _paths(node: Any, prefix: str = "") -> list[str]:
    out = []
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else []
    )
    for key, value in items:
        path = f"{prefix}.{key}" if prefix else str(key)
        out.append(path)
        out.extend(_paths(value, path))
    return out


@pytest.mark.parametrize("base", ["clinical-cz", "research-gb"])
def test_when_any_field_has_the_wrong_shape_then_validation_reports_not_crashes(
    engine: Validator, base: str
) -> None:
    paths = _paths(make_record(base).data)
    for path in paths:
        for odd in ([1, "x"], "x", 7, True, {"k": "v"}):
            record = make_record(base, {path: odd})
            findings = engine.validate(record, NOW)
            assert isinstance(findings, list), path
