"""Loading and validating consent-document profiles (toolkit.consent.profile)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.consent._render_support import EXAMPLES, base, profile_from
from toolkit.consent.profile import Context, Language, load_profile, parse_profile
from toolkit.errors import ProfileError


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_when_example_profile_is_loaded_then_it_is_valid(path: Any) -> None:
    profile = load_profile(path)
    assert profile.ai_systems and profile.purposes and profile.crisis_contacts


def test_when_provider_is_missing_then_error_names_the_field() -> None:
    data = base()
    del data["ai_systems"][0]["provider"]
    with pytest.raises(ProfileError) as caught:
        profile_from(data)
    message = str(caught.value)
    assert message.startswith("profile.yaml:")
    assert "ai_systems[0].provider is missing; add the company that provides the tool" in message


def test_when_field_is_missing_then_error_gives_its_line() -> None:
    text = "language: en-GB\ncontext: clinical\njurisdiction: GB\n"
    with pytest.raises(ProfileError, match=r"^p\.yaml:\d+: clinician is missing; add clinician"):
        parse_profile(text, source="p.yaml")


def _drop(*path: str | int) -> Callable[[dict[str, Any]], None]:
    def apply(data: dict[str, Any]) -> None:
        node: Any = data
        for part in path[:-1]:
            node = node[part]
        del node[path[-1]]

    return apply


def _set(value: Any, *path: str | int) -> Callable[[dict[str, Any]], None]:
    def apply(data: dict[str, Any]) -> None:
        node: Any = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return apply


INVALID = [
    ("no controller", _drop("controller"), "controller is missing"),
    ("no dpo", _drop("controller", "dpo_contact"), "controller.dpo_contact is missing"),
    ("no tool name", _drop("ai_systems", 0, "name"), "ai_systems[0].name is missing"),
    ("no purpose of tool", _drop("ai_systems", 0, "purpose"), "ai_systems[0].purpose is missing"),
    ("no cannot list", _drop("ai_systems", 0, "cannot"), "ai_systems[0].cannot is missing"),
    ("no interacts flag", _drop("ai_systems", 0, "interacts_with_client"),
     "ai_systems[0].interacts_with_client is missing"),
    ("no withdrawal method", _drop("withdrawal_method"), "withdrawal_method is missing"),
    ("no clinician", _drop("clinician"), "clinician is missing"),
    ("no recording", _drop("recording"), "recording is missing"),
    ("bad context", _set("therapy", "context"), "context is not one of the allowed values"),
    ("bad language", _set("de-DE", "language"), "language is not supported"),
    ("bad country", _set("XX", "jurisdiction"), "jurisdiction is not an ISO 3166-1 country code"),
    ("typo field", _set("x", "ai_systems", 0, "provder"),
     "ai_systems[0].provder is not a field of a consent profile; did you mean provider?"),
    ("bad retention", _set("two years", "data", "retention"), "data.retention is not an ISO 8601"),
    ("flag not bool", _set("yes", "ai_systems", 0, "emotion_recognition"),
     "ai_systems[0].emotion_recognition must be true or false"),
    ("unknown category", _set(["chat_logs", "secrets"], "data", "categories"),
     "data.categories[1] is not a known data category"),
    # contradictions
    ("provider not a recipient", _set("Other Ltd", "data", "recipients", 0, "name"),
     "ai_systems[0].provider is not listed in data.recipients"),
    ("emotion without detail", _set(True, "ai_systems", 0, "emotion_recognition"),
     "ai_systems[0].emotion_recognition_detail is missing but emotion_recognition is true"),
    ("consent as condition of care", _set(True, "purposes", 0, "required_for_service"),
     "purposes[0].required_for_service is true but the lawful basis is consent"),
    ("health data without art 9", _drop("purposes", 0, "special_category_condition"),
     "purposes[0].special_category_condition is missing but this purpose uses health data"),
    ("purpose uses unlisted data", _set(["chat_logs", "mood_scores", "audio"], "purposes", 0,
                                        "data_categories"),
     "purposes[0].data_categories names 'audio', which data.categories lacks"),
    ("recording flag without data", _set(True, "recording", "audio"),
     "recording.audio is true but data.categories lacks 'audio'"),
    ("transfer without safeguard", _set("US", "data", "recipients", 0, "country"),
     "data.recipients[0].transfer_mechanism is missing but the data goes to US"),
    ("trains without purpose", _set(True, "ai_systems", 0, "trains_on_client_data"),
     "ai_systems[0].trains_on_client_data is true but no purpose has trains_ai: true"),
    ("research block in clinical", _set({"study_id": "x"}, "research"),
     "research is set but context is clinical"),
    ("clinician in research", _set("research", "context"),
     "clinician is set but context is research"),
    ("tool serves unknown purpose", _set(["nope"], "ai_systems", 0, "purposes"),
     "ai_systems[0].purposes names 'nope'"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "mutate", "expected"), INVALID, ids=[c[0] for c in INVALID])
def test_when_profile_is_invalid_then_error_names_field_and_fix(
    case: str, mutate: Callable[[dict[str, Any]], None], expected: str
) -> None:
    data = base()
    mutate(data)
    with pytest.raises(ProfileError) as caught:
        profile_from(data)
    message = str(caught.value)
    assert expected in message, message
    assert message.startswith("profile.yaml:"), message
    assert ";" in message, "every message says how to fix it"


def test_when_jurisdiction_has_no_defaults_then_crisis_contacts_are_required() -> None:
    data = base()
    data["jurisdiction"] = "FR"
    data["data"]["recipients"][0]["country"] = "FR"
    with pytest.raises(ProfileError, match="crisis_contacts is missing and there are no defaults"):
        profile_from(data)


@pytest.mark.parametrize(
    ("jurisdiction", "numbers", "authority"),
    [("GB", ["999", "111", "116 123"], "ICO"), ("CZ", ["112", "155", "116 123"], "UOOU")],
)
def test_when_jurisdiction_is_known_then_crisis_and_authority_defaults_apply(
    jurisdiction: str, numbers: list[str], authority: str
) -> None:
    data = base()
    data["jurisdiction"] = jurisdiction
    if jurisdiction == "CZ":
        data["data"]["recipients"][0].update(country="DE")
    else:
        data["data"]["recipients"][0].update(country="GB")
    profile = profile_from(data)
    assert [c.number for c in profile.crisis_contacts] == numbers
    assert profile.complaint_authority.code == authority


def test_when_text_is_given_per_language_then_each_language_is_kept() -> None:
    data = base()
    data["ai_systems"][0]["purpose"] = {"en": "to help you journal", "cs": "k vedení deníku"}
    profile = profile_from(data)
    purpose = profile.ai_systems[0].purpose
    assert purpose.get(Language.EN) == "to help you journal"
    assert purpose.get(Language.CS) == "k vedení deníku"


def test_when_text_lacks_the_requested_language_then_error_names_field() -> None:
    profile = profile_from(base())
    with pytest.raises(ProfileError, match=r"ai_systems\[0\]\.purpose has no Czech \(cs\) text"):
        profile.ai_systems[0].purpose.get(Language.CS)


def test_when_profile_is_valid_then_types_are_parsed() -> None:
    profile = profile_from(base())
    assert profile.context is Context.CLINICAL
    assert profile.purposes[0].retention.iso == "P1Y"  # inherited from data.retention
    assert profile.controller.complaints_contact == "hello@riverside.example"


def test_when_yaml_is_broken_then_error_names_line() -> None:
    with pytest.raises(ProfileError, match=r"^bad\.yaml:2: is not valid YAML"):
        parse_profile("language: en\n  context: [\n", source="bad.yaml")
