"""Sessions in the store: written as they happen, one transaction per logical unit."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from coach.domain.pain import Pain
from coach.domain.profile import Profile, Surgery
from coach.domain.session_json import resume_index
from coach.store import open_db
from coach.store.repository import Repository
from coach.store.session_log import (
    SessionStart,
    begin_session,
    end_session,
    last_finished,
    progress_events,
    record_blocked,
    started_items,
)
from coach.store.sessions import SessionStore

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
ITEMS = [{"exercise": "bridge", "sets": 1, "reps": 2, "hold_s": 5}]


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_db(db_path)
    yield database
    database.close()


@pytest.fixture
def store(db: Database) -> SessionStore:
    return SessionStore(db)


@pytest.fixture
def profile_id(db: Database) -> int:
    profile = Repository(db).add_profile(Profile("Ann", Surgery.FUSION, date(2026, 2, 1)), NOW)
    assert profile.id is not None
    return profile.id


def start(profile_id: int, gentle: bool = False) -> SessionStart:
    return SessionStart(profile_id, None, "daily", "Daily exercises", ITEMS, 12, gentle)


def test_begin_writes_the_row_its_exercises_and_the_pain_before(
    store: SessionStore, profile_id: int
) -> None:
    check = store.record_red_flag_check(profile_id, {"fall": False}, None, NOW)
    session_id = begin_session(store, start(profile_id), Pain(3, 1), NOW, check)
    record = store.session(session_id)
    assert record is not None
    assert (record.status, record.routine_id, record.pain_before) == (
        "in-progress",
        "daily",
        Pain(3, 1),
    )
    assert record.local_date == date(2026, 3, 2)
    assert started_items(store, session_id) == ITEMS
    assert store.red_flag_answers(session_id) == {"fall": False}
    assert store.unfinished_session(profile_id) == record


def test_begin_is_all_or_nothing(
    store: SessionStore, profile_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "record_pain", broken)
    with pytest.raises(sqlite3.OperationalError):
        begin_session(store, start(profile_id), Pain(3, 1), NOW)
    assert store.sessions(profile_id) == []
    assert store.db.execute("SELECT count(*) FROM session_events").fetchone()[0] == 0


def test_events_are_numbered_in_order_and_give_the_step_to_resume_at(
    store: SessionStore, profile_id: int
) -> None:
    session_id = begin_session(store, start(profile_id), Pain(2, 2), NOW)
    for index in range(3):
        store.record_event(session_id, "step-done", NOW, step_index=index, exercise_id="bridge")
    store.record_event(session_id, "paused", NOW, step_index=3)
    store.record_event(session_id, "step-skipped", NOW, step_index=3, detail={"kind": "hold"})
    events = store.events(session_id)
    assert [e.seq for e in events] == [0, 1, 2, 3, 4, 5]
    assert events[-1].detail == {"kind": "hold"}
    assert resume_index(progress_events(store, session_id), 12) == 4


def test_end_records_pain_after_and_status_together(store: SessionStore, profile_id: int) -> None:
    session_id = begin_session(store, start(profile_id), Pain(2, 2), NOW)
    end_session(store, session_id, "done", Pain(4, 2), NOW + timedelta(minutes=20))
    record = store.session(session_id)
    assert record is not None
    assert (record.status, record.pain_after) == ("done", Pain(4, 2))
    assert record.ended_at == "2026-03-02T09:50:00.000+00:00"
    assert store.unfinished_session(profile_id) is None
    with pytest.raises(ValueError, match="final status"):
        end_session(store, session_id, "in-progress", None, NOW)


def test_a_blocked_session_is_kept_with_its_red_flag_answers(
    store: SessionStore, profile_id: int
) -> None:
    check = store.record_red_flag_check(profile_id, {"fever": True}, "surgeon-today", NOW)
    session_id = record_blocked(
        store, profile_id, "daily", "Daily exercises", red_flag_check_id=check, now=NOW
    )
    record = store.session(session_id)
    assert record is not None
    assert record.status == "blocked"
    assert store.red_flag_answers(session_id) == {"fever": True}
    assert store.unfinished_session(profile_id) is None


def test_last_finished_skips_unfinished_discarded_and_the_current_session(
    store: SessionStore, profile_id: int
) -> None:
    first = begin_session(store, start(profile_id), Pain(2, 2), NOW)
    end_session(store, first, "partial", Pain(5, 2), NOW)
    thrown = begin_session(store, start(profile_id), Pain(2, 2), NOW + timedelta(hours=1))
    end_session(store, thrown, "discarded", None, NOW)
    current = begin_session(store, start(profile_id), Pain(2, 2), NOW + timedelta(hours=2))
    found = last_finished(store, profile_id, before_session=current)
    assert found is not None
    assert found.id == first


def test_feedback_and_note(store: SessionStore, profile_id: int) -> None:
    session_id = begin_session(store, start(profile_id), Pain(2, 2), NOW)
    store.set_feedback(session_id, {"bridge": "too-hard"})
    store.set_note(session_id, "Tired today")
    assert store.feedback(session_id) == {"bridge": "too-hard"}
    record = store.session(session_id)
    assert record is not None
    assert record.note == "Tired today"
    with pytest.raises(ValueError, match="rating"):
        store.set_feedback(session_id, {"bridge": "meh"})


def test_what_was_written_survives_closing_and_reopening(
    db_path: Path, db: Database, profile_id: int
) -> None:
    store = SessionStore(db)
    session_id = begin_session(store, start(profile_id), Pain(1, 0), NOW)
    store.record_event(session_id, "step-done", NOW, step_index=0)
    db.close()
    reopened = open_db(db_path)
    try:
        again = SessionStore(reopened)
        assert progress_events(again, session_id) == [("started", None), ("step-done", 0)]
        record = again.unfinished_session(profile_id)
        assert record is not None
        assert record.pain_before == Pain(1, 0)
    finally:
        reopened.close()


def test_the_database_refuses_pain_outside_0_to_10(store: SessionStore, profile_id: int) -> None:
    session_id = begin_session(store, start(profile_id), Pain(1, 0), NOW)
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            "INSERT INTO pain_scores (session_id, moment, back, leg, at) VALUES (?, ?, ?, ?, ?)",
            [session_id, "after", 11, 0, "x"],
        )
    with pytest.raises(ValueError, match="0 to 10"):
        Pain(-1, 0)


def test_checks_on_a_day_are_that_profiles_checks_of_that_day_only(
    db: Database, store: SessionStore, profile_id: int
) -> None:
    other = Repository(db).add_profile(Profile("Bo", Surgery.FUSION, date(2026, 2, 1)), NOW)
    assert other.id is not None
    store.record_red_flag_check(profile_id, {"fever": True}, "surgeon-today", NOW)
    store.record_red_flag_check(profile_id, {"anything-new": False}, None, NOW + timedelta(hours=3))
    store.record_red_flag_check(profile_id, {"fall": True}, "call-24h", NOW - timedelta(days=1))
    store.record_red_flag_check(other.id, {"fall": True}, "call-24h", NOW)
    checks = store.checks_on(profile_id, NOW.date())
    assert [(c.at, c.outcome) for c in checks] == [
        (NOW, "surgeon-today"),
        (NOW + timedelta(hours=3), "clear"),
    ]
    assert store.checks_on(profile_id, NOW.date() + timedelta(days=1)) == []
