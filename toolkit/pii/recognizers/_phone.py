"""Shared pieces of the phone recognizers: match boundaries and phonenumbers parsing."""

from __future__ import annotations

import re

import phonenumbers

__all__ = ["PHONE_END", "PHONE_START", "parse_number"]

#: Not inside a longer token, not right after "+", and after "(" only when the bracket holds
#: the whole number ("(0113 496 0742)"), not an area code ("(0113) 496 0742").
PHONE_START = r"(?<![\w+])(?:(?<=\()(?![\d \t]{2,6}\))|(?<!\())"

#: An optional extension, then no digit or word character that would make it a longer token.
PHONE_END = r"(?:[ \t]?(?:x|ext\.?)[ \t]?\d{1,5})?(?![\w]|[.,:/-]?\d)"


def parse_number(text: str, region: str) -> phonenumbers.PhoneNumber | None:
    """The number ``text`` spells for ``region``, or None when phonenumbers cannot parse it."""
    text = re.sub(r"(?i)\s*(?:x|ext\.?)\s*\d+$", "", text.strip())  # extension
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        return phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
