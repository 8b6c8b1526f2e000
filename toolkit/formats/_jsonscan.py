"""Where the text is in a JSON value: a position-keeping parser and the text-field choice.

JSON is never re-serialised: each chosen string value is replaced in the original text by
``json.dumps(redacted, ensure_ascii=False)``, so every other byte (key order, whitespace, number
tokens like ``1.10`` or ``1e5``, big integers, ``\\u`` escapes, duplicate keys) stays as it was.

Text fields are chosen per record:

* ``--field`` paths (dotted, relative to the record; ``*`` matches every list element or object
  value; a number matches a list index): every string at or under a matched value is TEXT;
* otherwise an OpenAI chat record (``messages``: ``content`` as a string or a list of parts with
  ``text``, ``name`` as a SPEAKER), a ShareGPT record (``conversations``: ``value``, and a
  top-level ``system`` prompt), or a record that is itself one message;
* otherwise, for a record of unknown shape, every string value (never keys) is TEXT.

``role`` and ``from`` values are never text: they are roles, kept as they are.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from json.decoder import scanstring  # type: ignore[attr-defined]

from toolkit.pii.types import SegmentKind

__all__ = [
    "JArr",
    "JLit",
    "JObj",
    "JStr",
    "Pick",
    "TooDeep",
    "is_conversation",
    "parse",
    "pick",
    "split_path",
]

_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"true|false|null|NaN|-?Infinity|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_MAX_DEPTH = 200
_ROLE_KEYS = frozenset({"role", "from"})
_TEXT_KEYS = ("content", "value", "text")


class TooDeep(ValueError):
    """The value nests deeper than this reader follows."""


@dataclass(frozen=True, slots=True)
class JStr:
    value: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class JLit:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class JObj:
    items: tuple[tuple[str, JNode], ...]
    start: int
    end: int

    def get(self, key: str) -> JNode | None:
        return next((value for k, value in self.items if k == key), None)


@dataclass(frozen=True, slots=True)
class JArr:
    items: tuple[JNode, ...]
    start: int
    end: int


JNode = JStr | JLit | JObj | JArr


@dataclass(frozen=True, slots=True)
class Pick:
    """A chosen string value, its segment kind and its path in the record."""

    node: JStr
    kind: SegmentKind
    path: str


def parse(text: str) -> JNode:
    """Parse ``text`` (a whole JSON value) keeping every string's position.

    Raises :class:`json.JSONDecodeError` when ``text`` is not JSON, :class:`TooDeep` when it
    nests deeper than 200 levels.
    """
    try:
        json.loads(text)  # validates, with the standard library's error messages
    except RecursionError:
        raise TooDeep("nested too deeply") from None
    try:
        node, _ = _value(text, 0, 0)
    except RecursionError:  # a deep stack already in use by the caller
        raise TooDeep("nested too deeply") from None
    return node


def _value(s: str, i: int, depth: int) -> tuple[JNode, int]:
    i = _WS.match(s, i).end()  # type: ignore[union-attr]
    char = s[i]
    if char == '"':
        value, end = scanstring(s, i + 1)
        return JStr(value, i, end), end
    if char in "{[":
        if depth >= _MAX_DEPTH:
            raise TooDeep("nested too deeply")
        return _object(s, i, depth + 1) if char == "{" else _array(s, i, depth + 1)
    match = _SCALAR.match(s, i)
    assert match is not None  # the text was validated by json.loads
    return JLit(i, match.end()), match.end()


def _object(s: str, start: int, depth: int) -> tuple[JObj, int]:
    items: list[tuple[str, JNode]] = []
    i = _WS.match(s, start + 1).end()  # type: ignore[union-attr]
    if s[i] == "}":
        return JObj((), start, i + 1), i + 1
    while True:
        key, i = scanstring(s, _WS.match(s, i).end() + 1)  # type: ignore[union-attr]
        i = _WS.match(s, i).end() + 1  # type: ignore[union-attr]  # past ':'
        node, i = _value(s, i, depth)
        items.append((key, node))
        i = _WS.match(s, i).end()  # type: ignore[union-attr]
        if s[i] == "}":
            return JObj(tuple(items), start, i + 1), i + 1
        i += 1  # past ','


def _array(s: str, start: int, depth: int) -> tuple[JArr, int]:
    items: list[JNode] = []
    i = _WS.match(s, start + 1).end()  # type: ignore[union-attr]
    if s[i] == "]":
        return JArr((), start, i + 1), i + 1
    while True:
        node, i = _value(s, i, depth)
        items.append(node)
        i = _WS.match(s, i).end()  # type: ignore[union-attr]
        if s[i] == "]":
            return JArr(tuple(items), start, i + 1), i + 1
        i += 1


def split_path(path: str) -> tuple[str, ...]:
    """``data.*.comment``, ``$.data[*].comment`` -> ``("data", "*", "comment")``."""
    return tuple(path.removeprefix("$.").replace("[", ".").replace("]", "").split("."))


def pick(record: JNode, fields: tuple[tuple[str, ...], ...]) -> list[Pick]:
    """The text values of ``record`` in document order, each once."""
    out: list[Pick] = []
    if fields:
        for steps in fields:
            _follow(record, steps, "", out)
    elif (messages := _messages(record)) is not None:
        for node, path in messages:
            _message(node, path, out)
        if isinstance(record, JObj) and isinstance(system := record.get("system"), JStr):
            out.append(Pick(system, SegmentKind.TEXT, "system"))
    else:
        _strings(record, "", out)
    unique = {p.node.start: p for p in out}
    return [unique[start] for start in sorted(unique)]


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _follow(node: JNode, steps: tuple[str, ...], path: str, out: list[Pick]) -> None:
    if not steps:
        _strings(node, path, out)
        return
    step, rest = steps[0], steps[1:]
    if isinstance(node, JObj):
        for key, value in node.items:
            if step in ("*", key):
                _follow(value, rest, _join(path, key), out)
    elif isinstance(node, JArr):
        for index, value in enumerate(node.items):
            if step in ("*", str(index)):
                _follow(value, rest, _join(path, index), out)


def _strings(node: JNode, path: str, out: list[Pick]) -> None:
    """Every string value at or under ``node`` as TEXT, except role values."""
    if isinstance(node, JStr):
        out.append(Pick(node, SegmentKind.TEXT, path))
    elif isinstance(node, JObj):
        for key, value in node.items:
            if not (key in _ROLE_KEYS and isinstance(value, JStr)):
                _strings(value, _join(path, key), out)
    elif isinstance(node, JArr):
        for index, value in enumerate(node.items):
            _strings(value, _join(path, index), out)


def _is_message(node: JNode) -> bool:
    if not isinstance(node, JObj):
        return False
    keys = {key for key, _ in node.items}
    return bool(keys & set(_TEXT_KEYS)) and bool(keys & (_ROLE_KEYS | {"name"}))


def is_conversation(node: JNode) -> bool:
    """True for a list of chat messages (``[{"role": ..., "content": ...}, ...]``)."""
    return isinstance(node, JArr) and bool(node.items) and all(map(_is_message, node.items))


def _messages(record: JNode) -> list[tuple[JObj, str]] | None:
    """The messages of an OpenAI or ShareGPT record, or of a record that is one message."""
    if isinstance(record, JObj):
        for key in ("messages", "conversations"):
            found = record.get(key)
            if isinstance(found, JArr):
                return [
                    (m, _join(key, i)) for i, m in enumerate(found.items) if isinstance(m, JObj)
                ]
        if _is_message(record):
            return [(record, "")]  # type: ignore[list-item]
    if is_conversation(record):
        assert isinstance(record, JArr)
        return [(m, _join("", i)) for i, m in enumerate(record.items)]  # type: ignore[misc]
    return None


def _message(node: JObj, path: str, out: list[Pick]) -> None:
    for key, value in node.items:
        where = _join(path, key)
        if key == "name" and isinstance(value, JStr):
            out.append(Pick(value, SegmentKind.SPEAKER, where))
        elif key in _TEXT_KEYS and isinstance(value, JArr):  # content parts
            for index, part in enumerate(value.items):
                text = part.get("text") if isinstance(part, JObj) else part
                if isinstance(text, JStr):
                    suffix = ".text" if isinstance(part, JObj) else ""
                    out.append(Pick(text, SegmentKind.TEXT, f"{_join(where, index)}{suffix}"))
        elif key in _TEXT_KEYS:
            _strings(value, where, out)
