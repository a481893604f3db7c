"""The CHECK lists of stored words, generated from the Python constants that define them.

SQLite cannot change a CHECK in place, so a table whose list differs from its constant is rebuilt
the documented way (sqlite.org/lang_altertable.html, "other kinds of table schema changes"):
foreign keys off (a DROP would otherwise cascade to dependent rows), then in one transaction a
copy made from the stored CREATE statement with the new list, every row, the old indexes and
triggers, and a foreign-key check before commit. Tables whose lists already match are left
alone, so ``sync_check_lists`` can run again safely.

A migration calls it (m012 first). Changing one of the constants below needs a new migration
that calls it again: tests/store/test_check_lists.py fails until the live schema matches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from coach.domain.i18n import LANGUAGES
from coach.domain.journal import FACTORS, REGION_IDS
from coach.domain.learn import TOOLS
from coach.domain.medicines import KINDS
from coach.domain.profile import Approach, Surgery
from coach.domain.records import CHECK_OUTCOMES, PAIN_MOMENTS, RATINGS, SESSION_STATUSES
from coach.domain.reminders import ReminderState


@dataclass(frozen=True)
class CheckList:
    """``column IN (...)`` in ``table`` holds exactly ``values``."""

    table: str
    column: str
    values: tuple[str, ...]


CHECK_LISTS = (
    CheckList("profiles", "surgery", tuple(s.value for s in Surgery)),
    CheckList("profiles", "approach", tuple(a.value for a in Approach)),
    CheckList("profiles", "language", tuple(LANGUAGES)),
    CheckList("sessions", "status", SESSION_STATUSES),
    CheckList("pain_scores", "moment", PAIN_MOMENTS),
    CheckList("red_flag_checks", "outcome", CHECK_OUTCOMES),
    CheckList("exercise_feedback", "rating", RATINGS),
    CheckList("coping_uses", "tool", TOOLS),
    CheckList("reminder_log", "state", tuple(s.value for s in ReminderState)),
    CheckList("journal_regions", "region", REGION_IDS),
    CheckList("journal_factors", "factor", tuple(FACTORS)),
    CheckList("medicines_taken", "kind", ("", *KINDS)),
)


def in_list(values: Sequence[str]) -> str:
    """``('a', 'b')``: the SQL list of ``values`` (plain words: no quotes inside)."""
    if any("'" in v for v in values):
        raise ValueError("a stored word cannot contain a quote")
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _pattern(column: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(column)} IN \(('[^']*'(?:, '[^']*')*)\)")


def table_sql(db: Database, table: str) -> str:
    row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table])
    found = row.fetchone()
    if found is None:
        raise RuntimeError(f"there is no table {table!r}")
    return str(found[0])


def stored_values(sql: str, column: str) -> tuple[str, ...]:
    """The words in the one ``column IN (...)`` CHECK of a CREATE TABLE statement."""
    matches = _pattern(column).findall(sql)
    if len(matches) != 1:
        raise RuntimeError(f"expected one CHECK list for {column!r}, found {len(matches)}")
    return tuple(v.strip("'") for v in matches[0].split(", "))


def _rebuilt_sql(sql: str, table: str, lists: Sequence[CheckList], temp: str) -> str:
    head = re.compile(rf'^CREATE TABLE "?{re.escape(table)}"? \(')
    if not head.match(sql):
        raise RuntimeError(f"the {table} table is not in the expected shape")
    for check in lists:
        stored_values(sql, check.column)  # exactly one list, or refuse
        sql = _pattern(check.column).sub(f"{check.column} IN {in_list(check.values)}", sql)
    return head.sub(f"CREATE TABLE {temp} (", sql, count=1)


def _rebuild(db: Database, table: str, lists: Sequence[CheckList]) -> None:
    temp = f"{table}_new_checks"
    new_sql = _rebuilt_sql(table_sql(db, table), table, lists, temp)
    extras = [
        str(sql)
        for (sql,) in db.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger')"
            " AND sql IS NOT NULL ORDER BY rowid",
            [table],
        ).fetchall()
    ]
    db.execute(new_sql)
    db.execute(f"INSERT INTO {temp} SELECT * FROM {table}")
    db.execute(f"DROP TABLE {table}")
    db.execute(f"ALTER TABLE {temp} RENAME TO {table}")
    for sql in extras:
        db.execute(sql)


def outdated(db: Database, lists: Sequence[CheckList] = CHECK_LISTS) -> list[CheckList]:
    """The lists whose stored words differ from their constant (order counts too). A table or
    column a later migration creates is not there yet when an earlier one syncs: it is skipped,
    and the migration that makes it writes the list (the live-schema test checks it matches)."""
    return [
        c
        for c in lists
        if db[c.table].exists()
        and c.column in db[c.table].columns_dict
        and stored_values(table_sql(db, c.table), c.column) != c.values
    ]


def sync_check_lists(db: Database, lists: Sequence[CheckList] = CHECK_LISTS) -> list[str]:
    """Rebuild each table with an outdated list; returns the tables rebuilt. Must run outside a
    transaction (PRAGMA foreign_keys cannot change inside one)."""
    stale = outdated(db, lists)
    tables = list(dict.fromkeys(c.table for c in stale))
    if not tables:
        return []
    keys_were_on = bool(db.execute("PRAGMA foreign_keys").fetchone()[0])
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            for table in tables:
                _rebuild(db, table, [c for c in stale if c.table == table])
            broken = db.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"{len(broken)} rows lost their parent")
    finally:
        if keys_were_on:
            db.execute("PRAGMA foreign_keys = ON")
    return tables
