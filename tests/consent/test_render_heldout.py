"""Held-out check: profiles written here (a tool and a practice not in examples/) render to every
format, and the text extracted from each states every element of issue 5, item 1."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.consent._render_support import (
    html_text,
    md_text,
    normalise,
    pdf_text,
    profile_from,
    textstat_scores,
    txt_text,
)
from toolkit.consent.profile import Profile
from toolkit.consent.render import Format, render_document

TRIAGE: dict[str, Any] = {
    "document": {"id": "waypoint-triage", "version": "0.9", "date": "2025-07-01"},
    "language": "en-GB", "context": "clinical", "jurisdiction": "GB",
    "controller": {"name": "Harbourside Online Counselling Ltd",
                   "contact": "support@harbourside.example",
                   "dpo_contact": "privacy-officer@harbourside.example",
                   "complaints_contact": "complaints@harbourside.example"},
    "clinician": {"name": "Jordan Ellis", "role": "senior counsellor",
                  "contact": "jordan.ellis@harbourside.example"},
    "ai_systems": [{
        "name": "Waypoint", "provider": "Meridian Health AI GmbH",
        "purpose": "to read your first message and suggest how soon a counsellor should reply",
        "can": ["sort new messages by how urgent they seem."],
        "cannot": ["decide on its own who gets help first.", "diagnose any condition."],
        "interacts_with_client": True, "emotion_recognition": True,
        "emotion_recognition_detail": "It looks for signs of distress in the words you type.",
        "automated_decisions": False, "trains_on_client_data": True,
        "human_review": "Jordan reads every message and can change the order.",
    }],
    "recording": {"audio": True, "video": False, "transcript": True,
                  "detail": "We record your first phone call and Waypoint writes a transcript.",
                  "if_no": "Jordan takes notes by hand instead."},
    "data": {
        "categories": ["contact_details", "messages", "audio", "transcript"],
        "retention": "P2Y",
        "recipients": [{"name": "Meridian Health AI GmbH", "role": "processor", "country": "DE",
                        "does": "runs Waypoint on its servers in Germany",
                        "transfer_mechanism": "adequacy"}],
    },
    "purposes": [
        {"id": "triage", "title": "Sorting new messages",
         "description": "Waypoint suggests how urgent your first message is.",
         "lawful_basis": "consent", "special_category_condition": "explicit_consent",
         "data_categories": ["contact_details", "messages", "audio", "transcript"],
         "required_for_service": False, "retention": "P18M"},
        {"id": "improve-waypoint", "title": "Improving Waypoint",
         "description": "Meridian uses your messages, with names removed, to improve Waypoint.",
         "lawful_basis": "consent", "special_category_condition": "explicit_consent",
         "data_categories": ["messages"], "required_for_service": False, "trains_ai": True,
         "retention": "P3Y"},
    ],
    "withdrawal_method": "reply STOP to any message, or email support@harbourside.example",
}  # fmt: skip

JOURNAL_STUDY: dict[str, Any] = {
    "document": {"id": "reflect-study-pis", "version": "1.1", "date": "2025-03-10"},
    "language": "en-GB", "context": "research", "jurisdiction": "CZ",
    "controller": {"name": "Vltava Institute of Psychology",
                   "contact": "office@vltava-institute.example",
                   "dpo_contact": "dpo@vltava-institute.example"},
    "study": {"team": "The REFLECT study team", "lead": "Dr Eva Horáková",
              "contact": "reflect@vltava-institute.example"},
    "ai_systems": [{
        "name": "Reflect Helper", "provider": "Quill Language Systems SE",
        "purpose": "to suggest a short question when you write in your journal",
        "cannot": ["know you or your history.", "give therapy."],
        "interacts_with_client": True, "emotion_recognition": False,
        "automated_decisions": False, "trains_on_client_data": False,
    }],
    "recording": {"audio": False, "video": False, "transcript": False},
    "data": {
        "categories": ["chat_logs", "questionnaire_scores"],
        "retention": "P5Y",
        "recipients": [{"name": "Quill Language Systems SE", "role": "processor", "country": "AT",
                        "does": "runs Reflect Helper"}],
    },
    "purposes": [{
        "id": "journal-study", "title": "Taking part in the REFLECT study",
        "description": "We study your journal entries and questionnaires.",
        "lawful_basis": "consent", "special_category_condition": "explicit_consent",
        "data_categories": ["chat_logs", "questionnaire_scores"], "required_for_service": False,
    }],
    "withdrawal_method": "email reflect@vltava-institute.example",
    "research": {
        "study_id": "REFLECT-2025", "title": "REFLECT: journaling with an AI helper",
        "aims": "We want to find out if short questions help people reflect between sessions.",
        "involvement": ["You write a short journal entry three times a week for 8 weeks."],
        "ethics_approval": {"committee": "Vltava Institute Ethics Committee",
                            "ref": "VIEC-25-031", "date": "2025-02-20"},
        "data_withdrawal_deadline": "2025-11-30",
        "debriefing": "At the end we send you a summary and explain what we learned.",
        "risks": ["Writing about feelings can be upsetting at times."],
        "benefits": ["You may find journaling helpful, but we cannot promise this."],
        "anonymised_after_deadline": True,
    },
}  # fmt: skip


def _statements(p: Profile) -> dict[str, list[str]]:
    """Issue 5 item 1, element by element: phrases the extracted text must contain."""
    tool, en = p.ai_systems[0], p.language
    carer = p.clinician.name if p.clinician else p.study.lead  # type: ignore[union-attr]
    numbers = [c.number for c in p.crisis_contacts]
    recipients = [r.name for r in p.data.recipients]
    s = {
        "program, not a person, provider, use": [
            f"{tool.name} is a computer program",
            "It is not a person",
            tool.provider,
            tool.purpose.get(en),
        ],
        "what it can and cannot do": [
            "does not understand",
            "has no feelings",
            f"{tool.name} can be wrong",
            f"{tool.name} is not a therapist",
            f"{carer} checks" if p.clinician else f"{carer} and the study team check",
            *(c.get(en)[:-1] for c in tool.cannot),
        ],
        "not for emergencies, crisis contacts, reliance": [
            "is not for emergencies",
            *numbers,
            "Relying on it too much",
            "lean on it",
        ],
        "recording, with its own yes/no": (
            ["sound recordings and written transcripts", "separate yes or no question", "Yes", "No"]
            if p.recording.any
            else ["We do not record your sessions"]
        ),
        "emotion recognition": (
            [f"{tool.name} tries to recognise your emotions", "can be wrong"]
            if tool.emotion_recognition
            else ["does not try to recognise your emotions"]
        ),
        "controller and DPO": [p.controller.name, p.controller.dpo_contact],
        "what, why, legal basis": [
            "We collect",
            *(pu.description.get(en) for pu in p.purposes),
            "The legal reason",
            "your consent",
            "Article 6(1)(a)",
            "Article 9(2)(a)",
        ],
        "recipients, transfers, retention, training": [
            *recipients,
            "How long we keep it",
            "then we delete it",
            "Training the AI",
        ],
        "withdraw, rights, complaint, confidentiality": [
            "withdraw your consent at any time",
            "It will not affect your care",
            p.withdrawal_method.get(en),
            "get a copy of your information",
            "have your information deleted",
            p.complaint_authority.name.get(en),
            "Limits of confidentiality",
        ],
        "voluntary": ["is your choice", "If you say no"],
        "key facts first": ["The most important things to know"],
    }
    if p.research is not None:
        r = p.research
        s["research"] = [
            r.aims.get(en),
            *(i.get(en) for i in r.involvement),
            r.ethics_approval.committee,
            r.ethics_approval.ref,
            "30 November 2025",
            r.debriefing.get(en),
            "Consent form",
            "I agree",
            "Your signature",
        ]
    return s


EXTRACT: dict[Format, Callable[[bytes], str]] = {
    Format.HTML: lambda b: html_text(b.decode()),
    Format.MARKDOWN: lambda b: md_text(b.decode()),
    Format.TEXT: lambda b: txt_text(b.decode()),
    Format.PDF: pdf_text,
}
HELD_OUT = {"triage": TRIAGE, "journal-study": JOURNAL_STUDY}


@pytest.fixture(scope="module", params=sorted(HELD_OUT))
def held_out(request: pytest.FixtureRequest) -> tuple[Profile, dict[Format, str]]:
    pytest.importorskip("weasyprint")
    pytest.importorskip("pypdf")
    profile = profile_from({"schema_version": "confide.profile/1", **HELD_OUT[request.param]})
    texts = {}
    for fmt, extract in EXTRACT.items():
        document = render_document(profile, fmt)
        assert document.checklist.passed, document.checklist.misses
        assert document.readability.passed, document.readability.misses
        texts[fmt] = extract(document.content)
    return profile, texts


@pytest.mark.parametrize("fmt", list(EXTRACT), ids=lambda f: f.value)
def test_when_held_out_profile_is_rendered_then_every_element_is_stated(
    held_out: tuple[Profile, dict[Format, str]], fmt: Format
) -> None:
    profile, texts = held_out
    text = normalise(texts[fmt]).casefold()
    missing = {
        element: phrase
        for element, phrases in _statements(profile).items()
        for phrase in phrases
        if normalise(phrase).casefold() not in text
    }
    assert not missing, missing


@pytest.mark.parametrize("fmt", list(EXTRACT), ids=lambda f: f.value)
def test_when_held_out_text_is_measured_by_textstat_then_bars_hold(
    held_out: tuple[Profile, dict[Format, str]], fmt: Format
) -> None:
    _, texts = held_out
    grade, ease = textstat_scores(texts[fmt])
    assert grade <= 8, f"{fmt.value}: Flesch-Kincaid grade {grade:.1f}"
    assert ease >= 60, f"{fmt.value}: Reading Ease {ease:.1f}"


def test_when_triage_tool_trains_on_data_then_document_says_so_and_asks_separately() -> None:
    profile = profile_from({"schema_version": "confide.profile/1", **TRIAGE})
    text = normalise(render_document(profile, Format.TEXT).text)
    assert "would like to use your information to improve Waypoint" in text
    assert "may not be possible to take it out again" in text
    assert "[ ] Improving Waypoint: I agree." in text
    assert "handles your data in Germany" in text and "adequacy decision" in text
