"""Operators: what a detected span becomes, applied through presidio-anonymizer.

Each operator is a small strategy with one method per document: :meth:`Operator.for_document`
returns a :class:`Replacer` holding the document's own state (pseudonym numbers, surrogate
values), so values stay consistent inside a document and nothing leaks between documents.
Every replacement keeps the newlines of the value it replaces, so line counts never change.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Protocol

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from toolkit.errors import ConfigError
from toolkit.pii.config import HASH_KEY_ENV, OperatorName, RedactConfig
from toolkit.pii.lexicon import fold
from toolkit.pii.types import EntityType, Span

__all__ = ["Operator", "Replacer", "apply_spans", "keyed_digest", "make_operator"]


def keyed_digest(key: bytes, value: str, *, length: int = 12) -> str:
    """HMAC-SHA256 of the folded ``value`` (case, accents, spacing ignored), hex, truncated."""
    canonical = fold(" ".join(value.split()))  # case, accents and line breaks do not count
    return hmac.new(key, canonical.encode("utf-8"), hashlib.sha256).hexdigest()[:length]


class Replacer(Protocol):
    """Replaces values of one document."""

    def __call__(self, entity: EntityType, value: str) -> str: ...


class Operator(Protocol):
    """Makes a fresh :class:`Replacer` for each document."""

    name: OperatorName

    def for_document(self) -> Replacer: ...


def _keep_newlines(replacement: str, value: str) -> str:
    """Append the value's line breaks so the document keeps its line count."""
    breaks = value.count("\n")
    return replacement + "\n" * breaks if breaks else replacement


@dataclass(frozen=True)
class TagOperator:
    name: OperatorName = OperatorName.TAG

    def for_document(self) -> Replacer:
        return lambda entity, value: _keep_newlines(f"<{entity.value}>", value)


@dataclass(frozen=True)
class MaskOperator:
    """``*`` for every character but line breaks: offsets and lines stay where they were."""

    name: OperatorName = OperatorName.MASK

    def for_document(self) -> Replacer:
        return lambda entity, value: re.sub(r"[^\r\n]", "*", value)


@dataclass(frozen=True)
class HashOperator:
    key: bytes = field(repr=False)
    name: OperatorName = OperatorName.HASH

    def for_document(self) -> Replacer:
        return lambda entity, value: _keep_newlines(
            f"<{entity.value}:{keyed_digest(self.key, value)}>", value)


class _Numbering:
    """Per-document numbering: the same value (or a part of a known name) keeps its number."""

    def __init__(self, make: Callable[[EntityType, str, int], str], *,
                 partwise: bool = False,
                 avoid: Callable[[Iterable[str]], None] | None = None) -> None:
        self._make = make
        self._partwise = partwise  # "Ruth" of "Ruth Abernethy" gets the first word only
        self._seen: dict[tuple[EntityType, str], str] = {}
        self._counts: dict[EntityType, int] = {}
        self._avoid = avoid

    def avoid(self, values: Iterable[str]) -> None:
        """Every original value of the document, before any replacement is chosen."""
        if self._avoid is not None:
            self._avoid(values)

    def __call__(self, entity: EntityType, value: str) -> str:
        key = (entity, fold(" ".join(value.split())))
        if key not in self._seen:
            self._seen[key] = self._related(entity, key[1]) or self._new(entity, value)
        return _keep_newlines(self._seen[key], value)

    def _related(self, entity: EntityType, folded: str) -> str | None:
        if entity is not EntityType.PERSON:
            return None
        parts = folded.split()
        for (kind, known), out in self._seen.items():
            words = known.split()
            # "Ruth" after "Ruth Abernethy" is the same person; "Tom Jones" after "Sarah
            # Jones" is not: only a name whose words all belong to the other one is related
            if kind is not entity or not (set(parts) <= set(words) or set(words) <= set(parts)):
                continue
            if self._partwise and len(parts) == 1 and len(out.split()) == len(words):
                return out.split()[words.index(parts[0])]
            if not self._partwise:
                return out
        return None

    def _new(self, entity: EntityType, value: str) -> str:
        self._counts[entity] = self._counts.get(entity, 0) + 1
        return self._make(entity, value, self._counts[entity])


@dataclass(frozen=True)
class PseudonymOperator:
    """``PERSON_1`` within a document; with a key, ``PERSON_3f2a9c1b`` across documents."""

    key: bytes | None = field(default=None, repr=False)
    name: OperatorName = OperatorName.PSEUDONYM

    def for_document(self) -> Replacer:
        if self.key is not None:
            key = self.key
            return lambda entity, value: _keep_newlines(
                f"{entity.value}_{keyed_digest(key, value, length=8)}", value)
        return _Numbering(lambda entity, value, n: f"{entity.value}_{n}")


class SurrogateOperator:
    """Realistic fake values from Faker, consistent within a document.

    With a key (or a fixed ``seed``), every document starts from the same seed, so the same
    input gives the same output; without, each document gets a fresh random seed. The Faker
    instances are built once and reseeded per document.
    """

    name = OperatorName.SURROGATE

    def __init__(self, locale: str = "en_GB", key: bytes | None = None,
                 seed: int | None = None) -> None:
        self.locale = locale
        if seed is None and key is not None:
            seed = int.from_bytes(hmac.new(key, b"surrogate", hashlib.sha256).digest()[:8], "big")
        self.seed = seed
        self._factory: Any = None

    def for_document(self) -> Replacer:
        if self._factory is None:
            from toolkit.pii.surrogates import SurrogateFactory  # Faker import is slow

            self._factory = SurrogateFactory(self.locale)
        self._factory.reseed(self.seed if self.seed is not None else secrets.randbits(64))
        return _Numbering(self._factory.make, partwise=True, avoid=self._factory.avoid)


def make_operator(config: RedactConfig) -> Operator:
    """The operator ``config`` asks for; keyed operators need ``config.hash_key``."""
    name = config.operator
    if name is OperatorName.TAG:
        return TagOperator()
    if name is OperatorName.MASK:
        return MaskOperator()
    if name is OperatorName.PSEUDONYM:
        return PseudonymOperator(config.hash_key)
    if name is OperatorName.SURROGATE:
        return SurrogateOperator(config.locale, config.hash_key)
    if config.hash_key is None:
        raise ConfigError(f"the hash operator needs a key: set {HASH_KEY_ENV} or --key-file",
                          where="--operator hash")
    return HashOperator(config.hash_key)


@cache
def _anonymizer() -> AnonymizerEngine:
    return AnonymizerEngine()


def apply_spans(text: str, spans: list[Span], replace: Replacer) -> str:
    """Replace non-overlapping ``spans`` of ``text`` through presidio-anonymizer.

    Replacements are decided in reading order (so ``PERSON_1`` is the first person named),
    then applied by the anonymizer.
    """
    if not spans:
        return text
    chosen: dict[tuple[EntityType, str], str] = {}
    avoid = getattr(replace, "avoid", None)
    if avoid is not None:  # a surrogate must not reuse a word of another original value
        avoid([text[s.start:s.end] for s in spans])
    for s in sorted(spans, key=lambda s: s.start):
        value = text[s.start:s.end]
        if (s.entity_type, value) not in chosen:
            chosen[(s.entity_type, value)] = replace(s.entity_type, value)
    results = [RecognizerResult(s.entity_type.value, s.start, s.end, s.score) for s in spans]
    operators = {
        kind.value: OperatorConfig("custom", {"lambda": _lookup(chosen, kind)})
        for kind in {s.entity_type for s in spans}
    }
    return _anonymizer().anonymize(text, results, operators,
                                   merge_entities_with_spaces=False).text


def _lookup(chosen: dict[tuple[EntityType, str], str], kind: EntityType
            ) -> Callable[[str], str]:
    return lambda value: chosen[(kind, value)]
