"""SubRip: numbered cues, timings, BOM and multi-line text survive; speakers are SPEAKERs."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.formats import Format
from toolkit.pii.types import SegmentKind

from ._samples import SRT, cue_frames, fake_redact, leaked, run, speakers, tags, write


def test_when_reading_srt_then_prefixes_are_speakers_and_lines_join(tmp_path: Path) -> None:
    _, (unit,), problems = run(write(tmp_path, "s.srt", SRT), Format.SRT)
    assert problems == []
    assert speakers([unit]) == [
        "Dr Ivo Mockridge",
        "Ada Testwell",
        "Dr Ivo Mockridge",
        "Ada Testwell",
    ]
    assert (SegmentKind.TEXT, "Bram Fakeley rang me on\n07700 900123 again.") in [
        (s.kind, s.text) for s in unit.segments
    ]
    assert unit.segments[5].text == "That sounds hard, Ada."  # <i> kept out of the text
    assert unit.segment_lines[:4] == (3, 3, 7, 7)


def test_when_srt_is_redacted_then_numbers_timings_bom_and_tags_are_identical(
    tmp_path: Path,
) -> None:
    out, _, _ = run(write(tmp_path, "s.srt", SRT), Format.SRT, fake_redact)
    assert out.startswith(
        "\ufeff1\n00:00:01,000 --> 00:00:04,000\n<PERSON>: Good morning, <PERSON>."
    )
    assert cue_frames(out) == cue_frames(SRT)
    assert out.count("\n") == SRT.count("\n")
    assert leaked(out) == []
    assert "<PERSON>: <i>That</i> sounds hard, <PERSON>." in out
    assert "<PERSON>: {\\an8}It was." in out
    assert tags(out) - tags(SRT) == {"PERSON", "PHONE_NUMBER"}  # SubRip has no escaping


@pytest.mark.parametrize(
    ("broken", "line"),
    [
        ("2\n00:00:04,500 -> 00:00:09,250\nAda Testwell: secret\n", 6),
        ("2\nnot a timing\nAda Testwell: secret\n", 6),
        ("00:00:04,500 --> later\nAda Testwell: secret\n", 5),
        ("Ada Testwell: secret\n", 5),
    ],
)
def test_when_an_srt_cue_is_malformed_then_problem_has_its_line_and_rest_goes_on(
    tmp_path: Path, broken: str, line: int
) -> None:
    sample = (
        "1\n00:00:01,000 --> 00:00:04,000\nhello\n\n"
        + broken
        + "\n3\n00:00:10,000 --> 00:00:12,000\nand then?\n"
    )
    out, (unit,), problems = run(write(tmp_path, "s.srt", sample), Format.SRT)
    assert [p.line for p in problems] == [line]
    assert "secret" not in out
    assert [s.text for s in unit.segments] == ["hello", "and then?"]


def test_when_srt_has_no_cue_numbers_and_crlf_then_it_is_kept(tmp_path: Path) -> None:
    sample = "00:00:01,000 --> 00:00:02,000\r\nAda Testwell: hi\r\n\r\n"
    out, (unit,), _ = run(write(tmp_path, "s.srt", sample), Format.SRT, fake_redact)
    assert out == "00:00:01,000 --> 00:00:02,000\r\n<PERSON>: hi\r\n\r\n"
    assert speakers([unit]) == ["Ada Testwell"]


def test_when_redaction_text_looks_like_a_timing_then_it_cannot_make_a_cue(
    tmp_path: Path,
) -> None:
    sample = "1\n00:00:01,000 --> 00:00:02,000\nAda\n"
    out, _, _ = run(
        write(tmp_path, "s.srt", sample),
        Format.SRT,
        lambda unit: ["00:00:05,000 --> 00:00:06,000" for _ in unit.segments],
    )
    assert out.count("-->") == 1
