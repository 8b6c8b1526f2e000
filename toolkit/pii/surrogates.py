"""Fake but realistic replacement values for the ``surrogate`` operator (Faker)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from faker import Faker

from toolkit.pii.lexicon import fold
from toolkit.pii.types import EntityType

__all__ = ["SurrogateFactory"]

_CZECH = re.compile(r"[ěščřžýáíéůúťďňĚŠČŘŽÝÁÍÉŮÚŤĎŇ]")


def _nhs(fake: Faker) -> str:
    while True:
        digits = [fake.random_int(0, 9) for _ in range(9)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        check = 0 if check == 11 else check
        if check != 10:
            s = "".join(map(str, digits)) + str(check)
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def _birth_number(fake: Faker) -> str:
    while True:
        born = fake.date_of_birth(minimum_age=18, maximum_age=70)
        month = born.month + (50 if fake.boolean() else 0)
        head = f"{born.year % 100:02d}{month:02d}{born.day:02d}{fake.random_int(0, 999):03d}"
        check = int(head) % 11
        if check != 10:
            return f"{head[:6]}/{head[6:]}{check}"


def _matching_case(fake_value: str, original: str) -> str:
    if original.islower():
        return fake_value.lower()
    if original.isupper() and len(original) > 1:
        return fake_value.upper()
    return fake_value


class SurrogateFactory:
    """Makes one fake value per (type, value); never returns the original value."""

    def __init__(self, locale: str, seed: int | None = None) -> None:
        self._fakers = {loc: Faker(loc) for loc in sorted({locale, "cs_CZ"})}
        self._locale = locale
        self._taken: set[str] = set()  # folded words of the document's original values
        if seed is not None:
            self.reseed(seed)

    def reseed(self, seed: int) -> None:
        """Start every Faker again from ``seed`` (one call per document)."""
        for i, fake in enumerate(self._fakers.values()):
            fake.seed_instance(seed + i)
        self._taken = set()

    def avoid(self, values: Iterable[str]) -> None:
        """Never make a value sharing a word with ``values`` (the document's originals)."""
        self._taken |= {w for v in values for w in fold(v).split() if len(w) > 1}

    def _fake(self, value: str) -> Faker:
        return self._fakers["cs_CZ" if _CZECH.search(value) else self._locale]

    def make(self, entity: EntityType, value: str, _n: int) -> str:
        fake = self._fake(value)
        gen = _GENERATORS.get(entity, _GENERATORS[EntityType.PERSON])
        for _ in range(20):
            out = " ".join(gen(fake, value).split())  # one line, like the value
            if fold(out) != fold(value) and not set(fold(out).split()) & self._taken:
                return _matching_case(out, value.strip())
        return f"<{entity.value}>"  # pragma: no cover - Faker kept repeating the value


def _person(fake: Faker, value: str) -> str:
    words = len(value.split())
    if words <= 1:
        return str(fake.first_name())
    return " ".join([fake.first_name(), *[fake.last_name() for _ in range(words - 1)]])


_GENERATORS: dict[EntityType, Callable[[Faker, str], str]] = {
    EntityType.PERSON: _person,
    EntityType.LOCATION: lambda f, v: str(f.city()),
    EntityType.ORGANIZATION: lambda f, v: str(f.company()),
    EntityType.STREET_ADDRESS: lambda f, v: str(f.street_address()),
    EntityType.UK_POSTCODE: lambda f, v: str(f.postcode()),
    EntityType.PHONE_NUMBER: lambda f, v: str(f.phone_number()),
    EntityType.EMAIL_ADDRESS: lambda f, v: str(f.free_email()),
    EntityType.URL: lambda f, v: str(f.url()),
    EntityType.SOCIAL_HANDLE: lambda f, v: "@" + str(f.user_name()),
    EntityType.IP_ADDRESS: lambda f, v: str(f.ipv4_private()),
    EntityType.DATE: lambda f, v: f.date_of_birth().strftime("%d/%m/%Y"),
    EntityType.UK_NHS: lambda f, v: _nhs(f),
    EntityType.UK_NINO: lambda f, v: str(f.bothify("?? ## ## ## ?", letters="ABCEHJLMNPRSTWXYZ"))[
        :-1] + "ABCD"[f.random_int(0, 3)],
    EntityType.CZ_BIRTH_NUMBER: lambda f, v: _birth_number(f),
    EntityType.CREDIT_CARD: lambda f, v: str(f.credit_card_number()),
    EntityType.IBAN_CODE: lambda f, v: str(f.iban()),
    EntityType.US_SSN: lambda f, v: str(f.bothify("9##-##-####")),
}
