"""m008: sessions may be "skipped". The sessions table is rebuilt (SQLite cannot change a
CHECK): every row, every dependent row, the indexes and the foreign keys must survive it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from coach.domain.pain import Pain
from coach.store import open_db
from coach.store.db import connect
from coach.store.migrations import m008_session_skipped, migrations
from coach.store.sessions import SessionStore
from tests.store.old_rows import old_profile

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
M008 = "m008_session_skipped"


def _old_database(path: Path) -> tuple[int, int]:
    """A database as the previous version left it: one profile, two sessions with events,
    pain, feedback and a warning-sign check. Returns (profile id, first session id)."""
    db = connect(path)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db, stop_before=M008)
    profile = old_profile(db, NOW)
    store = SessionStore(db)
    check = store.record_red_flag_check(profile, {"numb": False}, None, NOW)
    first = store.start_session(profile, None, "am", "Morning", NOW, red_flag_check_id=check)
    store.record_event(first, "step-done", NOW, step_index=0, exercise_id="bridge")
    store.record_pain(first, "before", Pain(4, 2), NOW)
    store.set_feedback(first, {"bridge": "about-right"})
    store.finish_session(first, "done", NOW)
    second = store.start_session(profile, None, "pm", "Evening", NOW, gentle=True)
    store.set_note(second, "tired")
    db.close()
    return profile, first


def _dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    tables = ("sessions", "session_events", "pain_scores", "exercise_feedback", "red_flag_checks")
    return {t: db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in tables}


def test_an_old_database_keeps_every_row_and_gains_skipped(db_path: Path) -> None:
    db_path.parent.mkdir()
    profile_id, first = _old_database(db_path)
    old = connect(db_path)
    before = _dump(old)
    indexes_before = {
        r[0]
        for r in old.execute(
            "SELECT name FROM sqlite_master WHERE tbl_name = 'sessions' AND type = 'index'"
        ).fetchall()
    }
    old.close()

    db = open_db(db_path)
    try:
        assert M008 in {m.name for m in migrations.applied(db)}
        assert _dump(db) == before
        indexes = {
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE tbl_name = 'sessions' AND type = 'index'"
            ).fetchall()
        }
        assert indexes == indexes_before and "sessions_by_profile_date" in indexes
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db["sessions"].strict
        SessionStore(db).finish_session(first, "skipped", NOW)
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("UPDATE sessions SET status = 'maybe' WHERE id = ?", [first])
        with pytest.raises(sqlite3.IntegrityError):  # the foreign keys still hold
            db.execute(
                "INSERT INTO session_events (session_id, seq, at, kind) VALUES (999, 0, 'x', 'k')"
            )
        # ... and still cascade: deleting the profile takes its sessions and their rows.
        db.execute("DELETE FROM profiles WHERE id = ?", [profile_id])
        assert all(not rows for name, rows in _dump(db).items() if name != "red_flag_checks")
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()


def test_running_it_again_changes_nothing(opened_db: Database) -> None:
    schema = opened_db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    m008_session_skipped(opened_db)
    assert opened_db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
    assert opened_db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
