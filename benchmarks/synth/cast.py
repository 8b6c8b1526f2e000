"""The cast of one document: its people, places, organisations and identifiers.

A :class:`Cast` is built lazily from the split's pools: a slot is drawn the first time a template
asks for it and then kept, so a name or number repeats consistently through the document.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from benchmarks.synth.castslots import CONTACT, FIXED, PER_CALL, format_date
from benchmarks.synth.model import DecoyKind, Fill
from benchmarks.synth.pools import Pools, Town
from toolkit.pii.types import EntityType as E

__all__ = ["ADULT_AGES", "PERSON_ATTRS", "PERSON_ROLES", "Cast", "Person"]

# role -> True female, False male, None either
PERSON_ROLES: dict[str, bool | None] = {
    "client": None, "therapist": None, "partner": None, "sister": True, "brother": False,
    "mum": True, "dad": False, "son": False, "daughter": True, "friend": None, "friend2": None,
    "boss": None, "colleague": None, "ex": None, "gp": None, "psychiatrist": None,
    "nurse": None, "teacher": None, "grandparent": None, "nan": True, "grandad": False,
    # used by the holdout templates only
    "interpreter": None, "peer": None, "peer2": None, "peer3": None, "tutor": None,
    "dietitian": None, "aunt": True, "cousin": None,
    # used by the blind templates only
    "peer4": None, "peer5": None, "baby": None, "mentor": None, "midwife": True,
    "flatmate": None, "caseworker": None, "mate": None, "coach": None,
}
PERSON_ATTRS = {"first", "last", "full", "title", "title_full", "initial", "pron", "poss",
                "obj", "spouse", "bfgf", "sibling", "first_initial", "last_first",
                # blind: nickname, the name the person goes by in this document, sentence-initial
                # pronouns, and the person's own phone number and user name
                "nick", "call", "call_full", "pron_cap", "poss_cap", "mobile", "user"}
# Attributes that are not part of a Person but drawn per person by the cast (see Cast.resolve).
_CONTACT_ATTRS = frozenset({"mobile", "user"})
_FAMILY = frozenset({"sister", "brother", "mum", "dad", "son", "daughter"})
ADULT_AGES = (18, 68)


@dataclass(frozen=True, slots=True)
class Person:
    first: str
    last: str
    female: bool
    title: str
    nick: str = ""  # blind: a nickname, used consistently through the document
    by_nick: bool = False  # blind: whether the document calls this person by the nickname

    @property
    def called(self) -> str:
        return self.nick if self.by_nick and self.nick else self.first

    def fill(self, attr: str) -> Fill:
        p = E.PERSON
        if attr == "first":
            return Fill.whole(self.first, p)
        if attr in {"nick", "call"}:
            return Fill.whole(self.called if attr == "call" else self.nick or self.first, p)
        if attr == "call_full":
            return Fill.whole(f"{self.called} {self.last}", p)
        if attr == "last":
            return Fill.whole(self.last, p)
        if attr == "full":
            return Fill.whole(f"{self.first} {self.last}", p)
        if attr == "initial":
            return Fill.whole(f"{self.first[0]}. {self.last}", p)
        if attr == "first_initial":  # "Aoife K." (the full stop is not part of the name)
            name = f"{self.first} {self.last[0]}"
            return Fill(f"{name}.", ((0, len(name), p),))
        if attr == "last_first":  # "Kelly, Aoife"
            return Fill.whole(f"{self.last}, {self.first}", p)
        if attr in {"title", "title_full"}:
            name = self.last if attr == "title" else f"{self.first} {self.last}"
            t = len(self.title)
            return Fill(f"{self.title} {name}",
                        ((0, t, DecoyKind.TITLE), (t + 1, t + 1 + len(name), p)))
        f = self.female
        words = {"pron": ("she", "he"), "poss": ("her", "his"), "obj": ("her", "him"),
                 "spouse": ("wife", "husband"), "bfgf": ("gf", "bf"),
                 "sibling": ("sister", "brother"), "pron_cap": ("She", "He"),
                 "poss_cap": ("Her", "His")}
        return Fill(words[attr][0 if f else 1])


class Cast:
    """Slot values of one document (see data/README for the slot list)."""

    def __init__(self, pools: Pools, rng: random.Random, locale: str,
                 ages: tuple[int, int] = ADULT_AGES,
                 sexes: dict[str, bool] | None = None) -> None:
        self.pools = pools
        self.sexes = dict(sexes or {})  # blind scenarios: role -> female, where it is fixed
        self.rng = rng
        self.locale = locale
        self.formats: dict[str, Any] = pools.own["formats"]
        self.people: dict[str, Person] = {}
        self._values: dict[str, Fill] = {}
        self.session_date = date(2022, 1, 3) + timedelta(days=rng.randint(0, 1450))
        self.home: Town = pools.town(rng, locale)
        lo, hi = ages
        age_days = rng.randint(lo * 365,
                               min(hi * 365, (self.session_date - date(1954, 1, 1)).days))
        self.dob = self.session_date - timedelta(days=age_days)

    # --- people

    def person(self, role: str) -> Person:
        if role not in self.people:
            self.people[role] = self._new_person(role)
        return self.people[role]

    def _new_person(self, role: str) -> Person:
        rng, pools = self.rng, self.pools
        female = self.sexes.get(role, PERSON_ROLES[role])
        if female is None:
            if role == "partner":
                female = not self.person("client").female if rng.random() < 0.85 else (
                    self.person("client").female)
            else:
                female = rng.random() < (0.62 if role == "client" else 0.5)
        family = role in _FAMILY or role == "baby"
        if family and self.locale != "cz":
            last = self.person("client").last
        else:
            last = pools.last_name(rng, self.locale, female)
        first = pools.first_name(rng, self.locale, female)
        taken = {p.first for p in self.people.values()}
        for _ in range(10):
            if first not in taken:
                break
            first = pools.first_name(rng, self.locale, female)
        title = pools.title(rng, self.locale, role, female)
        nick = pools.nickname(first)  # "" unless the split lists nicknames (blind): no draw
        by_nick = bool(nick) and rng.random() < pools.nick_share
        return Person(first, last, female, title, nick, by_nick)

    # --- slots

    def resolve(self, slot: str, attr: str | None) -> Fill:
        if slot in PERSON_ROLES:
            if attr not in PERSON_ATTRS:
                raise KeyError(f"{slot}.{attr}: unknown person attribute")
            if attr in _CONTACT_ATTRS:
                key = f"{slot}.{attr}"
                if key not in self._values:
                    self._values[key] = CONTACT[attr](self, slot)
                return self._values[key]
            return self.person(slot).fill(attr)
        if attr is not None:
            raise KeyError(f"{slot}.{attr}: only people have attributes")
        if slot in PER_CALL:
            return PER_CALL[slot](self)
        if slot not in self._values:
            if slot not in FIXED:
                raise KeyError(f"{slot}: unknown slot")
            self._values[slot] = FIXED[slot](self)
        return self._values[slot]

    def fmt_date(self, d: date, key: str = "date") -> str:
        table = self.formats[key]
        pattern = self.rng.choice(table[self.locale] if isinstance(table, dict) else table)
        return format_date(pattern, d)

    def past_date(self, years: int = 8) -> date:
        return self.session_date - timedelta(days=self.rng.randint(20, 365 * years))
