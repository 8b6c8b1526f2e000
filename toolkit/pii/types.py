"""Value types of the PII layer: entity types, spans, segments, redacted documents."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

__all__ = ["EntityType", "RedactedDocument", "Segment", "SegmentKind", "Span"]


class EntityType(enum.StrEnum):
    """Every kind of personal data confide detects. The value is the tag written out."""

    PERSON = "PERSON"
    LOCATION = "LOCATION"
    ORGANIZATION = "ORGANIZATION"
    STREET_ADDRESS = "STREET_ADDRESS"
    UK_POSTCODE = "UK_POSTCODE"
    PHONE_NUMBER = "PHONE_NUMBER"
    EMAIL_ADDRESS = "EMAIL_ADDRESS"
    URL = "URL"
    SOCIAL_HANDLE = "SOCIAL_HANDLE"
    IP_ADDRESS = "IP_ADDRESS"
    DATE = "DATE"
    UK_NHS = "UK_NHS"
    UK_NINO = "UK_NINO"
    CZ_BIRTH_NUMBER = "CZ_BIRTH_NUMBER"
    CREDIT_CARD = "CREDIT_CARD"
    IBAN_CODE = "IBAN_CODE"
    US_SSN = "US_SSN"


class SegmentKind(enum.StrEnum):
    """What a piece of a document is: running text, or a speaker name/label."""

    TEXT = "text"
    SPEAKER = "speaker"


@dataclass(frozen=True, slots=True)
class Segment:
    """One piece of text of a document (a cue, a message, a cell, a speaker label...).

    All segments of one document are analysed together, so a name found in one is redacted in
    every other (document-level consistency).
    """

    text: str
    kind: SegmentKind = SegmentKind.TEXT


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A detected piece of personal data: ``text[start:end]`` of segment ``segment``."""

    segment: int
    start: int
    end: int
    entity_type: EntityType = field(compare=False)
    score: float = field(compare=False)
    recognizer: str = field(compare=False)

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class RedactedDocument:
    """The redacted segments of one document and the spans found in the original ones."""

    segments: tuple[str, ...]
    spans: tuple[Span, ...]
