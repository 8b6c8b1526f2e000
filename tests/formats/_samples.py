"""Synthetic inputs for the format tests and a fake redactor that knows what was planted.

Every name, number and address here is invented (phone numbers from Ofcom's drama range,
e-mail at example.org, IP addresses from TEST-NET-1).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from toolkit.formats import Format, FormatOptions, Problem, Unit, get_handler
from toolkit.pii.types import SegmentKind

#: planted value -> the tag the fake redactor writes for it (longest first when replacing)
PLANTED: dict[str, str] = {
    "Dr Ivo Mockridge": "<PERSON>",
    "Ivo Mockridge": "<PERSON>",
    "Ada Testwell": "<PERSON>",
    "Bram Fakeley": "<PERSON>",
    "Cora Sampleton": "<PERSON>",
    "Ada": "<PERSON>",
    "Bram": "<PERSON>",
    "Cora": "<PERSON>",
    "07700 900123": "<PHONE_NUMBER>",
    "ada.testwell@example.org": "<EMAIL_ADDRESS>",
    "cora.sampleton@example.org": "<EMAIL_ADDRESS>",
    "192.0.2.15": "<IP_ADDRESS>",
    "192.0.2.16": "<IP_ADDRESS>",
    "12 Elm Row": "<STREET_ADDRESS>",
    "ZZ1 1ZZ": "<UK_POSTCODE>",
}
_PLANTED_RE = re.compile("|".join(re.escape(k) for k in sorted(PLANTED, key=len, reverse=True)))


def fake_redact_text(text: str) -> str:
    return _PLANTED_RE.sub(lambda m: PLANTED[m.group()], text)


def fake_redact(unit: Unit) -> list[str]:
    """What a perfect engine would return for ``unit``."""
    return [fake_redact_text(segment.text) for segment in unit.segments]


def identity(unit: Unit) -> list[str]:
    return [segment.text for segment in unit.segments]


def upper(unit: Unit) -> list[str]:
    return [segment.text.upper() for segment in unit.segments]


def leaked(text: str) -> list[str]:
    """Planted values still in ``text`` (whole words)."""
    return [v for v in PLANTED if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", text)]


def run(
    path: Path,
    fmt: Format,
    redact: Callable[[Unit], Sequence[str]] = identity,
    options: FormatOptions | None = None,
) -> tuple[str, list[Unit], list[Problem]]:
    """Read ``path`` and render every unit with ``redact``: (output, units, problems)."""
    units: list[Unit] = []
    problems: list[Problem] = []
    out: list[str] = []
    for item in get_handler(fmt, options).read(path):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            units.append(item)
            out.append(item.render(redact(item)))
    return "".join(out), units, problems


def speakers(units: Iterable[Unit]) -> list[str]:
    return [s.text for u in units for s in u.segments if s.kind is SegmentKind.SPEAKER]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


class LineFeed:
    """A text stream that hands out lines one at a time and counts them (for streaming tests)."""

    def __init__(self, text: str) -> None:
        self._lines = text.splitlines(keepends=True)
        self.taken = 0

    def __iter__(self) -> LineFeed:
        return self

    def __next__(self) -> str:
        if self.taken >= len(self._lines):
            raise StopIteration
        self.taken += 1
        return self._lines[self.taken - 1]

    def readline(self) -> str:
        return next(self, "")


def cue_frames(text: str) -> list[tuple[str, ...]]:
    """(id/number lines, timing line) of every cue, read independently of the handlers."""
    frames: list[tuple[str, ...]] = []
    for block in re.split(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)", text.lstrip("\ufeff")):
        lines = re.split(r"\r\n|\r|\n", block.strip("\r\n"))
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if timing is not None and timing <= 1:
            frames.append(tuple(lines[: timing + 1]))
    return frames


def tags(text: str) -> set[str]:
    """The distinct markup tag names in WebVTT/SRT cue text."""
    return {m.group(1) for m in re.finditer(r"<(/?[a-zA-Z][\w.]*)", text)}


# -- WebVTT --------------------------------------------------------------------------------

ZOOM_VTT = """WEBVTT

1
00:00:01.000 --> 00:00:04.000
Dr Ivo Mockridge: Good morning, Ada. How have things been since last week?

2
00:00:04.500 --> 00:00:09.250
Ada Testwell: Not great. Bram Fakeley rang me on 07700 900123 again.

3
00:00:09.500 --> 00:00:12.000
Dr Ivo Mockridge: That sounds hard.
Can you tell me more about Bram?

NOTE Recorded with the consent of Ada Testwell.

4
00:00:12.500 --> 00:00:15.000 align:start
Ada Testwell: I moved to 12 Elm Row, ZZ1 1ZZ &amp; it is quieter.

5
00:00:15.500 --> 00:00:18.000
Dr Ivo Mockridge: Good. We can pick this up next time.
"""

_G = "0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0"
TEAMS_VTT = "\r\n".join(
    [
        "WEBVTT",
        "",
        "STYLE",
        '::cue(v[voice="Tutor"]) { color: white }',
        "",
        f"{_G}/12-0",
        "0:00:01.5 --> 0:00:04.2",
        "<v Ada Testwell>I spoke to Bram Fakeley yesterday.</v>",
        "",
        f"{_G}/13-0",
        "0:00:04.9 --> 0:00:08.0",
        "<v.loud Dr Ivo Mockridge>And how did that feel, Ada?",
        "",
        f"{_G}/14-0",
        "0:00:08.3 --> 0:00:11.75 align:start position:10%",
        "<v Ada Testwell>Honestly? <i>Awful</i>. Write to me at",
        "ada.testwell@example.org</v>",
        "",
        "NOTE",
        "Exported from Teams",
        "",
        f"{_G}/15-1",
        "0:01:02.25 --> 0:01:05",
        "<v Dr Ivo Mockridge>Thank you, Ada.</v>",
        "",
    ]
)

# -- SubRip --------------------------------------------------------------------------------

SRT = """\ufeff1
00:00:01,000 --> 00:00:04,000
Dr Ivo Mockridge: Good morning, Ada.

2
00:00:04,500 --> 00:00:09,250
Ada Testwell: Bram Fakeley rang me on
07700 900123 again.

3
00:00:09,500 --> 00:00:12,000 X1:100 X2:200 Y1:10 Y2:50
Dr Ivo Mockridge: <i>That</i> sounds hard, Ada.

4
00:00:12,500 --> 00:00:15,000
Ada Testwell: {\\an8}It was.
"""

# -- JSON ----------------------------------------------------------------------------------

_OPENAI_LINES = [
    '{"id": "conv-001", "score": 1.10, "big": 12345678901234567890, "exp": 1e5, '
    '"neg": -0.0, "messages": [{"role": "system", "content": "Be kind. Caf\\u00e9 \\u2603"}, '
    '{"role": "user", "name": "Ada Testwell", "content": "I am Ada Testwell, ring me on '
    '07700 900123."}, {"role": "assistant", "content": [{"type": "text", "text": "Hello '
    'Ada, I hear you."}, {"type": "image_url", "image_url": {"url": "https://example.org/'
    'x.png"}}]}], "meta": {"tags": ["a", 1, null, true, [2.50, {"k": "v"}]], "ok": false}}',
    "",
    '{"id":"conv-002","messages":[{"role":"user","content":"Bram Fakeley is my brother"},'
    '{"role":"assistant","content":"Thank you for telling me about Bram."}],"rating":4.0}',
    '{"id": "conv-003", "messages": [{"role": "user", "content": "broken',
    '{"id": "conv-004", "messages": [{"role": "user", "content": "Mail '
    'ada.testwell@example.org \\ud83d\\ude00"}], "n": 7E-3}',
    "",
]
#: OpenAI chat log; line 4 is broken JSON
OPENAI_JSONL = "\n".join(_OPENAI_LINES)
OPENAI_JSONL_CLEAN = "\n".join(line for i, line in enumerate(_OPENAI_LINES) if i != 3)

SHAREGPT_JSON = """[
  {
    "id": 1.0,
    "system": "You are a supportive listener.",
    "conversations": [
      {"from": "human", "value": "My name is Cora Sampleton and I feel low."},
      {"from": "gpt", "value": "I'm sorry to hear that, Cora."}
    ],
    "ratings": [1e5, 0.1, 100000000000000000000001]
  },
  {
    "id": 2.0,
    "conversations": [
      {"from": "human", "value": "Bram Fakeley said I should talk to someone."},
      {"from": "gpt", "value": "That was kind of Bram."}
    ],
    "ratings": []
  }
]
"""

GENERIC_JSON = """{
    "survey": "wellbeing-2025",
    "version": 2.10,
    "data": [
        {"id": 1, "comment": "Ada Testwell was really helpful.", "score": 3, "who": "Ada"},
        {"id": 2, "comment": {"text": "Bram Fakeley listened.", "lang": "en"}, "score": 4.50},
        {"id": 3, "comment": null, "score": 1e2}
    ]
}
"""

# -- CSV -----------------------------------------------------------------------------------

_QUALTRICS_ROWS = [
    "StartDate,EndDate,IPAddress,RecipientFirstName,RecipientEmail,LocationLatitude,Q1,Q2_TEXT,Q3",
    "Start Date,End Date,IP Address,Recipient First Name,Recipient Email,Location Latitude,"
    'How are you today?,"What helped, in your own words?",Age group',
    '"{""ImportId"":""startDate"",""timeZone"":""Europe/London""}",'
    '"{""ImportId"":""endDate"",""timeZone"":""Europe/London""}",'
    '"{""ImportId"":""ipAddress""}","{""ImportId"":""recipientFirstName""}",'
    '"{""ImportId"":""recipientEmail""}","{""ImportId"":""locationLatitude""}",'
    '"{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}","{""ImportId"":""QID3""}"',
    "2025-03-01 10:00:00,2025-03-01 10:05:00,192.0.2.15,Ada,ada.testwell@example.org,51.5072,"
    'Fine,"Talking to Bram Fakeley helped.\r\nAlso ""long walks"".",25-34',
    "2025-03-02 11:00:00,2025-03-02 11:04:00,192.0.2.16,Cora,cora.sampleton@example.org,"
    "51.4545,Okay,Nothing much,35-44",
    "2025-03-03 09:00:00,2025-03-03 09:09:00,198.51.100.7,,,53.4808,Good,,18-24",
    "",
]
QUALTRICS_CSV = "\ufeff" + "\r\n".join(_QUALTRICS_ROWS)

SIMPLE_TSV = "id\tspeaker\tmessage\tminutes\n1\tAda Testwell\tI saw Bram Fakeley today.\t1.50\n"

SAMPLES: dict[str, tuple[str, Format, FormatOptions | None]] = {
    "zoom.vtt": (ZOOM_VTT, Format.VTT, None),
    "teams.vtt": (TEAMS_VTT, Format.VTT, None),
    "session.srt": (SRT, Format.SRT, None),
    "chats.jsonl": (OPENAI_JSONL_CLEAN, Format.JSONL, None),
    "sharegpt.json": (SHAREGPT_JSON, Format.JSON, None),
    "survey.json": (GENERIC_JSON, Format.JSON, FormatOptions(fields=("data.*.comment",))),
    "qualtrics.csv": (QUALTRICS_CSV, Format.CSV, None),
    "chat.tsv": (SIMPLE_TSV, Format.CSV, None),
    "notes.txt": (
        "THERAPIST: Hello Ada.\r\nCLIENT: Hi.\r\n\r\nAda lives at 12 Elm Row,\r\nZZ1 1ZZ",
        Format.TEXT,
        None,
    ),
}
