"""confide: privacy and consent compliance toolkit for AI-assisted psychotherapy."""

from __future__ import annotations

__version__ = "0.1.0"
