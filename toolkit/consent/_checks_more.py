"""Checks for AI systems, research (BPS) and the record itself (see ``checks``)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from babel import Locale

from toolkit.consent import _fields as f
from toolkit.consent._checkbase import (
    CheckContext,
    Issue,
    ai_systems_with,
    code,
    guardian_issues,
    join,
    pid,
    pids,
)

__all__ = ["MORE_CHECKS"]

# Territory codes babel knows that are not assigned ISO 3166-1 alpha-2 codes.
_NOT_ISO = frozenset(
    {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"}
)
_NAME_LIKE = re.compile(r"^[^\W\d_]{2,}(?:[ '\-][^\W\d_]{2,})+$")


@cache
def _iso_countries() -> frozenset[str]:
    codes = Locale("en").territories
    return frozenset(c for c in codes if len(c) == 2 and c.isalpha() and c not in _NOT_ISO)


def jurisdiction_known(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """The jurisdiction is an assigned ISO 3166-1 alpha-2 code (``UK`` is read as ``GB``)."""
    code = record.get("jurisdiction")
    if isinstance(code, str) and code.upper() not in _iso_countries() | {"UK"}:
        yield Issue("jurisdiction", "this code is not assigned (use e.g. GB, CZ, DE)")


def data_protection_policy_applies(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Some jurisdiction-specific policy applies, or the record was not judged against any law."""
    if not ctx.jurisdictional:
        yield Issue(
            "jurisdiction",
            f"no data-protection policy applies to {code(record.get('jurisdiction'))}; "
            "pass --policy FILE with a policy for it",
        )


def subject_id_pseudonymous(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """The subject id is a pseudonym, not a name or an e-mail address."""
    sid = record.get("subject_id")
    if isinstance(sid, str) and ("@" in sid or _NAME_LIKE.match(sid.strip())):
        yield Issue("subject_id", "replace it with a pseudonymous code (e.g. P07)")


def purpose_ids_unique(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Each purpose has its own id, so each decision names exactly one purpose."""
    seen: set[str] = set()
    for k, purpose in f.purposes(record):
        pid_ = str(purpose.get("id"))
        if pid_ in seen:
            yield Issue(f"purposes.{k}.id", f"purpose id {pid(pid_)} is used twice")
        seen.add(pid_)


def ai_provider_is_recipient(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Art. 13(1)(e): an AI provider that receives personal data is a named recipient."""
    names = {str(r.get("name", "")).casefold() for _, r in f.mappings(record.get("recipients"))}
    for k, system in f.mappings(record.get("ai_systems")):
        if system.get("processes_personal_data") is False:
            continue
        provider = system.get("provider")
        if not isinstance(provider, str) or not provider.strip():
            yield Issue(f"ai_systems.{k}.provider", "the provider of the AI system is not named")
        elif provider.casefold() not in names:
            yield Issue(
                f"ai_systems.{k}.provider", "the AI provider is not listed among the recipients"
            )


def ai_system_purposes_known(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Art. 13(1)(c): each AI system serves stated purposes of the record."""
    known = {str(p.get("id")) for _, p in f.purposes(record)}
    for k, system in f.mappings(record.get("ai_systems")):
        served = system.get("purposes")
        if not isinstance(served, list) or not served:
            yield Issue(
                f"ai_systems.{k}.purposes", "the purposes the AI system serves are not stated"
            )
            continue
        unknown = sorted({str(p) for p in served} - known)
        if unknown:
            yield Issue(f"ai_systems.{k}.purposes", f"names purposes not defined: {pids(unknown)}")


def ai_training_separate_purpose(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Art. 5(1)(b)/6(1)(a): training AI on the person's data is a purpose of its own."""
    training = [p for _, p in f.purposes(record) if p.get("trains_ai") is True]
    for k, system in f.mappings(record.get("ai_systems")):
        if system.get("trains_on_subject_data") is True and not training:
            yield Issue(
                f"ai_systems.{k}.trains_on_subject_data",
                "the AI system trains on the person's data but no purpose "
                "with trains_ai: true covers it",
            )


def ai_flag_disclosed(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """A disclosure flag (arg ``field``) is true when an AI system has ``ai_flag`` set."""
    if not ai_systems_with(record, str(ctx.arg("ai_flag", "interacts_with_subject"))):
        return
    context = ctx.arg("context")
    if context and record.get("context") != context:
        return
    path = str(ctx.arg("field"))
    if f.get(record, path) is not True:
        yield Issue(path, "was not shown (must be true)")


def category_flag_disclosed(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """A disclosure flag (arg ``field``) is true when a purpose processes a data category listed
    in the policy parameter named by arg ``categories_parameter`` (e.g. recordings)."""
    listed = {str(c) for c in ctx.param(str(ctx.arg("categories_parameter")), [])}
    found: set[str] = set()
    purposes: list[Any] = []
    for _, purpose in f.purposes(record):
        cats = purpose.get("data_categories")
        hits = listed.intersection(map(str, cats)) if isinstance(cats, list) else set()
        if hits:
            found |= hits
            purposes.append(purpose.get("id"))
    path = str(ctx.arg("field"))
    if found and f.get(record, path) is not True:
        which = "purpose {} processes" if len(purposes) == 1 else "purposes {} process"
        yield Issue(
            path,
            f"was not shown (must be true), yet {which.format(pids(purposes))} "
            f"{join(sorted(found))}",
        )


def child_research_consent(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """BPS s. 4: under 16, a parent's (or guardian's) consent plus the child's own assent."""
    age = f.get(record, "subject.age_at_consent")
    limit = ctx.param("child_consent_age")
    if (
        not isinstance(age, int)
        or isinstance(age, bool)
        or not isinstance(limit, int)
        or age >= limit
    ):
        return
    why = f"the participant is under {limit}"
    yield from guardian_issues(record, ctx, why)
    if record.get("child_assent") is not True:
        yield Issue("child_assent", f"{why}; the child's own assent is not recorded")


def recording_consent_per_medium(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """BPS s. 4: a separate consent for each recording medium that is processed."""
    media: Mapping[str, str] = ctx.param("recording_media", {})
    processed: set[str] = set()
    for _, purpose in f.purposes(record):
        cats = purpose.get("data_categories")
        if isinstance(cats, list):
            processed.update(media[c] for c in map(str, cats) if c in media)
    consent = f.mapping(f.get(record, "research.recording_consent"))
    for medium in sorted(processed):
        where = f"research.recording_consent.{medium}"
        value = consent.get(medium)
        if value is None:
            yield Issue(where, "the participant's choice for this medium is not recorded")
        elif value is not True:
            yield Issue(where, "this medium is processed although the participant declined it")
    if processed & set(ctx.param("quote_choice_with", [])) and not isinstance(
        consent.get("quotes"), bool
    ):
        yield Issue(
            "research.recording_consent.quotes", "the choice about verbatim quotes is not recorded"
        )


def deception_debriefed(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """BPS s. 7: deception only with a planned debriefing (and ethics approval)."""
    research = f.mapping(record.get("research"))
    if research.get("deception") is True:
        if research.get("debrief_planned") is not True:
            yield Issue(
                "research.debrief_planned", "the study uses deception but no debriefing is planned"
            )
        if not isinstance(research.get("ethics_approval"), Mapping):
            yield Issue(
                "research.ethics_approval",
                "the study uses deception without a recorded ethics approval",
            )


def consent_with_data_withdrawal_deadline(
    record: Mapping[str, Any], ctx: CheckContext
) -> Iterator[Issue]:
    """Cross-regime: a data-withdrawal deadline does not stop a consent being withdrawn."""
    research = f.mapping(record.get("research"))
    if (
        research.get("data_withdrawal_deadline") is None
        or research.get("anonymised_after_deadline") is True
    ):
        return
    for k, purpose in f.purposes(record):
        if purpose.get("lawful_basis") == "consent":
            yield Issue(
                f"purposes.{k}.lawful_basis",
                f"purpose {pid(purpose.get('id'))} rests on consent, which can be withdrawn "
                "at any time, "
                "yet the study sets a data-withdrawal deadline on data that stays identifiable",
            )


def research_area_consent(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """UK GDPR (DUAA 2025 s. 68): consent to an area of scientific research, with its conditions."""
    broad = [k for k, p in f.purposes(record) if p.get("consent_scope") == "area_of_research"]
    if not broad:
        return
    research = f.mapping(record.get("research"))
    if record.get("context") != "research":
        yield Issue(
            f"purposes.{broad[0]}.consent_scope",
            "consent to an area of research outside a research context",
        )
    if not isinstance(research.get("ethics_approval"), Mapping):
        yield Issue(
            "research.ethics_approval",
            "broad research consent must follow recognised ethical standards "
            "(no approval recorded)",
        )
    if research.get("partial_consent_offered") is not True:
        yield Issue(
            "research.partial_consent_offered",
            "the person was not offered consent to only part of the research",
        )


def ethics_approval_before_consent(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """BPS ss. 11-13: recruitment starts only after the ethics approval."""
    approved = f.to_utc(f.get(record, "research.ethics_approval.date"))
    first = f.first_consent_time(record)
    if approved is not None and first is not None and approved.date() > first.date():
        yield Issue(
            "research.ethics_approval.date",
            "is after the participant consented; recruit only after approval",
        )


MORE_CHECKS = {
    fn.__name__: fn
    for fn in (
        jurisdiction_known,
        data_protection_policy_applies,
        subject_id_pseudonymous,
        purpose_ids_unique,
        ai_provider_is_recipient,
        ai_system_purposes_known,
        ai_training_separate_purpose,
        ai_flag_disclosed,
        category_flag_disclosed,
        child_research_consent,
        recording_consent_per_medium,
        deception_debriefed,
        consent_with_data_withdrawal_deadline,
        research_area_consent,
        ethics_approval_before_consent,
    )
}
