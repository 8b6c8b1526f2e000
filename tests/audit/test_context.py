"""Masked context: the words around a finding, every detected value replaced by its type."""

from __future__ import annotations

import pytest

from toolkit.audit.context import masked_context
from toolkit.pii import EntityType, Span

TEXT = ("THERAPIST: How was the week?\n"
        "CLIENT: I called Ruth Abernethy on 07700 900388 and then we talked for an hour "
        "about everything that had happened since the summer.\n"
        "THERAPIST: How did that feel?\n")
NAME = (TEXT.index("Ruth"), TEXT.index("Ruth") + len("Ruth Abernethy"))
PHONE = (TEXT.index("07700"), TEXT.index("07700") + len("07700 900388"))
SPANS = [Span(0, *NAME, EntityType.PERSON, 0.9, "ner"),
         Span(0, *PHONE, EntityType.PHONE_NUMBER, 1.0, "UkPhoneRecognizer")]


@pytest.mark.parametrize("target", SPANS, ids=lambda s: s.entity_type.value)
@pytest.mark.parametrize("width", [0, 5, 20, 40, 200])
def test_when_context_is_cut_then_no_value_appears_and_the_target_is_tagged(
        target: Span, width: int) -> None:
    context = masked_context(TEXT, SPANS, target, width=width)
    assert "Ruth" not in context and "Abernethy" not in context and "900388" not in context
    assert f"<{target.entity_type.value}>" in context
    assert "\n" not in context


def test_when_window_is_wide_then_it_stays_on_the_line_and_marks_no_cut() -> None:
    context = masked_context(TEXT, SPANS, SPANS[0], width=500)
    assert context == ("CLIENT: I called <PERSON> on <PHONE_NUMBER> and then we talked for an "
                       "hour about everything that had happened since the summer.")


def test_when_window_is_narrow_then_words_are_whole_and_cuts_are_marked() -> None:
    context = masked_context(TEXT, SPANS, SPANS[1], width=12)
    assert context.startswith("… ") and context.endswith(" …")
    assert context == "… <PERSON> on <PHONE_NUMBER> and then we …"


def test_when_window_edge_falls_inside_another_value_then_that_value_is_masked_whole() -> None:
    context = masked_context(TEXT, SPANS, SPANS[1], width=6)  # starts inside the name
    assert context.startswith("… <PERSON> on <PHONE_NUMBER>")
    assert "Aber" not in context and "ethy" not in context
