"""US Social Security number: Presidio's patterns and invalidation rules."""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import UsSsnRecognizer as PresidioUsSsnRecognizer

from toolkit.pii.recognizers._base import CandidateMixin
from toolkit.pii.types import EntityType

__all__ = ["SsnRecognizer"]


class SsnRecognizer(CandidateMixin, PresidioUsSsnRecognizer):
    """"536-22-8725" (0.5); undelimited or oddly grouped digits score 0.05 unless in context.

    Presidio drops mixed delimiters, all-same digits, zero groups, area 000/666 and the
    published sample numbers (123-45-6789, 078-05-1120, ...).
    """

    ENTITY = EntityType.US_SSN
    CONTEXT: ClassVar[list[str]] = ["ssn", "ssns", "ssid", "social", "security"]
    CANDIDATES = (regex.compile(r"[0-9]{3}[- .]?[0-9]{2}"),)
    REACH = 78  # the name may sit 60 characters before the number

    #: "SSN: 536904399", "social security number 536 90 4399", "her SSN ends... it's 536904399",
    #: "your social came through as 536904399" (American speech), "your member ID for the form,
    #: have you got it? It's 553886372" (a nine-digit insurance ID is as identifying):
    #: the name, up to 60 characters before on its line, makes any grouping sure.
    CUED = Pattern(
        "SSN after its name",
        r"(?<=\b(?i:ssn|ss#|social[ \t]+security|soc\.?[ \t]+sec\.?|(?:my|your|his|her|their)"
        r"[ \t]+social\b|member[ \t]+(?:id|number)|(?:insurance|medicaid|medicare)[ \t]+"
        r"(?:id|number))[^\d\n]{0,60}?[ \t:#=-])"
        r"\d{3}[- .]?\d{2}[- .]?\d{4}(?![\w-])",
        0.7,
    )

    def __init__(self, *, supported_language: str = "en", name: str | None = None) -> None:
        super().__init__(
            context=list(self.CONTEXT),
            supported_language=supported_language,
            supported_entity=self.ENTITY.value,
            name=name or type(self).__name__,
        )
        self.patterns = [*self.patterns, self.CUED]
