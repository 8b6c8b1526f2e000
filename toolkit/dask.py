"""Redaction on Dask (``pip install "confide[dask]"``): bags, dataframes, and a CLI executor.

The engine is built once per worker process (:func:`toolkit.api.engine_for` caches it), and
the same :class:`~toolkit.pii.RedactConfig` travels with every task. Nothing is shared between
workers: values that must agree across documents and machines (keyed pseudonyms, hashes) come
from the key in the config, not from shared state, so the output does not depend on which
worker handled which partition.

::

    import dask.bag as db
    from toolkit.dask import redact_bag

    bag = db.read_text("chats/*.jsonl").map(json.loads)
    redact_bag(bag, fields=["messages.*.content"]).map(json.dumps).to_textfiles("out/*.jsonl")
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from toolkit.api import engine_for, redact_records, redact_texts
from toolkit.errors import ConfigError
from toolkit.pii import RedactConfig, Segment, Span

__all__ = ["DaskExecutor", "redact_bag", "redact_dataframe"]


def _require_dask() -> Any:
    try:
        import dask  # noqa: F401
        import distributed
    except ImportError:
        raise ConfigError('Dask is not installed; pip install "confide[dask]"',
                          where="--dask") from None
    return distributed


def _texts_partition(texts: Sequence[str], config: RedactConfig) -> list[str]:
    return list(redact_texts(texts, redactor=engine_for(config)))


def _records_partition(records: Sequence[Any], fields: tuple[str, ...],
                       config: RedactConfig) -> list[Any]:
    return list(redact_records(records, fields=fields, redactor=engine_for(config)))


def redact_bag(bag: Any, *, fields: Sequence[str] = (), config: RedactConfig | None = None
               ) -> Any:
    """A bag of redacted items: strings are redacted as texts, dicts as records."""
    _require_dask()
    cfg = config or RedactConfig()

    def partition(items: Sequence[Any]) -> list[Any]:
        items = list(items)
        if all(isinstance(i, str) for i in items):
            return _texts_partition(items, cfg)
        return _records_partition(items, tuple(fields), cfg)

    return bag.map_partitions(partition)


def redact_dataframe(frame: Any, columns: Sequence[str], *,
                     config: RedactConfig | None = None) -> Any:
    """A dataframe with the text ``columns`` redacted; each cell is its own document."""
    _require_dask()
    cfg = config or RedactConfig()
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ConfigError(f"no such column: {', '.join(missing)}", where="redact_dataframe")

    def partition(pdf: Any) -> Any:
        out = pdf.copy()
        for column in columns:
            cells = out[column]
            mask = cells.notna()
            out.loc[mask, column] = _texts_partition(cells[mask].astype(str).tolist(), cfg)
        return out

    return frame.map_partitions(partition, meta=frame._meta)


def _work(docs: list[tuple[Segment, ...]], mode: str, config: RedactConfig
          ) -> list[tuple[tuple[str, ...] | None, tuple[Span, ...]]]:
    from toolkit.pipeline import Mode, analyse

    return analyse(engine_for(config), docs, Mode(mode))


class DaskExecutor:
    """Runs the CLI's chunks on a Dask cluster (``confide redact --dask ADDRESS``).

    It offers the one method :class:`toolkit.pipeline.Runner` needs, ``submit``, returning
    futures whose ``result()`` gives the chunk's results; chunks come back in order.
    """

    def __init__(self, address: str, config: RedactConfig) -> None:
        distributed = _require_dask()
        try:
            self._client = distributed.Client(address, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler ({type(exc).__name__}); check "
                              "the address", where=address) from None
        # sent to every worker once, not with every task (it may carry the hash key)
        self._config = self._client.scatter(config, broadcast=True)

    def submit(self, fn: Any, docs: list[tuple[Segment, ...]], mode: Any) -> Any:
        return self._client.submit(_work, docs, str(mode), self._config, pure=False)

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.close()
