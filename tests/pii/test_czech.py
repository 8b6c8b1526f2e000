"""Czech declension of town names (synthetic sentences)."""

from __future__ import annotations

import pytest

from toolkit.pii import Redactor
from toolkit.pii.czech import nominatives


@pytest.mark.parametrize("form, nominative", [
    ("ostrave", "ostrava"), ("brne", "brno"), ("brna", "brno"), ("praze", "praha"),
    ("plzni", "plzen"), ("liberci", "liberec"), ("krumlove", "krumlov"), ("mlade", "mlada"),
    ("boleslavi", "boleslav"), ("ceskem", "cesky"), ("jihlavou", "jihlava"),
    ("olomouci", "olomouc"),
])
def test_when_town_is_declined_then_its_nominative_is_a_candidate(form: str,
                                                                  nominative: str) -> None:
    assert nominative in nominatives(form)


@pytest.mark.parametrize("text, town", [
    ("KLIENT: Narodila jsem se v Ostravě a teď bydlím v Plzni.\n", "Ostrav"),
    ("KLIENT: Jezdím z Brna do Jihlavy každý týden.\n", "Jihlav"),
    ("KLIENT: Manžel pracuje v Mladé Boleslavi.\n", "Boleslav"),
    ("KLIENT: Studovala jsem v Liberci.\n", "Liberc"),
])
def test_when_czech_town_is_declined_then_redacted(redactor: Redactor, text: str,
                                                   town: str) -> None:
    assert town not in redactor.redact_text(text)


def test_when_czech_preposition_precedes_an_ordinary_word_then_kept(redactor: Redactor) -> None:
    text = "KLIENT: Byla jsem v práci a pak u doktora.\n"
    assert redactor.redact_text(text) == text
