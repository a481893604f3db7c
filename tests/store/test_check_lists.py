"""m012 and coach.store.check_lists: every CHECK list of stored words is the Python constant
that defines it, in a new database and in one the previous version left; a list that changes
rebuilds its table with every row, index and foreign key."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from coach.domain.emergency import FALLBACK
from coach.domain.pain import Pain
from coach.domain.profile import Profile, Surgery
from coach.domain.records import RATINGS, SESSION_STATUSES
from coach.store import open_db
from coach.store.check_lists import (
    CHECK_LISTS,
    CheckList,
    in_list,
    outdated,
    stored_values,
    sync_check_lists,
    table_sql,
)
from coach.store.db import connect
from coach.store.migrations import migrations
from coach.store.schema_check import schema_problems
from coach.store.sessions import SessionStore
from tests.store.old_rows import old_profile

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
M012 = "m012_check_lists_from_constants"


def _fresh() -> Database:
    db = Database(memory=True, execute_plugins=False)
    migrations.apply(db)
    return db


def _before_m012(path: Path) -> tuple[int, int]:
    """A database as the previous version left it, with a session, its events, pain, feedback
    and a warning-sign check. Returns (profile id, session id)."""
    path.parent.mkdir(exist_ok=True)
    db = connect(path)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db, stop_before=M012)
    profile = old_profile(db, NOW)
    store = SessionStore(db)
    check = store.record_red_flag_check(profile, {"numb": False}, None, NOW)
    session = store.start_session(profile, None, "am", "Morning", NOW, red_flag_check_id=check)
    store.record_event(session, "step-done", NOW, step_index=0, exercise_id="bridge")
    store.record_pain(session, "before", Pain(4, 2), NOW)
    store.set_feedback(session, {"bridge": "about-right"})
    store.finish_session(session, "done", NOW)
    db.close()
    return profile, session


def _rows(db: Database) -> dict[str, list[tuple[object, ...]]]:
    tables = ("sessions", "session_events", "pain_scores", "exercise_feedback", "red_flag_checks")
    return {t: db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}


def _indexes(db: Database, table: str) -> set[str]:
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE tbl_name = ? AND type = 'index'", [table]
    ).fetchall()
    return {r[0] for r in rows}


@pytest.mark.parametrize("check", CHECK_LISTS, ids=lambda c: f"{c.table}.{c.column}")
def test_the_live_check_list_is_the_constant(check: CheckList) -> None:
    db = _fresh()
    assert stored_values(table_sql(db, check.table), check.column) == check.values


def test_an_older_database_gets_the_same_lists_and_keeps_its_rows(db_path: Path) -> None:
    _before_m012(db_path)
    old = connect(db_path)
    before = _rows(old)
    old.close()
    db = open_db(db_path)
    try:
        assert M012 in {m.name for m in migrations.applied(db)}
        assert outdated(db) == []
        assert schema_problems(db) == []  # exactly the schema a new database gets
        assert _rows(db) == before
    finally:
        db.close()


def test_a_changed_constant_rebuilds_its_table_with_rows_indexes_and_keys(db_path: Path) -> None:
    profile_id, session = _before_m012(db_path)
    db = open_db(db_path)
    try:
        before, indexes = _rows(db), _indexes(db, "exercise_feedback")
        wider = CheckList("exercise_feedback", "rating", (*RATINGS, "way-too-hard"))
        assert outdated(db, [wider]) == [wider]
        assert sync_check_lists(db, [wider]) == ["exercise_feedback"]
        assert stored_values(table_sql(db, "exercise_feedback"), "rating") == wider.values
        assert _rows(db) == before
        assert _indexes(db, "exercise_feedback") == indexes
        assert db["exercise_feedback"].strict
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        db.execute("UPDATE exercise_feedback SET rating = 'way-too-hard'")
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("UPDATE exercise_feedback SET rating = 'maybe'")
        with pytest.raises(sqlite3.IntegrityError):  # the foreign key still holds
            db.execute(
                "INSERT INTO exercise_feedback (session_id, exercise_id, rating)"
                " VALUES (999, 'x', 'too-easy')"
            )
        # ... and still cascades: deleting the profile takes the feedback with the session.
        db.execute("DELETE FROM profiles WHERE id = ?", [profile_id])
        assert db.execute("SELECT count(*) FROM exercise_feedback").fetchone()[0] == 0
        assert SessionStore(db).session(session) is None
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        schema = db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
        assert sync_check_lists(db, [wider]) == []  # running it again changes nothing
        assert db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
    finally:
        db.close()


def test_a_table_in_an_unexpected_shape_is_refused() -> None:
    db = Database(memory=True)
    db.execute("CREATE TABLE t (kind TEXT CHECK (kind IN ('a', 'b')), other TEXT"
               " CHECK (kind IN ('a')))")  # fmt: skip
    with pytest.raises(RuntimeError, match="one CHECK list"):
        sync_check_lists(db, [CheckList("t", "kind", ("a", "b", "c"))])
    with pytest.raises(ValueError, match="quote"):
        in_list(["it's"])


def test_the_emergency_number_default_is_the_one_fallback() -> None:
    db = _fresh()
    column = next(c for c in db["profiles"].columns if c.name == "emergency_number")
    assert column.default_value == f"'{FALLBACK}'"
    assert Profile("Ann", Surgery.FUSION, date(2026, 2, 1)).emergency_number == FALLBACK


def test_a_table_with_indexes_is_rebuilt_with_them_and_a_lost_parent_undoes_it(
    db_path: Path,
) -> None:
    _, session = _before_m012(db_path)
    db = open_db(db_path)
    try:
        wider = CheckList("sessions", "status", (*SESSION_STATUSES, "paused"))
        indexes = _indexes(db, "sessions")
        assert {"sessions_by_profile_date", "sessions_by_plan"} <= indexes
        assert sync_check_lists(db, [wider]) == ["sessions"]
        assert _indexes(db, "sessions") == indexes
        db.execute("UPDATE sessions SET status = 'paused' WHERE id = ?", [session])
        # A row whose parent is gone (written with the keys off): the rebuild is refused and
        # rolled back, so the table keeps its list.
        db.execute("PRAGMA foreign_keys = OFF")
        db.execute(
            "INSERT INTO pain_scores (session_id, moment, back, leg, at)"
            " VALUES (999, 'after', 1, 1, 'x')"
        )
        db.execute("PRAGMA foreign_keys = ON")
        before = table_sql(db, "pain_scores")
        narrower = CheckList("pain_scores", "moment", ("before", "after", "during"))
        with pytest.raises(RuntimeError, match="1 rows lost their parent"):
            sync_check_lists(db, [narrower])
        assert table_sql(db, "pain_scores") == before
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        db.close()


def test_a_table_not_made_yet_is_left_to_its_migration_and_one_in_another_shape_is_refused() -> (
    None
):
    db = Database(memory=True)
    assert sync_check_lists(db, [CheckList("sessions", "status", ("a",))]) == []  # made later
    with pytest.raises(RuntimeError, match="there is no table 'sessions'"):
        table_sql(db, "sessions")
    db.execute("CREATE TABLE u (kind TEXT CHECK (kind IN ('a')))")
    db.execute("ALTER TABLE u RENAME TO t2")  # stored as CREATE TABLE "t2"
    assert sync_check_lists(db, [CheckList("t2", "kind", ("a", "b"))]) == ["t2"]
    db.execute("CREATE TABLE v(kind TEXT CHECK (kind IN ('a')))")  # not as our migrations write
    with pytest.raises(RuntimeError, match="not in the expected shape"):
        sync_check_lists(db, [CheckList("v", "kind", ("a", "b"))])
