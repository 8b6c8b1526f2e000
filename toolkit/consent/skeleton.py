"""A confide.consent/1 record skeleton that points at the rendered document.

The skeleton carries what the document told the person: ``notice.sha256`` is the document's
version id, the purposes, recipients and AI systems come from the profile, and the disclosure
flags are set only for what the rendered document states. What only the person can supply is
left for the caller: their answers (the consent ``events`` entry, and for research the
recording and quotes choices) and their details (pseudonymous id, age, capacity), which the
caller may pass as :class:`SubjectDetails`. Without them those fields are ``null`` and
``confide consent validate`` says what is missing.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

import yaml

from toolkit.consent._labels import CATEGORIES
from toolkit.consent._profile_types import Context, Language, Profile, Purpose, RecipientRole
from toolkit.consent._view import rights_for
from toolkit.consent.render import RenderedDocument

__all__ = ["SubjectDetails", "dump_skeleton", "record_skeleton"]

SCHEMA_VERSION = "confide.consent/1"
# Record roles (the validator's vocabulary): a sub-processor is a processor in law.
_ROLE = {
    RecipientRole.PROCESSOR: "processor",
    RecipientRole.SUB_PROCESSOR: "processor",
    RecipientRole.JOINT_CONTROLLER: "joint_controller",
    RecipientRole.CONTROLLER: "controller",
}
# disclosure flag of the record -> element the document must state for it to be true
_FLAGS = {
    "ai_limitations": "ai_limitations",
    "not_a_therapist": "not_a_therapist",
    "human_oversight": "human_oversight",
    "crisis_limits": "not_for_crisis",
    "crisis_contacts": "crisis_contacts",
    "overreliance_risk": "overreliance_risk",
    "emotion_recognition_stated": "emotion_recognition",
    "confidentiality_limits": "confidentiality_limits",
}


@dataclass(frozen=True)
class SubjectDetails:
    """What only the person (or the clinician with them) knows; ``None`` leaves it to fill."""

    subject_id: str | None = None
    age_at_consent: int | None = None
    capacity_confirmed: bool | None = None
    #: The answer to the recording yes/no question (research), for every medium offered.
    recording: bool | None = None
    #: The answer to the quotes yes/no question (research).
    quotes: bool | None = None


def record_skeleton(
    profile: Profile,
    document: RenderedDocument,
    *,
    shown_at: dt.datetime,
    subject: SubjectDetails | None = None,
    record_id: str | None = None,
) -> dict[str, Any]:
    """The record skeleton for ``document`` (rendered from ``profile``) shown at ``shown_at``."""
    person = subject or SubjectDetails()
    shown = _iso(shown_at)
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "record_id": record_id or str(uuid.uuid4()),
        "subject_id": person.subject_id,
        "jurisdiction": profile.jurisdiction,
        "language": document.language.tag,
        "context": profile.context.value,
        "notice": {
            "id": profile.document.id,
            "version": profile.document.version,
            "sha256": document.version_id,
        },
        "controller": {
            "name": profile.controller.name,
            "contact": profile.controller.contact,
            "dpo_contact": profile.controller.dpo_contact,
            "complaints_contact": profile.controller.complaints_contact,
        },
        "authority": profile.complaint_authority.code,
        "recipients": [_recipient(r) for r in profile.data.recipients],
        "purposes": [_purpose(p, profile, document.language) for p in profile.purposes],
        "ai_systems": [_ai_system(s, profile) for s in profile.ai_systems],
        "disclosures": _disclosures(profile, document, shown),
        "subject": {
            "age_at_consent": person.age_at_consent,
            "capacity_confirmed": person.capacity_confirmed,
        },
        "events": [],
        "valid_until": _iso(profile.document.consent_valid_for.add_to(shown_at)),
    }
    if profile.context is Context.RESEARCH:
        record["research"] = _research(profile, person)
    return record


def _iso(when: dt.datetime) -> str:
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _recipient(r: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"name": r.name, "role": _ROLE[r.role], "country": r.country}
    if r.transfer_mechanism is not None:
        out["transfer_mechanism"] = r.transfer_mechanism.value
    return out


def _purpose(p: Purpose, profile: Profile, lang: Language) -> dict[str, Any]:
    categories = list(p.data_categories)
    health = {c.code for c in profile.data.categories if c.health}
    health |= {code for code, (_, is_health) in CATEGORIES.items() if is_health}
    if set(categories) & health and not {"health", "mental_health"} & set(categories):
        categories.append("health")  # the record's word for special-category health data
    out: dict[str, Any] = {
        "id": p.id,
        "description": p.description.get(lang),
        "lawful_basis": p.lawful_basis.value,
        "data_categories": categories,
        "required_for_service": p.required_for_service,
        "retention": p.retention.iso,
        "automated_decision_making": p.automated_decision_making,
    }
    if p.special_category_condition is not None:
        out["special_category_condition"] = p.special_category_condition.value
    if p.trains_ai:
        out["trains_ai"] = True
    if p.automated_decision_making:
        out["human_review"] = True  # the document promises a person will review on request
    return out


def _ai_system(s: Any, profile: Profile) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": s.name,
        "provider": s.provider,
        "purposes": list(s.purposes or (p.id for p in profile.purposes)),
        "interacts_with_subject": s.interacts_with_client,
        "emotion_recognition": s.emotion_recognition,
        "trains_on_subject_data": s.trains_on_client_data,
    }
    if s.self_hosted:
        out["processes_personal_data"] = False  # the provider receives no personal data
    return out


def _disclosures(profile: Profile, document: RenderedDocument, shown: str) -> dict[str, Any]:
    stated = document.elements
    out: dict[str, Any] = {
        "withdrawal_right_shown_at": shown if "withdrawal_right" in stated else None,
        "withdrawal_method": profile.withdrawal_method.get(document.language),
        "ai_disclosure_shown_at": shown if "ai_identity" in stated else None,
    }
    if any(s.emotion_recognition for s in profile.ai_systems) and "emotion_recognition" in stated:
        out["emotion_recognition_shown_at"] = shown
    for flag, element in _FLAGS.items():
        out[flag] = element in stated
    # a yes/no question about recording is on the form only when something is recorded
    out["recording_choice"] = profile.recording.any and "recording_choice" in stated
    out["automated_decisions"] = "automated_decisions" in stated
    out["rights"] = list(rights_for(profile)) if "rights" in stated else []
    return out


def _research(profile: Profile, person: SubjectDetails) -> dict[str, Any]:
    r = profile.research
    assert r is not None
    rec = profile.recording
    choice = person.recording
    return {
        "study_id": r.study_id,
        "information_shown": {"aims": True, "involvement": True, "risks": bool(r.risks)},
        "ethics_approval": {
            "committee": r.ethics_approval.committee,
            "ref": r.ethics_approval.ref,
            "date": r.ethics_approval.date.isoformat(),
        },
        "recording_consent": {
            "audio": choice if rec.audio else False,
            "video": choice if rec.video else False,
            "transcript": choice if rec.transcript else False,
            "quotes": person.quotes if r.quotes else False,
        },
        "data_withdrawal_deadline": r.data_withdrawal_deadline.isoformat(),
        "anonymised_after_deadline": r.anonymised_after_deadline,
        "deception": False,
        "debrief_planned": True,
    }


def dump_skeleton(record: dict[str, Any], *, as_yaml: bool) -> str:
    """The skeleton as YAML (with a header comment) or as JSON."""
    if not as_yaml:
        return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    header = (
        "# confide.consent/1 record skeleton. notice.sha256 is the version id of the document\n"
        "# the person saw. Fill the nulls, then add one consent event per purpose decided, e.g.\n"
        "#   events: [{state: given, at: ..., by: subject, method: e_signature,\n"
        "#             purposes: [ONE-PURPOSE-ID], evidence_sha256: ...}]\n"
    )
    return header + yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100)
