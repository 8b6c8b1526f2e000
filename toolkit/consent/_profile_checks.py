"""Cross-field checks of a parsed profile: fields that contradict each other.

Each check raises a :class:`ProfileError` naming the field (and its line) and the fix.
"""

from __future__ import annotations

import re
from typing import Any

from toolkit.consent._labels import HEALTH_CATEGORIES
from toolkit.consent._profile_reader import Reader
from toolkit.consent._profile_types import (
    EEA,
    AiSystem,
    Context,
    LawfulBasis,
    Profile,
    TransferMechanism,
)
from toolkit.consent._yaml_lines import LineMap
from toolkit.errors import ProfileError

__all__ = ["check_profile", "home_area"]

_SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_RECORDED = ("audio", "video", "transcript")


def home_area(jurisdiction: str) -> frozenset[str]:
    """Countries data can go to without a transfer safeguard, seen from ``jurisdiction``."""
    return EEA if jurisdiction in EEA else frozenset({jurisdiction})


class _Fail:
    """Builds errors that name a dotted field and the line it (or its parent) is on."""

    def __init__(self, top: Reader) -> None:
        self.top = top

    def __call__(self, path: tuple[str | int, ...], problem: str, fix: str) -> ProfileError:
        field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
        return ProfileError(f"{field} {problem}; {fix}", where=self._where(path))

    def _where(self, path: tuple[str | int, ...]) -> str:
        node: Any = self.top.data
        line = self.top.data.line
        for part in path:
            if isinstance(node, LineMap) and isinstance(part, str) and part in node:
                line = node.line_of(part)
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
                line = node.line if isinstance(node, LineMap) else line
            else:
                break
        return f"{self.top.source}:{line}"


def check_profile(profile: Profile, top: Reader) -> None:
    """Raise :class:`ProfileError` for the first contradiction found in ``profile``."""
    fail = _Fail(top)
    _check_context(profile, fail)
    if not _SLUG.match(profile.document.id):
        raise fail(("document", "id"), "must be a short lower-case id", "use e.g. thistle-cbt")
    for i, system in enumerate(profile.ai_systems):
        _check_ai_system(profile, i, system, fail)
    _check_purposes(profile, fail)
    _check_recording(profile, fail)
    _check_recipients(profile, fail)
    if profile.research is not None:
        _check_research(profile, fail)


def _check_context(profile: Profile, fail: _Fail) -> None:
    if profile.context is Context.CLINICAL:
        if profile.clinician is None:
            raise fail(("clinician",), "is missing", "add clinician: {name, role, contact}")
        for extra in ("research", "study"):
            if getattr(profile, extra) is not None:
                raise fail(
                    (extra,), "is set but context is clinical", "remove it or set context: research"
                )
    else:
        if profile.study is None:
            raise fail(("study",), "is missing", "add study: {team, lead, contact}")
        if profile.research is None:
            raise fail(("research",), "is missing", "add the research section (aims, ethics, ...)")
        if profile.clinician is not None:
            raise fail(
                ("clinician",), "is set but context is research", "name the team under study"
            )


def _check_ai_system(profile: Profile, i: int, system: AiSystem, fail: _Fail) -> None:
    at = ("ai_systems", i)
    for flag, detail in (
        ("emotion_recognition", system.emotion_recognition_detail),
        ("automated_decisions", system.automated_decisions_detail),
    ):
        if getattr(system, flag) and detail is None:
            raise fail(
                (*at, f"{flag}_detail"),
                f"is missing but {flag} is true",
                "say in plain words what it does",
            )
        if not getattr(system, flag) and detail is not None:
            raise fail(
                (*at, f"{flag}_detail"), f"is set but {flag} is false", "remove it or set the flag"
            )
    names = {r.name.casefold(): r for r in profile.data.recipients}
    provider = names.get(system.provider.casefold())
    if not system.self_hosted and provider is None:
        raise fail(
            (*at, "provider"),
            "is not listed in data.recipients",
            "add the provider as a recipient (usually role: processor), or set self_hosted: true",
        )
    if system.data_location and provider is not None and provider.country != system.data_location:
        raise fail(
            (*at, "data_location"),
            f"is {system.data_location} but the provider's recipient entry says {provider.country}",
            "make them agree",
        )
    known = {p.id for p in profile.purposes}
    for purpose_id in system.purposes:
        if purpose_id not in known:
            raise fail(
                (*at, "purposes"), f"names {purpose_id!r}, which purposes lacks", "use a purpose id"
            )
    if system.trains_on_client_data and not any(p.trains_ai for p in profile.purposes):
        raise fail(
            (*at, "trains_on_client_data"),
            "is true but no purpose has trains_ai: true",
            "add a separate consent purpose for training, with trains_ai: true",
        )


def _check_purposes(profile: Profile, fail: _Fail) -> None:
    codes = [c.code for c in profile.data.categories]
    health = {c.code for c in profile.data.categories if c.health} | (
        HEALTH_CATEGORIES & set(codes)
    )
    seen: set[str] = set()
    for i, p in enumerate(profile.purposes):
        at = ("purposes", i)
        if not _SLUG.match(p.id) or p.id in seen:
            raise fail(
                (*at, "id"), "must be a unique lower-case id", "use e.g. between-session-support"
            )
        seen.add(p.id)
        for code in p.data_categories:
            if code not in codes:
                raise fail(
                    (*at, "data_categories"),
                    f"names {code!r}, which data.categories lacks",
                    "add it there",
                )
        if health & set(p.data_categories) and p.special_category_condition is None:
            raise fail(
                (*at, "special_category_condition"),
                "is missing but this purpose uses health data",
                "name the GDPR Art. 9(2) condition, e.g. explicit_consent",
            )
        consent = p.lawful_basis is LawfulBasis.CONSENT
        if consent and p.required_for_service:
            raise fail(
                (*at, "required_for_service"),
                "is true but the lawful basis is consent",
                "consent cannot be a condition of care: set it to false, or use another basis",
            )
        if p.trains_ai and (not consent or p.required_for_service):
            raise fail(
                (*at, "trains_ai"), "needs its own optional consent", "use lawful_basis: consent"
            )
    for i, code in enumerate(codes):
        if not any(code in p.data_categories for p in profile.purposes):
            raise fail(
                ("data", "categories", i),
                f"{code!r} is used by no purpose",
                "remove it or add it to a purpose",
            )
    automated_ai = any(s.automated_decisions for s in profile.ai_systems)
    automated_purpose = any(p.automated_decision_making for p in profile.purposes)
    if automated_ai != automated_purpose:
        raise fail(
            ("purposes",),
            "disagree with ai_systems about automated decisions",
            "set automated_decision_making on the purpose that uses the tool's decisions",
        )
    if any(p.trains_ai for p in profile.purposes) and not any(
        s.trains_on_client_data for s in profile.ai_systems
    ):
        raise fail(
            ("purposes",),
            "have trains_ai: true but no tool trains on client data",
            "make them agree",
        )


def _check_recording(profile: Profile, fail: _Fail) -> None:
    rec = profile.recording
    codes = {c.code for c in profile.data.categories}
    for kind in _RECORDED:
        if getattr(rec, kind) != (kind in codes):
            state, verb = ("true", "lacks") if getattr(rec, kind) else ("false", "has")
            raise fail(
                ("recording", kind),
                f"is {state} but data.categories {verb} {kind!r}",
                "make them agree",
            )
    for field in ("detail", "if_no"):
        if rec.any and getattr(rec, field) is None:
            raise fail(
                ("recording", field),
                "is missing but something is recorded",
                "say it in plain words",
            )
        if not rec.any and getattr(rec, field) is not None:
            raise fail(("recording", field), "is set but nothing is recorded", "remove it")


def _check_recipients(profile: Profile, fail: _Fail) -> None:
    home = home_area(profile.jurisdiction)
    seen: set[str] = set()
    for i, r in enumerate(profile.data.recipients):
        at = ("data", "recipients", i)
        if r.name.casefold() in seen:
            raise fail((*at, "name"), "is listed twice", "list each recipient once")
        seen.add(r.name.casefold())
        abroad = r.country not in home
        if abroad and r.transfer_mechanism is None:
            raise fail(
                (*at, "transfer_mechanism"),
                f"is missing but the data goes to {r.country}",
                "name the safeguard: adequacy, scc, idta, bcr or derogation",
            )
        if not abroad and r.transfer_mechanism is not None:
            raise fail(
                (*at, "transfer_mechanism"), "is set but the data stays at home", "remove it"
            )
        if r.transfer_mechanism is TransferMechanism.IDTA and profile.jurisdiction != "GB":
            raise fail(
                (*at, "transfer_mechanism"), "is idta, a UK-only safeguard", "use scc or adequacy"
            )


def _check_research(profile: Profile, fail: _Fail) -> None:
    research = profile.research
    assert research is not None
    if research.data_withdrawal_deadline <= profile.document.date:
        raise fail(
            ("research", "data_withdrawal_deadline"),
            "is not after document.date",
            "give participants a real chance to remove their data",
        )
    if research.quotes and not (
        profile.recording.audio or profile.recording.video or profile.recording.transcript
    ):
        raise fail(
            ("research", "quotes"),
            "is true but nothing is recorded",
            "set recording or remove quotes",
        )
