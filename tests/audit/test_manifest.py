"""Reading a manifest: columns, paths, times in UTC, and bad rows reported with their line."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from toolkit.audit import Manifest, ManifestColumns, read_manifest
from toolkit.errors import ConfigError, InputError

HEADER = "path,subject_id,collected_at,purpose,deidentified\n"


def _read(tmp_path: Path, body: str, header: str = HEADER, **kwargs: object) -> Manifest:
    (tmp_path / "manifest.csv").write_text(header + body, encoding="utf-8")
    return read_manifest(tmp_path / "manifest.csv", tmp_path, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("cell", "start", "end"), [
    ("2026-03-01T10:00:00Z", "2026-03-01T10:00:00+00:00", "2026-03-01T10:00:00+00:00"),
    ("2026-03-01T11:00:00+01:00", "2026-03-01T10:00:00+00:00", "2026-03-01T10:00:00+00:00"),
    ("2026-03-01T10:00:00", "2026-03-01T10:00:00+00:00", "2026-03-01T10:00:00+00:00"),
    ("2026-03-01", "2026-03-01T00:00:00+00:00", "2026-03-01T23:59:59.999999+00:00"),
])
def test_when_collected_at_is_iso_then_it_is_read_in_utc(
        tmp_path: Path, cell: str, start: str, end: str) -> None:
    (row,) = _read(tmp_path, f"a.txt,P1,{cell},p,true\n").rows
    assert row.collected is not None
    assert (row.collected.start, row.collected.end) == (datetime.fromisoformat(start),
                                                        datetime.fromisoformat(end))
    assert row.collected.start.tzinfo is not None


def test_when_timestamp_has_no_zone_then_manifest_zone_applies_and_is_counted(
        tmp_path: Path) -> None:
    manifest = _read(tmp_path, "a.txt,P1,2026-07-01T10:00:00,p,\n",
                     tz=ZoneInfo("Europe/London"))
    assert manifest.rows[0].collected.start == datetime(2026, 7, 1, 9, tzinfo=UTC)  # type: ignore[union-attr]
    assert manifest.naive_times == 1


@pytest.mark.parametrize(("line", "fragment"), [
    ("a.txt,P1,yesterday,p,true", "collected_at is not an ISO 8601"),
    ("a.txt,,2026-03-01,p,true", "subject_id is empty"),
    (",P1,2026-03-01,p,true", "path is empty"),
    ("a.txt,P1,2026-03-01,,true", "purpose is empty"),
    ("a.txt,P1,2026-03-01,p,maybe", "deidentified must be true or false"),
    ("a.txt,P1,2026-03-01", "row has 3 cells but the header has 5"),
    ("../outside.txt,P1,2026-03-01,p,true", "leaves the dataset folder"),
    ("/etc/hosts,P1,2026-03-01,p,true", "outside the dataset folder"),
])
def test_when_row_is_malformed_then_issue_names_its_line_and_others_are_read(
        tmp_path: Path, line: str, fragment: str) -> None:
    manifest = _read(tmp_path, f"ok.txt,P0,2026-03-01,p,true\n{line}\nok2.txt,P2,,p,\n")
    assert [r.path for r in manifest.rows] == ["ok.txt", "ok2.txt"]
    (issue,) = manifest.issues
    assert issue.line == 3 and fragment in issue.message


def test_when_a_quoted_cell_spans_lines_then_the_next_row_keeps_its_line(tmp_path: Path) -> None:
    manifest = _read(tmp_path, 'a.txt,P1,2026-03-01,"p",true\nb.txt,"P\n2",x,p,true\n'
                               "c.txt,P3,2026-03-01,p,maybe\n")
    assert [i.line for i in manifest.issues] == [3, 5]


@pytest.mark.parametrize(("cell", "expected"), [
    ("./sessions/a.txt", "sessions/a.txt"), ("sessions\\a.txt", "sessions/a.txt"),
    ("sessions//a.txt", "sessions/a.txt"),
])
def test_when_path_is_written_loosely_then_it_is_normalised(
        tmp_path: Path, cell: str, expected: str) -> None:
    assert _read(tmp_path, f"{cell},P1,,p,\n").rows[0].path == expected


def test_when_path_is_absolute_inside_dataset_then_it_is_made_relative(tmp_path: Path) -> None:
    inside = tmp_path / "sessions" / "a.txt"
    assert _read(tmp_path, f"{inside},P1,,p,\n").rows[0].path == "sessions/a.txt"


@pytest.mark.parametrize(("cell", "purposes"), [
    ("a|b", ("a", "b")), ("a;b", ("a", "b")), (" a | b ", ("a", "b")), ("a", ("a",)),
])
def test_when_several_purposes_then_each_is_kept(
        tmp_path: Path, cell: str, purposes: tuple[str, ...]) -> None:
    assert _read(tmp_path, f'x.txt,P1,,"{cell}",\n').rows[0].purposes == purposes


def test_when_purpose_is_empty_and_a_default_is_given_then_default_applies(
        tmp_path: Path) -> None:
    row = _read(tmp_path, "x.txt,P1,,,\n", default_purpose="care").rows[0]
    assert row.purposes == ("care",)


@pytest.mark.parametrize(("cell", "flag"), [("true", True), ("No", False), ("1", True),
                                            ("0", False), ("", None)])
def test_when_deidentified_is_given_then_it_is_read(
        tmp_path: Path, cell: str, flag: bool | None) -> None:
    assert _read(tmp_path, f"x.txt,P1,,p,{cell}\n").rows[0].deidentified is flag


def test_when_columns_have_other_names_then_a_mapping_reads_them(tmp_path: Path) -> None:
    columns = ManifestColumns(path="file", subject="participant", collected="recorded",
                              purpose="use")
    manifest = _read(tmp_path, "a.vtt;S-9;2026-03-01T10:00:00Z;study\n",
                     header="file;participant;recorded;use\n", columns=columns)
    (row,) = manifest.rows
    assert (row.path, row.subject, row.purposes) == ("a.vtt", "S-9", ("study",))


def test_when_same_file_subject_and_purpose_twice_then_a_duplicate_is_reported(
        tmp_path: Path) -> None:
    manifest = _read(tmp_path, "a.txt,P1,,p,\na.txt,P2,,p,\na.txt,P1,,p,\n")
    assert len(manifest.rows) == 2
    (issue,) = manifest.issues
    assert issue.duplicate and issue.line == 4 and "line 2" in issue.message


@pytest.mark.parametrize(("header", "option"), [
    ("file,subject_id\n", "--path-column"), ("path,participant\n", "--subject-column"),
])
def test_when_a_required_column_is_missing_then_config_error_names_the_option(
        tmp_path: Path, header: str, option: str) -> None:
    with pytest.raises(ConfigError, match=option) as info:
        _read(tmp_path, "", header=header)
    assert "manifest.csv:1" in str(info.value)


def test_when_manifest_is_missing_or_not_utf8_then_error_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--manifest"):
        read_manifest(tmp_path / "manifest.csv", tmp_path)
    (tmp_path / "m.csv").write_bytes("path,subject_id\nž.txt,P1\n".encode("cp1250"))
    with pytest.raises(InputError, match="UTF-8"):
        read_manifest(tmp_path / "m.csv", tmp_path)
