"""Consent records: loading, validation against policies, and consent documents.

Validation (issue 4)::

    from toolkit.consent import load_policies, validate_paths
    report = validate_paths(["records.jsonl"], policies=["my-clinic.yaml"])
    for finding in report.findings:
        print(finding.record_id, finding.rule, finding.reference, finding.path, finding.message)

Policies are data (``policies/*.yaml``); :func:`load_policies` reads them, :func:`policies_for`
picks those for a jurisdiction and context, and each :class:`Rule` may name the
``disclosure`` element (one of :data:`DISCLOSURE_ELEMENTS`) a consent document must state.
"""

from __future__ import annotations

from toolkit.consent.findings import Finding, InputProblem
from toolkit.consent.output import (
    OutputFormat,
    render_json,
    render_report,
    render_sarif,
    render_text,
)
from toolkit.consent.policy import (
    DISCLOSURE_ELEMENTS,
    AppliesTo,
    Context,
    Examples,
    JurisdictionValue,
    Policy,
    Rule,
    Severity,
    When,
    bundled_policy_ids,
    combine_policies,
    find_rule,
    load_policies,
    load_policy_file,
    policies_for,
)
from toolkit.consent.records import (
    ConsentRecord,
    InputFormat,
    LoadResult,
    RecordFormat,
    load_records,
    read_records,
)
from toolkit.consent.validate import (
    RecordRef,
    Report,
    Validator,
    validate_paths,
    validate_records,
)

__all__ = [
    "DISCLOSURE_ELEMENTS",
    "AppliesTo",
    "ConsentRecord",
    "Context",
    "Examples",
    "Finding",
    "InputFormat",
    "InputProblem",
    "JurisdictionValue",
    "LoadResult",
    "OutputFormat",
    "Policy",
    "RecordFormat",
    "RecordRef",
    "Report",
    "Rule",
    "Severity",
    "Validator",
    "When",
    "bundled_policy_ids",
    "combine_policies",
    "find_rule",
    "load_policies",
    "load_policy_file",
    "load_records",
    "policies_for",
    "read_records",
    "render_json",
    "render_report",
    "render_sarif",
    "render_text",
    "validate_paths",
    "validate_records",
]
