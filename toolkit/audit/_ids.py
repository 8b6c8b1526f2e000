"""Keyed fingerprints of findings: stable across runs with the same key, never reversible."""

from __future__ import annotations

import hashlib
import hmac

__all__ = ["KEY_CHECK", "fingerprint", "key_id"]

KEY_CHECK = "confide.audit key check"


def fingerprint(key: bytes, *parts: str | None) -> str:
    """HMAC-SHA256 of the parts (``None`` as empty), 16 hex characters."""
    message = "\x1f".join(p or "" for p in parts).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:16]


def key_id(key: bytes) -> str:
    """Tells keys apart without revealing them: a baseline refuses a different key."""
    return fingerprint(key, KEY_CHECK)
