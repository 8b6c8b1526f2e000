"""Payment card numbers: 13-19 digits with a Luhn check digit."""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer as PresidioCreditCardRecognizer,
)

from toolkit.pii.recognizers._base import CandidateMixin
from toolkit.pii.types import EntityType

__all__ = ["PaymentCardRecognizer", "luhn_ok"]


def luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check over a string of digits."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return bool(digits) and total % 10 == 0


class PaymentCardRecognizer(CandidateMixin, PresidioCreditCardRecognizer):
    """Presidio's card recognizer (Luhn check), widened to every first digit 1-6 and to
    12-19 digits written in one run.

    Presidio's pattern misses the Mastercard 2-series (2221-2720), JCB 2131, 12-digit Maestro
    and 19-digit Visa numbers.
    """

    ENTITY = EntityType.CREDIT_CARD
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "card number",
            r"(?<!\+)\b(?!1\d{12}(?!\d))[1-6]\d{3}[- ]?\d{3,4}[- ]?\d{3,4}[- ]?\d{3,5}\b",
            0.3,
        ),
        # 12-19 digits in one run: Maestro (12-13) and 19-digit Visa numbers the grouped
        # pattern cannot reach.
        Pattern("card number (one run)", r"(?<!\+)\b[1-6]\d{11,18}\b", 0.3),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "credit", "card", "debit", "visa", "mastercard", "amex", "discover", "jcb", "maestro",
    ]  # fmt: skip
    CANDIDATES = (regex.compile(r"[0-9]{4}[ -]?[0-9]{3}"),)
    REACH = 40

    def __init__(self, *, supported_language: str = "en", name: str | None = None) -> None:
        super().__init__(
            patterns=list(self.PATTERNS),
            context=list(self.CONTEXT),
            supported_language=supported_language,
            supported_entity=self.ENTITY.value,
            name=name or type(self).__name__,
        )

    def validate_result(self, pattern_text: str) -> bool:
        return luhn_ok("".join(ch for ch in pattern_text if ch.isdigit()))
