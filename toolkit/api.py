"""The Python API for pipelines: redact a text, or a stream of JSON-like records.

::

    import toolkit

    toolkit.redact_text("CLIENT: I'm Sarah Jones, call me on 07700 900123.")
    # "CLIENT: I'm <PERSON>, call me on <PHONE_NUMBER>."

    for record in toolkit.redact_records(rows, fields=["messages.*.content"]):
        store(record)

Engines are built once per process and configuration (:func:`engine_for`), so calling these
functions in a loop, or from Dask or Spark tasks, does not reload the model.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import islice
from typing import Any

from toolkit.errors import InputError
from toolkit.formats import Format, FormatOptions, Problem, get_handler
from toolkit.pii import RedactConfig, Redactor

__all__ = ["engine_for", "redact_records", "redact_text", "redact_texts"]


@lru_cache(maxsize=8)
def engine_for(config: RedactConfig | None = None) -> Redactor:
    """The engine for ``config`` (default config when None), built once per process."""
    return Redactor(config or RedactConfig())


def redact_text(text: str, config: RedactConfig | None = None, *,
                redactor: Redactor | None = None) -> str:
    """Redact one text (a transcript, a message); the line count is kept."""
    return (redactor or engine_for(config)).redact_text(text)


def redact_texts(texts: Iterable[str], config: RedactConfig | None = None, *,
                 redactor: Redactor | None = None) -> Iterator[str]:
    """Redact many independent texts, batched through spaCy; a generator, in order."""
    engine = redactor or engine_for(config)
    for result in engine.redact_many([t] for t in texts):
        yield result.segments[0]


def redact_records(records: Iterable[Mapping[str, Any]], *, fields: Sequence[str] = (),
                   config: RedactConfig | None = None, redactor: Redactor | None = None,
                   batch: int = 256) -> Iterator[Any]:
    """Redact JSON-like records (dicts of str, numbers, lists...) as a generator, in order.

    ``fields`` are dotted paths with ``*`` for lists (``messages.*.content``); without them,
    OpenAI ``messages`` and ShareGPT ``conversations`` are recognised and any other record has
    all its strings redacted, exactly as ``confide redact --format jsonl`` does. Each record
    is one document: a name found in one field is redacted in the others. Records must be
    JSON-serialisable; every other key and value comes back as it went in.
    """
    engine = redactor or engine_for(config)
    handler = get_handler(Format.JSONL, FormatOptions(fields=tuple(fields)))
    it = iter(records)
    start = 0
    while chunk := list(islice(it, batch)):
        try:
            text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chunk)
        except (TypeError, ValueError) as exc:
            raise InputError(f"a record is not JSON-serialisable ({type(exc).__name__})",
                             where="records", record=start) from None
        units = []
        for item in handler.read(io.StringIO(text, newline=""), source="records"):
            if isinstance(item, Problem):  # pragma: no cover - we wrote valid JSON ourselves
                raise item.to_error()
            units.append(item)
        for unit, result in zip(units, engine.redact_many(u.segments for u in units),
                                strict=True):
            yield json.loads(unit.render(result.segments))
        start += len(chunk)
