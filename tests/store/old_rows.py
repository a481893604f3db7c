"""Rows as an older version of the app wrote them, for the migration tests (the repository
always writes every column of today's schema, so it cannot make them)."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database


def old_profile(db: Database, now: datetime) -> int:
    """A profile with only the columns m001 made (no language yet); returns its id."""
    cursor = db.execute(
        "INSERT INTO profiles (nickname, surgery, surgery_date, created_at)"
        " VALUES ('Ann', 'fusion', '2026-02-01', ?)",
        [now.isoformat()],
    )
    return int(cursor.lastrowid or 0)
