"""Consent coverage: each manifest row judged against the subject's consent events."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from toolkit.audit.coverage import coverage_findings, records_by_subject
from toolkit.audit.manifest import Collected, Manifest, ManifestRow
from toolkit.consent.records import ConsentRecord, normalise_times

from ._dataset import PURPOSE, record

NOW = datetime(2026, 11, 1, tzinfo=UTC)
KEY = b"k" * 32


def _at(text: str) -> Collected:
    if len(text) == 10:
        start = datetime.fromisoformat(text).replace(tzinfo=UTC)
        return Collected(start, start + timedelta(days=1) - timedelta(microseconds=1))
    moment = datetime.fromisoformat(text)
    return Collected(moment, moment)


def _event(state: str, at: str, purposes: list[str] | None = None) -> dict[str, Any]:
    event: dict[str, Any] = {"state": state, "at": at, "by": "subject", "method": "e_signature"}
    if purposes is not None:
        event["purposes"] = purposes
    return event


def _consent(patch: Mapping[str, Any] | None = None, base: str = "clinical-gb"
             ) -> ConsentRecord:
    data = record("P1", patch, base)
    normalise_times(data)
    return ConsentRecord(data, "consents.jsonl", 3, 1)


def _kinds(records: list[ConsentRecord], collected: str | None, purposes: tuple[str, ...] = (
        PURPOSE,), path: str = "s/a.txt", now: datetime = NOW) -> list[str]:
    row = ManifestRow(2, path, "P1", _at(collected) if collected else None, purposes)
    manifest = Manifest("manifest.csv", (row,), (), ())
    findings = coverage_findings(manifest, records_by_subject(records), now=now, key=KEY)
    return sorted(f.kind.code for f in findings)


GIVEN = _event("given", "2026-08-10T10:00:00Z", [PURPOSE])
CASES = [
    # (events, valid_until, collected_at, expected finding kinds)
    ([GIVEN], "2028-01-01T00:00:00Z", "2026-09-15T10:00:00Z", []),
    ([GIVEN], "2028-01-01T00:00:00Z", "2026-08-01T10:00:00Z", ["collected-before-consent"]),
    ([GIVEN], "2028-01-01T00:00:00Z", "2026-08-10", []),
    ([GIVEN], "2028-01-01T00:00:00Z", "2026-08-09", ["collected-before-consent"]),
    ([GIVEN, _event("withdrawn", "2026-10-01T00:00:00Z", [PURPOSE])], "2028-01-01T00:00:00Z",
     "2026-09-15T10:00:00Z", ["consent-withdrawn"]),
    ([GIVEN, _event("withdrawn", "2026-10-01T00:00:00Z", [PURPOSE])], "2028-01-01T00:00:00Z",
     "2026-10-02T10:00:00Z", ["collected-after-withdrawal"]),
    ([GIVEN, _event("revoked", "2026-10-01T00:00:00Z")], "2028-01-01T00:00:00Z",
     "2026-10-02T10:00:00Z", ["collected-after-withdrawal"]),
    ([GIVEN], "2026-10-01T00:00:00Z", "2026-10-20T10:00:00Z", ["collected-after-expiry"]),
    ([GIVEN], "2026-10-01T00:00:00Z", "2026-09-20T10:00:00Z", ["consent-expired"]),
    ([GIVEN, _event("expired", "2026-10-01T00:00:00Z", [PURPOSE])], "2028-01-01T00:00:00Z",
     "2026-10-02T10:00:00Z", ["collected-after-expiry"]),
    ([_event("refused", "2026-08-10T10:00:00Z", [PURPOSE])], "2028-01-01T00:00:00Z",
     "2026-09-15T10:00:00Z", ["consent-refused"]),
    ([_event("requested", "2026-08-10T10:00:00Z", [PURPOSE])], "2028-01-01T00:00:00Z",
     "2026-09-15T10:00:00Z", ["purpose-not-consented"]),
    ([GIVEN, _event("withdrawn", "2026-09-01T00:00:00Z", [PURPOSE]),
      _event("renewed", "2026-09-10T00:00:00Z", [PURPOSE])], "2028-01-01T00:00:00Z",
     "2026-09-05T10:00:00Z", ["collected-after-withdrawal"]),
    ([GIVEN, _event("withdrawn", "2026-09-01T00:00:00Z", [PURPOSE]),
      _event("renewed", "2026-09-10T00:00:00Z", [PURPOSE])], "2028-01-01T00:00:00Z",
     "2026-09-15T10:00:00Z", []),
    ([_event("given", "2026-08-10T10:00:00Z")], "2028-01-01T00:00:00Z",
     "2026-09-15T10:00:00Z", []),
]


@pytest.mark.parametrize(("events", "until", "collected", "expected"), CASES)
def test_when_collection_is_judged_against_events_then_outcome_is_as_expected(
        events: list[dict[str, Any]], until: str, collected: str, expected: list[str]) -> None:
    records = [_consent({"events": events, "valid_until": until})]
    assert _kinds(records, collected) == expected


def test_when_purpose_is_not_in_the_record_then_only_that_purpose_is_flagged() -> None:
    kinds = _kinds([_consent()], "2026-09-15T10:00:00Z", (PURPOSE, "model-training"))
    assert kinds == ["purpose-not-consented"]


def test_when_subject_has_no_record_then_one_finding_lists_all_their_files() -> None:
    rows = tuple(ManifestRow(i + 2, f"s/{i}.txt", "P9", _at("2026-09-15T10:00:00Z"),
                             (PURPOSE,)) for i in range(3))
    findings = coverage_findings(Manifest("manifest.csv", rows, (), ()), {}, now=NOW, key=KEY)
    (finding,) = findings
    assert finding.kind.code == "no-consent-record" and finding.subject == "P9"
    assert finding.files == ("s/0.txt", "s/1.txt", "s/2.txt")
    assert (finding.source, finding.line) == ("manifest.csv", 2)


def test_when_purpose_rests_on_another_basis_without_events_then_it_is_covered() -> None:
    base = _consent(base="research-gb")
    data = dict(base.data)
    data["events"] = []
    other = ConsentRecord(data, "c.jsonl", 1, 1)
    assert _kinds([other], "2026-09-15T10:00:00Z", ("study-participation",)) == []


@pytest.mark.parametrize(("path", "expected"), [
    ("rec/a.mp4", ["recording-not-consented"]), ("rec/a.wav", []), ("rec/a.vtt", []),
    ("rec/a.txt", []),
])
def test_when_recording_consent_says_no_then_that_modality_is_flagged(
        path: str, expected: list[str]) -> None:
    research = _consent(base="research-gb")
    assert _kinds([research], "2026-09-15T10:00:00Z", ("study-participation",), path) == expected


def test_when_some_rows_have_no_time_then_each_is_flagged_else_the_manifest_once() -> None:
    rows = (ManifestRow(2, "a.txt", "P1", _at("2026-09-15T10:00:00Z"), (PURPOSE,)),
            ManifestRow(3, "b.txt", "P1", None, (PURPOSE,)))
    by_subject = records_by_subject([_consent()])
    some = coverage_findings(Manifest("m.csv", rows, (), ()), by_subject, now=NOW, key=KEY)
    assert [(f.kind.code, f.file) for f in some] == [("collected-at-missing", "b.txt")]
    none = coverage_findings(Manifest("m.csv", rows[1:], (), ()), by_subject, now=NOW, key=KEY)
    assert [(f.kind.code, f.file, f.line) for f in none] == [("collected-at-missing", None, 1)]


def test_when_judged_twice_with_same_key_then_ids_are_stable_and_differ_by_key() -> None:
    first = _kinds_ids(KEY)
    assert first == _kinds_ids(KEY)
    assert first != _kinds_ids(b"other-key" * 4)


def _kinds_ids(key: bytes) -> list[str]:
    row = ManifestRow(2, "a.txt", "P7", None, (PURPOSE,))
    return [f.id for f in coverage_findings(Manifest("m.csv", (row,), (), ()), {}, now=NOW,
                                            key=key)]
