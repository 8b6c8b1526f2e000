"""Smaller towns from the GeoNames list: found when written as a town, kept when they are
ordinary words or names used as such (synthetic sentences)."""

from __future__ import annotations

import pytest

from toolkit.pii import EntityType, Redactor
from toolkit.pii.lexicon import Lexicon


@pytest.mark.parametrize("text, town", [
    ("Is Sevenoaks where you're living now?", "Sevenoaks"),
    ("I moved back to Guisborough to be near my mum.", "Guisborough"),
    ("interview 12 -- Wotton-under-Edge -- interviewer", "Wotton-under-Edge"),
    ("her father died unexpectedly in Deal on Thursday", "Deal"),
    ("my mum is coming up from Huntly this weekend", "Huntly"),
])
def test_when_small_town_is_written_as_a_town_then_redacted(
        redactor: Redactor, text: str, town: str) -> None:
    assert town not in redactor.redact_text(text)


@pytest.mark.parametrize("text", [
    "It was a good deal. Deal with it.",
    "Reading is hard and Hope helps.",
    "Normal is fine, March was hard.",
    "Armagh is a county.",
])
def test_when_town_name_is_an_ordinary_word_or_a_region_then_kept(
        redactor: Redactor, text: str) -> None:
    assert EntityType.LOCATION not in {s.entity_type for s in redactor.detect([text])}


def test_when_lexicon_loads_then_the_geonames_towns_are_there_and_attributed() -> None:
    towns = Lexicon.builtin().towns
    assert ("sevenoaks",) in towns and ("roudnice", "nad", "labem") in towns
    assert len(towns) > 10_000
    from importlib import resources
    notice = (resources.files("toolkit.pii") / "data" / "GEONAMES-NOTICE.txt").read_text()
    assert "geonames.org" in notice and "Creative Commons Attribution 4.0" in notice
