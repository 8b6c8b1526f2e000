"""Small typed accessors over a (normalised) confide.consent/1 record mapping.

Records are plain mappings after loading; these helpers read them without raising on a
missing or mistyped field, so each check reports what is wrong instead of crashing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

__all__ = [
    "CONSENT_STATES",
    "Duration",
    "consent_purpose_ids",
    "decision_events",
    "events",
    "first_consent_time",
    "get",
    "is_in",
    "latest_consent_time",
    "mapping",
    "mappings",
    "parse_duration",
    "purposes",
    "to_utc",
]

#: Event states that give (or re-give) consent.
CONSENT_STATES = frozenset({"given", "renewed"})

_DURATION = re.compile(
    r"^P(?!$)(?:(?P<y>\d+)Y)?(?:(?P<mo>\d+)M)?(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<h>\d+)H)?(?:(?P<mi>\d+)M)?(?:(?P<s>\d+)S)?)?$"
)


def is_in(value: Any, options: Any) -> bool:
    """``value in options``, false for an unhashable value (a list where a state belongs)."""
    try:
        return value in options
    except TypeError:
        return False


def get(record: Mapping[str, Any], path: str, default: Any = None) -> Any:
    """The value at a dotted ``path`` (``purposes.0.id``), or ``default``."""
    node: Any = record
    for part in path.split("."):
        if isinstance(node, Mapping):
            if part not in node:
                return default
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return default
    return node


def mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def mappings(value: Any) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """(index, item) for each mapping in a list; anything else yields nothing."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, Mapping):
                yield index, item


def purposes(record: Mapping[str, Any]) -> list[tuple[int, Mapping[str, Any]]]:
    return list(mappings(record.get("purposes")))


def consent_purpose_ids(record: Mapping[str, Any]) -> set[str]:
    return {
        str(p["id"])
        for _, p in purposes(record)
        if p.get("lawful_basis") == "consent" and "id" in p
    }


def events(record: Mapping[str, Any]) -> list[tuple[int, Mapping[str, Any]]]:
    return list(mappings(record.get("events")))


def event_purposes(event: Mapping[str, Any], record: Mapping[str, Any]) -> set[str]:
    """The purposes an event covers; an event without ``purposes`` covers every purpose."""
    listed = event.get("purposes")
    if isinstance(listed, list) and listed:
        return {str(p) for p in listed}
    return {str(p.get("id")) for _, p in purposes(record)}


def decision_events(record: Mapping[str, Any]) -> list[tuple[int, Mapping[str, Any]]]:
    """Events where the person decided: given, renewed or refused."""
    decisions = {"given", "renewed", "refused"}
    return [(i, e) for i, e in events(record) if is_in(e.get("state"), decisions)]


def _consent_times(record: Mapping[str, Any]) -> list[datetime]:
    return [
        e["at"]
        for _, e in events(record)
        if is_in(e.get("state"), CONSENT_STATES) and isinstance(e.get("at"), datetime)
    ]


def first_consent_time(record: Mapping[str, Any]) -> datetime | None:
    """When consent was first given (the first ``given``/``renewed`` event), if known."""
    times = _consent_times(record)
    return min(times) if times else None


def latest_consent_time(record: Mapping[str, Any]) -> datetime | None:
    """When the consent relied on now was given (the latest ``given``/``renewed`` event)."""
    times = _consent_times(record)
    return max(times) if times else None


def to_utc(value: Any) -> datetime | None:
    """A normalised timestamp or date as an aware UTC datetime (a date is its midnight UTC)."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    return None


@dataclass(frozen=True)
class Duration:
    """An ISO 8601 duration (``P2Y``, ``P18M``, ``P30D``, ``PT12H``)."""

    years: int = 0
    months: int = 0
    days: int = 0
    seconds: int = 0

    @property
    def approx_days(self) -> float:
        return self.years * 365.25 + self.months * 30.44 + self.days + self.seconds / 86400


def parse_duration(value: Any) -> Duration | None:
    """Parse an ISO 8601 duration; ``None`` if it is not one."""
    if not isinstance(value, str):
        return None
    match = _DURATION.match(value.strip().upper())
    if not match:
        return None
    g = {k: int(v) if v else 0 for k, v in match.groupdict().items()}
    return Duration(
        years=g["y"],
        months=g["mo"],
        days=g["w"] * 7 + g["d"],
        seconds=g["h"] * 3600 + g["mi"] * 60 + g["s"],
    )
