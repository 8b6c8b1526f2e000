"""Typed, field-naming access to one YAML mapping of a profile.

Every error names the file, the line and the dotted field (``ai_systems[0].provider``) and says
how to fix it, as a :class:`~toolkit.errors.ProfileError`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import re
from collections.abc import Iterable
from typing import Any, TypeVar

from babel import Locale

from toolkit.consent._profile_types import Duration, Language, Text
from toolkit.consent._yaml_lines import LineMap
from toolkit.errors import ProfileError

__all__ = ["Reader"]

E = TypeVar("E", bound=enum.Enum)

_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LANG_KEYS = {"en": "en", "en-gb": "en", "cs": "cs", "cs-cz": "cs"}
_COUNTRIES = frozenset(
    code for code in Locale.parse("en").territories if re.fullmatch("[A-Z]{2}", code)
)


def _clean(value: str) -> str:
    """Collapse whitespace (YAML folding, stray newlines) into single spaces."""
    return " ".join(value.split())


class Reader:
    """Read typed fields from one mapping, naming ``path.key`` and its line in every error."""

    def __init__(self, data: LineMap, *, path: str, source: str, language: Language) -> None:
        self.data = data
        self.path = path
        self.source = source
        self.language = language

    # -- locating --------------------------------------------------------------------------
    def field(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def where(self, key: str | None = None) -> str:
        line = self.data.line_of(key) if key is not None else self.data.line
        return f"{self.source}:{line}" if line else self.source

    def error(self, key: str, problem: str, fix: str) -> ProfileError:
        """A :class:`ProfileError` about ``key``: "<field> <problem>; <fix>"."""
        return ProfileError(f"{self.field(key)} {problem}; {fix}", where=self.where(key))

    def has(self, key: str) -> bool:
        return self.data.get(key) not in (None, "", [], {})

    def reject_unknown(self, allowed: Iterable[str]) -> None:
        """Unknown keys are usually typos: name the closest known field."""
        known = sorted(allowed)
        for key in self.data:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f"did you mean {close[0]}?" if close else f"known fields: {', '.join(known)}"
                raise self.error(key, "is not a field of a consent profile", hint)

    def required(self, key: str, fix: str) -> Any:
        if not self.has(key):
            raise self.error(key, "is missing", fix)
        return self.data[key]

    # -- scalars ---------------------------------------------------------------------------
    def string(self, key: str, fix: str) -> str:
        value = self.required(key, fix)
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.error(key, "must be a single line of text", fix)
        text = _clean(str(value))
        if _CONTROL.search(text):
            raise self.error(key, "contains control characters", "remove them")
        return text

    def opt_string(self, key: str, fix: str) -> str | None:
        return self.string(key, fix) if self.has(key) else None

    def boolean(self, key: str, default: bool | None = None) -> bool:
        if key not in self.data or self.data[key] is None:
            if default is None:
                raise self.error(key, "is missing", "write true or false")
            return default
        value = self.data[key]
        if not isinstance(value, bool):
            raise self.error(key, "must be true or false", "write true or false without quotes")
        return value

    def choice(self, key: str, enum_cls: type[E], fix: str) -> E:
        value = self.required(key, fix)
        try:
            return enum_cls(value)
        except ValueError:
            options = ", ".join(str(m.value) for m in enum_cls)
            raise self.error(
                key, "is not one of the allowed values", f"use one of: {options}"
            ) from None

    def opt_choice(self, key: str, enum_cls: type[E], fix: str) -> E | None:
        return self.choice(key, enum_cls, fix) if self.has(key) else None

    def date(self, key: str, fix: str) -> dt.date:
        value = self.required(key, fix)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise self.error(key, "is not a date", "write it as YYYY-MM-DD") from None

    def duration(self, key: str, fix: str) -> Duration:
        value = str(self.required(key, fix)).strip().upper()
        match = _DURATION.match(value)
        if not match or value == "P":
            raise self.error(key, "is not an ISO 8601 duration", "write e.g. P2Y, P6M or P1Y6M")
        years, months, weeks, days = (int(part) if part else 0 for part in match.groups())
        if years + months + weeks + days == 0:
            raise self.error(key, "is zero", "give how long the data is kept, e.g. P2Y")
        return Duration(iso=value, years=years, months=months, weeks=weeks, days=days)

    def country(self, key: str, fix: str) -> str:
        value = self.string(key, fix).upper()
        if value == "UK":
            value = "GB"
        if value not in _COUNTRIES:
            raise self.error(
                key, f"is not an ISO 3166-1 country code ({value})", "use e.g. GB, CZ, IE, US"
            )
        return value

    # -- language-aware text ---------------------------------------------------------------
    def text(self, key: str, fix: str) -> Text:
        return self._text_value(self.required(key, fix), key, self.field(key), fix)

    def opt_text(self, key: str, fix: str) -> Text | None:
        return self.text(key, fix) if self.has(key) else None

    def text_list(self, key: str, fix: str, *, optional: bool = False) -> tuple[Text, ...]:
        if optional and not self.has(key):
            return ()
        items = self.required(key, fix)
        if not isinstance(items, list):
            raise self.error(key, "must be a list", fix)
        return tuple(
            self._text_value(item, key, f"{self.field(key)}[{i}]", fix)
            for i, item in enumerate(items)
        )

    def _text_value(self, value: Any, key: str, field: str, fix: str) -> Text:
        where = self.where(key)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            variants = [(self.language.value, _clean(str(value)))]
        elif isinstance(value, dict):
            variants = []
            for lang_key, item in value.items():
                code = _LANG_KEYS.get(str(lang_key).lower())
                if code is None or not isinstance(item, str) or not item.strip():
                    raise ProfileError(
                        f"{field} has an entry {str(lang_key)[:10]!r} that is not en or cs text; "
                        "give the text per language, e.g. {en: ..., cs: ...}",
                        where=where,
                    )
                variants.append((code, _clean(item)))
        else:
            raise ProfileError(f"{field} must be text; {fix}", where=where)
        if any(_CONTROL.search(text) for _, text in variants):
            raise ProfileError(f"{field} contains control characters; remove them", where=where)
        return Text(field=field, where=where, variants=tuple(variants))

    # -- nesting ---------------------------------------------------------------------------
    def sub(self, key: str, fix: str) -> Reader:
        value = self.required(key, fix)
        if not isinstance(value, LineMap):
            raise self.error(key, "must be a mapping of fields", fix)
        return Reader(value, path=self.field(key), source=self.source, language=self.language)

    def opt_sub(self, key: str, fix: str) -> Reader | None:
        return self.sub(key, fix) if self.has(key) else None

    def list_of(self, key: str, fix: str, *, optional: bool = False) -> list[Any]:
        if optional and not self.has(key):
            return []
        value = self.required(key, fix)
        if not isinstance(value, list):
            raise self.error(key, "must be a list", fix)
        return value

    def subs(self, key: str, fix: str, *, optional: bool = False) -> list[Reader]:
        """Readers for a list of mappings (``key[0]``, ``key[1]``, ...)."""
        readers = []
        for i, item in enumerate(self.list_of(key, fix, optional=optional)):
            if not isinstance(item, LineMap):
                raise self.error(f"{key}", f"entry {i} must be a mapping of fields", fix)
            path = f"{self.field(key)}[{i}]"
            readers.append(Reader(item, path=path, source=self.source, language=self.language))
        return readers
