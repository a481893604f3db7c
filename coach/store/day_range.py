"""The "from this day to that day" part of a query, shared by every store that lists by day."""

from __future__ import annotations

from datetime import date


def day_range(column: str, since: date | None, until: date | None) -> tuple[str, list[object]]:
    """``" AND col >= ? AND col <= ?"`` for the bounds given (both included), and its values."""
    sql = ""
    params: list[object] = []
    if since is not None:
        sql += f" AND {column} >= ?"
        params.append(since.isoformat())
    if until is not None:
        sql += f" AND {column} <= ?"
        params.append(until.isoformat())
    return sql, params
