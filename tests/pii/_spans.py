"""What the engine finds in one plain-text document: shared by the engine tests."""

from __future__ import annotations

from toolkit.pii import Redactor


def found(redactor: Redactor, text: str) -> dict[str, str]:
    """Detected value -> type, for one plain-text document."""
    return {text[s.start:s.end]: s.entity_type.value for s in redactor.detect([text])}


def found_within(redactor: Redactor, text: str, value: str) -> set[str]:
    """The types of the detected spans that contain ``value`` (a span may reach further)."""
    return {kind for span, kind in found(redactor, text).items() if value in span}


def within_none(redactor: Redactor, text: str, value: str) -> bool:
    """Whether no detected span contains ``value`` (the look-alike is kept, whole)."""
    return not any(value in span for span in found(redactor, text))
