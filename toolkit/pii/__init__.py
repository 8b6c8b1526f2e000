"""Detection and redaction of personal data in transcripts and chat logs."""

from __future__ import annotations

from toolkit.pii.config import DEFAULT_MODEL, HASH_KEY_ENV, OperatorName, RedactConfig, load_key
from toolkit.pii.engine import Document, Redactor
from toolkit.pii.types import EntityType, RedactedDocument, Segment, SegmentKind, Span

__all__ = [
    "DEFAULT_MODEL",
    "HASH_KEY_ENV",
    "Document",
    "EntityType",
    "OperatorName",
    "RedactConfig",
    "RedactedDocument",
    "Redactor",
    "Segment",
    "SegmentKind",
    "Span",
    "load_key",
]
