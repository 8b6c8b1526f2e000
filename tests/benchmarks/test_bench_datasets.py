"""presidio-research mapping, confide detect parsing, reports without raw text, and the
plain-Presidio baseline running isolated and offline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import presidio_research as pr
from benchmarks.metrics import GoldSpan, Tally, TypedSpan
from benchmarks.names import UNLISTED_PERSON, is_listed
from benchmarks.report import Bar, DatasetResult, bars_table, dataset_markdown
from benchmarks.systems import parse_detect_jsonl

RECORD = {
    "full_text": "Mr. Tom Ward, 42, from Norway, lives at 5 Oak St, Leeds 90210 since 1990 "
                 "and was born 4/14/1962.",
    "spans": [],
    "template_id": 1,
}


def _span(label: str, value: str) -> dict[str, object]:
    start = RECORD["full_text"].index(value)  # type: ignore[attr-defined]
    return {"entity_type": label, "entity_value": value, "start_position": start,
            "end_position": start + len(value)}


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    rec = dict(RECORD, spans=[_span("TITLE", "Mr."), _span("PERSON", "Tom Ward"),
                              _span("AGE", "42"), _span("GPE", "Norway"),
                              _span("STREET_ADDRESS", "5 Oak St"), _span("GPE", "Leeds"),
                              _span("ZIP_CODE", "90210"), _span("DATE_TIME", "1990"),
                              _span("DATE_TIME", "4/14/1962")])
    path = tmp_path / "synth.json"
    path.write_text(json.dumps([rec]))
    return path


def _labels(rec: pr.Record) -> list[tuple[str, str]]:
    return [(rec.text[g.start:g.end], g.label) for g in rec.gold]


def test_when_profile_is_confide_then_countries_years_titles_ages_are_not_scored(
        dataset: Path) -> None:
    (rec,) = pr.load(dataset, pr.Profile.CONFIDE)
    assert _labels(rec) == [("Tom Ward", "PERSON"), ("5 Oak St", "STREET_ADDRESS"),
                            ("Leeds", "LOCATION"), ("90210", "STREET_ADDRESS"),
                            ("4/14/1962", "DATE")]
    assert sorted(rec.text[s:e] for s, e in rec.ignore) == ["1990", "42", "Mr.", "Norway"]


def test_when_profile_is_as_annotated_then_only_titles_ages_nrp_are_dropped(
        dataset: Path) -> None:
    (rec,) = pr.load(dataset, pr.Profile.AS_ANNOTATED)
    assert ("Norway", "LOCATION") in _labels(rec)
    assert ("1990", "DATE") in _labels(rec)
    assert sorted(rec.text[s:e] for s, e in rec.ignore) == ["42", "Mr."]


def test_when_records_are_written_then_files_hold_the_exact_text(dataset: Path,
                                                                 tmp_path: Path) -> None:
    recs = pr.load(dataset)
    written = list(pr.write_docs(recs, tmp_path / "docs"))
    assert written[0][1].read_bytes().decode() == recs[0].text


def test_when_dataset_is_missing_then_the_error_says_how_to_skip_it(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="--no-presidio-research"):
        pr.load(tmp_path / "nope.json")


@pytest.mark.parametrize(
    "lines",
    [
        ['{"file": "/w/docs/a.txt", "record": 0, "line": 2, "type": "PERSON", "start": 3, '
         '"end": 8, "score": 0.85, "recognizer": "spacy_ner"}'],
        ['{"path": "a.txt", "spans": [{"entity_type": "PERSON", "start": 3, "end": 8}]}'],
    ],
)
def test_when_detect_jsonl_is_parsed_then_spans_are_keyed_by_document(lines) -> None:
    assert parse_detect_jsonl(lines, Path("/w/docs")) == {"a": [TypedSpan(3, 8, "PERSON")]}


def test_when_detect_jsonl_lacks_offsets_then_it_is_an_error() -> None:
    with pytest.raises(ValueError, match="unexpected JSONL record"):
        parse_detect_jsonl(['{"file": "a.txt", "type": "PERSON"}'], Path())


@pytest.mark.parametrize(("name", "listed"), [("Sarah Jones", True), ("tom", True),
                                              ("Funmilayo Okoro", False), ("", False)])
def test_when_name_is_checked_then_faker_listing_is_known(name: str, listed: bool) -> None:
    assert is_listed(name) is listed
    assert UNLISTED_PERSON.startswith("PERSON")


def test_when_report_is_rendered_then_no_raw_value_appears() -> None:
    text = "P07: my friend Zebulon Quartermaine rang 07700 900123 about PHQ-9"
    tally = Tally()
    tally.add(text, [GoldSpan(15, 35, "PERSON"), GoldSpan(41, 53, "PHONE_NUMBER")],
              [(0, 3), (15, 23), (60, 65)], typed=[TypedSpan(60, 65, "PERSON")],
              decoys=[GoldSpan(0, 3, "ROLE_LABEL"), GoldSpan(60, 65, "SCALE")])
    res = DatasetResult("synthetic-test", "t", {"confide": tally.scores()}, {"confide": 1.0})
    md = dataset_markdown(res) + bars_table([Bar("synthetic-test", "recall", ">=", 0.97)],
                                            {"synthetic-test": res}, "confide")[0]
    for secret in ("Zebulon", "Quartermaine", "07700", "900123", "PHQ", "P07"):
        assert secret not in md
    assert "| NO |" in md


def test_when_bar_is_met_or_missed_then_bars_table_says_so() -> None:
    tally = Tally()
    tally.add("hi tom", [GoldSpan(3, 6, "PERSON")], [(3, 6)])
    res = {"synthetic-test": DatasetResult("synthetic-test", "t", {"confide": tally.scores()},
                                           {})}
    _, ok = bars_table([Bar("synthetic-test", "recall", ">=", 0.97),
                        Bar("synthetic-test", "leak_rate", "<=", 0.03)], res, "confide")
    assert ok
    _, ok = bars_table([Bar("presidio-research", "recall", ">=", 0.85)], res, "confide")
    assert not ok  # a bar whose dataset was not run is not met


@pytest.mark.slow
def test_when_plain_presidio_runs_then_it_is_offline_and_free_of_confide(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Email sarah.jones@example.com or call 212-555-0147.\n")
    script = Path(__file__).resolve().parents[2] / "benchmarks" / "plain_presidio.py"
    proc = subprocess.run([sys.executable, str(script), str(docs), "--analyze-only", "--spans",
                           str(tmp_path / "spans.jsonl")], capture_output=True, text=True,
                          check=False, timeout=300)
    assert proc.returncode == 0, proc.stderr[-500:]
    stats = json.loads(proc.stdout.splitlines()[-1])
    assert stats["network_attempts"] == 0
    assert stats["toolkit_imported"] is False
    types = {json.loads(x)["type"] for x in (tmp_path / "spans.jsonl").read_text().splitlines()}
    assert "EMAIL_ADDRESS" in types
    assert "Traceback" not in proc.stderr


def test_when_split_is_held_out_then_leak_shapes_are_hidden() -> None:
    from benchmarks.report import scores_json

    tally = Tally()
    tally.add("ring 07700 900123", [GoldSpan(5, 17, "PHONE_NUMBER")], [])
    scores = tally.scores()
    shown = DatasetResult("synthetic-dev", "t", {"confide": scores}, {})
    hidden = DatasetResult("synthetic-test", "t", {"confide": scores}, {}, held_out=True)
    assert "`d d`" in dataset_markdown(shown)
    assert "`d d`" not in dataset_markdown(hidden)
    assert "hidden" in scores_json(scores, leak_shapes=False)["leak_patterns"]
