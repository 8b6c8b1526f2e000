"""WebVTT: Zoom and Teams exports keep cues, timings, ids and blocks; speakers are SPEAKERs."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import InputError
from toolkit.formats import Format, Unit
from toolkit.pii.types import SegmentKind

from ._samples import (
    TEAMS_VTT,
    ZOOM_VTT,
    cue_frames,
    fake_redact,
    identity,
    leaked,
    run,
    speakers,
    tags,
    write,
)


def test_when_reading_zoom_then_prefixes_are_speakers_and_file_is_one_document(
    tmp_path: Path,
) -> None:
    _, units, problems = run(write(tmp_path, "z.vtt", ZOOM_VTT), Format.VTT)
    assert problems == []
    (unit,) = units
    assert speakers(units) == [
        "Dr Ivo Mockridge",
        "Ada Testwell",
        "Dr Ivo Mockridge",
        "Ada Testwell",
        "Dr Ivo Mockridge",
    ]
    assert unit.segments[1].text == "Good morning, Ada. How have things been since last week?"
    assert unit.segments[5].text == "That sounds hard.\nCan you tell me more about Bram?"


def test_when_reading_zoom_then_references_are_decoded_for_the_engine(tmp_path: Path) -> None:
    _, (unit,), _ = run(write(tmp_path, "z.vtt", ZOOM_VTT), Format.VTT)
    assert "I moved to 12 Elm Row, ZZ1 1ZZ & it is quieter." in [s.text for s in unit.segments]


def test_when_reading_zoom_then_note_is_text_and_segments_know_their_lines(
    tmp_path: Path,
) -> None:
    _, (unit,), _ = run(write(tmp_path, "z.vtt", ZOOM_VTT), Format.VTT)
    where = dict(zip(unit.segment_fields, unit.segment_lines, strict=True))
    assert where == {"cue 1": 5, "cue 2": 9, "cue 3": 13, "note": 16, "cue 4": 20, "cue 5": 24}
    note = unit.segment_fields.index("note")
    assert unit.segments[note] == unit.segments[note].__class__(
        "Recorded with the consent of Ada Testwell.", SegmentKind.TEXT
    )


@pytest.mark.parametrize("sample", [ZOOM_VTT, TEAMS_VTT])
def test_when_redacted_then_cues_timings_ids_and_blocks_are_identical(
    tmp_path: Path, sample: str
) -> None:
    out, _, _ = run(write(tmp_path, "s.vtt", sample), Format.VTT, fake_redact)
    assert cue_frames(out) == cue_frames(sample)
    assert len(cue_frames(out)) == sample.count("-->")
    assert out.count("\n") == sample.count("\n")
    assert out.count("\r\n") == sample.count("\r\n")
    assert leaked(out) == []
    for block in ("STYLE", "NOTE", "WEBVTT"):
        assert out.count(block) == sample.count(block)


@pytest.mark.parametrize("sample", [ZOOM_VTT, TEAMS_VTT])
def test_when_redacted_then_output_parses_as_webvtt_with_only_original_tags(
    tmp_path: Path, sample: str
) -> None:
    out, units, _ = run(write(tmp_path, "s.vtt", sample), Format.VTT, fake_redact)
    # NOTE comments are not cue text: a tag there is plain text and stays as written
    cues = out.replace("NOTE Recorded with the consent of <PERSON>", "")
    assert "<PERSON>" not in cues
    assert tags(cues) == tags(sample)
    again, units2, problems = run(write(tmp_path, "again.vtt", out), Format.VTT, identity)
    assert problems == []
    assert again == out
    assert len(units2[0].segments) == len(units[0].segments)
    assert speakers(units2) == ["<PERSON>"] * len(speakers(units))


def test_when_reading_teams_then_voice_tags_are_speakers_even_without_closing_tag(
    tmp_path: Path,
) -> None:
    _, (unit,), problems = run(write(tmp_path, "t.vtt", TEAMS_VTT), Format.VTT)
    assert problems == []
    pairs = [(s.kind, s.text) for s in unit.segments]
    assert pairs[:4] == [
        (SegmentKind.SPEAKER, "Ada Testwell"),
        (SegmentKind.TEXT, "I spoke to Bram Fakeley yesterday."),
        (SegmentKind.SPEAKER, "Dr Ivo Mockridge"),  # <v.loud ...>, no </v>
        (SegmentKind.TEXT, "And how did that feel, Ada?"),
    ]
    assert pairs[5] == (
        SegmentKind.TEXT,
        "Honestly? Awful. Write to me at\nada.testwell@example.org",
    )


def test_when_teams_text_is_redacted_then_tags_stay_in_place_and_tags_are_escaped(
    tmp_path: Path,
) -> None:
    out, _, _ = run(write(tmp_path, "t.vtt", TEAMS_VTT), Format.VTT, fake_redact)
    assert "<v &lt;PERSON&gt;>I spoke to &lt;PERSON&gt; yesterday.</v>\r\n" in out
    assert "<v.loud &lt;PERSON&gt;>And how did that feel, &lt;PERSON&gt;?\r\n" in out
    assert "Honestly? <i>Awful</i>. Write to me at\r\n&lt;EMAIL_ADDRESS&gt;</v>\r\n" in out
    assert "0:01:02.25 --> 0:01:05\r\n" in out


def _shout_awful(unit: Unit) -> list[str]:
    return [
        s.text.replace("Awful", "Truly awful").replace("Ada", "<PERSON>") for s in unit.segments
    ]


def test_when_text_around_a_tag_changes_then_the_tag_follows_its_word(tmp_path: Path) -> None:
    out, _, _ = run(write(tmp_path, "t.vtt", TEAMS_VTT), Format.VTT, _shout_awful)
    assert "Honestly? <i>Truly awful</i>. Write to me at" in out


def test_when_redaction_empties_a_cue_line_then_no_blank_line_splits_the_cue(
    tmp_path: Path,
) -> None:
    sample = "WEBVTT\n\n00:01.000 --> 00:02.000\nAda Testwell\nsaid hello\n"

    def drop_name(unit: Unit) -> list[str]:
        return [s.text.replace("Ada Testwell", "") for s in unit.segments]

    out, _, _ = run(write(tmp_path, "s.vtt", sample), Format.VTT, drop_name)
    assert out == "WEBVTT\n\n00:01.000 --> 00:02.000\nsaid hello\n"


@pytest.mark.parametrize(
    ("broken", "line"),
    [
        ("2\n00:00:04.500 -> 00:00:09.250\nAda Testwell: secret\n", 8),  # bad arrow
        ("2\n00:00:04,500 --> 00:00:09,250\nAda Testwell: secret\n", 8),  # SRT commas
        ("2\n00:00:04.500 --> soon\nAda Testwell: secret\n", 8),  # no end time
        ("00:00:xx --> 00:00:09.250\nAda Testwell: secret\n", 7),  # no id, bad start
        ("Ada Testwell: secret\nwithout any timing\n", 7),  # text block, no timing at all
    ],
)
def test_when_a_cue_is_malformed_then_problem_has_its_line_and_rest_goes_on(
    tmp_path: Path, broken: str, line: int
) -> None:
    sample = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nDr Ivo Mockridge: hello\n\n"
        + broken
        + "\n3\n00:00:10.000 --> 00:00:12.000\nDr Ivo Mockridge: and then?\n"
    )
    out, (unit,), problems = run(write(tmp_path, "s.vtt", sample), Format.VTT)
    assert [(p.line, p.source.endswith("s.vtt")) for p in problems] == [(line, True)]
    assert "secret" not in problems[0].message
    assert "secret" not in out  # never written out unredacted
    assert [s.text for s in unit.segments] == [
        "Dr Ivo Mockridge",
        "hello",
        "Dr Ivo Mockridge",
        "and then?",
    ]
    assert unit.segment_fields == ("cue 1", "cue 1", "cue 3", "cue 3")


@pytest.mark.parametrize("text", ["", "1\n00:00:01.000 --> 00:00:02.000\nhi\n", "\nWEBVTT\n"])
def test_when_file_does_not_start_with_webvtt_then_input_error(tmp_path: Path, text: str) -> None:
    with pytest.raises(InputError, match=r":1: not a WebVTT file"):
        run(write(tmp_path, "s.vtt", text), Format.VTT)


def test_when_a_cue_is_glued_to_the_header_then_it_is_still_redacted(tmp_path: Path) -> None:
    sample = "WEBVTT\nKind: captions\n1\n00:01.000 --> 00:02.000\nAda Testwell: hi\n"
    out, (unit,), problems = run(write(tmp_path, "s.vtt", sample), Format.VTT, fake_redact)
    assert problems == []
    assert out == "WEBVTT\nKind: captions\n1\n00:01.000 --> 00:02.000\n&lt;PERSON&gt;: hi\n"
    assert speakers([unit]) == ["Ada Testwell"]


def test_when_few_cues_have_a_prefix_then_colons_stay_in_the_text(tmp_path: Path) -> None:
    sample = (
        "WEBVTT\n\n00:01.000 --> 00:02.000\nNote: this is text\n\n"
        "00:02.000 --> 00:03.000\nplain cue\n\n00:03.000 --> 00:04.000\nanother cue\n"
    )
    _, (unit,), _ = run(write(tmp_path, "s.vtt", sample), Format.VTT)
    assert speakers([unit]) == []
    assert unit.segments[0].text == "Note: this is text"


def test_when_multiple_voices_share_a_cue_then_each_is_a_speaker(tmp_path: Path) -> None:
    sample = (
        "WEBVTT\n\n00:01.000 --> 00:02.000\n"
        "<v Ada Testwell>Hi.</v> <v Bram Fakeley>Hello &amp; welcome.</v>\n"
    )
    out, (unit,), _ = run(write(tmp_path, "s.vtt", sample), Format.VTT, fake_redact)
    assert speakers([unit]) == ["Ada Testwell", "Bram Fakeley"]
    assert "Hello & welcome." in [s.text for s in unit.segments]
    assert out.endswith("<v &lt;PERSON&gt;>Hi.</v> <v &lt;PERSON&gt;>Hello &amp; welcome.</v>\n")


def test_when_cues_are_glued_without_blank_line_then_each_is_a_cue(tmp_path: Path) -> None:
    sample = (
        "WEBVTT\n\n1\n00:01.000 --> 00:02.000\nAda Testwell: hi\n"
        "00:02.000 --> 00:03.000\nBram Fakeley: hello\n"
    )
    out, (unit,), problems = run(write(tmp_path, "s.vtt", sample), Format.VTT, fake_redact)
    assert problems == []
    assert speakers([unit]) == ["Ada Testwell", "Bram Fakeley"]
    assert unit.segment_fields == ("cue 1", "cue 1", "cue 2", "cue 2")
    assert cue_frames(out) == [("1", "00:01.000 --> 00:02.000")]  # glued: one block on disk
    assert "00:02.000 --> 00:03.000\n&lt;PERSON&gt;: hello\n" in out


def test_when_a_timing_line_follows_a_timing_line_then_the_first_cue_is_empty(
    tmp_path: Path,
) -> None:
    sample = "WEBVTT\n\n00:01.000 --> 00:02.000\n00:02.000 --> 00:03.000\nAda Testwell: hi\n"
    out, (unit,), problems = run(write(tmp_path, "s.vtt", sample), Format.VTT, fake_redact)
    assert problems == []
    assert unit.segment_fields == ("cue 2", "cue 2")
    assert out.endswith("00:02.000 --> 00:03.000\n&lt;PERSON&gt;: hi\n")
