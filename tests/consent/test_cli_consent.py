"""``confide consent validate`` and ``confide policy list|show`` through CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from toolkit.cli import main
from toolkit.consent.policy import load_policies

from .conftest import DATA

NOW = ["--now", "2026-11-01T00:00:00Z"]


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _only(path: Path, suffix: str, tmp_path: Path) -> Path:
    """One held-out record (the one whose id ends with ``suffix``) alone in a YAML file."""
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    record = next(r for r in records if r["record_id"].endswith(suffix))
    out = tmp_path / f"{suffix}.yaml"
    out.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    return out


def test_when_records_are_clean_then_exit_0_and_text_says_ok(tmp_path: Path) -> None:
    path = _only(DATA / "gb-clinical.yaml", "001", tmp_path)
    result = _invoke("consent", "validate", str(path), *NOW)
    assert result.exit_code == 0, result.output
    assert "record b1000000-0000-4000-8000-000000000001  ok" in result.stdout
    assert "1 record: 1 without errors, 0 with errors" in result.stdout


def test_when_a_record_breaks_a_rule_then_exit_1_and_text_groups_by_record() -> None:
    result = _invoke("consent", "validate", str(DATA / "records.csv"), *NOW, "--no-color")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    head = next(i for i, line in enumerate(lines) if "d2000000-0000-4000-8000-000000000003" in line)
    assert lines[head].endswith("2 errors")
    assert "UKGDPR-4.11-AFFIRMATIVE  events.1.method" in lines[head + 1]
    assert lines[head + 3].strip() == "[UK GDPR Art. 4(11)]"
    assert "\x1b[" not in result.stdout


def test_when_color_is_asked_then_severities_are_coloured() -> None:
    result = _invoke("consent", "validate", str(DATA / "records.csv"), *NOW, "--color")
    assert "\x1b[31m" in result.stdout


@pytest.mark.parametrize(
    ("suffix", "fail_on", "code"),
    [
        ("013", "error", 0),  # a warning only (no DPO contact)
        ("013", "warning", 1),
        ("013", "info", 1),
        ("003", "warning", 0),  # an info only (pre-AI Act consent)
        ("003", "info", 1),
        ("010", "never", 0),  # errors
        ("010", "error", 1),
    ],
)
def test_fail_on_sets_the_threshold_for_exit_1(
    tmp_path: Path, suffix: str, fail_on: str, code: int
) -> None:
    path = _only(DATA / "cz-clinical.yaml", suffix, tmp_path)
    result = _invoke("consent", "validate", str(path), *NOW, "--fail-on", fail_on)
    assert result.exit_code == code, result.output


def test_sarif_output_locates_each_result_by_file_and_line() -> None:
    result = _invoke("consent", "validate", str(DATA / "records.csv"), *NOW, "--format", "sarif")
    sarif = json.loads(result.stdout)
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "confide"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["UKGDPR-4.11-AFFIRMATIVE"]["properties"]["reference"] == "UK GDPR Art. 4(11)"
    first = run["results"][0]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("records.csv")
    assert location["region"]["startLine"] == 4
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == first["ruleId"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["consent", "validate", "no-such-file.json"], "no such file"),
        (["consent", "validate", str(DATA / "records.csv"), "--now", "yesterday"], "ISO 8601"),
        (["consent", "validate", str(DATA / "records.csv"), "--policy", "gdrp"], "did you mean"),
        (["consent", "validate"], "Missing argument"),
        (["policy", "show", "GDPR-99"], "no rule 'GDPR-99'"),
    ],
)
def test_usage_and_input_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    result = _invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_when_a_policy_file_replaces_a_bundled_one_then_its_rules_are_used(tmp_path: Path) -> None:
    path = tmp_path / "uk-gdpr.yaml"
    path.write_text(
        "policy: uk-gdpr\nextends: uk-gdpr\ndisable: [UKGDPR-4.11-AFFIRMATIVE]\n", encoding="utf-8"
    )
    result = _invoke(
        "consent",
        "validate",
        str(DATA / "records.csv"),
        *NOW,
        "--format",
        "json",
        "--policy",
        str(path),
    )
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert "UKGDPR-4.11-AFFIRMATIVE" not in rules and "UKGDPR-9.2A-EXPLICIT" in rules


def test_when_an_explicit_policy_applies_to_no_record_then_a_warning_says_so() -> None:
    result = _invoke("consent", "validate", str(DATA / "records.csv"), *NOW, "--policy", "bps")
    assert "--policy bps: applies to none of these records" in result.stderr


def test_policy_list_shows_every_rule_with_its_reference() -> None:
    result = _invoke("policy", "list")
    assert result.exit_code == 0
    for policy in load_policies(None):
        for rule in policy.rules:
            line = next(
                x for x in result.stdout.splitlines() if x.strip().startswith(rule.id + " ")
            )
            assert rule.reference in line


def test_policy_list_json_has_one_row_per_rule() -> None:
    rows = json.loads(_invoke("policy", "list", "--format", "json").stdout)
    assert len(rows) == sum(len(p.rules) for p in load_policies(None))
    assert {"id", "policy", "severity", "reference", "disclosure"} <= rows[0].keys()


def test_policy_show_prints_reference_rationale_and_both_examples() -> None:
    result = _invoke("policy", "show", "gdpr-8-child-consent")
    assert result.exit_code == 0
    text = result.stdout
    assert "GDPR-8-CHILD-CONSENT" in text and "GDPR Art. 8(1)-(2)" in text
    assert "Rationale: Art. 8(1)" in text
    assert "Passing example" in text and "Failing example" in text
    assert "subject.age_at_consent: 14" in text
    assert "checked by: check `child_consent_authorised`" in text
