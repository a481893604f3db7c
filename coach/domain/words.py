"""Counts in plain words, singular when it is one ("1 minute", not "1 minutes")."""

from __future__ import annotations


def count_words(count: int, one: str, many: str | None = None) -> str:
    """'1 minute', '0 minutes', '5 minutes' (``many`` defaults to ``one`` + 's')."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def minutes_text(count: int) -> str:
    return count_words(count, "minute")
