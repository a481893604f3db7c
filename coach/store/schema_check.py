"""Is a database exactly ours? Its whole schema compared with the one our migrations make.

A file from outside (a backup to restore) can carry triggers, views or altered tables that run
or misbehave later, for example a trigger that wipes every pain score on the next insert. SQLite's
own checks do not look at what the schema *means*, so ``check`` and ``restore`` compare every
table, index, trigger and view with a fresh database built by this version's migrations.
"""

from __future__ import annotations

from functools import lru_cache

from sqlite_utils import Database

from coach.store.db import integrity_problems
from coach.store.migrations import migrations

_A = {"table": "a table", "index": "an index", "trigger": "a trigger", "view": "a view"}


def _normal(sql: str | None) -> str:
    return " ".join((sql or "").split())


def _schema(db: Database) -> dict[tuple[str, str], str]:
    rows = db.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    return {
        (str(kind), str(name)): _normal(sql)
        for kind, name, sql in rows
        # ANALYZE's statistics only guide the query planner; they hold no data and run nothing.
        if not str(name).startswith("sqlite_stat")
    }


@lru_cache(maxsize=1)
def reference_schema() -> tuple[tuple[tuple[str, str], str], ...]:
    """The schema this version makes (built once, in memory)."""
    db = Database(memory=True, execute_plugins=False)
    try:
        migrations.apply(db)
        return tuple(sorted(_schema(db).items()))
    finally:
        db.close()


def schema_problems(db: Database) -> list[str]:
    """What differs from our schema, one short phrase each; empty when it is exactly ours."""
    ours = dict(reference_schema())
    theirs = _schema(db)
    problems = []
    for (kind, name), sql in sorted(theirs.items()):
        if (kind, name) not in ours:
            problems.append(f"it has {_A.get(kind, kind)} {name!r} that Rehab Coach does not make")
        elif ours[(kind, name)] != sql:
            problems.append(f"its {kind} {name!r} is not the one Rehab Coach makes")
    for kind, name in sorted(set(ours) - set(theirs)):
        problems.append(f"its {kind} {name!r} is missing")
    return problems


def health_problems(db: Database) -> list[str]:
    """Integrity (with CHECK constraints: ``db`` must be read-write), links and schema."""
    return integrity_problems(db) + schema_problems(db)
