"""docs/rules.md is generated from the policy files and must not fall behind them."""

from __future__ import annotations

from pathlib import Path

from toolkit.consent.docs import rules_markdown
from toolkit.consent.findings import InputProblem
from toolkit.consent.policy import load_policies

RULES_MD = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_docs_rules_md_is_up_to_date() -> None:
    expected = rules_markdown(load_policies(None))
    assert RULES_MD.read_text(encoding="utf-8") == expected, (
        "docs/rules.md is stale; run: python -m toolkit.consent.docs > docs/rules.md"
    )


def test_docs_rules_md_names_every_rule_and_input_problem() -> None:
    text = RULES_MD.read_text(encoding="utf-8")
    for policy in load_policies(None):
        for rule in policy.rules:
            assert f"### {rule.id}: {rule.name}" in text
    for problem in InputProblem:
        assert f"`{problem.code}`" in text
