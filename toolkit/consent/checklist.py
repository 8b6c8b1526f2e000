"""The disclosure checklist: what a document must state, derived from the consent policies.

The same policy rules that validate consent records carry a ``disclosure`` element id. The
checklist for a profile is the set of elements of the rules that apply to its jurisdiction and
context. A rendered document meets an element when the HTML rendering has a section tagged
``data-element="<id>"``, that section has text, and it mentions the profile's concrete values
for that element (the provider's name, the DPO contact, the retention period...). The text of
the requested format (Markdown or plain text) must mention the same values; a PDF is checked
through the HTML it is printed from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from toolkit.consent._html_text import Block
from toolkit.consent.policy import Policy, policies_for

__all__ = [
    "ChecklistReport",
    "ElementCheck",
    "check_document",
    "expected_mentions",
    "required_elements",
]


@dataclass(frozen=True)
class ElementCheck:
    """One disclosure element: the rules that need it and whether the document states it."""

    element: str
    rules: tuple[str, ...]
    present: bool
    problem: str | None = None


@dataclass(frozen=True)
class ChecklistReport:
    """The checklist of one document."""

    checks: tuple[ElementCheck, ...]
    policies: tuple[str, ...]

    @property
    def misses(self) -> tuple[str, ...]:
        if not self.checks:
            return ("no policy rule asks for a disclosure here, so nothing was checked",)
        return tuple(f"{c.element}: {c.problem}" for c in self.checks if not c.present)

    @property
    def passed(self) -> bool:
        return not self.misses

    def summary(self) -> str:
        present = sum(c.present for c in self.checks)
        head = (
            f"checklist: {present}/{len(self.checks)} disclosure elements stated "
            f"(rules of {', '.join(self.policies) or 'no policy'})"
        )
        return head + (" - ok" if self.passed else " - MISSED: " + "; ".join(self.misses))


def required_elements(
    jurisdiction: str, context: str, policies: Sequence[Policy]
) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Element id -> ids of the rules that need it, and the ids of the applicable policies."""
    applicable = policies_for(jurisdiction, context, policies)
    elements: dict[str, list[str]] = {}
    for policy in applicable:
        for rule in policy.rules:
            if rule.disclosure and rule.when.matches(jurisdiction, context):
                elements.setdefault(rule.disclosure, []).append(rule.id)
    return {k: tuple(v) for k, v in elements.items()}, tuple(p.id for p in applicable)


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def expected_mentions(view: dict[str, Any]) -> dict[str, list[str]]:
    """For each element, the profile values its section must mention."""
    return {**_ai_mentions(view), **_data_mentions(view), **_research_mentions(view)}


def _ai_mentions(view: dict[str, Any]) -> dict[str, list[str]]:
    tools, rec = view["tools"], view["recording"]
    oversight = [view["overseer"]] + [t["human_review"] for t in tools if t["human_review"]]
    return {
        "ai_identity": [t["name"] for t in tools],
        "ai_provider": [t["provider"] for t in tools],
        "ai_purpose": [t["purpose"] for t in tools],
        "ai_limitations": [item for t in tools for item in t["cannot"]],
        "not_a_therapist": [t["name"] for t in tools],
        "human_oversight": oversight,
        "not_for_crisis": [view["tool_names"]],
        "crisis_contacts": [x for c in view["crisis"] for x in (c["number"], c["name"], c["when"])],
        "overreliance_risk": [],
        "recording_choice": [rec["kinds"], rec["detail"], rec["if_no"]] if rec["any"] else [],
        "emotion_recognition": [t["name"] for t in tools]
        + [t["emotion_detail"] for t in tools if t["emotion"]],
        "trains_ai": [t["name"] for t in tools],
        "automated_decisions": [t["automated_detail"] for t in tools if t["automated"]],
    }


def _data_mentions(view: dict[str, Any]) -> dict[str, list[str]]:
    purposes, controller = view["purposes"], view["controller"]
    transfers = [x for t in view["transfers"] for x in (t["name"], t["country"], t["mechanism"])]
    return {
        "controller_identity": [controller["name"], controller["contact"]],
        "dpo_contact": [controller["dpo"]],
        "data_collected": list(view["categories"]),
        "purposes": [x for p in purposes for x in (p["title"], p["description"])],
        "lawful_basis": [x for p in purposes for x in (p["basis"], p["basis_ref"])],
        "special_category_condition": [
            x for p in purposes if p["condition"] for x in (p["condition"], p["condition_ref"])
        ],
        "recipients": [x for r in view["recipients"] for x in (r["name"], r["does"])],
        "transfers": transfers or [view["home"]],
        "retention": [p["retention"] for p in purposes],
        "withdrawal_right": [],
        "withdrawal_method": [view["withdrawal_method"]],
        "rights": list(view["rights"]),
        "complaint_authority": [view["authority"]["name"], view["authority"]["contact"]],
        "confidentiality_limits": list(view["limits"]),
        "voluntary": [],
        "information_sheet_version": [view["document"]["version"], view["document"]["date"]],
    }


def _research_mentions(view: dict[str, Any]) -> dict[str, list[str]]:
    r = view["research"]
    if not r:
        return {}
    return {
        "research_aims": [r["title"], r["aims"]],
        "research_involvement": list(r["involvement"]),
        "ethics_approval": [r["committee"], r["ref"], r["approval_date"]],
        "data_withdrawal_deadline": [r["deadline"]],
        "debriefing": [r["debriefing"]],
    }


def _check_one(
    element: str, blocks: Iterable[Block], values: list[str], target: str, fmt: str
) -> str | None:
    section = _norm(" ".join(b.text for b in blocks if element in b.elements))
    if not section:
        return "no non-empty section is tagged with this element"
    for value in values:
        if _norm(value) not in section:
            return f"its section does not mention {value[:40]!r}"
        if _norm(value) not in target:
            return f"the {fmt} text does not mention {value[:40]!r}"
    return None


def check_document(
    required: dict[str, tuple[str, ...]],
    policy_ids: tuple[str, ...],
    blocks: Sequence[Block],
    target_text: str,
    fmt: str,
    view: dict[str, Any],
) -> ChecklistReport:
    """Check each required element against the HTML ``blocks`` and the ``target_text``."""
    mentions = expected_mentions(view)
    target = _norm(target_text)
    checks = []
    for element, rules in required.items():
        problem = _check_one(element, blocks, mentions.get(element, []), target, fmt)
        checks.append(ElementCheck(element, rules, problem is None, problem))
    return ChecklistReport(tuple(checks), policy_ids)
