"""The one exception tree of confide.

Every error a user can cause is a :class:`ConfideError`; the CLI turns it into one line on
stderr and exit code 2. Messages read "where: what is wrong; how to fix" and never carry raw
personal data (values are named by type and position, not quoted).

::

    ConfideError
    ├── ConfigError          bad option, config file, key or policy/profile field
    │   ├── PolicyError      a policy YAML file that cannot be loaded or is inconsistent
    │   └── ProfileError     a consent-document profile with a missing or contradictory field
    ├── ModelError           the spaCy model is missing, or is not the model it claims to be
    └── InputError           an input file (or one line/record of it) cannot be read
        └── DecodeError      not text in the expected encoding (binary, wrong codec)
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "ConfideError",
    "ConfigError",
    "DecodeError",
    "InputError",
    "ModelError",
    "PolicyError",
    "ProfileError",
]


class ConfideError(Exception):
    """Base of every error confide raises on purpose."""

    def __init__(self, message: str, *, where: str | Path | None = None) -> None:
        self.message = message
        self.where = str(where) if where is not None else None
        super().__init__(f"{self.where}: {message}" if self.where else message)


class ConfigError(ConfideError):
    """An option, config file, key or field is wrong."""


class PolicyError(ConfigError):
    """A policy file cannot be loaded or is inconsistent."""


class ProfileError(ConfigError):
    """A consent-document profile has a missing or contradictory field."""


class ModelError(ConfideError):
    """The spaCy model cannot be loaded or is not the one it claims to be."""


class InputError(ConfideError):
    """An input cannot be read; ``line`` (1-based) or ``record`` say where, when known."""

    def __init__(
        self,
        message: str,
        *,
        where: str | Path | None = None,
        line: int | None = None,
        record: int | str | None = None,
    ) -> None:
        self.line = line
        self.record = record
        loc = str(where) if where is not None else None
        if loc is not None and line is not None:
            loc = f"{loc}:{line}"
        elif loc is not None and record is not None:
            loc = f"{loc}[{record}]"
        super().__init__(message, where=loc)


class DecodeError(InputError):
    """The input is binary or not in the expected text encoding."""
