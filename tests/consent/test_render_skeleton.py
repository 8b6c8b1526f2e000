"""The consent-record skeleton points at the document and validates once consent is recorded."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.consent._render_support import base, example, profile_from
from toolkit.consent.profile import Language, Profile
from toolkit.consent.render import Format, render_document
from toolkit.consent.skeleton import SubjectDetails, dump_skeleton, record_skeleton
from toolkit.consent.validate import validate_paths

SHOWN = dt.datetime(2025, 6, 2, 9, 50, tzinfo=dt.UTC)
PERSON = SubjectDetails("P-0107", 34, capacity_confirmed=True, recording=True, quotes=False)


def _skeleton(name: str, lang: Language | None = None, **kw: Any) -> tuple[Profile, dict[str, Any]]:
    profile = example(name)
    document = render_document(profile, Format.HTML, lang)
    return profile, record_skeleton(profile, document, shown_at=SHOWN, **kw)


def test_when_skeleton_is_built_then_notice_points_at_the_document() -> None:
    profile = example("cbt-chatbot")
    document = render_document(profile, Format.TEXT)
    record = record_skeleton(profile, document, shown_at=SHOWN)
    assert record["schema_version"] == "confide.consent/1"
    assert record["notice"] == {
        "id": "thistle-between-sessions",
        "version": "1.0",
        "sha256": document.version_id,
    }
    assert f"sha256:{record['notice']['sha256']}" in document.text


def test_when_skeleton_is_built_then_it_carries_purposes_and_disclosures() -> None:
    profile, record = _skeleton("cbt-chatbot")
    assert [p["id"] for p in record["purposes"]] == [p.id for p in profile.purposes]
    purpose = record["purposes"][0]
    assert purpose["lawful_basis"] == "consent"
    assert purpose["special_category_condition"] == "explicit_consent"
    assert "health" in purpose["data_categories"], "therapy chat logs are health data"
    disclosures = record["disclosures"]
    assert disclosures["withdrawal_right_shown_at"] == "2025-06-02T09:50:00Z"
    assert disclosures["ai_disclosure_shown_at"] == "2025-06-02T09:50:00Z"
    for flag in ("ai_limitations", "not_a_therapist", "human_oversight", "crisis_limits",
                 "crisis_contacts", "confidentiality_limits", "overreliance_risk"):  # fmt: skip
        assert disclosures[flag] is True, flag
    assert set(disclosures["rights"]) >= {"access", "erasure", "portability"}
    assert record["authority"] == "ICO"
    assert record["events"] == []
    assert record["ai_systems"][0]["provider"] == "Thistle Digital Health Ltd"


@pytest.mark.parametrize(
    ("name", "recorded", "emotions"),
    [("cbt-chatbot", False, False), ("ai-notetaker", True, False), ("research-study", True, False)],
)
def test_when_skeleton_is_built_then_recording_and_emotion_flags_follow_the_profile(
    name: str, recorded: bool, emotions: bool
) -> None:
    profile, record = _skeleton(name)
    disclosures = record["disclosures"]
    assert profile.recording.any is recorded
    assert disclosures["recording_choice"] is recorded, "a yes/no question only if recorded"
    assert disclosures["emotion_recognition_stated"] is True, "stated either way"
    assert ("emotion_recognition_shown_at" in disclosures) is emotions


def test_when_a_tool_recognises_emotions_then_skeleton_dates_the_notice(tmp_path: Path) -> None:
    data = base()
    data["ai_systems"][0]["emotion_recognition"] = True
    data["ai_systems"][0]["emotion_recognition_detail"] = "It guesses your mood from your voice."
    profile = profile_from(data)
    record = record_skeleton(
        profile, render_document(profile, Format.HTML), shown_at=SHOWN, subject=PERSON
    )
    assert record["disclosures"]["emotion_recognition_shown_at"] == "2025-06-02T09:50:00Z"
    _add_consent(record, profile)
    path = tmp_path / "record.yaml"
    path.write_text(dump_skeleton(record, as_yaml=True), encoding="utf-8")
    report = validate_paths([str(path)], now=SHOWN + dt.timedelta(days=30))
    assert report.findings == (), [f"{f.rule}: {f.message}" for f in report.findings]


def test_when_person_details_are_not_given_then_they_stay_empty() -> None:
    _, record = _skeleton("research-study")
    assert record["subject_id"] is None
    assert record["subject"] == {"age_at_consent": None, "capacity_confirmed": None}
    assert record["research"]["recording_consent"]["audio"] is None, "never assume a yes"


def test_when_rendered_in_czech_then_skeleton_language_and_texts_are_czech() -> None:
    _, record = _skeleton("ai-notetaker", Language.CS)
    assert record["language"] == "cs-CZ"
    assert record["authority"] == "UOOU"
    assert record["disclosures"]["withdrawal_method"].startswith("řekněte")


@pytest.mark.parametrize("as_yaml", [True, False], ids=["yaml", "json"])
def test_when_skeleton_is_dumped_then_it_reads_back_unchanged(as_yaml: bool) -> None:
    _, record = _skeleton("research-study", subject=PERSON)
    text = dump_skeleton(record, as_yaml=as_yaml)
    loaded = yaml.safe_load(text) if as_yaml else json.loads(text)
    assert loaded == record


def _add_consent(record: dict[str, Any], profile: Profile) -> None:
    """What the clinician adds after the person signs: one decision per ticked purpose."""
    research = profile.context.value == "research"
    for i, purpose in enumerate(profile.purposes):
        if research or purpose.lawful_basis.value == "consent":
            record["events"].append({
                "state": "given", "at": (SHOWN + dt.timedelta(minutes=10 + i)).isoformat(),
                "by": "subject", "method": "e_signature", "purposes": [purpose.id],
                "evidence_sha256": f"{i:064x}",
            })  # fmt: skip


@pytest.mark.parametrize(
    ("name", "lang"),
    [("cbt-chatbot", None), ("ai-notetaker", None), ("ai-notetaker", Language.EN),
     ("research-study", None)],
)  # fmt: skip
def test_when_consent_event_is_added_then_skeleton_passes_validation(
    name: str, lang: Language | None, tmp_path: Path
) -> None:
    profile, record = _skeleton(name, lang, subject=PERSON)
    _add_consent(record, profile)
    path = tmp_path / "record.yaml"
    path.write_text(dump_skeleton(record, as_yaml=True), encoding="utf-8")
    report = validate_paths([str(path)], now=SHOWN + dt.timedelta(days=30))
    assert report.records == 1
    assert report.findings == (), [f"{f.rule}: {f.message}" for f in report.findings]


def test_when_no_consent_event_is_added_then_validation_says_so(tmp_path: Path) -> None:
    _, record = _skeleton("cbt-chatbot", subject=PERSON)
    path = tmp_path / "record.json"
    path.write_text(dump_skeleton(record, as_yaml=False), encoding="utf-8")
    report = validate_paths([str(path)], now=SHOWN + dt.timedelta(days=30))
    assert report.findings, "a skeleton without the person's decision is not a valid consent"
