"""Build synthetic datasets for audit tests: transcripts, a manifest and consent records.

Every value is synthetic: pseudonymous subject ids, invented names, phone numbers from Ofcom's
drama range (07700 900xxx), consent records made from the policies' own base records.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from toolkit.consent.examples import apply_patch
from toolkit.consent.policy import read_example_bases

NOW = "2026-11-01T00:00:00Z"
PURPOSE = "between-session-support"
KEY = "audit-tests-key-0123456789abcdef"

#: Therapy talk with nothing identifying in it (the engine must find nothing here).
CLEAN_LINES = (
    "THERAPIST: Welcome back. How have the past two weeks been?",
    "CLIENT: Better than before. I managed the breathing exercise most mornings.",
    "THERAPIST: That is real progress. What got in the way on the other days?",
    "CLIENT: Work deadlines, mostly. I felt tense and skipped it.",
    "THERAPIST: Let us plan a shorter version for busy days.",
    "CLIENT: I can try that. The reminders helped a little.",
)
#: A planted leak: the client's name and mobile number left in.
LEAK_NAME = "Marguerite Pellowe"
LEAK_PHONE = "07700 900461"
LEAK_LINE = f"CLIENT: Yes, it is me, {LEAK_NAME}, you can reach me on {LEAK_PHONE} any time."


def text_transcript(lines: Sequence[str] = CLEAN_LINES) -> str:
    return "".join(f"[00:00:{2 * i + 1:02d}] {line}\n" for i, line in enumerate(lines))


def vtt_transcript(lines: Sequence[str] = CLEAN_LINES) -> str:
    cues = []
    for i, line in enumerate(lines):
        who, said = line.split(": ", 1)
        cues.append(f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.500\n"
                    f"<v {who.title()}>{said}\n")
    return "WEBVTT\n\n" + "\n".join(cues)


def chat_log(lines: Sequence[str] = CLEAN_LINES) -> str:
    messages = [{"role": "user" if line.startswith("CLIENT") else "assistant",
                 "content": line.split(": ", 1)[1]} for line in lines]
    return json.dumps({"session": "c-1", "messages": messages}) + "\n"


def record(subject: str, patch: Mapping[str, Any] | None = None,
           base: str = "clinical-gb") -> dict[str, Any]:
    """A valid consent record for ``subject`` (given 2026-08-10), with ``patch`` applied."""
    rid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"confide-test-{subject}"))
    return apply_patch(read_example_bases()[base],
                       {"subject_id": subject, "record_id": rid, **(patch or {})})


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


@dataclass
class Dataset:
    """A dataset folder being built."""

    root: Path
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)

    def file(self, path: str, text: str, subject: str | None = None,
             collected: str = "2026-09-15T10:00:00Z", purpose: str = PURPOSE) -> str:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        if subject is not None:
            self.rows.append((path, subject, collected, purpose))
        return path

    def consent(self, subject: str, patch: Mapping[str, Any] | None = None) -> None:
        self.records.append(record(subject, patch))

    def write(self, manifest: str = "manifest.csv", consents: str = "consents.jsonl") -> Path:
        lines = ["path,subject_id,collected_at,purpose"]
        lines += [",".join(row) for row in self.rows]
        (self.root / manifest).write_text("\n".join(lines) + "\n", encoding="utf-8")
        with (self.root / consents).open("w", encoding="utf-8") as out:
            for rec in self.records:
                out.write(json.dumps(rec, default=_jsonable) + "\n")
        return self.root


@dataclass(frozen=True)
class Planted:
    """A problem planted in the held-out dataset: the finding kind and what it concerns."""

    kind: str
    file: str | None = None
    subject: str | None = None


def heldout(root: Path) -> tuple[Path, list[Planted], list[str], list[str]]:
    """The held-out dataset: (folder, planted problems, clean files, clean subjects)."""
    ds = Dataset(root)
    clean = [ds.file("sessions/S01-week1.txt", text_transcript(), "S01"),
             ds.file("sessions/S01-week2.txt", text_transcript(CLEAN_LINES[2:]), "S01",
                     "2026-09-22T10:00:00+01:00"),
             ds.file("sessions/S02-week1.vtt", vtt_transcript(), "S02"),
             ds.file("chats/S03-companion.jsonl", chat_log(), "S03", "2026-09-20")]
    for subject in ("S01", "S02", "S03", "S04", "S08"):
        ds.consent(subject)
    leak = ds.file("sessions/S04-week1.txt",
                   text_transcript([*CLEAN_LINES[:2], LEAK_LINE, *CLEAN_LINES[2:]]), "S04")
    withdrawn = ds.file("sessions/S05-week1.txt", text_transcript(), "S05")
    ds.consent("S05", {"events.1": {"state": "withdrawn", "at": "2026-10-01T12:00:00Z",
                                    "by": "subject", "method": "e_signature",
                                    "purposes": [PURPOSE]}})
    no_record = ds.file("sessions/S06-week1.txt", text_transcript(), "S06")
    expired = ds.file("recordings/S07-week3.vtt", vtt_transcript(), "S07",
                      "2026-10-20T09:30:00Z")
    ds.consent("S07", {"valid_until": "2026-10-01T00:00:00Z"})
    purpose = ds.file("sessions/S08-week1.txt", text_transcript(), "S08",
                      purpose=f"{PURPOSE}|model-training")
    unlisted = ds.file("sessions/unlisted-notes.txt", text_transcript(CLEAN_LINES[:3]))
    planted = [
        Planted("residual-personal-data", file=leak),
        Planted("consent-withdrawn", subject="S05"),
        Planted("no-consent-record", subject="S06"),
        Planted("collected-after-expiry", file=expired),
        Planted("purpose-not-consented", subject="S08"),
        Planted("file-not-in-manifest", file=unlisted),
    ]
    assert withdrawn and no_record and purpose
    return ds.write(), planted, clean, ["S01", "S02", "S03"]
