"""Value types of the synthetic corpus: splits, annotations, documents."""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass, field

from toolkit.pii.types import EntityType

__all__ = ["Annotation", "DecoyKind", "DocKind", "Document", "Fill", "Layer", "NeutralKind",
           "Split"]


class Split(enum.StrEnum):
    """Disjoint families of templates and pools. ``dev`` may be tuned on; ``test`` is held out;
    ``holdout``, ``blind``, ``blind2``, ``blind3``, ``blind4``, ``blind5``, ``blind6``, ``blind7``,
    ``blind8``, ``blind9``, ``blind10`` and ``blind11`` are never looked at, only scored for
    aggregate figures (the blind ones once each, at the very end; see benchmarks/README.md)."""

    DEV = "dev"
    TEST = "test"
    HOLDOUT = "holdout"
    BLIND = "blind"
    BLIND2 = "blind2"
    BLIND3 = "blind3"
    BLIND4 = "blind4"
    BLIND5 = "blind5"
    BLIND6 = "blind6"
    BLIND7 = "blind7"
    BLIND8 = "blind8"
    BLIND9 = "blind9"
    BLIND10 = "blind10"
    BLIND11 = "blind11"


class DocKind(enum.StrEnum):
    ROLE = "role"  # THERAPIST:/CLIENT: (test, holdout: other role words)
    RESEARCH = "research"  # Interviewer:/P07: (holdout: focus groups with several participants)
    NAMED = "named"  # "Sarah Jones: ..." (the label is gold PERSON)
    STAMPED = "stamped"  # "[00:12:45] THERAPIST: ..."
    CHAT = "chat"  # user:/assistant:, lower-case informal
    # used by the blind, blind2, ..., blind11 splits only
    GROUP = "group"  # a recorded group: a host and three to five members, each their own person
    DICTATION = "dictation"  # a clinician's dictated summary: prose paragraphs, no labels
    EXPORT = "export"  # a messaging-app export: every message stamped with its date and time


class Layer(enum.StrEnum):
    GOLD = "gold"  # personal data: must be redacted
    DECOY = "decoy"  # looks like personal data but is not: must be kept (redacting it is a FP)
    IGNORE = "ignore"  # arguable (countries, regions, nationalities): not scored either way


class DecoyKind(enum.StrEnum):
    """Why a non-gold piece of text is there; used only to explain false positives."""

    AI_TOOL = "AI_TOOL"
    THERAPY = "THERAPY"
    SCALE = "SCALE"
    SERVICE = "SERVICE"
    CRISIS_LINE = "CRISIS_LINE"
    WORD_NAME = "WORD_NAME"  # hope, will, may, grace, frank used as words
    ROLE_LABEL = "ROLE_LABEL"
    TIMESTAMP = "TIMESTAMP"
    RELATIVE_DATE = "RELATIVE_DATE"
    DURATION = "DURATION"
    YEAR = "YEAR"
    AGE = "AGE"
    TIME = "TIME"
    TITLE = "TITLE"  # Dr, MUDr.
    PLATFORM = "PLATFORM"  # Instagram, WhatsApp
    MEDICATION = "MEDICATION"
    ID_LABEL = "ID_LABEL"  # "NHS number", "birth number"
    SESSION_META = "SESSION_META"  # session numbers, log ids


class NeutralKind(enum.StrEnum):
    COUNTRY = "COUNTRY"
    REGION = "REGION"  # counties, states, Czech regions: above town level
    NATIONALITY = "NATIONALITY"


Mark = EntityType | DecoyKind | NeutralKind


def layer_of(mark: Mark) -> Layer:
    if isinstance(mark, EntityType):
        return Layer.GOLD
    if isinstance(mark, DecoyKind):
        return Layer.DECOY
    return Layer.IGNORE


@dataclass(frozen=True, slots=True)
class Fill:
    """Text for one template slot, with marks on parts of it (offsets relative to ``text``)."""

    text: str
    marks: tuple[tuple[int, int, Mark], ...] = ()

    @classmethod
    def whole(cls, text: str, mark: Mark | None) -> Fill:
        return cls(text, ((0, len(text), mark),) if mark is not None and text else ())

    def lower(self) -> Fill:
        return Fill(self.text.lower(), self.marks)

    def upper(self) -> Fill:
        return Fill(self.text.upper(), self.marks)

    def ascii(self) -> Fill:
        """Diacritics dropped (Czech names typed on an English keyboard); same length."""
        folded = "".join(
            unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode() or ch
            for ch in self.text
        )
        return Fill(folded, self.marks) if len(folded) == len(self.text) else self


@dataclass(frozen=True, slots=True, order=True)
class Annotation:
    """``text[start:end]`` carries ``label`` in ``layer``."""

    start: int
    end: int
    layer: Layer = field(compare=False)
    label: str = field(compare=False)


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    text: str
    kind: DocKind
    locale: str
    annotations: tuple[Annotation, ...]

    def layer(self, layer: Layer) -> tuple[Annotation, ...]:
        return tuple(a for a in self.annotations if a.layer is layer)

    def gold_record(self) -> dict[str, object]:
        """The gold.jsonl record of this document."""

        def spans(layer: Layer, key: str) -> list[dict[str, object]]:
            return [{"start": a.start, "end": a.end, key: a.label} for a in self.layer(layer)]

        return {
            "file": f"{self.name}.txt",
            "kind": self.kind.value,
            "locale": self.locale,
            "spans": spans(Layer.GOLD, "type"),
            "ignore": spans(Layer.IGNORE, "reason"),
            "decoys": spans(Layer.DECOY, "kind"),
        }
