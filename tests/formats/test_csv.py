"""CSV/TSV and Qualtrics exports: rows and columns stay; text and identifying cells change."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from toolkit.errors import ConfigError, InputError
from toolkit.formats import (
    Format,
    FormatOptions,
    IdentifyingColumn,
    Unit,
    get_handler,
    identifying_columns,
    read_csv_layout,
)
from toolkit.formats._csvscan import cell_value, quote_cell, sniff_delimiter, split_cells
from toolkit.pii.types import EntityType, SegmentKind

from ._samples import QUALTRICS_CSV, SIMPLE_TSV, LineFeed, fake_redact, identity, leaked, run, write


def _rows(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter))


def test_when_reading_qualtrics_then_three_header_rows_are_recognised(tmp_path: Path) -> None:
    layout = read_csv_layout(write(tmp_path, "q.csv", QUALTRICS_CSV))
    assert layout.qualtrics
    assert layout.delimiter == ","
    assert layout.columns[:3] == ("StartDate", "EndDate", "IPAddress")
    assert layout.questions[7] == "What helped, in your own words?"
    assert layout.import_ids[7] == "QID2_TEXT"


def test_when_reading_qualtrics_then_rows_are_documents_with_text_and_name_cells(
    tmp_path: Path,
) -> None:
    _, units, problems = run(write(tmp_path, "q.csv", QUALTRICS_CSV), Format.CSV)
    assert problems == []
    assert [(u.line, u.record) for u in units] == [(4, 0), (6, 1), (7, 2)]
    first = units[0]
    assert first.segment_fields == (
        "IPAddress",
        "RecipientFirstName",
        "RecipientEmail",
        "LocationLatitude",
        "Q2_TEXT",
    )
    assert first.segments[1].kind is SegmentKind.SPEAKER
    assert first.segments[4].text == 'Talking to Bram Fakeley helped.\r\nAlso "long walks".'
    assert units[2].segment_fields == ("IPAddress", "LocationLatitude")  # empty cells skipped


def test_when_qualtrics_is_redacted_then_rows_columns_and_headers_are_identical(
    tmp_path: Path,
) -> None:
    out, _, _ = run(write(tmp_path, "q.csv", QUALTRICS_CSV), Format.CSV, fake_redact)
    before, after = _rows(QUALTRICS_CSV), _rows(out)
    assert [len(r) for r in after] == [len(r) for r in before] == [9] * 6
    assert after[:3] == before[:3]
    for old, new in zip(before[3:], after[3:], strict=True):
        assert [old[i] for i in (0, 1, 6, 8)] == [new[i] for i in (0, 1, 6, 8)]
    assert after[3][7] == '"Talking to <PERSON> helped.\r\nAlso ""long walks""."'.strip(
        '"'
    ).replace('""', '"')
    assert leaked(out) == []
    assert out.startswith("\ufeff") and out.count("\r\n") == QUALTRICS_CSV.count("\r\n")


def test_when_columns_are_given_then_only_those_cells_are_segments(tmp_path: Path) -> None:
    options = FormatOptions(columns=("q2_text", "RecipientFirstName"))
    _, units, _ = run(write(tmp_path, "q.csv", QUALTRICS_CSV), Format.CSV, identity, options)
    assert units[0].segment_fields == ("RecipientFirstName", "Q2_TEXT")
    assert [s.kind for s in units[0].segments] == [SegmentKind.SPEAKER, SegmentKind.TEXT]
    assert units[1].segment_fields == ("RecipientFirstName", "Q2_TEXT")


def test_when_a_column_does_not_exist_then_config_error_lists_the_columns(
    tmp_path: Path,
) -> None:
    options = FormatOptions(columns=("comment",))
    with pytest.raises(ConfigError, match=r"q\.csv: --column 'comment': no such column .*Q2_TEXT"):
        run(write(tmp_path, "q.csv", QUALTRICS_CSV), Format.CSV, identity, options)


def test_when_reading_tsv_then_tab_is_the_delimiter_and_speaker_is_a_name(
    tmp_path: Path,
) -> None:
    out, (unit,), _ = run(write(tmp_path, "c.tsv", SIMPLE_TSV), Format.CSV, fake_redact)
    assert [(s.kind, f) for s, f in zip(unit.segments, unit.segment_fields, strict=True)] == [
        (SegmentKind.SPEAKER, "speaker"),
        (SegmentKind.TEXT, "message"),
    ]
    assert out == "id\tspeaker\tmessage\tminutes\n1\t<PERSON>\tI saw <PERSON> today.\t1.50\n"


def test_when_a_row_is_ragged_then_problem_has_its_line_and_rest_goes_on(tmp_path: Path) -> None:
    text = 'id,comment\n1,"Ada Testwell\nsaid hi"\n2,Bram,extra\n3,Cora Sampleton\n'
    out, units, problems = run(write(tmp_path, "c.csv", text), Format.CSV, fake_redact)
    assert [(p.line, p.message) for p in problems] == [
        (4, "row has 3 cells but the header has 2; left out")
    ]
    assert [u.line for u in units] == [2, 5]
    assert out == 'id,comment\n1,"<PERSON>\nsaid hi"\n3,<PERSON>\n'


def test_when_a_quote_is_never_closed_then_the_rest_is_one_problem(tmp_path: Path) -> None:
    text = 'id,comment\n1,fine\n2,"open\n3,Ada Testwell\n'
    out, units, problems = run(write(tmp_path, "c.csv", text), Format.CSV)
    assert [p.line for p in problems] == [3]
    assert "never closed" in problems[0].message
    assert out == "id,comment\n1,fine\n"
    assert len(units) == 1


def test_when_a_row_is_not_utf8_then_it_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"id,comment\n1,caf\xe9\n2,ok\n")
    out, _, problems = run(path, Format.CSV)
    assert [(p.line, p.message) for p in problems] == [(2, "row is not valid UTF-8; left out")]
    assert out == "id,comment\n2,ok\n"


def test_when_the_header_is_broken_then_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"c\.csv:1: the header row"):
        run(write(tmp_path, "c.csv", 'id,"comment\n'), Format.CSV)


@pytest.mark.parametrize(
    "text",
    ["", "id,comment\n", "id,comment", "id,comment\r\n\r\n1,x\r\n\r\n", "a;b\n1;2\n"],
)
def test_when_csv_is_small_or_odd_then_identity_is_byte_identical(
    tmp_path: Path, text: str
) -> None:
    path = write(tmp_path, "c.csv", text)
    out, _, problems = run(path, Format.CSV)
    assert out.encode() == path.read_bytes()
    assert problems == []


@pytest.mark.parametrize(
    "line",
    [
        "a,b,c",
        '"a","b,c",d',
        '"he said ""hi""",x',
        ",,",
        "a,",
        '"",""',
        '5 ft 3" tall,x',
        '"quoted"tail,x',
        '"multi\nline",x',
        '"multi\r\nline, with comma",x',
        "  spaced , cells ",
    ],
)
def test_when_splitting_a_record_then_values_match_the_csv_module(line: str) -> None:
    spans = split_cells(line, ",")
    assert spans is not None
    assert [cell_value(line[s:e]) for s, e in spans] == next(
        csv.reader(io.StringIO(line, newline=""))
    )
    assert "".join(line[s:e] + "," for s, e in spans)[:-1] == line


@pytest.mark.parametrize("line", ['"open', 'a,"open', 'a,"x""'])
def test_when_a_quote_is_open_then_the_record_is_incomplete(line: str) -> None:
    assert split_cells(line, ",") is None


@pytest.mark.parametrize(
    ("value", "quoted", "expected"),
    [
        ("plain", False, "plain"),
        ("plain", True, '"plain"'),
        ("a, b", False, '"a, b"'),
        ('say "hi"', False, '"say ""hi"""'),
        ("two\nlines", False, '"two\nlines"'),
    ],
)
def test_when_quoting_a_cell_then_original_style_or_necessity_decides(
    value: str, quoted: bool, expected: str
) -> None:
    assert quote_cell(value, ",", quoted) == expected


def test_when_a_redacted_value_needs_quotes_then_the_row_still_parses(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", "id,comment,n\n1,Ada Testwell,2\n")

    def with_comma(unit: Unit) -> list[str]:
        return ['<PERSON>, "redacted"' for _ in unit.segments]

    out, _, _ = run(path, Format.CSV, with_comma)
    assert _rows(out) == [["id", "comment", "n"], ["1", '<PERSON>, "redacted"', "2"]]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("a,b,c", ","),
        ("a\tb\tc", "\t"),
        ("a;b;c", ";"),
        ("a|b|c", "|"),
        ('"x;y",b,c', ","),
        ("single", ","),
    ],
)
def test_when_sniffing_then_the_most_frequent_delimiter_outside_quotes_wins(
    header: str, expected: str
) -> None:
    assert sniff_delimiter(header) == expected


@pytest.mark.parametrize(
    ("column", "entity_type"),
    [
        ("email", EntityType.EMAIL_ADDRESS),
        ("RecipientEmail", EntityType.EMAIL_ADDRESS),
        ("E-mail address", EntityType.EMAIL_ADDRESS),
        ("IPAddress", EntityType.IP_ADDRESS),
        ("ip_address", EntityType.IP_ADDRESS),
        ("RecipientFirstName", EntityType.PERSON),
        ("RecipientLastName", EntityType.PERSON),
        ("name", EntityType.PERSON),
        ("Full Name", EntityType.PERSON),
        ("surname", EntityType.PERSON),
        ("speaker", EntityType.PERSON),
        ("phone", EntityType.PHONE_NUMBER),
        ("Mobile number", EntityType.PHONE_NUMBER),
        ("LocationLatitude", EntityType.LOCATION),
        ("LocationLongitude", EntityType.LOCATION),
        ("city", EntityType.LOCATION),
        ("address", EntityType.STREET_ADDRESS),
        ("home_address", EntityType.STREET_ADDRESS),
        ("postcode", EntityType.UK_POSTCODE),
        ("Zip code", EntityType.UK_POSTCODE),
        ("DOB", EntityType.DATE),
        ("date_of_birth", EntityType.DATE),
        ("NHS number", EntityType.UK_NHS),
        ("StartDate", None),
        ("ResponseId", None),
        ("Q2_TEXT", None),
        ("file name", None),
        ("Finished", None),
        ("description", None),
    ],
)
def test_when_column_names_reveal_identity_then_they_are_flagged(
    column: str, entity_type: EntityType | None
) -> None:
    found = identifying_columns([column])
    assert [c.entity_type for c in found] == ([entity_type] if entity_type else [])
    for item in found:
        assert isinstance(item, IdentifyingColumn)
        assert item.column == column and item.reason.startswith("column name suggests")


def test_when_no_column_is_given_then_free_text_columns_are_picked(tmp_path: Path) -> None:
    text = (
        "id,status,q7,comments,minutes\n"
        "1,done,I have been sleeping badly since the move,ok,3\n"
        "2,done,,,4\n"
    )
    _, units, _ = run(write(tmp_path, "c.csv", text), Format.CSV)
    assert units[0].segment_fields == ("q7", "comments")  # prose values; a free-text name


def test_when_columns_are_given_then_rows_stream_one_at_a_time() -> None:
    stream = LineFeed("id,comment\n" + "".join(f"{i},row {i}\n" for i in range(1000)))
    handler = get_handler(Format.CSV, FormatOptions(columns=("comment",)))
    first = next(iter(handler.read(stream, source="big.csv")))
    assert isinstance(first, Unit)
    assert stream.taken <= 4


def test_when_a_tsv_has_one_column_then_commas_stay_in_the_cells(tmp_path: Path) -> None:
    text = "comment\nAda Testwell said she is tired, sad, and alone\n"
    out, (unit,), problems = run(write(tmp_path, "c.tsv", text), Format.CSV, fake_redact)
    assert problems == []
    assert unit.segments[0].text == "Ada Testwell said she is tired, sad, and alone"
    assert out == "comment\n<PERSON> said she is tired, sad, and alone\n"
