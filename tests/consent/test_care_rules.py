"""The ai-care rules for clinical consent: over-reliance, the recording choice, emotion recognition.

They close a gap of the document checklist: without them no rule that applies to a clinical
profile asked for these disclosures (outside the EU, not even for emotion recognition).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from toolkit.consent.checklist import required_elements
from toolkit.consent.policy import Severity, load_policies
from toolkit.consent.validate import Validator

from ._helpers import make_record

NOW = datetime(2026, 11, 1, tzinfo=UTC)
EMOTION_AI = {"ai_systems.0.emotion_recognition": True}


def _findings(engine: Validator, base: str, patch: dict[str, Any]) -> dict[str, Severity]:
    return {f.rule: f.severity for f in engine.validate(make_record(base, patch), NOW)}


@pytest.mark.parametrize(
    ("categories", "choice", "reported"),
    [
        (["chat_logs", "health"], None, False),
        (["chat_logs", "audio", "health"], None, True),
        (["video", "health"], False, True),
        (["transcript", "health"], None, True),
        (["transcripts", "health"], None, True),
        (["audio_recording", "health"], None, True),
        (["recording", "health"], None, True),
        (["audio", "transcript", "health"], True, False),
        ("audio", None, False),  # not a list: the record-format rules report it
    ],
)
def test_when_a_clinical_purpose_processes_recordings_then_a_recording_choice_is_needed(
    engine: Validator, categories: Any, choice: bool | None, reported: bool
) -> None:
    patch = {"purposes.0.data_categories": categories, "disclosures.recording_choice": choice}
    rules = _findings(engine, "clinical-gb", patch)
    assert ("CARE-RECORDING-CHOICE" in rules) is reported
    if reported:
        assert rules["CARE-RECORDING-CHOICE"] is Severity.WARNING


def test_when_recording_choice_is_missing_then_the_finding_names_purpose_and_categories(
    engine: Validator,
) -> None:
    patch = {
        "purposes.0.data_categories": ["health", "transcript", "audio", "Ms Example's voice"],
    }
    record = make_record("clinical-gb", patch)
    (finding,) = [f for f in engine.validate(record, NOW) if f.rule == "CARE-RECORDING-CHOICE"]
    assert finding.path == "disclosures.recording_choice"
    assert "'between-session-support' processes audio, transcript" in finding.message
    assert "Example" not in finding.message, "categories outside the list are never quoted"


@pytest.mark.parametrize(
    ("base", "patch", "rule"),
    [
        ("research-gb", {"purposes.0.data_categories": ["audio", "health"]},
         "CARE-RECORDING-CHOICE"),
        ("research-gb", {"disclosures.overreliance_risk": False}, "CARE-OVERRELIANCE"),
        ("research-gb", {}, "CARE-EMOTION-STATED"),
        ("research-gb", EMOTION_AI, "CARE-EMOTION-NOTICE"),
    ],
)  # fmt: skip
def test_when_context_is_research_then_the_bps_rules_apply_instead(
    engine: Validator, base: str, patch: dict[str, Any], rule: str
) -> None:
    assert rule not in _findings(engine, base, patch)


@pytest.mark.parametrize(
    ("patch", "rule"),
    [
        ({"disclosures.overreliance_risk": False}, "CARE-OVERRELIANCE"),
        ({"disclosures.emotion_recognition_stated": None}, "CARE-EMOTION-STATED"),
    ],
)
def test_when_no_ai_system_talks_to_the_client_then_reliance_and_emotion_statement_are_not_asked(
    engine: Validator, patch: dict[str, Any], rule: str
) -> None:
    assert rule in _findings(engine, "clinical-gb", patch)
    passive = {**patch, "ai_systems.0.interacts_with_subject": False}
    assert rule not in _findings(engine, "clinical-gb", passive)


@pytest.mark.parametrize(
    ("base", "shown_at", "expected"),
    [
        # Outside the EU only the good-practice warning reports a missing notice.
        ("clinical-gb", None, {"CARE-EMOTION-NOTICE": Severity.WARNING}),
        ("clinical-gb", "2026-08-10T09:50:00Z", {}),
        ("clinical-gb", "2026-08-11T09:50:00Z", {"CARE-EMOTION-NOTICE": Severity.WARNING}),
        # In the EU the AI Act's rule reports it as an error as well.
        ("clinical-cz", None,
         {"CARE-EMOTION-NOTICE": Severity.WARNING, "AIACT-50.3-EMOTION-NOTICE": Severity.ERROR}),
        ("clinical-cz", "2026-08-10T09:50:00+02:00", {}),
    ],
)  # fmt: skip
def test_emotion_recognition_notice_is_asked_in_every_jurisdiction(
    engine: Validator, base: str, shown_at: str | None, expected: dict[str, Severity]
) -> None:
    patch = {**EMOTION_AI, "disclosures.emotion_recognition_shown_at": shown_at}
    rules = _findings(engine, base, patch)
    assert {r: s for r, s in rules.items() if "EMOTION" in r} == expected


@pytest.mark.parametrize("jurisdiction", ["GB", "CZ", "DE", "FR"])
def test_when_profile_is_clinical_then_the_checklist_asks_for_reliance_recording_and_emotions(
    jurisdiction: str,
) -> None:
    required, _ = required_elements(jurisdiction, "clinical", load_policies())
    assert {"overreliance_risk", "recording_choice", "emotion_recognition"} <= set(required)
    assert "CARE-OVERRELIANCE" in required["overreliance_risk"]
    assert "CARE-RECORDING-CHOICE" in required["recording_choice"]
    assert "CARE-EMOTION-STATED" in required["emotion_recognition"]
