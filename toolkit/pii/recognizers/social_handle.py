"""Social media handles: "@name" (X/Twitter, Instagram, TikTok) and Reddit's "u/name"."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern

from toolkit.pii.recognizers._base import ConfidePatternRecognizer
from toolkit.pii.types import EntityType

__all__ = ["SocialHandleRecognizer"]

#: "@5pm", "@10", "@3pm": a time or a count, not a handle.
_NOT_A_HANDLE = re.compile(r"@\d+(?:am|pm|h)?", re.IGNORECASE)


class SocialHandleRecognizer(ConfidePatternRecognizer):
    """"@sam_k.92" (2-30 of letters, digits, "_" and inner "."), "u/throwaway123", "/u/name".

    The "@" must not follow a word character (so the domain of an email is never a handle);
    "@" alone, "@ 5pm" and "@5pm" are not handles.
    """

    ENTITY = EntityType.SOCIAL_HANDLE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "@handle",
            r"(?<![\w@.+-])@[A-Za-z0-9_][A-Za-z0-9_.]{0,28}[A-Za-z0-9_](?![\w@])",
            0.6,
        ),
        Pattern("reddit user", r"(?<![\w/])/?u/[A-Za-z0-9_-]{3,20}(?![\w-])", 0.6),
        Pattern(
            "user name after its platform",
            r"(?<=\b(?i:insta(?:gram)?|ig|snap(?:chat)?|tiktok|twitter|discord|telegram|reddit|"
            r"user[ \t]?name|handle|gamertag|psn|xbox|steam)(?:[ \t]+(?i:is|handle|name|id))?"
            r"[ \t]*[:=]?[ \t]+)@?(?=[A-Za-z0-9_.#-]*[\d_.#])[A-Za-z][A-Za-z0-9_.#-]{2,31}"
            r"(?<![.])(?![\w@])",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "instagram", "insta", "twitter", "tiktok", "reddit", "snapchat", "handle", "username",
        "follow", "account", "profile",
    ]  # fmt: skip
    CANDIDATES = (
        re.compile("@"),
        re.compile("u/"),
        re.compile(r"(?i:insta|\big\b|snap|tiktok|twitter|discord|telegram|reddit|user ?name|"
                   r"handle|gamertag|psn|xbox|steam)"),
    )
    REACH = 40

    def invalidate_result(self, pattern_text: str) -> bool:
        return _NOT_A_HANDLE.fullmatch(pattern_text) is not None
