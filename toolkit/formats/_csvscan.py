"""CSV records with the raw text of every cell, and which columns hold text or identify people.

Records are split by hand (RFC 4180 with the sniffed delimiter and ``"`` quotes, read like the
``csv`` module: a quote inside an unquoted cell is a literal character) so that each cell keeps
its raw token: an unchanged cell is written back byte for byte, a changed one is quoted like the
original (or when it must be).

Columns chosen when no ``--column`` is given (:func:`auto_columns`):

* Qualtrics ``*_TEXT`` answers (by the ImportId row), and columns named like free text
  (text, message, content, comment, response, answer, feedback, notes, transcript, ...);
* columns whose sampled values read as prose (5+ words, or 40+ characters with a space, in any
  of the first 50 rows);
* identifying columns (:func:`identifying_columns`): names are SPEAKER segments (the engine
  redacts them as names), e-mail, phone, IP, address... TEXT segments.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from toolkit.errors import ConfigError
from toolkit.formats._io import split_eol
from toolkit.pii.types import EntityType, SegmentKind

__all__ = [
    "CsvLayout",
    "IdentifyingColumn",
    "RawRecord",
    "auto_columns",
    "cell_value",
    "chosen_columns",
    "identifying_columns",
    "iter_records",
    "quote_cell",
    "sniff_delimiter",
]

_CANDIDATES = ",\t;|"
_QUOTED_RUN = re.compile(r'"(?:[^"]++|"")*+"')
_IMPORT_ID = re.compile(r'\{\s*"ImportId"\s*:')
SAMPLE_ROWS = 50


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One CSV record: its text without the final line ending, and its cells' raw spans.

    ``cells`` is None when a quoted cell is never closed (the record runs to the end of file).
    """

    line: int
    text: str
    eol: str
    cells: tuple[tuple[int, int], ...] | None

    def values(self) -> list[str]:
        return [cell_value(self.text[s:e]) for s, e in self.cells or ()]


@dataclass(frozen=True, slots=True)
class CsvLayout:
    """The header of a CSV file: delimiter, column names, and Qualtrics' extra header rows."""

    delimiter: str
    columns: tuple[str, ...]
    qualtrics: bool = False
    questions: tuple[str, ...] = ()  # Qualtrics row 2: question texts
    import_ids: tuple[str, ...] = ()  # Qualtrics row 3: the ImportId of each column


class IdentifyingColumn(NamedTuple):
    """A column whose name says it holds identifying data."""

    column: str
    entity_type: EntityType
    reason: str


@functools.cache
def _patterns(delimiter: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = re.escape(delimiter)
    return re.compile(rf'"(?:[^"]++|"")*+"[^{d}]*'), re.compile(rf"[^{d}]*")


def split_cells(text: str, delimiter: str) -> tuple[tuple[int, int], ...] | None:
    """Raw spans of the cells of one record, or None while a quoted cell is still open."""
    quoted, plain = _patterns(delimiter)
    spans: list[tuple[int, int]] = []
    pos, size = 0, len(text)
    while True:
        match = (quoted if text.startswith('"', pos) else plain).match(text, pos)
        if match is None:
            return None
        spans.append((pos, match.end()))
        pos = match.end()
        if pos >= size:
            return tuple(spans)
        pos += 1  # the delimiter


def iter_records(lines: Iterable[str], delimiter: str) -> Iterator[RawRecord]:
    """Records of a stream of physical lines (read with ``newline=""``), one at a time."""
    buffer: list[str] = []
    start = 0
    waiting = False  # a quoted cell is open: only a line with a quote can close it
    for number, line in enumerate(lines, start=1):
        if not buffer:
            start = number
        buffer.append(line)
        if waiting and '"' not in line:
            continue
        text, eol = split_eol("".join(buffer))
        cells = split_cells(text, delimiter)
        if cells is None:
            waiting = True
            continue
        yield RawRecord(start, text, eol, cells)
        buffer, waiting = [], False
    if buffer:
        text, eol = split_eol("".join(buffer))
        yield RawRecord(start, text, eol, None)


def cell_value(raw: str) -> str:
    """The value of a raw cell token."""
    if not raw.startswith('"'):
        return raw
    match = _QUOTED_RUN.match(raw)
    if match is None:  # unterminated: everything after the quote
        return raw[1:]
    return match.group()[1:-1].replace('""', '"') + raw[match.end() :]


def quote_cell(value: str, delimiter: str, quoted: bool) -> str:
    """A raw token for ``value``: quoted when the original was, or when it must be."""
    if quoted or any(char in value for char in (delimiter, '"', "\r", "\n")):
        return '"' + value.replace('"', '""') + '"'
    return value


def sniff_delimiter(header: str) -> str:
    """The most frequent of ``, TAB ; |`` in the header line outside quotes (default ``,``)."""
    bare = _QUOTED_RUN.sub("", header)
    counts = {char: bare.count(char) for char in _CANDIDATES}
    best = max(_CANDIDATES, key=lambda char: counts[char])
    return best if counts[best] else ","


def is_import_id_row(values: Sequence[str]) -> bool:
    """True for Qualtrics' third header row: ``{"ImportId":"QID1_TEXT"}`` cells."""
    filled = [v for v in values if v.strip()]
    hits = sum(1 for v in filled if _IMPORT_ID.match(v))
    return bool(filled) and 2 * hits >= len(filled)


def import_id(cell: str) -> str:
    match = re.search(r'"ImportId"\s*:\s*"([^"]*)"', cell)
    return match.group(1) if match else ""


# -- identifying and free-text columns ----------------------------------------------------

_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_NAME_QUALIFIERS = frozenset(
    "first last full given family middle maiden preferred nick legal real display "
    "recipient client patient participant respondent subject person contact guardian "
    "parent child carer therapist clinician your".split()
)
_NAME_WORDS = frozenset("surname forename fullname firstname lastname givenname".split())
_LOCATION_WORDS = frozenset(
    "location latitude longitude lat lng lon geo gps geolocation coordinates city town".split()
)
_FREE_TEXT = frozenset(
    "text message messages content comment comments response responses answer answers "
    "feedback note notes body transcript utterance description reason reasons details "
    "remarks story explanation reply summary prompt completion other".split()
)


def _words(name: str) -> list[str]:
    return [word.lower() for word in _CAMEL.findall(name)]


def _classify(words: list[str]) -> tuple[EntityType, str] | None:
    joined = "".join(words)
    if "email" in joined or ("mail" in words and "e" in words):
        return EntityType.EMAIL_ADDRESS, "an e-mail address"
    if "ip" in words or "ipaddress" in joined or "ipaddr" in joined:
        return EntityType.IP_ADDRESS, "an IP address"
    if any(w in words for w in ("phone", "mobile", "telephone", "tel")) or "phone" in joined:
        return EntityType.PHONE_NUMBER, "a phone number"
    if "dob" in words or any(k in joined for k in ("dateofbirth", "birthdate", "birthday")):
        return EntityType.DATE, "a date of birth"
    if any(k in joined for k in ("postcode", "postalcode", "zipcode")) or "zip" in words:
        return EntityType.UK_POSTCODE, "a postcode"
    if "address" in words or "street" in words:
        return EntityType.STREET_ADDRESS, "a postal address"
    if _LOCATION_WORDS.intersection(words):
        return EntityType.LOCATION, "a location"
    if words and (
        words[-1] in _NAME_WORDS
        or (words[-1] == "name" and (len(words) == 1 or words[-2] in _NAME_QUALIFIERS))
    ):
        return EntityType.PERSON, "a person's name"
    if words and words[-1] in ("speaker", "author", "sender"):
        return EntityType.PERSON, "a speaker's name"
    if "nhs" in words:
        return EntityType.UK_NHS, "an NHS number"
    if "nino" in words or "nationalinsurance" in joined:
        return EntityType.UK_NINO, "a National Insurance number"
    if "ssn" in words:
        return EntityType.US_SSN, "a social security number"
    return None


def identifying_columns(header: Sequence[str]) -> list[IdentifyingColumn]:
    """Columns whose names say they hold identifying data, in header order.

    E.g. ``email``, ``IPAddress``, ``RecipientFirstName``, ``phone``, ``LocationLatitude``,
    ``address``, ``postcode``, ``DOB``. ``confide detect`` reports them even when no value in
    them is detected (a latitude or a bare first name is not found by any recognizer).
    """
    found: list[IdentifyingColumn] = []
    for column in header:
        kind = _classify(_words(column))
        if kind is not None:
            found.append(IdentifyingColumn(column, kind[0], f"column name suggests {kind[1]}"))
    return found


def _is_prose(value: str) -> bool:
    return len(value.split()) >= 5 or (len(value) >= 40 and " " in value.strip())


def _named_free_text(name: str, import_id_value: str) -> bool:
    if import_id_value.upper().endswith("_TEXT"):
        return True
    words = _words(name)
    return bool(words) and (words[-1] in _FREE_TEXT or "".join(words) in _FREE_TEXT)


def auto_columns(layout: CsvLayout, sample: Sequence[Sequence[str]]) -> dict[int, SegmentKind]:
    """The columns to redact when no ``--column`` is given (rules in the module docstring)."""
    chosen: dict[int, SegmentKind] = {}
    ids = layout.import_ids or ("",) * len(layout.columns)
    for index, (name, qid) in enumerate(zip(layout.columns, ids, strict=False)):
        cells = (row[index] for row in sample if index < len(row))
        if _named_free_text(name, qid) or any(_is_prose(cell) for cell in cells):
            chosen[index] = SegmentKind.TEXT
    for column in identifying_columns(layout.columns):
        index = layout.columns.index(column.column)
        person = column.entity_type is EntityType.PERSON
        chosen[index] = SegmentKind.SPEAKER if person else SegmentKind.TEXT
    return dict(sorted(chosen.items()))


def chosen_columns(layout: CsvLayout, names: Sequence[str], source: str) -> dict[int, SegmentKind]:
    """The columns picked with ``--column`` (by exact name, else unique case-insensitive)."""
    people = {
        c.column for c in identifying_columns(layout.columns) if c.entity_type is EntityType.PERSON
    }
    chosen: dict[int, SegmentKind] = {}
    for name in names:
        if name in layout.columns:
            index = layout.columns.index(name)
        else:
            folded = [i for i, c in enumerate(layout.columns) if c.casefold() == name.casefold()]
            if len(folded) != 1:
                known = ", ".join(layout.columns)
                raise ConfigError(
                    f"--column {name!r}: no such column (columns: {known})", where=source
                )
            index = folded[0]
        person = layout.columns[index] in people
        chosen[index] = SegmentKind.SPEAKER if person else SegmentKind.TEXT
    return dict(sorted(chosen.items()))
