"""The disclosure checklist comes from the consent policies and is verified in the document."""

from __future__ import annotations

import pytest

from tests.consent._render_support import example
from toolkit.consent._html_text import html_blocks
from toolkit.consent.checklist import check_document, expected_mentions, required_elements
from toolkit.consent.policy import DISCLOSURE_ELEMENTS, load_policies, policies_for
from toolkit.consent.render import Format, render_document


@pytest.mark.parametrize(
    ("jurisdiction", "context"),
    [("GB", "clinical"), ("GB", "research"), ("CZ", "clinical"), ("CZ", "research")],
)
def test_when_checklist_is_built_then_it_is_the_disclosures_of_the_applicable_rules(
    jurisdiction: str, context: str
) -> None:
    pool = load_policies()
    required, policy_ids = required_elements(jurisdiction, context, pool)
    applicable = policies_for(jurisdiction, context, pool)
    expected = {
        rule.disclosure
        for policy in applicable
        for rule in policy.rules
        if rule.disclosure and rule.when.matches(jurisdiction, context)
    }
    assert set(required) == expected
    assert policy_ids == tuple(p.id for p in applicable)
    for element, rules in required.items():
        assert element in DISCLOSURE_ELEMENTS and rules


def test_when_every_element_is_required_then_templates_state_each_one() -> None:
    """Every element a policy may ask for has a tagged section in some rendered document."""
    stated: set[str] = set()
    for name in ("cbt-chatbot", "ai-notetaker", "research-study"):
        stated |= render_document(example(name), Format.HTML).elements
    assert set(DISCLOSURE_ELEMENTS) <= stated, sorted(set(DISCLOSURE_ELEMENTS) - stated)


def _check(html: str, fmt: str = "html") -> dict[str, str | None]:
    profile = example("research-study")
    document = render_document(profile, Format.HTML)
    from toolkit.consent._view import build_view
    from toolkit.consent.render import _translations

    view = build_view(profile, document.language, _translations(document.language), "x")
    required = dict.fromkeys(DISCLOSURE_ELEMENTS, ("TEST-RULE",))
    blocks = html_blocks(html)
    target = " ".join(b.text for b in blocks)
    report = check_document(required, ("test",), blocks, target, fmt, view)
    return {c.element: c.problem for c in report.checks}


def test_when_document_is_complete_then_every_element_passes() -> None:
    html = render_document(example("research-study"), Format.HTML).text
    problems = _check(html)
    assert all(problem is None for problem in problems.values()), problems


def test_when_a_section_is_removed_then_its_element_is_missed() -> None:
    html = render_document(example("research-study"), Format.HTML).text
    broken = html.replace('data-element="dpo_contact"', 'data-element="removed"')
    problems = _check(broken)
    assert problems["dpo_contact"] == "no non-empty section is tagged with this element"
    assert problems["controller_identity"] is None


def test_when_a_section_lacks_a_profile_value_then_its_element_is_missed() -> None:
    html = render_document(example("research-study"), Format.HTML).text
    broken = html.replace("EPREC-2025-0142", "EPREC-REDACTED")
    problems = _check(broken)
    assert problems["ethics_approval"] is not None
    assert "EPREC-2025-0142" in str(problems["ethics_approval"])


def test_when_view_is_built_then_mentions_cover_concrete_profile_values() -> None:
    profile = example("cbt-chatbot")
    document = render_document(profile, Format.HTML)
    from toolkit.consent._view import build_view
    from toolkit.consent.render import _translations

    view = build_view(profile, document.language, _translations(document.language), "x")
    mentions = expected_mentions(view)
    assert "Thistle Digital Health Ltd" in mentions["ai_provider"]
    assert "dpo@northbrook.example" in mentions["dpo_contact"]
    assert "1 year" in mentions["retention"]
    assert {"999", "111", "116 123"} <= set(mentions["crisis_contacts"])


def test_when_no_policy_applies_then_the_checklist_is_a_miss() -> None:
    document = render_document(example("cbt-chatbot"), Format.HTML, policies=())
    assert not document.checklist.passed
    assert "nothing was checked" in document.checklist.misses[0]
