"""The one library call behind ``confide consent render``: profile file in, checked outputs out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.consent._profile_types import Language
from toolkit.consent.policy import combine_policies, load_policies
from toolkit.consent.profile import load_profile
from toolkit.consent.render import Format, RenderedDocument, render_document
from toolkit.consent.skeleton import SubjectDetails, dump_skeleton, record_skeleton

__all__ = ["RenderOutcome", "SkeletonRequest", "render_profile_file"]


@dataclass(frozen=True)
class SkeletonRequest:
    """Ask for a consent-record skeleton alongside the document."""

    as_yaml: bool
    shown_at: dt.datetime
    subject: SubjectDetails = field(default_factory=SubjectDetails)


@dataclass(frozen=True)
class RenderOutcome:
    """The rendered document, and the record skeleton text when one was asked for."""

    document: RenderedDocument
    skeleton: str | None

    @property
    def misses(self) -> tuple[str, ...]:
        """Every checklist and readability miss (what ``--strict`` fails on)."""
        return self.document.checklist.misses + self.document.readability.misses


def render_profile_file(
    path: str | Path,
    fmt: Format = Format.HTML,
    lang: Language | None = None,
    *,
    policies: Sequence[str] = (),
    skeleton: SkeletonRequest | None = None,
) -> RenderOutcome:
    """Load the profile at ``path``, render and check it, and build the skeleton if asked.

    ``policies`` are bundled policy ids or policy files added to the bundled ones (a policy
    with a bundled id replaces it), as for ``confide consent validate``.
    """
    profile = load_profile(path)
    pool = combine_policies(load_policies(), load_policies(policies)) if policies else None
    # (None: render_document uses the bundled policies, loaded once per process)
    document = render_document(profile, fmt, lang, policies=pool)
    text = None
    if skeleton is not None:
        record = record_skeleton(
            profile, document, shown_at=skeleton.shown_at, subject=skeleton.subject
        )
        text = dump_skeleton(record, as_yaml=skeleton.as_yaml)
    return RenderOutcome(document, text)
