"""Cerberus errors as (path, problem) pairs whose wording never quotes the value checked."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import cerberus
from cerberus.errors import BaseErrorHandler, ValidationError

__all__ = ["FlatErrors", "SchemaProblem", "make_validator", "schema_problems"]

SchemaProblem = tuple[str, str]


def _describe(error: ValidationError) -> str:
    rule, constraint = error.rule, error.constraint
    if rule == "required":
        return "missing"
    if rule == "type":
        kinds = constraint if isinstance(constraint, list) else [constraint]
        return "must be " + " or ".join(_TYPE_WORDS.get(str(k), str(k)) for k in kinds)
    if rule == "allowed":
        return "must be one of: " + ", ".join(str(c) for c in constraint)
    if rule == "forbidden":
        return (
            "has a value that is not allowed here (" + ", ".join(str(c) for c in constraint) + ")"
        )
    if rule == "regex":
        return "is not in the expected format"
    if rule in {"empty", "minlength"}:
        return "must not be empty"
    if rule == "nullable":
        return "must not be null"
    if rule == "contains":
        items = constraint if isinstance(constraint, list) else [constraint]
        return "must include: " + ", ".join(str(c) for c in items)
    if rule in {"min", "max"}:
        return f"must be at {'least' if rule == 'min' else 'most'} {constraint}"
    return f"breaks the {rule} rule"


_TYPE_WORDS = {
    "datetime": "an ISO 8601 timestamp",
    "date": "an ISO 8601 date",
    "dict": "a mapping",
    "list": "a list",
    "string": "text",
    "integer": "a whole number",
    "boolean": "true or false",
}


def _leaves(errors: Iterable[ValidationError]) -> Iterator[SchemaProblem]:
    for error in errors:
        if error.is_group_error:
            yield from _leaves(error.child_errors or [])
            continue
        path = ".".join(str(p) for p in error.document_path)
        yield path, _describe(error)


class FlatErrors(BaseErrorHandler):  # type: ignore[misc]
    """A Cerberus error handler whose ``validator.errors`` is a list of (path, problem)."""

    def __call__(self, errors: Iterable[ValidationError]) -> list[SchemaProblem]:
        return list(dict.fromkeys(_leaves(errors)))

    def add(self, error: ValidationError) -> None:  # pragma: no cover - not used as a sink
        return None


def make_validator(schema: Mapping[str, Any]) -> cerberus.Validator:
    """A validator for part of a record: unknown fields allowed, errors flattened."""
    return cerberus.Validator(dict(schema), allow_unknown=True, error_handler=FlatErrors)


def schema_problems(
    validator: cerberus.Validator, document: Mapping[str, Any]
) -> list[SchemaProblem]:
    """Validate ``document``; return (path, problem) for each leaf error.

    Only the top-level fields the schema names are passed on (the others are allowed anyway),
    and documents are not normalised: confide reads records, it does not rewrite them.
    """
    fields = validator.schema
    relevant = {key: value for key, value in document.items() if key in fields}
    if validator.validate(relevant, normalize=False):
        return []
    problems: list[SchemaProblem] = validator.errors
    return problems
