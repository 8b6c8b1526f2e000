"""Readers and writers for transcripts and chat logs: text, WebVTT, SRT, JSON, JSONL, CSV.

A handler turns a file into documents (:class:`Unit`), each a sequence of
:class:`~toolkit.pii.types.Segment` that the engine analyses together, and writes every unit
back from its redacted segment texts with the file's structure untouched. What cannot be parsed
is a :class:`Problem`: reported with its line, left out of the output, never written unredacted.

::

    handler = get_handler(Format.JSONL, FormatOptions(fields=("messages.*.content",)))
    with open_input("chats.jsonl") as src, open_output("out.jsonl") as out:
        for item in handler.read(src, source="chats.jsonl"):
            if isinstance(item, Problem):
                print(item)  # chats.jsonl:12: not valid JSON (...); line left out
            else:
                out.write(item.render([s.text.upper() for s in item.segments]))
"""

from __future__ import annotations

from toolkit.formats._csv import read_csv_layout
from toolkit.formats._csvscan import CsvLayout, IdentifyingColumn, identifying_columns
from toolkit.formats._io import open_input, open_output
from toolkit.formats._model import Format, FormatOptions, Handler, Problem, Unit, detect_format
from toolkit.formats._registry import TransformResult, get_handler, iter_units, transform

__all__ = [
    "CsvLayout",
    "Format",
    "FormatOptions",
    "Handler",
    "IdentifyingColumn",
    "Problem",
    "TransformResult",
    "Unit",
    "detect_format",
    "get_handler",
    "identifying_columns",
    "iter_units",
    "open_input",
    "open_output",
    "read_csv_layout",
    "transform",
]
