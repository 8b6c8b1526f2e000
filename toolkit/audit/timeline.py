"""When a subject's consent to a purpose was in force, from the events of their records.

Each record contributes windows: from a ``given`` or ``renewed`` event until the next
``withdrawn``, ``revoked``, ``refused`` or ``expired`` event for that purpose, or until the
record's ``valid_until`` (open when it has none). An event without ``purposes`` covers every
purpose of its record, as in consent validation. Records are normalised when loaded, so every
``at`` and ``valid_until`` is an aware UTC datetime (or the event is ignored: validation
reports the bad timestamp).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from toolkit.consent import _fields as cf
from toolkit.consent.records import ConsentRecord

__all__ = ["End", "History", "Window", "history_for"]

_GIVE = frozenset({"given", "renewed"})
_STOP = {"withdrawn": "withdrawn", "revoked": "withdrawn", "refused": "refused",
         "expired": "expired"}


class End(enum.StrEnum):
    """Why a window of consent closed."""

    WITHDRAWN = "withdrawn"
    REFUSED = "refused"
    EXPIRED = "expired"


@dataclass(frozen=True)
class Window:
    """Consent in force from ``start`` until ``end`` (None: still in force)."""

    start: datetime
    end: datetime | None
    why: End | None
    source: str
    line: int | None

    def covers(self, moment: datetime) -> bool:
        return self.start <= moment and (self.end is None or moment < self.end)

    def overlaps(self, start: datetime, end: datetime) -> bool:
        if self.end is None:
            return self.start <= end
        return self.start < self.end and self.start <= end and start < self.end


@dataclass(frozen=True)
class History:
    """What a subject's records say about one purpose."""

    purpose: str
    #: The purpose is listed in a record's ``purposes``.
    declared: bool
    #: Lawful bases the records give for it (``consent``, ``public_task``...).
    bases: frozenset[str]
    #: Some event concerns the purpose.
    has_events: bool
    refused: bool
    windows: tuple[Window, ...]
    #: The record the evidence is in (first record of the subject that names the purpose).
    source: str
    line: int | None

    def covering(self, start: datetime, end: datetime) -> Window | None:
        """A window in force at some moment in ``[start, end]``."""
        return next((w for w in self.windows if w.overlaps(start, end)), None)

    def in_force(self, moment: datetime) -> Window | None:
        return next((w for w in self.windows if w.covers(moment)), None)

    def last_end_before(self, moment: datetime) -> Window | None:
        """The window that closed last before ``moment``."""
        ended = [w for w in self.windows if w.end is not None and w.end <= moment]
        return max(ended, key=lambda w: w.end or w.start) if ended else None

    @property
    def first_start(self) -> datetime | None:
        return min((w.start for w in self.windows), default=None)


def history_for(records: Sequence[ConsentRecord], purpose: str) -> History:
    """The history of ``purpose`` across ``records`` (all of one subject)."""
    windows: list[Window] = []
    declared = has_events = refused = False
    bases: set[str] = set()
    source, line = (records[0].source, records[0].line) if records else ("", None)
    found = False
    for record in records:
        data = record.data
        for _, item in cf.purposes(data):
            if str(item.get("id")) == purpose:
                declared = True
                if isinstance(item.get("lawful_basis"), str):
                    bases.add(item["lawful_basis"])
        events = _events(data, purpose)
        if events and not found:
            source, line, found = record.source, record.line, True
        has_events = has_events or bool(events)
        refused = refused or any(state == "refused" for _, state in events)
        windows.extend(_windows(events, cf.to_utc(data.get("valid_until")), record))
    windows.sort(key=lambda w: w.start)
    return History(purpose, declared, frozenset(bases), has_events, refused, tuple(windows),
                   source, line)


def _events(data: Mapping[str, Any], purpose: str) -> list[tuple[datetime, str]]:
    out = []
    for _, event in cf.events(data):
        at, state = event.get("at"), event.get("state")
        if not isinstance(at, datetime) or not isinstance(state, str):
            continue
        if purpose in cf.event_purposes(event, data):
            out.append((at, state))
    return sorted(out, key=lambda e: e[0])


def _windows(events: list[tuple[datetime, str]], until: datetime | None,
             record: ConsentRecord) -> list[Window]:
    windows: list[Window] = []
    start: datetime | None = None
    for at, state in events:
        if state in _GIVE and start is None:
            start = at
        elif state in _STOP and start is not None:
            windows.append(Window(start, at, End(_STOP[state]), record.source, record.line))
            start = None
    if start is not None:
        if until is not None:
            end = max(until, start)
            windows.append(Window(start, end, End.EXPIRED, record.source, record.line))
        else:
            windows.append(Window(start, None, None, record.source, record.line))
    return windows
