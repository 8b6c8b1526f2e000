"""Opening inputs and outputs, and the line-level helpers every format shares.

Files are read and written as UTF-8 with ``newline=""`` so line endings (``\\n``, ``\\r\\n``,
``\\r``) reach the handlers untranslated. Undecodable bytes are read as lone surrogates
(``surrogateescape``) so a streaming reader can report the one bad record and go on; the output
is strict UTF-8, so such bytes can never be written back.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from difflib import SequenceMatcher
from pathlib import Path
from typing import TextIO

from toolkit.errors import DecodeError, InputError

__all__ = [
    "BOM",
    "EOL",
    "conform_lines",
    "has_undecodable",
    "iter_lines",
    "line_of_offset",
    "open_input",
    "open_output",
    "read_whole",
    "restore_eols",
    "split_bom",
    "split_eol",
]

BOM = "\ufeff"
#: A line ending as WebVTT, SRT and CSV know it.
EOL = re.compile(r"\r\n|\r|\n")
_UNDECODABLE = re.compile("[\udc80-\udcff]")


@contextmanager
def open_input(path: str | Path) -> Iterator[TextIO]:
    """A text stream on ``path`` (``-``: stdin) as UTF-8 with line endings untranslated."""
    if str(path) == "-":
        stream = io.TextIOWrapper(
            sys.stdin.buffer, encoding="utf-8", errors="surrogateescape", newline=""
        )
        try:
            yield stream
        finally:
            stream.detach()
        return
    try:
        handle = Path(path).open(encoding="utf-8", errors="surrogateescape", newline="")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror}); check the path", where=path) from None
    with handle:
        yield handle


@contextmanager
def open_output(path: str | Path) -> Iterator[TextIO]:
    """A text stream writing UTF-8 to ``path`` (``-``: stdout), line endings untranslated."""
    if str(path) == "-":
        stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
        try:
            yield stream
            stream.flush()
        finally:
            stream.detach()
        return
    try:
        handle = Path(path).open("w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"cannot write ({exc.strerror}); check the path", where=path) from None
    with handle:
        yield handle


def has_undecodable(text: str) -> bool:
    """True when ``text`` holds bytes that were not UTF-8 (read with ``surrogateescape``)."""
    return _UNDECODABLE.search(text) is not None


def read_whole(stream: TextIO, source: str) -> str:
    """The whole stream, refusing binary data and text that is not UTF-8."""
    text = stream.read()
    bad = _UNDECODABLE.search(text)
    if bad is not None:
        raise DecodeError(
            "not valid UTF-8 text; convert it to UTF-8 first",
            where=source,
            line=line_of_offset(text, bad.start()),
        )
    nul = text.find("\x00")
    if nul >= 0:
        raise DecodeError(
            "binary data (NUL byte), not text; pick the right file or --format",
            where=source,
            line=line_of_offset(text, nul),
        )
    return text


def line_of_offset(text: str, offset: int) -> int:
    """The 1-based line of ``text[offset]``."""
    return len(EOL.findall(text, 0, offset)) + 1


def iter_lines(text: str) -> Iterator[tuple[str, str]]:
    """``(content, ending)`` of every line of ``text``; the last ending may be empty."""
    pos, size = 0, len(text)
    while pos < size:
        match = EOL.search(text, pos)
        if match is None:
            yield text[pos:], ""
            return
        yield text[pos : match.start()], match.group()
        pos = match.end()


def split_bom(text: str) -> tuple[str, str]:
    """``(bom, rest)``: a leading byte-order mark is kept apart to be written back."""
    return (BOM, text[1:]) if text.startswith(BOM) else ("", text)


def split_eol(line: str) -> tuple[str, str]:
    """``(content, ending)`` of one line as read with ``newline=""``."""
    if line.endswith("\r\n"):
        return line[:-2], "\r\n"
    if line.endswith(("\n", "\r")):
        return line[:-1], line[-1]
    return line, ""


def restore_eols(plain: str, eols: tuple[str, ...]) -> str:
    """Put the original line endings back into ``plain`` (which uses ``\\n``)."""
    if all(eol == "\n" for eol in eols):
        return plain
    ending = iter(eols)
    return re.sub("\n", lambda _: next(ending), plain)


def conform_lines(original: str, redacted: str) -> str:
    """``redacted`` with exactly the line count of ``original`` (both use ``\\n``).

    A replacement may swallow a line break (an address over two lines) or bring one (a
    multi-line surrogate). Lines are aligned with the original: a changed block that lost lines
    is padded with empty lines, one that gained lines has them joined with spaces.
    """
    want = original.count("\n")
    if redacted.count("\n") == want:
        return redacted
    old, new = original.split("\n"), redacted.split("\n")
    out: list[str] = []
    carry = ""
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        size, block = i2 - i1, new[j1:j2]
        if size == 0:  # lines only in the redacted text: join them to their neighbour
            if out:
                out[-1] = " ".join([out[-1], *block])
            else:
                carry = " ".join([*block, ""])
            continue
        if len(block) > size:
            block = [*block[: size - 1], " ".join(block[size - 1 :])]
        block = block + [""] * (size - len(block))
        if carry:
            block[0], carry = carry + block[0], ""
        out.extend(block)
    return "\n".join(out)
