"""Name, place and organisation pools of one split, disjoint from the other split's.

Pools come from two sources:

* our own lists in ``data/<split>/pools.yaml`` (real towns with their real postcode areas,
  real hospitals, invented GP surgeries, names including many that Faker does not have);
* Faker's name lists for en_GB, cs_CZ and en_US, and cs_CZ's (real) town and street lists.
  Faker values are partitioned between dev and test by a stable hash (CRC-32 parity), and
  every value listed by the *other* split's own lists is excluded, so no name, town or street
  can appear in both splits.

The ``holdout``, ``blind``, ``blind2``, ``blind3``, ``blind4``, ``blind5``, ``blind6``, ``blind7``,
``blind8``, ``blind9``, ``blind10`` and ``blind11`` splits draw nothing from Faker (every Faker
value belongs to dev or test): all their values come from their own lists, which tests check
against every other split's and Faker's.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from faker import Faker

from benchmarks.synth.model import Split

__all__ = ["DOCTOR_ROLES", "FAKER_LOCALES", "LOCALES", "Pools", "Town", "load_yaml", "side_of"]

LOCALES = ("uk", "cz", "us")
FAKER_LOCALES = {"uk": "en_GB", "cz": "cs_CZ", "us": "en_US"}
_OWN_SHARE = 0.5  # default share of names drawn from our own lists rather than Faker's
_TITLES = {"uk": "Dr", "cz": "MUDr.", "us": "Dr."}  # dev and test: one title per locale
DOCTOR_ROLES = frozenset({"gp", "psychiatrist"})
# The splits each split's own lists must stay apart from (Faker values are excluded by hash).
_OTHERS = {Split.DEV: (Split.TEST,), Split.TEST: (Split.DEV,),
           Split.HOLDOUT: (Split.DEV, Split.TEST),
           Split.BLIND: (Split.DEV, Split.TEST, Split.HOLDOUT),
           Split.BLIND2: (Split.DEV, Split.TEST, Split.HOLDOUT, Split.BLIND),
           Split.BLIND3: (Split.DEV, Split.TEST, Split.HOLDOUT, Split.BLIND, Split.BLIND2),
           Split.BLIND4: (Split.DEV, Split.TEST, Split.HOLDOUT, Split.BLIND, Split.BLIND2,
                          Split.BLIND3),
           Split.BLIND5: (Split.DEV, Split.TEST, Split.HOLDOUT, Split.BLIND, Split.BLIND2,
                          Split.BLIND3, Split.BLIND4),
           Split.BLIND6: (Split.DEV, Split.TEST, Split.HOLDOUT, Split.BLIND, Split.BLIND2,
                          Split.BLIND3, Split.BLIND4, Split.BLIND5),
           Split.BLIND7: (Split.DEV, Split.TEST, Split.HOLDOUT, Split.BLIND, Split.BLIND2,
                          Split.BLIND3, Split.BLIND4, Split.BLIND5, Split.BLIND6),
           Split.BLIND8: (Split.DEV, Split.TEST, Split.HOLDOUT, Split.BLIND, Split.BLIND2,
                          Split.BLIND3, Split.BLIND4, Split.BLIND5, Split.BLIND6,
                          Split.BLIND7),
           Split.BLIND9: (Split.DEV, Split.TEST, Split.HOLDOUT, Split.BLIND, Split.BLIND2,
                          Split.BLIND3, Split.BLIND4, Split.BLIND5, Split.BLIND6,
                          Split.BLIND7, Split.BLIND8),
           Split.BLIND10: (Split.DEV, Split.TEST, Split.HOLDOUT, Split.BLIND, Split.BLIND2,
                           Split.BLIND3, Split.BLIND4, Split.BLIND5, Split.BLIND6,
                           Split.BLIND7, Split.BLIND8, Split.BLIND9),
           Split.BLIND11: (Split.DEV, Split.TEST, Split.HOLDOUT, Split.BLIND, Split.BLIND2,
                           Split.BLIND3, Split.BLIND4, Split.BLIND5, Split.BLIND6,
                           Split.BLIND7, Split.BLIND8, Split.BLIND9, Split.BLIND10)}
# no value from Faker at all
_OWN_LISTS_ONLY = frozenset({Split.HOLDOUT, Split.BLIND, Split.BLIND2, Split.BLIND3,
                             Split.BLIND4, Split.BLIND5, Split.BLIND6, Split.BLIND7,
                             Split.BLIND8, Split.BLIND9, Split.BLIND10,
                             Split.BLIND11})


def side_of(value: str) -> Split:
    """The split a Faker-sourced value belongs to (stable across runs and machines); never
    ``holdout``, ``blind``, ``blind2``, ``blind3``, ``blind4``, ``blind5``, ``blind6``,
    ``blind7``, ``blind8``, ``blind9``, ``blind10`` or ``blind11``, which take no Faker values."""
    return Split.DEV if zlib.crc32(value.casefold().encode()) % 2 == 0 else Split.TEST


@cache
def load_yaml(split: Split, name: str) -> Any:
    path = resources.files("benchmarks.synth") / "data" / split.value / f"{name}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class Town:
    name: str
    locale: str
    code: str  # uk: postcode area letters+district range "LS:1-28"; cz: PSČ; us: "IL:627"

    def postcode(self, rng: random.Random) -> str:
        from benchmarks.synth.ids import make_uk_inward

        if self.locale == "uk":
            area, rng_txt = self.code.split(":")
            lo, hi = (int(x) for x in rng_txt.split("-"))
            return f"{area}{rng.randint(lo, hi)} {make_uk_inward(rng)}"
        if self.locale == "cz":
            return self.code
        return f"{self.code.split(':')[1]}{rng.randint(1, 99):02d}"

    @property
    def state(self) -> str:
        return self.code.split(":")[0] if self.locale == "us" else ""


def _flatten_names(section: Any) -> set[str]:
    out: set[str] = set()
    for value in section.values():
        for item in value:
            out.update(item if isinstance(item, list) else [item])
    return out


class Pools:
    """Everything one split draws from. Built once per generator run."""

    def __init__(self, split: Split) -> None:
        self.split = split
        self.own: dict[str, Any] = load_yaml(split, "pools")
        self._excluded: set[str] = set()
        for other in (load_yaml(o, "pools") for o in _OTHERS[split]):
            for loc in LOCALES:
                self._excluded |= _flatten_names(other["names"][loc])
                self._excluded |= {t[0] for t in other["towns"][loc]}
                self._excluded |= set(other["streets"].get(loc, []))
        self.fakers = {loc: Faker(FAKER_LOCALES[loc]) for loc in LOCALES}
        self.own_share = float(self.own.get("own_share", _OWN_SHARE))
        self.uses_faker = split not in _OWN_LISTS_ONLY
        self.nicknames: dict[str, str] = dict(self.own.get("nicknames", {}))
        self.nick_share = float(self.own.get("nick_share", 0.0))

    def reseed(self, rng: random.Random) -> None:
        for fk in self.fakers.values():
            fk.seed_instance(rng.getrandbits(48))

    def _mine(self, value: str) -> bool:
        return side_of(value) is self.split and value not in self._excluded

    def title(self, rng: random.Random, locale: str, role: str, female: bool) -> str:
        """A person's title: fixed per locale, unless the pools list ``titles`` (holdout)."""
        table = self.own.get("titles")
        if table is None:
            return _TITLES[locale]
        if role in DOCTOR_ROLES:
            return str(rng.choice(table["doctor"][locale]))
        return str(rng.choice(table["other"][locale]["female" if female else "male"]))

    def nickname(self, first: str) -> str:
        """The nickname a person called ``first`` may go by ("" if the split lists none)."""
        return self.nicknames.get(first, "")

    def _from_faker(self, draw: Callable[[], str], fallback: Sequence[str],
                    rng: random.Random) -> str:
        if not self.uses_faker:
            return rng.choice(list(fallback))
        for _ in range(200):
            value = draw()
            if self._mine(value):
                return value
        return rng.choice(list(fallback))

    def first_name(self, rng: random.Random, locale: str, female: bool) -> str:
        own = self.own["names"][locale]["female" if female else "male"]
        if rng.random() < self.own_share:
            return str(rng.choice(own))
        fk = self.fakers[locale]
        return self._from_faker(fk.first_name_female if female else fk.first_name_male, own, rng)

    def last_name(self, rng: random.Random, locale: str, female: bool) -> str:
        own = self.own["names"][locale]["last"]
        if rng.random() < self.own_share:
            item = rng.choice(own)
            if isinstance(item, list):  # Czech [male, female] forms
                return str(item[1] if female else item[0])
            return str(item)
        fk = self.fakers[locale]
        if locale == "cz":
            draw = fk.last_name_female if female else fk.last_name_male
        else:
            draw = fk.last_name
        flat = [x[1] if female else x[0] for x in own] if locale == "cz" else own
        return self._from_faker(draw, flat, rng)

    def town(self, rng: random.Random, locale: str, avoid: str = "") -> Town:
        rows = [r for r in self.own["towns"][locale] if r[0] != avoid]
        row = rng.choice(rows)
        return Town(str(row[0]), locale, str(row[1]))

    def mentioned_town(self, rng: random.Random, locale: str, avoid: str = "") -> str:
        """A town named in passing: our list, or (Czech) Faker's list of real towns."""
        if locale == "cz" and self.uses_faker and rng.random() < 0.4:
            fk = self.fakers["cz"]
            own = [r[0] for r in self.own["towns"]["cz"]]
            name = self._from_faker(fk.city, own, rng)
            if name != avoid:
                return name
        return self.town(rng, locale, avoid).name

    def street(self, rng: random.Random, locale: str) -> str:
        if locale == "cz" and self.uses_faker and rng.random() < 0.5:
            fk = self.fakers["cz"]
            return self._from_faker(fk.street_name, self.own["streets"]["cz"], rng)
        return str(rng.choice(self.own["streets"][locale]))

    def org(self, rng: random.Random, kind: str, locale: str) -> str:
        return str(rng.choice(self.own["orgs"][kind][locale]))

    def pick(self, rng: random.Random, key: str, locale: str | None = None) -> str:
        """A decoy or neutral value: ``decoys[key]`` (optionally per locale)."""
        values = self.own["decoys"][key]
        if isinstance(values, dict):
            values = values[locale or "uk"]
        return str(rng.choice(values))
