"""Policies as data: every rule's own examples, rule metadata, loading and selecting policies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolkit.consent.examples import ExampleKind, run_example
from toolkit.consent.policy import (
    DISCLOSURE_ELEMENTS,
    Policy,
    Rule,
    Severity,
    bundled_policy_ids,
    combine_policies,
    find_rule,
    load_policies,
    policies_for,
    read_example_bases,
)
from toolkit.consent.validate import Validator
from toolkit.errors import ConfigError, PolicyError

from ._helpers import make_record
from .conftest import HELDOUT_NOW

ALL_RULES: list[tuple[Policy, Rule]] = [(p, r) for p in load_policies(None) for r in p.rules]
RULE_IDS = [r.id for _, r in ALL_RULES]


@pytest.mark.parametrize(("policy", "rule"), ALL_RULES, ids=RULE_IDS)
def test_when_rule_example_passes_then_no_finding_of_that_rule(
    policy: Policy, rule: Rule, engine: Validator
) -> None:
    findings = run_example(policy, rule, ExampleKind.PASS, validator=engine)
    assert [(f.path, f.message) for f in findings] == []


@pytest.mark.parametrize(("policy", "rule"), ALL_RULES, ids=RULE_IDS)
def test_when_rule_example_fails_then_that_rule_reports_it(
    policy: Policy, rule: Rule, engine: Validator
) -> None:
    findings = run_example(policy, rule, ExampleKind.FAIL, validator=engine)
    assert findings, f"{rule.id}: its failing example produced no finding"
    assert {f.rule for f in findings} == {rule.id}
    assert all(f.reference.startswith(rule.reference) for f in findings)


@pytest.mark.parametrize(("policy", "rule"), ALL_RULES, ids=RULE_IDS)
def test_every_rule_is_documented_and_checkable(policy: Policy, rule: Rule) -> None:
    assert re.fullmatch(r"[A-Z]+(-[A-Z0-9.]+)+", rule.id)
    assert rule.name and rule.message and len(rule.rationale) > 40
    assert rule.reference and rule.policy == policy.id
    assert (rule.schema is None) != (rule.check is None)
    assert rule.disclosure is None or rule.disclosure in DISCLOSURE_ELEMENTS


def test_rule_ids_are_unique_across_bundled_policies() -> None:
    assert len(RULE_IDS) == len(set(RULE_IDS))


@pytest.mark.parametrize("base", sorted(read_example_bases()))
def test_when_base_record_is_judged_by_every_policy_then_it_is_clean(
    base: str, engine: Validator
) -> None:
    record = make_record(base)
    assert [(f.rule, f.path) for f in engine.validate(record, HELDOUT_NOW)] == []


@pytest.mark.parametrize(
    ("prefix", "must_cite"),
    [
        ("GDPR-", "GDPR Art"),
        ("UKGDPR-", ("UK GDPR", "Data Protection Act 2018", "DUAA")),
        ("BPS-", "BPS Code of Human Research Ethics 2021"),
        ("AIACT-", "EU AI Act Art. 50"),
    ],
)
def test_legal_rules_cite_their_instrument(prefix: str, must_cite: str | tuple[str, ...]) -> None:
    cites = (must_cite,) if isinstance(must_cite, str) else must_cite
    rules = [r for _, r in ALL_RULES if r.id.startswith(prefix)]
    assert rules
    for rule in rules:
        assert any(c in rule.reference for c in cites), rule.id


@pytest.mark.parametrize(
    "required",
    [
        # Issue 4, item 2: the rules it names, by the article they enforce.
        "GDPR Art. 4(11)", "GDPR Art. 7(1)", "GDPR Art. 7(2)", "GDPR Art. 7(3)", "GDPR Art. 7(4)",
        "GDPR Art. 8(1)", "GDPR Art. 9(2)(a)", "GDPR Art. 13(1)(a)", "GDPR Art. 13(1)(b)",
        "GDPR Art. 13(2)(a)", "GDPR Art. 13(2)(b)", "GDPR Art. 13(2)(d)", "GDPR Art. 22",
        "GDPR Arts. 44-49", "GDPR Art. 5(1)(e)", "EU AI Act Art. 50(1)", "EU AI Act Art. 50(3)",
        "UK GDPR Arts. 22A-22D", "Data Protection Act 2018, s. 9",
        "s. 3 (Risk)", "s. 4 (Valid consent)", "s. 5 (Confidentiality)", "s. 7 (Deception)",
        "s. 10 (Debriefing)", "ss. 11-13 (Ethics review)",
    ],
)  # fmt: skip
def test_every_required_provision_has_a_rule(required: str) -> None:
    assert any(required in r.reference for _, r in ALL_RULES)


def test_disclosure_elements_cover_what_a_document_must_state() -> None:
    used = {r.disclosure for _, r in ALL_RULES if r.disclosure}
    for element in (
        "withdrawal_right",
        "withdrawal_method",
        "ai_identity",
        "emotion_recognition",
        "controller_identity",
        "lawful_basis",
        "retention",
        "rights",
        "complaint_authority",
        "transfers",
        "data_withdrawal_deadline",
        "information_sheet_version",
        "recording_choice",
        "ethics_approval",
    ):
        assert element in used


@pytest.mark.parametrize(
    ("jurisdiction", "age", "source_part"),
    [
        ("CZ", 15, "110/2019"),
        ("DE", 16, "GDPR Art. 8(1)"),
        ("FR", 15, "78-17"),
        ("IE", 16, "Data Protection Act 2018"),
        ("AT", 14, "DSG"),
        ("ES", 14, "LOPDGDD"),
        ("IT", 14, "2-quinquies"),
        ("PL", 16, "GDPR Art. 8(1)"),
        ("SK", 16, "18/2018"),
        ("NL", 16, "AVG"),
        ("BE", 13, "30 July 2018"),
        ("DK", 13, "Databeskyttelsesloven"),
        ("SE", 13, "2018:218"),
        ("PT", 16, "GDPR Art. 8(1)"),  # not listed: the GDPR default
    ],
)
def test_gdpr_age_of_digital_consent_by_member_state(
    jurisdiction: str, age: int, source_part: str
) -> None:
    (gdpr,) = load_policies(["gdpr"])
    value = gdpr.jurisdiction_parameter("age_of_digital_consent", jurisdiction)
    assert value.value == age
    assert source_part in value.source


def test_uk_age_of_digital_consent_is_13_per_dpa_2018_s9() -> None:
    (uk,) = load_policies(["uk-gdpr"])
    value = uk.jurisdiction_parameter("age_of_digital_consent", "GB")
    assert (value.value, value.source) == (13, "Data Protection Act 2018, s. 9")


@pytest.mark.parametrize(
    ("jurisdiction", "context", "expected"),
    [
        ("GB", "clinical", {"record", "uk-gdpr", "ai-care"}),
        ("UK", "clinical", {"record", "uk-gdpr", "ai-care"}),
        ("GB", "research", {"record", "uk-gdpr", "bps", "ai-care"}),
        ("CZ", "clinical", {"record", "gdpr", "eu-ai-act", "ai-care"}),
        ("CZ", "research", {"record", "gdpr", "eu-ai-act", "bps", "ai-care"}),
        ("NO", "clinical", {"record", "gdpr", "ai-care"}),
        ("US", "clinical", {"record", "ai-care"}),
    ],
)
def test_when_jurisdiction_and_context_given_then_defaults_follow(
    jurisdiction: str, context: str, expected: set[str]
) -> None:
    assert {p.id for p in policies_for(jurisdiction, context)} == expected


def test_bundled_policies_are_ordered_format_law_code() -> None:
    assert bundled_policy_ids() == ("record", "gdpr", "uk-gdpr", "eu-ai-act", "bps", "ai-care")


def test_eu_ai_act_is_in_force_from_2_august_2026() -> None:
    (act,) = load_policies(["eu-ai-act"])
    assert act.in_force is not None and act.in_force.isoformat() == "2026-08-02"
    assert all(r.when.in_force == act.in_force for r in act.rules)


def _write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_when_user_policy_extends_gdpr_then_parameters_and_disable_apply(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "policy: my-clinic\nextends: gdpr\nname: My clinic\n"
        "disable: [GDPR-13.1B-DPO]\n"
        "parameters:\n  age_of_digital_consent:\n    by_jurisdiction:\n"
        "      PT: {value: 13, source: Lei n.º 58/2019, art. 16}\n",
    )
    (mine,) = load_policies([str(path)])
    assert (
        mine.id == "my-clinic"
        and mine.applies_to.jurisdictions == load_policies(["gdpr"])[0].applies_to.jurisdictions
    )
    assert "GDPR-13.1B-DPO" not in {r.id for r in mine.rules}
    assert all(r.policy == "my-clinic" for r in mine.rules)
    assert mine.jurisdiction_parameter("age_of_digital_consent", "PT").value == 13
    assert mine.jurisdiction_parameter("age_of_digital_consent", "CZ").value == 15


def test_when_user_policy_has_bundled_id_then_it_replaces_the_bundled_one(
    tmp_path: Path, bundled_policies: tuple[Policy, ...]
) -> None:
    path = _write(tmp_path, "policy: gdpr\nextends: gdpr\ndisable: [GDPR-49-DEROGATION]\n")
    combined = combine_policies(bundled_policies, load_policies([str(path)]))
    assert [p.id for p in combined].count("gdpr") == 1
    assert "GDPR-49-DEROGATION" not in {r.id for p in combined for r in p.rules}


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("policy: x\nname: X\nreference_base: B\nrules: [}", "not valid YAML"),
        ("- a list", "must be a YAML mapping"),
        ("policy: x\nname: X\nreference_base: B\n", "rules"),
        (
            "policy: x\nname: X\nreference_base: B\nrules:\n  - {id: X-1, name: n, reference: r,"
            " severity: fatal, message: m, rationale: r, check: consent_not_expired,"
            " examples: {pass: {}, fail: {}}}\n",
            "severity",
        ),
        (
            "policy: x\nname: X\nreference_base: B\nrules:\n  - {id: X-1, name: n, reference: r,"
            " severity: error, message: m, rationale: r, check: no_such_check,"
            " examples: {pass: {}, fail: {}}}\n",
            "unknown check 'no_such_check'",
        ),
        (
            "policy: x\nname: X\nreference_base: B\nrules:\n  - {id: X-1, name: n, reference: r,"
            " severity: error, message: m, rationale: r, check: consent_not_expired,"
            " disclosure: our_logo, examples: {pass: {}, fail: {}}}\n",
            "disclosure",
        ),
        (
            "policy: x\nname: X\nreference_base: B\nrules:\n  - {id: X-1, name: n, reference: r,"
            " severity: error, message: m, rationale: r, check: consent_not_expired}\n",
            "examples",
        ),
        (
            "policy: x\nname: X\nreference_base: B\nrules:\n  - {id: X-1, name: n, reference: r,"
            " severity: error, message: m, rationale: r, schema: {a: {type: nonsense}},"
            " examples: {pass: {}, fail: {}}}\n",
            "Cerberus schema is invalid",
        ),
        ("policy: x\nextends: gdpr\ndisable: [GDPR-NOPE]\n", "no rule 'GDPR-NOPE'"),
    ],
)
def test_when_policy_file_is_wrong_then_error_names_file_and_problem(
    tmp_path: Path, text: str, complaint: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(PolicyError) as info:
        load_policies([str(path)])
    assert str(path) in str(info.value)
    assert complaint in str(info.value)


def test_when_policy_name_is_unknown_then_config_error_suggests_one() -> None:
    with pytest.raises(ConfigError, match="did you mean 'gdpr'"):
        load_policies(["gdrp"])


def test_find_rule_is_case_insensitive_and_suggests(bundled_policies: tuple[Policy, ...]) -> None:
    assert find_rule("gdpr-7.3-withdraw-right", bundled_policies).id == "GDPR-7.3-WITHDRAW-RIGHT"
    with pytest.raises(ConfigError, match="did you mean"):
        find_rule("GDPR-7.3-WITHDRAW-RIGTH", bundled_policies)


def test_severity_ranks_errors_highest() -> None:
    assert Severity.ERROR.rank > Severity.WARNING.rank > Severity.INFO.rank
