"""Every format through the real engine and CLI: structure kept, no planted value left.

The fixtures are the format suite's own synthetic samples (invented names such as "Ivo
Mockridge" and "Cora Sampleton" that no name list knows, Ofcom drama-range numbers, TEST-NET
addresses), redacted with ``confide redact`` exactly as a pipeline would run it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import main
from toolkit.formats import Format

from ._samples import SAMPLES, cue_frames, leaked, run, speakers, write

#: Values that are not personal data a detector could know: "ZZ1 1ZZ" is a placeholder
#: postcode (the ZZ area does not exist), kept in the samples to test the fake redactor.
_NOT_DETECTABLE = {"ZZ1 1ZZ"}


def _redact(path: Path, out: Path, fmt: Format, fields: tuple[str, ...]) -> None:
    args = ["redact", str(path), "-o", str(out), "--workers", "1", "--format", fmt.value]
    for field in fields:
        args += ["--field", field]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_when_sample_is_redacted_then_it_parses_the_same_and_nothing_planted_is_left(
        tmp_path: Path, name: str) -> None:
    text, fmt, options = SAMPLES[name]
    src = write(tmp_path, name, text)
    out = tmp_path / f"redacted-{name}"
    _redact(src, out, fmt, options.fields if options else ())
    redacted = out.read_bytes().decode("utf-8")  # exact: CRLF stays CRLF
    before_text, before, _ = run(src, fmt, options=options)
    after_text, after, problems = run(out, fmt, options=options)
    assert not problems
    assert len(after) == len(before)
    assert [len(u.segments) for u in after] == [len(u.segments) for u in before]
    # what was chosen for redaction (all text, or the --field paths) keeps no planted value
    chosen = " ".join(seg.text for unit in after for seg in unit.segments)
    assert set(leaked(chosen)) <= _NOT_DETECTABLE, leaked(chosen)
    if options is None:
        assert set(leaked(redacted)) <= _NOT_DETECTABLE, leaked(redacted)
    if fmt in (Format.VTT, Format.SRT):
        assert cue_frames(redacted) == cue_frames(text)  # ids, numbers and timings
        assert not set(leaked(" ".join(speakers(after)))) - _NOT_DETECTABLE
    if fmt is Format.TEXT:
        assert redacted.count("\n") == text.count("\n")
    if fmt is Format.JSONL:
        keys = [list(json.loads(line)) for line in text.splitlines() if line.strip()]
        assert [list(json.loads(line)) for line in redacted.splitlines() if line.strip()] == keys
    assert before_text == text
    assert after_text == redacted
