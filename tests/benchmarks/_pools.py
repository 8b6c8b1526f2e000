"""What the synthetic families' pools hold, and what Faker can draw: shared by the split tests."""

from __future__ import annotations

import importlib
from functools import cache

from benchmarks.synth import Split
from benchmarks.synth.pools import FAKER_LOCALES, LOCALES, load_yaml


@cache
def faker_values(module: str, *attrs: str) -> frozenset[str]:
    """Values (case-folded) of the Faker lists that dev and test draw from (en_GB, cs_CZ,
    en_US)."""
    out: set[str] = set()
    for loc in FAKER_LOCALES.values():
        try:
            provider = importlib.import_module(f"faker.providers.{module}.{loc}").Provider
        except ImportError:
            continue
        for attr in attrs:
            out |= {str(v).casefold() for v in getattr(provider, attr, ())}
    return frozenset(out)


def pool_values(split: Split) -> dict[str, set[str]]:
    """A split's own names, towns, streets and organisations, as written in its pools."""
    pools = load_yaml(split, "pools")
    names: set[str] = set()
    for loc in LOCALES:
        for values in pools["names"][loc].values():
            for v in values:
                names.update(v if isinstance(v, list) else [v])
    return {
        "names": names,
        "towns": {t[0] for loc in LOCALES for t in pools["towns"][loc]},
        "streets": {s for loc in LOCALES for s in pools["streets"][loc]},
        "orgs": {o for kind in pools["orgs"].values() for loc in LOCALES for o in kind[loc]},
    }


def nicknames(split: Split) -> set[str]:
    """The nicknames a split's documents use consistently (blind families only)."""
    return set(load_yaml(split, "pools").get("nicknames", {}).values())
