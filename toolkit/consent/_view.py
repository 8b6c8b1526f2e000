"""Turn a :class:`Profile` into the view the templates lay out: localised display strings.

All computation happens here (labels, dates, durations, country names, which rights apply);
templates only place the strings. The view is a tree of dicts, lists and strings, so that
render.py can escape every string of it for Markdown in one pass.
"""

from __future__ import annotations

import gettext as _gettext
import re
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.units import format_unit

from toolkit.consent._labels import (
    BASIS_ARTICLE,
    CATEGORIES,
    CONDITION_ARTICLE,
    LAWFUL_BASIS,
    MECHANISMS,
    N_,
    RECORDING_KINDS,
    RIGHTS,
    ROLES,
    SPECIAL_CONDITIONS,
)
from toolkit.consent._profile_checks import home_area
from toolkit.consent._profile_types import (
    EEA,
    AiSystem,
    Context,
    Duration,
    Language,
    LawfulBasis,
    Profile,
    Purpose,
)

__all__ = ["build_view", "rights_for"]

View = dict[str, Any]
# Countries whose English short name takes "the" ("in the United States").
_EN_THE = frozenset("AE BS CD CF CG DO GB GM KM KY MH MV NL PH SB TC US VA".split())
_ARTICLE = re.compile(r"^(\d+)\((\d+)\)\(([a-z])\)$")


class _Ctx:
    """What every helper needs: the language and its translations."""

    def __init__(self, lang: Language, translations: _gettext.NullTranslations) -> None:
        self.lang = lang
        self.locale = Locale.parse(lang.locale)
        self._ = translations.gettext

    def date(self, value: Any) -> str:
        return format_date(value, format="long", locale=self.locale)

    def country(self, code: str) -> str:
        name = str(self.locale.territories.get(code, code))
        return f"the {name}" if self.lang is Language.EN and code in _EN_THE else name

    def join(self, items: list[str]) -> str:
        return format_list(items, locale=self.locale) if items else ""

    def duration(self, value: Duration) -> str:
        parts = [
            format_unit(amount, f"duration-{unit}", length="long", locale=self.locale)
            for amount, unit in (
                (value.years, "year"), (value.months, "month"),
                (value.weeks, "week"), (value.days, "day"),
            )
            if amount
        ]  # fmt: skip
        return self.join(parts)

    def article(self, code: str, law: str) -> str:
        """A legal citation in the local style.

        "UK GDPR Article 6(1)(a)" in English, "čl. 6 odst. 1 písm. a) GDPR" in Czech.
        """
        match = _ARTICLE.match(code)
        assert match is not None, code
        art, para, letter = match.groups()
        if self.lang is Language.CS:
            return f"čl. {art} odst. {para} písm. {letter}) {law}"
        return f"{law} Article {code}"


def _clause(text: str) -> str:
    """A value placed before a full stop in a template: drop its own final full stop."""
    return text[:-1].rstrip() if text.endswith(".") and not text.endswith("..") else text


def rights_for(profile: Profile) -> tuple[str, ...]:
    """Data-subject right codes that apply, given the lawful bases and automated decisions."""
    bases = {p.lawful_basis for p in profile.purposes}
    rights = ["access", "rectification", "erasure", "restriction"]
    if bases & {LawfulBasis.CONSENT, LawfulBasis.CONTRACT}:
        rights.append("portability")
    if bases & {LawfulBasis.PUBLIC_TASK, LawfulBasis.LEGITIMATE_INTERESTS}:
        rights.append("objection")
    if any(s.automated_decisions for s in profile.ai_systems):
        rights.append("human_review")
    return tuple(rights)


def build_view(
    profile: Profile, lang: Language, translations: _gettext.NullTranslations, version_id: str
) -> View:
    """The template view of ``profile`` in ``lang``, stating ``version_id``."""
    c = _Ctx(lang, translations)
    tools = [_tool(s, c) for s in profile.ai_systems]
    calm = [t["name"] for t in tools if not t["emotion"]]
    view: View = {
        "lang": lang.tag,
        "tools": tools,
        "tool_names": c.join([t["name"] for t in tools]),
        "passive_tool_names": c.join([t["name"] for t in tools if not t["interacts"]]),
        "no_emotion_names": c.join(calm),
        "no_emotion_count": len(calm),
        "any_interacts": any(s.interacts_with_client for s in profile.ai_systems),
        "any_automated": any(s.automated_decisions for s in profile.ai_systems),
        "recording": _recording(profile, c),
        "document": {
            "id": profile.document.id,
            "version": profile.document.version,
            "date": c.date(profile.document.date),
            "version_id": version_id,
            "valid_for": c.duration(profile.document.consent_valid_for),
        },
    }
    view.update(_data_view(profile, c))
    view.update(_rights_view(profile, c))
    view.update(_people(profile, c, view["tool_names"]))
    return view


def _data_view(profile: Profile, c: _Ctx) -> View:
    """Controller, data collected, purposes, recipients, transfers."""
    purposes = [_purpose(p, profile, c) for p in profile.purposes]
    return {
        "controller": {
            "name": profile.controller.name,
            "contact": profile.controller.contact,
            "dpo": profile.controller.dpo_contact,
            "complaints": profile.controller.complaints_contact,
        },
        "categories": [_category_label(cat.code, cat.label, c) for cat in profile.data.categories],
        "purposes": purposes,
        "consent_purposes": [p for p in purposes if p["tick"]],
        "recipients": [
            {"name": r.name, "does": _clause(r.does.get(c.lang)), "role": c._(ROLES[r.role])}
            for r in profile.data.recipients
        ],
        "transfers": _transfers(profile, c),
        "home": _home(profile.jurisdiction, c),
    }


def _rights_view(profile: Profile, c: _Ctx) -> View:
    """Rights, withdrawal, complaints, crisis contacts and limits of confidentiality."""
    return {
        "rights": [c._(RIGHTS[code]) for code in rights_for(profile)],
        "withdrawal_method": _clause(profile.withdrawal_method.get(c.lang)),
        "authority": {
            "name": profile.complaint_authority.name.get(c.lang),
            "contact": profile.complaint_authority.contact,
        },
        "crisis": [
            {"name": x.name.get(c.lang), "number": x.number, "when": x.when.get(c.lang)}
            for x in profile.crisis_contacts
        ],
        "first_crisis_number": profile.crisis_contacts[0].number,
        "limits": [t.get(c.lang) for t in profile.confidentiality_limits],
    }


def _people(profile: Profile, c: _Ctx, tool_names: str) -> View:
    """Title, the person in charge, and the research block."""
    if profile.context is Context.CLINICAL:
        assert profile.clinician is not None
        return {
            "title": c._(N_("Using %(tools)s in your therapy")) % {"tools": tool_names},
            "subtitle": c._(N_("Information and consent form")),
            "overseer": profile.clinician.name,
            "overseer_role": profile.clinician.role.get(c.lang),
            "overseer_contact": profile.clinician.contact,
            "study": None,
            "research": None,
        }
    assert profile.study is not None and profile.research is not None
    r = profile.research
    return {
        "title": r.title.get(c.lang),
        "subtitle": c._(N_("Information sheet and consent form")),
        "overseer": profile.study.lead,
        "overseer_role": "",
        "overseer_contact": profile.study.contact,
        "study": {"team": profile.study.team, "lead": profile.study.lead},
        "research": {
            "study_id": r.study_id,
            "title": r.title.get(c.lang),
            "aims": r.aims.get(c.lang),
            "why_you": r.why_you.get(c.lang) if r.why_you else "",
            "involvement": [t.get(c.lang) for t in r.involvement],
            "risks": [t.get(c.lang) for t in r.risks],
            "benefits": [t.get(c.lang) for t in r.benefits],
            "committee": r.ethics_approval.committee,
            "ref": r.ethics_approval.ref,
            "approval_date": c.date(r.ethics_approval.date),
            "deadline": c.date(r.data_withdrawal_deadline),
            "debriefing": r.debriefing.get(c.lang),
            "quotes": r.quotes,
            "anonymised": r.anonymised_after_deadline,
        },
    }


def _tool(system: AiSystem, c: _Ctx) -> View:
    lang = c.lang
    return {
        "name": system.name,
        "provider": system.provider,
        "purpose": _clause(system.purpose.get(lang)),
        "can": [t.get(lang) for t in system.can],
        "cannot": [t.get(lang) for t in system.cannot],
        "interacts": system.interacts_with_client,
        "emotion": system.emotion_recognition,
        "emotion_detail": system.emotion_recognition_detail.get(lang)
        if system.emotion_recognition_detail
        else "",
        "automated": system.automated_decisions,
        "automated_detail": system.automated_decisions_detail.get(lang)
        if system.automated_decisions_detail
        else "",
        "trains": system.trains_on_client_data,
        "self_hosted": system.self_hosted,
        "human_review": system.human_review.get(lang) if system.human_review else "",
    }


def _recording(profile: Profile, c: _Ctx) -> View:
    rec = profile.recording
    kinds = [c._(label) for kind, label in RECORDING_KINDS.items() if getattr(rec, kind)]
    return {
        "any": rec.any,
        "kinds": c.join(kinds),
        "detail": rec.detail.get(c.lang) if rec.detail else "",
        "if_no": rec.if_no.get(c.lang) if rec.if_no else "",
    }


def _category_label(code: str, label: Any, c: _Ctx) -> str:
    return label.get(c.lang) if label is not None else c._(CATEGORIES[code][0])


def _law(jurisdiction: str) -> str:
    return "UK GDPR" if jurisdiction == "GB" else "GDPR"


def _purpose(p: Purpose, profile: Profile, c: _Ctx) -> View:
    law = _law(profile.jurisdiction)
    title = _clause(p.title.get(c.lang))
    tick = p.lawful_basis is LawfulBasis.CONSENT or profile.context is Context.RESEARCH
    statement = (
        p.consent_statement.get(c.lang)
        if p.consent_statement
        else c._(N_("%(title)s: I agree.")) % {"title": title}
    )
    condition = p.special_category_condition
    return {
        "id": p.id,
        "title": title,
        "description": p.description.get(c.lang),
        "basis": c._(LAWFUL_BASIS[p.lawful_basis]),
        "basis_ref": c.article(BASIS_ARTICLE[p.lawful_basis], law),
        "condition": c._(SPECIAL_CONDITIONS[condition]) if condition else "",
        "condition_ref": c.article(CONDITION_ARTICLE[condition], law) if condition else "",
        "retention": c.duration(p.retention),
        "retention_note": p.retention_note.get(c.lang) if p.retention_note else "",
        "tick": tick,
        "statement": statement,
        "trains_ai": p.trains_ai,
    }


def _transfers(profile: Profile, c: _Ctx) -> list[View]:
    home = home_area(profile.jurisdiction)
    return [
        {
            "name": r.name,
            "country": c.country(r.country),
            "mechanism": c._(MECHANISMS[r.transfer_mechanism]),
        }
        for r in profile.data.recipients
        if r.country not in home and r.transfer_mechanism is not None
    ]


def _home(jurisdiction: str, c: _Ctx) -> str:
    """The sentence saying data stays at home (a whole sentence, so translations can inflect)."""
    if jurisdiction == "GB":
        return c._(N_("Your information is not sent outside the United Kingdom."))
    if jurisdiction in EEA:
        return c._(N_("Your information is not sent outside the European Economic Area (EEA)."))
    return c._(N_("Your information is not sent outside %(country)s.")) % {
        "country": c.country(jurisdiction)
    }
