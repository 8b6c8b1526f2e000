"""Detection and redaction of personal data in transcripts and chat logs.

The engine (and with it Presidio and spaCy) is imported on first use, so importing the value
types (``toolkit.pii.types``) stays cheap for the format layer and worker processes.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from toolkit.pii.config import DEFAULT_MODEL, HASH_KEY_ENV, OperatorName, RedactConfig, load_key
from toolkit.pii.types import EntityType, RedactedDocument, Segment, SegmentKind, Span

if TYPE_CHECKING:
    from toolkit.pii.engine import Document, Redactor

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

_LAZY = {"Redactor": "toolkit.pii.engine", "Document": "toolkit.pii.engine"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'toolkit.pii' has no attribute {name!r}")
