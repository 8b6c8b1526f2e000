"""The named Python checks a policy rule can call with ``check: <name>``.

Cerberus schemas in the policy YAML cover presence, types and allowed values. A check is only
for what a schema cannot say: relations between fields and the order of events in time. Each
check is a function ``(record, ctx) -> Iterable[Issue]``; it reads its parameters from the
policy (``ctx.param``) and its arguments from the rule (``ctx.arg``), and reports the path of
the field at fault and a detail that never quotes free text from the record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

from toolkit.consent import _fields as f
from toolkit.consent._checkbase import (
    CheckContext,
    Issue,
    ago,
    ai_systems_with,
    code,
    guardian_issues,
    join,
    known,
    pid,
    pids,
)
from toolkit.consent._checks_more import MORE_CHECKS

__all__ = ["CHECKS", "CheckContext", "CheckFn", "Issue"]

CheckFn = Callable[[Mapping[str, Any], CheckContext], Iterable[Issue]]


_BASES = (
    "consent",
    "contract",
    "legal_obligation",
    "vital_interests",
    "public_task",
    "legitimate_interests",
    "recognised_legitimate_interests",
)


def consent_events_demonstrable(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Art. 7(1): who consented, when, how, to what; the controller must be able to show it."""
    evs = f.events(record)
    if not evs:
        yield Issue("events", "no consent event is recorded")
        return
    if not f.decision_events(record):
        yield Issue("events", "no event records a decision (given, renewed or refused)")
    known = {str(p.get("id")) for _, p in f.purposes(record)}
    who = list(ctx.param("consenting_parties", ["subject", "guardian", "legal_representative"]))
    for i, event in evs:
        if not f.is_in(event.get("state"), f.CONSENT_STATES):
            continue
        if not isinstance(event.get("at"), datetime):
            yield Issue(f"events.{i}.at", "when consent was given is not recorded as a timestamp")
        if event.get("by") not in who:
            yield Issue(f"events.{i}.by", f"who consented is not recorded (one of {join(who)})")
        if not event.get("method"):
            yield Issue(f"events.{i}.method", "how consent was given is not recorded")
        unknown = sorted(f.event_purposes(event, record) - known)
        if unknown:
            yield Issue(f"events.{i}.purposes", f"names purposes not defined: {pids(unknown)}")


def consent_not_bundled(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Art. 7(2): a consent may not be bundled with matters that are not consent."""
    basis = {str(p.get("id")): p.get("lawful_basis") for _, p in f.purposes(record)}
    for i, event in f.events(record):
        if not f.is_in(event.get("state"), f.CONSENT_STATES):
            continue
        covered = f.event_purposes(event, record)
        if not any(basis.get(p) == "consent" for p in covered):
            continue  # consent for research ethics or another matter, not a GDPR consent
        others = sorted(
            p for p in f.event_purposes(event, record) if basis.get(p) not in (None, "consent")
        )
        for pid_ in others:
            yield Issue(
                f"events.{i}.purposes",
                f"the consent also covers purpose {pid(pid_)}, whose lawful basis is "
                f"{known(basis[pid_], _BASES, 'another')}, so the request is not "
                "distinguishable from other matters",
            )


def one_decision_per_purpose(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Granularity: one decision per purpose, and a decision for every consent purpose."""
    decided: set[str] = set()
    for i, event in f.decision_events(record):
        covered = f.event_purposes(event, record)
        decided |= covered
        if len(covered) > 1:
            yield Issue(
                f"events.{i}.purposes",
                f"one {event.get('state')} decision covers {len(covered)} purposes; "
                "record one decision per purpose",
            )
    for k, purpose in f.purposes(record):
        if purpose.get("lawful_basis") == "consent" and str(purpose.get("id")) not in decided:
            yield Issue(
                f"purposes.{k}", f"no decision is recorded for purpose {pid(purpose.get('id'))}"
            )


def relative_to_consent(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """A timestamp (arg ``path``) at or before the first consent, or (``order: after``) after it.

    ``required: true`` reports a missing value; ``ai_flag`` limits the rule to records with an
    AI system that has that flag set (e.g. ``interacts_with_subject``).
    """
    path = str(ctx.arg("path"))
    flag = ctx.arg("ai_flag")
    if flag and not ai_systems_with(record, str(flag)):
        return
    value = f.get(record, path)
    when = f.to_utc(value)
    if when is None:
        if ctx.arg("required", False) or value is not None:
            yield Issue(path, "missing, or not an ISO 8601 timestamp")
        return
    first = f.first_consent_time(record)
    if first is None:
        return
    if ctx.arg("order", "at_or_before") == "after":
        if when <= first:
            yield Issue(path, "is not after the consent was given")
    elif when > first:
        yield Issue(path, f"is {ago(when - first)} after the consent was given; it must come first")


def event_sequence(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Events oldest first, none in the future, and each state reachable from the one before."""
    allowed: Mapping[str, list[str]] = ctx.param("transitions", {})
    previous: datetime | None = None
    state: dict[str, str | None] = {}
    for i, event in f.events(record):
        at = event.get("at")
        if isinstance(at, datetime):
            if previous is not None and at < previous:
                yield Issue(
                    f"events.{i}.at",
                    "is earlier than the event before it (events are append-only, oldest first)",
                )
            if at > ctx.now:
                yield Issue(f"events.{i}.at", "is in the future")
            previous = at
        new = event.get("state")
        if not f.is_in(new, allowed):
            yield Issue(f"events.{i}.state", f"is not a known state ({join(allowed)})")
            continue
        for pid_ in sorted(f.event_purposes(event, record)):
            old = state.get(pid_)
            if new not in allowed.get(old or "none", []):
                before = f"after {old}" if old else "as the first event"
                yield Issue(
                    f"events.{i}.state",
                    f"{new} {before} for purpose {pid(pid_)} is not a valid sequence",
                )
            state[pid_] = new


def consent_not_conditional(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Art. 7(4): a consent purpose must not be a condition of the service."""
    for k, purpose in f.purposes(record):
        if purpose.get("lawful_basis") == "consent" and purpose.get("required_for_service") is True:
            yield Issue(
                f"purposes.{k}.required_for_service",
                f"purpose {pid(purpose.get('id'))} rests on consent but is marked "
                "required for the service",
            )


def child_consent_authorised(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Art. 8: under the age of digital consent, a verified holder of parental responsibility."""
    age = f.get(record, "subject.age_at_consent")
    limit = ctx.policy.jurisdiction_parameter(
        str(ctx.arg("age_parameter")), record.get("jurisdiction")
    )
    if not isinstance(age, int) or isinstance(age, bool) or not isinstance(limit.value, int):
        return
    if age >= limit.value or not f.consent_purpose_ids(record):
        return
    why = (
        f"the subject is under {limit.value}, the age of digital consent in "
        f"{code(record.get('jurisdiction'))}"
    )
    for issue in guardian_issues(record, ctx, why):
        yield Issue(issue.path, issue.detail, cites=limit.source or None)


def special_category_condition(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Art. 9(2): special-category data needs a stated condition."""
    special = set(ctx.param("special_categories", []))
    conditions = ctx.param("special_category_conditions", [])
    for k, purpose in f.purposes(record):
        cats = purpose.get("data_categories")
        if not isinstance(cats, list) or not special.intersection(map(str, cats)):
            continue
        if purpose.get("special_category_condition") not in conditions:
            yield Issue(
                f"purposes.{k}.special_category_condition",
                f"purpose {pid(purpose.get('id'))} processes special-category data; "
                f"state its condition ({join(conditions)})",
            )


def explicit_consent_method(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Art. 9(2)(a): explicit consent needs an express statement (signature, two-step...)."""
    explicit = ctx.param("explicit_methods", [])
    needs = {
        str(p.get("id"))
        for _, p in f.purposes(record)
        if p.get("special_category_condition") == "explicit_consent"
    }
    for i, event in f.events(record):
        if not f.is_in(event.get("state"), f.CONSENT_STATES):
            continue
        covered = sorted(needs & f.event_purposes(event, record))
        method = event.get("method")
        if covered and method not in explicit:
            name = known(method, ("checkbox", "pre_ticked", "implied"), "given")
            how = f"the method {name} is not explicit" if method else "no method is recorded"
            yield Issue(
                f"events.{i}.method",
                f"consent to {pids(covered)} relies on explicit consent, but {how} "
                f"(explicit: {join(explicit)})",
            )


def rights_disclosed(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Art. 13(2)(b): the rights that apply to the lawful bases used were shown."""
    shown = f.get(record, "disclosures.rights")
    shown_set = {str(r) for r in shown} if isinstance(shown, list) else set()
    needed = set(ctx.param("rights_always", []))
    by_basis: Mapping[str, list[str]] = ctx.param("rights_by_basis", {})
    for _, purpose in f.purposes(record):
        needed.update(by_basis.get(str(purpose.get("lawful_basis")), []))
    missing = sorted(needed - shown_set)
    if missing:
        yield Issue("disclosures.rights", f"not shown: {join(missing)}")


def authority_matches_jurisdiction(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Art. 13(2)(d)/77: the complaint authority is the one of the person's country."""
    authority = record.get("authority")
    if not isinstance(authority, str) or not authority.strip():
        return
    expected = ctx.policy.jurisdiction_parameter(
        "supervisory_authority", record.get("jurisdiction")
    )
    names = expected.value if isinstance(expected.value, list) else []
    if names and authority.strip().casefold() not in {str(n).casefold() for n in names}:
        yield Issue(
            "authority",
            f"is not the supervisory authority of {code(record.get('jurisdiction'))} ({names[0]})",
        )


def automated_decisions_safeguarded(
    record: Mapping[str, Any], ctx: CheckContext
) -> Iterator[Issue]:
    """Art. 22 (UK: 22A-22D): human review, disclosure, and explicit consent for health data."""
    special = set(ctx.param("special_categories", []))
    allowed = ctx.param("adm_special_category_conditions", [])
    for k, purpose in f.purposes(record):
        if purpose.get("automated_decision_making") is not True:
            continue
        pid_ = purpose.get("id")
        if purpose.get("human_review") is not True:
            yield Issue(
                f"purposes.{k}.human_review",
                f"purpose {pid(pid_)} makes solely automated decisions without human review",
            )
        if f.get(record, "disclosures.automated_decisions") is not True:
            yield Issue(
                "disclosures.automated_decisions",
                f"the automated decisions of purpose {pid(pid_)} were not explained",
            )
        cats = purpose.get("data_categories")
        sensitive = isinstance(cats, list) and special.intersection(map(str, cats))
        if sensitive and purpose.get("special_category_condition") not in allowed:
            yield Issue(
                f"purposes.{k}.special_category_condition",
                f"automated decisions on special-category data need {join(allowed)}",
            )


def transfers_safeguarded(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Arts. 44-49: a transfer outside the home area has a valid mechanism."""
    home = set(ctx.param("home_area", []))
    adequate = set(ctx.param("adequate_countries", []))
    # adequacy that covers only some recipients (e.g. US: certified organisations) must be stated
    conditional = set(ctx.param("conditional_adequacy", []))
    mechanisms = ctx.param("transfer_mechanisms", [])
    for k, rec in f.mappings(record.get("recipients")):
        country = str(rec.get("country") or "").upper()
        if not country or country in home:
            continue
        mech = rec.get("transfer_mechanism")
        where = f"recipients.{k}.transfer_mechanism"
        name = code(country) if country.isalpha() else "this country"
        if mech is None and country in adequate - conditional:
            continue  # an adequate country needs no further mechanism
        if mech not in mechanisms:
            yield Issue(where, f"a transfer to {name} needs one of {join(mechanisms)}")
        elif mech == "adequacy" and country not in adequate:
            yield Issue(
                where, f"{name} has no adequacy decision or regulations; use another mechanism"
            )


def derogation_transfer(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Art. 49: derogations are for occasional transfers, not a routine service."""
    home = set(ctx.param("home_area", []))
    for k, rec in f.mappings(record.get("recipients")):
        if (
            rec.get("transfer_mechanism") == "derogation"
            and str(rec.get("country") or "").upper() not in home
        ):
            yield Issue(
                f"recipients.{k}.transfer_mechanism",
                "a routine transfer relies on an Art. 49 derogation",
            )


def bounded_validity(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Art. 5(1)(e): consent has an end (``valid_until``) after it was given."""
    until = f.to_utc(record.get("valid_until"))
    if until is None:
        yield Issue("valid_until", "missing, or not an ISO 8601 timestamp: the consent has no end")
        return
    first = f.first_consent_time(record)
    if first is not None and until <= first:
        yield Issue("valid_until", "is not after the consent was given")
    limit = f.parse_duration(ctx.param("max_validity"))
    if first is not None and limit is not None and (until - first).days > limit.approx_days:
        yield Issue(
            "valid_until",
            f"is more than {ctx.param('max_validity')} after consent; renew it sooner",
        )


def consent_not_expired(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Art. 5(1)(e): once ``valid_until`` has passed, the consent no longer covers processing."""
    until = f.to_utc(record.get("valid_until"))
    if until is not None and until < ctx.now:
        yield Issue(
            "valid_until", f"has passed ({ago(ctx.now - until)} ago): the consent has expired"
        )


def withdrawn_purposes(record: Mapping[str, Any], ctx: CheckContext) -> Iterator[Issue]:
    """Art. 7(3)/17(1)(b): report purposes whose consent is withdrawn, so processing stops."""
    state: dict[str, tuple[int, str]] = {}
    for i, event in f.events(record):
        for pid_ in f.event_purposes(event, record):
            state[pid_] = (i, str(event.get("state")))
    for pid_, (i, last) in sorted(state.items()):
        if last in {"withdrawn", "revoked"}:
            yield Issue(
                f"events.{i}",
                f"consent for purpose {pid(pid_)} is {last}: stop processing, erase or anonymise",
            )


CHECKS: Mapping[str, CheckFn] = MappingProxyType(
    {
        fn.__name__: fn
        for fn in (
            consent_events_demonstrable,
            consent_not_bundled,
            one_decision_per_purpose,
            relative_to_consent,
            event_sequence,
            consent_not_conditional,
            child_consent_authorised,
            special_category_condition,
            explicit_consent_method,
            rights_disclosed,
            authority_matches_jurisdiction,
            automated_decisions_safeguarded,
            transfers_safeguarded,
            derogation_transfer,
            bounded_validity,
            consent_not_expired,
            withdrawn_purposes,
        )
    }
    | dict(MORE_CHECKS)
)
