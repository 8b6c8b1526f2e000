"""IBAN: Presidio's recognizer (country formats and the mod-97 check)."""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer.predefined_recognizers import IbanRecognizer as PresidioIbanRecognizer

from toolkit.pii.recognizers._base import CandidateMixin
from toolkit.pii.types import EntityType

__all__ = ["IbanCodeRecognizer"]


class IbanCodeRecognizer(CandidateMixin, PresidioIbanRecognizer):
    """"GB82 WEST 1234 5698 7654 32", "CZ6508000000192000145399": mod-97 and country length."""

    ENTITY = EntityType.IBAN_CODE
    CONTEXT: ClassVar[list[str]] = ["iban", "bank", "account", "transfer", "účet", "účtu"]
    CANDIDATES = (regex.compile(r"[0-9]{2}(?<=[A-Z]{2}[0-9]{2})"),)
    REACH = 50
    SLICE_WINDOWS = True  # Presidio's IBAN scan retries shorter groups; keep it

    def __init__(self, *, supported_language: str = "en", name: str | None = None) -> None:
        super().__init__(
            context=list(self.CONTEXT),
            supported_language=supported_language,
            supported_entity=self.ENTITY.value,
            name=name or type(self).__name__,
        )
