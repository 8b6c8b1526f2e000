"""Plain text transcripts: one document, one TEXT segment, exact lines and line endings."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import DecodeError
from toolkit.formats import Format, Unit
from toolkit.pii.types import SegmentKind

from ._samples import fake_redact, identity, run, write


@pytest.mark.parametrize(
    "text",
    [
        "THERAPIST: Hello Ada.\nCLIENT: Hi.\n",
        "THERAPIST: Hello Ada.\r\nCLIENT: Hi.\r\n",
        "mixed\r\nendings\nand\rold mac\r\n",
        "no final newline",
        "\ufeffwith a byte-order mark\n",
        "\n\n\nblank lines first\n\n",
        "",
        "unicode: café ☃ 😀\n",
    ],
)
def test_when_redactor_is_identity_then_text_is_byte_identical(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, "t.txt", text)
    out, units, problems = run(path, Format.TEXT)
    assert out.encode() == path.read_bytes()
    assert problems == []
    assert len(units) == 1


def test_when_reading_text_then_one_text_segment_has_newlines_only(tmp_path: Path) -> None:
    path = write(tmp_path, "t.txt", "\ufeffTHERAPIST: Hi Ada.\r\nCLIENT: Hi.\rDone")
    _, (unit,), _ = run(path, Format.TEXT)
    assert [s.kind for s in unit.segments] == [SegmentKind.TEXT]
    assert unit.segments[0].text == "THERAPIST: Hi Ada.\nCLIENT: Hi.\nDone"
    assert (unit.line, unit.record, unit.segment_lines) == (1, 0, (1,))


def test_when_redacting_then_line_endings_are_kept(tmp_path: Path) -> None:
    path = write(tmp_path, "t.txt", "Ada Testwell:\r\nHello Bram\nbye")
    out, _, _ = run(path, Format.TEXT, fake_redact)
    assert out == "<PERSON>:\r\nHello <PERSON>\nbye"


def _merge_lines(unit: Unit) -> list[str]:
    return [s.text.replace("12 Elm Row,\nZZ1 1ZZ", "<STREET_ADDRESS>") for s in unit.segments]


def _add_lines(unit: Unit) -> list[str]:
    return [s.text.replace("Ada", "Flat 3\nSample Road") for s in unit.segments]


@pytest.mark.parametrize(
    ("redact", "expected"),
    [
        (_merge_lines, "Ada lives at <STREET_ADDRESS>\r\n\r\nOK.\r\n"),
        (_add_lines, "Flat 3 Sample Road lives at 12 Elm Row,\r\nZZ1 1ZZ\r\nOK.\r\n"),
    ],
)
def test_when_redaction_changes_line_breaks_then_line_count_is_kept(
    tmp_path: Path, redact: object, expected: str
) -> None:
    path = write(tmp_path, "t.txt", "Ada lives at 12 Elm Row,\r\nZZ1 1ZZ\r\nOK.\r\n")
    out, _, _ = run(path, Format.TEXT, redact)  # type: ignore[arg-type]
    assert out == expected
    assert out.count("\r\n") == 3


def test_when_file_is_not_utf8_then_decode_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_bytes(b"fine\nbad \xff byte\n")
    with pytest.raises(DecodeError, match=r"t\.txt:2: not valid UTF-8"):
        run(path, Format.TEXT)


def test_when_file_is_binary_then_decode_error(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_bytes(b"PK\x03\x04\x00\x00")
    with pytest.raises(DecodeError, match="binary"):
        run(path, Format.TEXT)


def test_when_identity_then_output_equals_input_for_a_long_transcript(tmp_path: Path) -> None:
    lines = [f"{'THERAPIST' if i % 2 else 'CLIENT'}: line {i} about Ada" for i in range(2000)]
    path = write(tmp_path, "t.txt", "\r\n".join(lines))
    out, _, _ = run(path, Format.TEXT, identity)
    assert out.encode() == path.read_bytes()
    redacted, _, _ = run(path, Format.TEXT, fake_redact)
    assert redacted.count("\r\n") == 1999
    assert "Ada" not in redacted
