"""Hostile databases, built in the tests: each is a real Rehab Coach database with one thing
done to it behind the app's back. Add a new one whenever a new way in is found.

Each builder takes the path of a healthy database (made by ``healthy_database``) and damages it
in place; ``HOSTILE_DATABASES`` names them with a phrase the refusal must contain.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

from coach.domain.content import Content, load_content
from coach.domain.pain import Pain
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile, Surgery
from coach.store import open_db
from coach.store.repository import Repository
from coach.store.sessions import SessionStore
from coach.system.paths import exercises_dir

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@lru_cache(maxsize=1)
def shipped_content() -> Content:
    return load_content(exercises_dir())


def healthy_database(path: Path, nickname: str = "Ann") -> Path:
    """A database as the app makes it: one profile with its plan, one session with pain scores
    and a note."""
    plan = plan_from_protocol(shipped_content().protocols[Surgery.FUSION])
    db = open_db(path)
    try:
        profile = Repository(db).add_profile(
            Profile(nickname, Surgery.FUSION, date(2026, 2, 1)), NOW, plan
        )
        assert profile.id is not None
        sessions = SessionStore(db)
        session_id = sessions.start_session(profile.id, None, "daily", "Daily exercises", NOW)
        sessions.record_pain(session_id, "before", Pain(back=4, leg=3), NOW)
        sessions.set_note(session_id, f"{nickname} felt fine")
        sessions.finish_session(session_id, "done", NOW)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return path


def snapshot(path: Path) -> list[str]:
    """Everything in a database (schema and rows), to prove it did not change."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _sql(path: Path, *statements: str, ignore_checks: bool = False) -> None:
    conn = sqlite3.connect(path)
    try:
        if ignore_checks:
            conn.execute("PRAGMA ignore_check_constraints = ON")
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def wiping_trigger(path: Path) -> None:
    """The measured attack: the next session saved wipes every pain score and note."""
    _sql(
        path,
        "CREATE TRIGGER wipe AFTER INSERT ON sessions BEGIN "
        "DELETE FROM pain_scores; UPDATE sessions SET note = ''; END",
    )


def extra_view(path: Path) -> None:
    _sql(path, "CREATE VIEW everything AS SELECT * FROM sessions")


def extra_table(path: Path) -> None:
    _sql(path, "CREATE TABLE stash (x TEXT)")


def extra_index(path: Path) -> None:
    _sql(path, "CREATE INDEX notes_by_text ON sessions (note)")


def missing_index(path: Path) -> None:
    _sql(path, "DROP INDEX sessions_by_plan")


def table_without_checks(path: Path) -> None:
    """pain_scores rebuilt without its CHECK constraints, holding a pain of 99."""
    _sql(
        path,
        "ALTER TABLE pain_scores RENAME TO old_pain",
        "CREATE TABLE pain_scores (id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL "
        "REFERENCES sessions(id) ON DELETE CASCADE, moment TEXT NOT NULL, back INTEGER NOT "
        "NULL, leg INTEGER NOT NULL, at TEXT NOT NULL, UNIQUE (session_id, moment)) STRICT",
        "INSERT INTO pain_scores SELECT * FROM old_pain",
        "DROP TABLE old_pain",
        "CREATE INDEX pain_by_session ON pain_scores (session_id)",
        "UPDATE pain_scores SET back = 99",
    )


def check_violation(path: Path) -> None:
    """Our own schema, but a row no CHECK allows (only a read-write check sees it)."""
    _sql(path, "UPDATE pain_scores SET back = 42", ignore_checks=True)


def dangling_link(path: Path) -> None:
    _sql(path, "PRAGMA foreign_keys = OFF", "UPDATE sessions SET profile_id = 777")


def forgotten_migration(path: Path) -> None:
    """Its tables are all there, but the record of one migration is gone: migrating fails."""
    _sql(path, "DELETE FROM _sqlite_migrations WHERE name = 'm006_therapist'")


def newer_version(path: Path) -> None:
    _sql(
        path,
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('coach', 'm900_future', 'x')",
    )


def torn_pages(path: Path) -> None:
    """Garbage written over the middle of the file, as a failing disk might."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(os.urandom(4096) if size > 8192 else b"\xff" * 512)


def not_a_database(path: Path) -> None:
    path.write_text("date,start_time,routine\n2026-03-01,09:00,Daily\n", encoding="utf-8")


def empty_sqlite(path: Path) -> None:
    """A real SQLite file, but not ours."""
    path.unlink()
    sqlite3.connect(path).close()
    _sql(path, "CREATE TABLE notes (x TEXT)")


# (name, builder, phrase the refusal must contain, also found by `check`)
HOSTILE_DATABASES: list[tuple[str, Callable[[Path], None], str, bool]] = [
    ("wiping-trigger", wiping_trigger, "a trigger 'wipe'", True),
    ("extra-view", extra_view, "view 'everything'", True),
    ("extra-table", extra_table, "table 'stash'", True),
    ("extra-index", extra_index, "index 'notes_by_text'", True),
    ("missing-index", missing_index, "index 'sessions_by_plan' is missing", True),
    ("table-without-checks", table_without_checks, "table 'pain_scores' is not the one", True),
    ("check-violation", check_violation, "CHECK constraint failed", True),
    ("dangling-link", dangling_link, "points to a missing profiles row", True),
    ("forgotten-migration", forgotten_migration, "already exists", True),
    ("torn-pages", torn_pages, "damaged", True),
    ("not-a-database", not_a_database, "not a database file", True),
    ("foreign-sqlite", empty_sqlite, "not a Rehab Coach backup", True),
    ("newer-version", newer_version, "newer version", False),
]
