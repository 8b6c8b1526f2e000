"""Is a gold name one that a Faker-built name list would know?

confide (like many tools) may use Faker's name lists as a gazetteer, and part of our synthetic
corpus draws names from Faker too; recall on names that are in those lists can flatter a
system. The accuracy report therefore splits PERSON into names fully covered by the given and
family names of *every* Faker locale, and names that are not (``PERSON (not in Faker)``).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache

__all__ = ["UNLISTED_PERSON", "faker_names", "is_listed"]

UNLISTED_PERSON = "PERSON (not in Faker)"


@cache
def faker_names() -> frozenset[str]:
    """Case-folded given and family names of every Faker person provider."""
    import faker.providers.person as person

    names: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"{person.__name__}.{info.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attr in dir(provider):
            if attr.startswith(("first_names", "last_names")):
                values = getattr(provider, attr)
                if isinstance(values, (list, tuple, dict)):
                    names.update(str(v).casefold() for v in values)
    return frozenset(names)


def is_listed(name: str) -> bool:
    """True if every word of ``name`` is a Faker given or family name."""
    words = re.findall(r"\w+", name)
    known = faker_names()
    return bool(words) and all(w.casefold() in known for w in words)
