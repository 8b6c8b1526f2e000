"""The public presidio-research synthetic set, mapped onto confide's entity types.

Source: microsoft/presidio-research, ``data/synth_dataset_v2.json`` (MIT licence); the fake
identities in it come from Fake Name Generator (fakenamegenerator.com), CC BY-SA 3.0 US.
A copy lives in ``../shared/datasets/presidio-research/`` (see its README for the commit).

Two scoring profiles, applied identically to every system:

* ``confide`` (primary, used by ``--check``): the issue's definition of personal data.
  TITLE, AGE and NRP spans are excluded (an honorific or job title, an age, a nationality or
  religion do not identify anyone on their own); GPE spans that are country names and
  DATE_TIME spans that are not a specific day (a bare year, a weekday) are excluded too, as
  they are in the synthetic corpus. "Excluded" means not scored: redacting them is neither
  rewarded nor penalised.
* ``as-annotated``: only TITLE, AGE and NRP are excluded; every other span counts as gold.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from benchmarks.metrics import GoldSpan

__all__ = [
    "CITATION",
    "DEFAULT_PATH",
    "EXCLUDED_LABELS",
    "LABEL_MAP",
    "Profile",
    "Record",
    "load",
    "write_docs",
]

DEFAULT_PATH = (Path(__file__).resolve().parents[2]
                / "shared/datasets/presidio-research/synth_dataset_v2.json")
CITATION = (
    "presidio-research synthetic set: microsoft/presidio-research, data/synth_dataset_v2.json "
    "(MIT); fake identities from Fake Name Generator, CC BY-SA 3.0 US"
)

#: presidio-research label -> confide EntityType value (or the dataset's own label when
#: confide has no such type: it is still personal data and still scored).
LABEL_MAP = {
    "PERSON": "PERSON",
    "STREET_ADDRESS": "STREET_ADDRESS",
    "GPE": "LOCATION",
    "ORGANIZATION": "ORGANIZATION",
    "CREDIT_CARD": "CREDIT_CARD",
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "ZIP_CODE": "STREET_ADDRESS",
    "DOMAIN_NAME": "URL",
    "IBAN_CODE": "IBAN_CODE",
    "US_SSN": "US_SSN",
    "IP_ADDRESS": "IP_ADDRESS",
    "US_DRIVER_LICENSE": "US_DRIVER_LICENSE",
}
#: Not identifiers on their own; excluded from scoring in both profiles.
EXCLUDED_LABELS = ("AGE", "NRP", "TITLE")

_SPECIFIC_DATE = re.compile(
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}|"
    r"\d{1,2}(st|nd|rd|th)? (of )?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)


class Profile(enum.StrEnum):
    CONFIDE = "confide"
    AS_ANNOTATED = "as-annotated"


@dataclass(frozen=True)
class Record:
    name: str
    text: str
    template_id: int
    gold: tuple[GoldSpan, ...]
    ignore: tuple[tuple[int, int], ...]


def _countries() -> frozenset[str]:
    return frozenset(n.casefold() for code, n in Locale("en").territories.items() if code.isalpha())


def _excluded(label: str, value: str, profile: Profile, countries: frozenset[str]) -> bool:
    if label in EXCLUDED_LABELS or label not in LABEL_MAP:
        return True
    if profile is Profile.AS_ANNOTATED:
        return False
    if label == "GPE" and value.strip().casefold() in countries:
        return True
    return label == "DATE_TIME" and _SPECIFIC_DATE.search(value) is None


def load(path: Path = DEFAULT_PATH, profile: Profile = Profile.CONFIDE) -> list[Record]:
    """Every record, with gold spans mapped and excluded spans turned into ignore ranges."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FileNotFoundError(
            f"{path}: cannot read the presidio-research set ({exc.strerror}); "
            "pass --presidio-research PATH or --no-presidio-research"
        ) from None
    countries = _countries()
    out = []
    for i, rec in enumerate(raw):
        gold, ignore = [], []
        for span in rec["spans"]:
            label, s, e = span["entity_type"], span["start_position"], span["end_position"]
            if _excluded(label, rec["full_text"][s:e], profile, countries):
                ignore.append((s, e))
            else:
                gold.append(GoldSpan(s, e, LABEL_MAP[label]))
        out.append(Record(f"pr-{i:04d}", rec["full_text"], int(rec.get("template_id") or -1),
                          tuple(gold), tuple(ignore)))
    return out


def write_docs(records: list[Record], out: Path) -> Iterator[tuple[Record, Path]]:
    """Write each record as ``out/<name>.txt`` (exact text, no newline translation)."""
    out.mkdir(parents=True, exist_ok=True)
    for rec in records:
        path = out / f"{rec.name}.txt"
        path.write_text(rec.text, encoding="utf-8", newline="")
        yield rec, path
