"""The English word list knows British spellings, so they are never taken for names."""

from __future__ import annotations

import pytest

from toolkit.pii.lexicon import Lexicon, british_spellings


@pytest.mark.parametrize("american, british", [
    ("color", "colour"), ("behavior", "behaviour"), ("organize", "organise"),
    ("summarize", "summarise"), ("analyze", "analyse"), ("center", "centre"),
    ("traveled", "travelled"), ("counseling", "counselling"), ("catalog", "catalogue"),
    ("defense", "defence"), ("skeptical", "sceptical"), ("pediatric", "paediatric"),
    ("anemia", "anaemia"), ("esophagus", "oesophagus"),
])
def test_when_american_word_has_a_british_form_then_the_rule_makes_it(
        american: str, british: str) -> None:
    assert british in british_spellings([american])


def test_when_lexicon_loads_then_british_forms_are_english_words() -> None:
    english = Lexicon.builtin().english
    assert {"colour", "behaviour", "summarise", "sceptical", "favourite"} <= english


def test_when_word_has_no_american_pattern_then_no_variant_is_made() -> None:
    assert british_spellings(["sleep", "anxiety", "mum"]) == frozenset()
