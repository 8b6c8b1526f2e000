"""confide: privacy and consent compliance toolkit for AI-assisted psychotherapy.

The library behind the ``confide`` command. The most used pieces are importable from here
(loaded on first use, so ``import toolkit`` stays cheap)::

    import toolkit

    toolkit.redact_text("THERAPIST: Hello Sarah.")            # "THERAPIST: Hello <PERSON>."
    toolkit.redact_records(records, fields=["messages.*.content"])   # a generator
    engine = toolkit.Redactor(toolkit.RedactConfig(operator="pseudonym"))

Sub-packages: :mod:`toolkit.pii` (detection, operators), :mod:`toolkit.formats` (readers and
writers), :mod:`toolkit.consent` (consent records and documents), :mod:`toolkit.audit`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from toolkit.api import engine_for, redact_records, redact_text, redact_texts
    from toolkit.errors import ConfideError
    from toolkit.pii import EntityType, OperatorName, RedactConfig, Redactor, Segment, Span

__all__ = [
    "ConfideError",
    "EntityType",
    "OperatorName",
    "RedactConfig",
    "Redactor",
    "Segment",
    "Span",
    "engine_for",
    "redact_records",
    "redact_text",
    "redact_texts",
]

_LAZY = {
    "ConfideError": "toolkit.errors",
    "EntityType": "toolkit.pii",
    "OperatorName": "toolkit.pii",
    "RedactConfig": "toolkit.pii",
    "Redactor": "toolkit.pii",
    "Segment": "toolkit.pii",
    "Span": "toolkit.pii",
    "engine_for": "toolkit.api",
    "redact_records": "toolkit.api",
    "redact_text": "toolkit.api",
    "redact_texts": "toolkit.api",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
