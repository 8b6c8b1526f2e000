"""Load and validate a consent-document profile (YAML) into frozen dataclasses.

A profile is what a clinician or study team writes to render a consent document (DESIGN.md,
"Consent document profile"). Every missing, unknown or contradictory field is a
:class:`~toolkit.errors.ProfileError` that names the file, the line and the field, e.g.
``profile.yaml:12: ai_systems[0].provider is missing; add the company that provides the tool``.

Client-facing free text may be a plain string (in the profile's ``language``) or one string
per language, ``{en: ..., cs: ...}``; rendering in a language the text lacks is an error.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from toolkit.consent._labels import CATEGORIES
from toolkit.consent._profile_checks import check_profile
from toolkit.consent._profile_defaults import DEFAULT_AUTHORITY, DEFAULT_CRISIS_CONTACTS
from toolkit.consent._profile_reader import Reader
from toolkit.consent._profile_types import (
    AiSystem,
    Authority,
    Category,
    Clinician,
    Context,
    Controller,
    CrisisContact,
    DataSection,
    DocumentInfo,
    Duration,
    EthicsApproval,
    Language,
    LawfulBasis,
    Profile,
    Purpose,
    Recipient,
    RecipientRole,
    Recording,
    Research,
    SpecialCondition,
    Study,
    Text,
    TransferMechanism,
)
from toolkit.consent._yaml_lines import LineMap, load_yaml_with_lines
from toolkit.errors import ProfileError

__all__ = [
    "AiSystem",
    "Authority",
    "Category",
    "Clinician",
    "Context",
    "Controller",
    "CrisisContact",
    "DataSection",
    "DocumentInfo",
    "Duration",
    "EthicsApproval",
    "Language",
    "LawfulBasis",
    "Profile",
    "Purpose",
    "Recipient",
    "RecipientRole",
    "Recording",
    "Research",
    "SpecialCondition",
    "Study",
    "Text",
    "TransferMechanism",
    "load_profile",
    "parse_profile",
]

_TOP = {
    "schema_version", "document", "language", "context", "jurisdiction", "controller",
    "clinician", "study", "ai_systems", "recording", "data", "purposes", "withdrawal_method",
    "crisis_contacts", "complaint_authority", "confidentiality_limits", "research",
}  # fmt: skip
_LANGUAGES = {"en": Language.EN, "en-gb": Language.EN, "cs": Language.CS, "cs-cz": Language.CS}
SCHEMA = "confide.profile/1"


def load_profile(path: str | Path) -> Profile:
    """Read, parse and validate the profile at ``path``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError("file not found; check the path", where=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(
            f"cannot be read ({type(exc).__name__}); save it as UTF-8 text", where=path
        ) from None
    return parse_profile(text, source=str(path))


def parse_profile(text: str, *, source: str = "profile.yaml") -> Profile:
    """Parse and validate profile YAML ``text``; ``source`` names it in errors."""
    try:
        data = load_yaml_with_lines(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{source}:{mark.line + 1}" if mark is not None else source
        raise ProfileError(
            "is not valid YAML; check indentation and quoting", where=where
        ) from None
    if not isinstance(data, LineMap):
        raise ProfileError("must be a YAML mapping of profile fields", where=source)
    language = _language(data, source)
    top = Reader(data, path="", source=source, language=language)
    top.reject_unknown(_TOP)
    if top.has("schema_version") and top.string("schema_version", "") != SCHEMA:
        raise top.error("schema_version", f"is not {SCHEMA}", f"write schema_version: {SCHEMA}")
    profile = _build(top, language, source)
    check_profile(profile, top)
    return profile


def _language(data: LineMap, source: str) -> Language:
    raw = data.get("language")
    line = data.line_of("language")
    if raw in (None, ""):
        raise ProfileError(
            "language is missing; write language: en-GB or cs-CZ", where=f"{source}:{line}"
        )
    lang = _LANGUAGES.get(str(raw).lower())
    if lang is None:
        raise ProfileError(
            "language is not supported; use en-GB or cs-CZ", where=f"{source}:{line}"
        )
    return lang


def _build(top: Reader, language: Language, source: str) -> Profile:
    context = top.choice("context", Context, "write context: clinical or context: research")
    jurisdiction = top.country("jurisdiction", "write the country code, e.g. GB or CZ")
    _check_sections(top, context)
    document = _document(top.sub("document", "add document: {id, version, date}"))
    data = _data(top.sub("data", "add data: {categories, retention, recipients}"))
    return Profile(
        source=source,
        document=document,
        language=language,
        context=context,
        jurisdiction=jurisdiction,
        controller=_controller(top.sub("controller", "add who is responsible for the data")),
        clinician=_clinician(top) if top.has("clinician") else None,
        study=_study(top) if top.has("study") else None,
        ai_systems=tuple(
            _ai_system(r) for r in top.subs("ai_systems", "list the AI tools the document covers")
        ),
        recording=_recording(top),
        data=data,
        purposes=tuple(
            _purpose(r, data.retention) for r in top.subs("purposes", "list why the data is used")
        ),
        withdrawal_method=top.text(
            "withdrawal_method", "say exactly how a person withdraws, e.g. tell your therapist"
        ),
        crisis_contacts=_crisis_contacts(top, jurisdiction),
        complaint_authority=_authority(top, jurisdiction),
        confidentiality_limits=top.text_list(
            "confidentiality_limits", "list extra limits of confidentiality", optional=True
        ),
        research=_research(top) if top.has("research") else None,
    )


def _check_sections(top: Reader, context: Context) -> None:
    """The sections a context needs, and those it must not have, before reading them."""
    if context is Context.CLINICAL:
        for extra in ("research", "study"):
            if top.has(extra):
                raise top.error(
                    extra, "is set but context is clinical", "remove it or set context: research"
                )
        top.required("clinician", "add clinician: {name, role, contact}")
    else:
        if top.has("clinician"):
            raise top.error(
                "clinician", "is set but context is research", "name the team under study"
            )
        top.required("study", "add study: {team, lead, contact}")
        top.required("research", "add the research section (aims, ethics approval, ...)")


def _document(r: Reader) -> DocumentInfo:
    r.reject_unknown({"id", "version", "date", "consent_valid_for"})
    return DocumentInfo(
        id=r.string("id", "give the document a short id, e.g. thistle-between-sessions"),
        version=r.string("version", 'give the document version, e.g. "1.0"'),
        date=r.date("date", "give the date of this version"),
        consent_valid_for=r.duration("consent_valid_for", "")
        if r.has("consent_valid_for")
        else Duration(iso="P1Y", years=1),
    )


def _controller(r: Reader) -> Controller:
    r.reject_unknown({"name", "contact", "dpo_contact", "complaints_contact"})
    contact = r.string("contact", "give an address, email or phone number")
    return Controller(
        name=r.string("name", "name the organisation responsible for the data"),
        contact=contact,
        dpo_contact=r.string("dpo_contact", "give how to reach the data protection officer"),
        complaints_contact=r.opt_string("complaints_contact", "") or contact,
    )


def _clinician(top: Reader) -> Clinician:
    r = top.sub("clinician", "add the clinician who uses the tool")
    r.reject_unknown({"name", "role", "contact"})
    return Clinician(
        name=r.string("name", "name the clinician, e.g. Dr Sam Taylor"),
        role=r.text("role", "give the clinician's role, e.g. clinical psychologist"),
        contact=r.string("contact", "give how clients reach the clinician"),
    )


def _study(top: Reader) -> Study:
    r = top.sub("study", "add the study team")
    r.reject_unknown({"team", "lead", "contact"})
    return Study(
        team=r.string("team", "name the study team, e.g. The CALM study team at ..."),
        lead=r.string("lead", "name the person who leads the study"),
        contact=r.string("contact", "give how participants reach the study team"),
    )


_AI_FIELDS = {
    "name", "provider", "purpose", "can", "cannot", "interacts_with_client",
    "emotion_recognition", "emotion_recognition_detail", "automated_decisions",
    "automated_decisions_detail", "data_location", "trains_on_client_data", "self_hosted",
    "human_review", "purposes",
}  # fmt: skip


def _ai_system(r: Reader) -> AiSystem:
    r.reject_unknown(_AI_FIELDS)
    return AiSystem(
        name=r.string("name", "give the name of the tool"),
        provider=r.string("provider", "add the company that provides the tool"),
        purpose=r.text("purpose", 'say what it is used for here, e.g. "to help you practise ..."'),
        can=r.text_list("can", "list what the tool can help with", optional=True),
        cannot=r.text_list("cannot", "list what the tool cannot do"),
        interacts_with_client=r.boolean("interacts_with_client"),
        emotion_recognition=r.boolean("emotion_recognition"),
        emotion_recognition_detail=r.opt_text("emotion_recognition_detail", ""),
        automated_decisions=r.boolean("automated_decisions"),
        automated_decisions_detail=r.opt_text("automated_decisions_detail", ""),
        data_location=r.country("data_location", "") if r.has("data_location") else None,
        trains_on_client_data=r.boolean("trains_on_client_data"),
        self_hosted=r.boolean("self_hosted", default=False),
        human_review=r.opt_text("human_review", ""),
        purposes=tuple(str(p) for p in r.list_of("purposes", "", optional=True)),
    )


def _recording(top: Reader) -> Recording:
    r = top.sub("recording", "say whether sessions are recorded: recording: {audio: false, ...}")
    r.reject_unknown({"audio", "video", "transcript", "detail", "if_no"})
    return Recording(
        audio=r.boolean("audio"),
        video=r.boolean("video"),
        transcript=r.boolean("transcript"),
        detail=r.opt_text("detail", ""),
        if_no=r.opt_text("if_no", ""),
    )


def _data(r: Reader) -> DataSection:
    r.reject_unknown({"categories", "retention", "recipients"})
    categories = []
    for i, item in enumerate(r.list_of("categories", "list the kinds of data collected")):
        categories.append(_category(r, i, item))
    return DataSection(
        categories=tuple(categories),
        retention=r.duration("retention", "give how long data is kept, e.g. P2Y"),
        recipients=tuple(_recipient(x) for x in r.subs("recipients", "list who receives the data")),
    )


def _category(r: Reader, i: int, item: object) -> Category:
    field = f"{r.field('categories')}[{i}]"
    if isinstance(item, str) and item in CATEGORIES:
        return Category(code=item, label=None, health=CATEGORIES[item][1])
    if isinstance(item, LineMap):
        sub = Reader(item, path=field, source=r.source, language=r.language)
        sub.reject_unknown({"id", "label", "health"})
        return Category(
            code=sub.string("id", "give the category a code"),
            label=sub.text("label", "say in plain words what the data is"),
            health=sub.boolean("health", default=True),
        )
    known = ", ".join(sorted(CATEGORIES))
    raise ProfileError(
        f"{field} is not a known data category; use one of {known}, "
        "or write {id: ..., label: ..., health: true|false}",
        where=r.where("categories"),
    )


def _recipient(r: Reader) -> Recipient:
    r.reject_unknown({"name", "role", "country", "does", "transfer_mechanism"})
    return Recipient(
        name=r.string("name", "name the organisation that receives the data"),
        role=r.choice("role", RecipientRole, "say how they stand to you, e.g. processor"),
        country=r.country("country", "give the country where they handle the data"),
        does=r.text("does", "say in plain words what they do with the data"),
        transfer_mechanism=r.opt_choice("transfer_mechanism", TransferMechanism, ""),
    )


_PURPOSE_FIELDS = {
    "id", "title", "description", "lawful_basis", "special_category_condition",
    "data_categories", "required_for_service", "retention", "retention_note",
    "automated_decision_making", "trains_ai", "consent_statement",
}  # fmt: skip


def _purpose(r: Reader, default_retention: Duration) -> Purpose:
    r.reject_unknown(_PURPOSE_FIELDS)
    codes = r.list_of("data_categories", "list the data categories this purpose uses")
    return Purpose(
        id=r.string("id", "give the purpose a short id, e.g. between-session-support"),
        title=r.text("title", "give a short title, e.g. Using Thistle between sessions"),
        description=r.text("description", "say in one or two sentences what you do and why"),
        lawful_basis=r.choice("lawful_basis", LawfulBasis, "give the GDPR Art. 6 lawful basis"),
        special_category_condition=r.opt_choice("special_category_condition", SpecialCondition, ""),
        data_categories=tuple(str(code) for code in codes),
        required_for_service=r.boolean("required_for_service"),
        retention=r.duration("retention", "give how long this data is kept, e.g. P1Y")
        if r.has("retention")
        else default_retention,
        retention_note=r.opt_text("retention_note", ""),
        automated_decision_making=r.boolean("automated_decision_making", default=False),
        trains_ai=r.boolean("trains_ai", default=False),
        consent_statement=r.opt_text("consent_statement", ""),
    )


def _crisis_contacts(top: Reader, jurisdiction: str) -> tuple[CrisisContact, ...]:
    if not top.has("crisis_contacts"):
        if jurisdiction not in DEFAULT_CRISIS_CONTACTS:
            raise top.error(
                "crisis_contacts",
                f"is missing and there are no defaults for {jurisdiction}",
                "list the emergency and crisis numbers: [{name, number, when}]",
            )
        return DEFAULT_CRISIS_CONTACTS[jurisdiction]
    contacts = []
    for r in top.subs("crisis_contacts", "list the emergency and crisis numbers"):
        r.reject_unknown({"name", "number", "when"})
        contacts.append(CrisisContact(
            name=r.text("name", "name the service"),
            number=r.string("number", "give the phone number"),
            when=r.text("when", "say when to call, e.g. Call if you are in danger now."),
        ))  # fmt: skip
    return tuple(contacts)


def _authority(top: Reader, jurisdiction: str) -> Authority:
    if not top.has("complaint_authority"):
        if jurisdiction not in DEFAULT_AUTHORITY:
            raise top.error(
                "complaint_authority",
                f"is missing and there is no default for {jurisdiction}",
                "add complaint_authority: {code, name, contact}",
            )
        return DEFAULT_AUTHORITY[jurisdiction]
    r = top.sub("complaint_authority", "add complaint_authority: {code, name, contact}")
    r.reject_unknown({"code", "name", "contact"})
    return Authority(
        code=r.string("code", "give the authority's short code, e.g. ICO or UOOU"),
        name=r.text("name", "name the data protection authority"),
        contact=r.string("contact", "give its website or phone number"),
    )


_RESEARCH_FIELDS = {
    "study_id", "title", "aims", "why_you", "involvement", "ethics_approval",
    "data_withdrawal_deadline", "debriefing", "risks", "benefits", "quotes",
    "anonymised_after_deadline",
}  # fmt: skip


def _research(top: Reader) -> Research:
    r = top.sub("research", "add the research section")
    r.reject_unknown(_RESEARCH_FIELDS)
    ethics = r.sub("ethics_approval", "add ethics_approval: {committee, ref, date}")
    ethics.reject_unknown({"committee", "ref", "date"})
    return Research(
        study_id=r.string("study_id", "give the study id"),
        title=r.text("title", "give the study title"),
        aims=r.text("aims", "say in plain words what the study wants to find out"),
        why_you=r.opt_text("why_you", ""),
        involvement=r.text_list("involvement", "list what taking part involves"),
        ethics_approval=EthicsApproval(
            committee=ethics.string("committee", "name the research ethics committee"),
            ref=ethics.string("ref", "give the approval reference"),
            date=ethics.date("date", "give the approval date"),
        ),
        data_withdrawal_deadline=r.date(
            "data_withdrawal_deadline", "give the last date a participant can remove their data"
        ),
        debriefing=r.text("debriefing", "say what participants are told after the study"),
        risks=r.text_list("risks", "list the possible risks of taking part"),
        benefits=r.text_list("benefits", "list the possible benefits (or say there are none)"),
        quotes=r.boolean("quotes", default=False),
        anonymised_after_deadline=r.boolean("anonymised_after_deadline", default=False),
    )
