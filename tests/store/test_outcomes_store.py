"""The outcomes store (m005) and the progress reads: round trips, the database's own checks,
and one query per kind of record."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from coach.domain.outcomes import OutcomeError
from coach.domain.pain import Pain
from coach.domain.profile import Profile, Surgery
from coach.store import open_db
from coach.store.migrations import migrations
from coach.store.outcomes import OutcomesStore
from coach.store.progress_data import ProgressData
from coach.store.repository import Repository
from coach.store.sessions import SessionStore

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
DAY = date(2026, 3, 1)


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_db(db_path)
    yield database
    database.close()


@pytest.fixture
def pid(db: Database) -> int:
    profile = Repository(db).add_profile(Profile("Ann", Surgery.DISCECTOMY, date(2026, 2, 1)), NOW)
    assert profile.id is not None
    return profile.id


def test_m005_creates_strict_tables_on_a_fresh_database() -> None:
    db = Database(memory=True)
    migrations.apply(db)
    assert "m005_outcomes" in {m.name for m in migrations.applied(db)}
    columns = set(db.table("odi_scores").columns_dict)
    assert columns == {"id", "profile_id", "local_date", "total", "at"}
    tables = ("psfs_activities", "psfs_assessments", "psfs_ratings", "odi_scores", "pain_baselines")
    for table in tables:
        assert "STRICT" in db.table(table).schema


def test_psfs_round_trip_on_the_same_activities(db: Database, pid: int) -> None:
    store = OutcomesStore(db)
    activities = store.set_psfs_activities(pid, ["Walk to the shop", "Sit", "Socks"], NOW)
    assert [a.name for a in activities] == ["Walk to the shop", "Sit", "Socks"]
    store.record_psfs(pid, DAY, {a.id: r for a, r in zip(activities, (2, 3, 4), strict=True)}, NOW)
    later = date(2026, 4, 1)
    store.record_psfs(
        pid, later, {a.id: r for a, r in zip(activities, (6, 7, 8), strict=True)}, NOW
    )
    entries = store.psfs_entries(pid)
    assert [(e.day, e.score) for e in entries] == [(DAY, 3.0), (later, 7.0)]
    assert entries[1].ratings == (("Walk to the shop", 6), ("Sit", 7), ("Socks", 8))


def test_changing_the_list_keeps_kept_activities_and_history(db: Database, pid: int) -> None:
    store = OutcomesStore(db)
    first = store.set_psfs_activities(pid, ["Walk", "Sit", "Socks"], NOW)
    store.record_psfs(pid, DAY, {a.id: 5 for a in first}, NOW)
    second = store.set_psfs_activities(pid, ["Sit", "walk", "Drive", "Garden"], NOW)
    assert [a.name for a in second] == ["Sit", "walk", "Drive", "Garden"]
    assert {a.id for a in first} & {a.id for a in second} == {first[0].id, first[1].id}
    assert len(store.psfs_entries(pid)[0].ratings) == 3  # the retired 'Socks' rating is kept


def test_every_activity_must_be_rated_with_0_to_10(db: Database, pid: int) -> None:
    store = OutcomesStore(db)
    activities = store.set_psfs_activities(pid, ["Walk", "Sit", "Socks"], NOW)
    with pytest.raises(OutcomeError, match="every activity"):
        store.record_psfs(pid, DAY, {activities[0].id: 5}, NOW)
    with pytest.raises(OutcomeError):
        store.record_psfs(pid, DAY, {a.id: 11 for a in activities}, NOW)
    assert store.psfs_entries(pid) == []
    with pytest.raises(sqlite3.IntegrityError):  # the database refuses it too
        db.execute("INSERT INTO psfs_ratings VALUES (1, ?, 11)", [activities[0].id])


def test_odi_totals_and_deleting_one(db: Database, pid: int) -> None:
    store = OutcomesStore(db)
    first = store.record_odi(pid, DAY, 44, NOW)
    store.record_odi(pid, date(2026, 5, 1), 22, NOW)
    assert [(e.day, e.total) for e in store.odi_entries(pid)] == [(DAY, 44), (date(2026, 5, 1), 22)]
    store.delete_odi(first)
    assert [e.total for e in store.odi_entries(pid)] == [22]
    with pytest.raises(OutcomeError):
        store.record_odi(pid, DAY, 101, NOW)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO odi_scores (profile_id, local_date, total, at) VALUES (?, ?, -1, '')",
            [pid, DAY.isoformat()],
        )


def test_therapist_pain_baseline(db: Database, pid: int) -> None:
    store = OutcomesStore(db)
    assert store.pain_baseline(pid) is None
    store.set_pain_baseline(pid, 6.5, 7.0, NOW)
    store.set_pain_baseline(pid, 6.0, 8.0, NOW)
    assert store.pain_baseline(pid) == {"back": 6.0, "leg": 8.0}
    store.clear_pain_baseline(pid)
    assert store.pain_baseline(pid) is None
    with pytest.raises(OutcomeError):
        store.set_pain_baseline(pid, 11, 2, NOW)


def test_progress_reads(db: Database, pid: int) -> None:
    sessions = SessionStore(db)
    repo = Repository(db)
    repo.log_walking(pid, DAY, 10, NOW)
    repo.log_walking(pid, DAY, 15, NOW)
    check = sessions.record_red_flag_check(pid, {"fall": True, "fever": False}, "call-24h", NOW)
    sessions.record_red_flag_check(pid, {"fall": False}, None, NOW)
    sid = sessions.start_session(pid, None, "daily", "Daily", NOW, red_flag_check_id=check)
    items = [{"exercise": "bridge"}, {"exercise": "clamshell"}, {"exercise": "walking"}]
    sessions.record_event(sid, "started", NOW, detail={"items": items, "steps": 9})
    sessions.record_pain(sid, "before", Pain(5, 6), NOW)
    sessions.record_event(sid, "step-done", NOW, step_index=0, exercise_id="bridge")
    sessions.record_event(sid, "step-skipped", NOW, step_index=1, exercise_id="clamshell")
    sessions.record_event(sid, "paused", NOW)
    data = ProgressData(db)
    assert data.walking_by_day(pid) == {DAY: 25}
    events = data.red_flag_events(pid)
    assert [(e.day, e.outcome, e.questions) for e in events] == [(DAY, "call-24h", ("fall",))]
    tallies = data.exercise_tallies(pid)
    assert tallies[sid].done == ("bridge",)
    assert tallies[sid].skipped == ("clamshell",)
    assert tallies[sid].planned == ("bridge", "clamshell", "walking")
    assert data.session_tally(sid) == tallies[sid]


def test_deleting_a_profile_removes_its_outcomes(db: Database, pid: int) -> None:
    store = OutcomesStore(db)
    activities = store.set_psfs_activities(pid, ["Walk", "Sit", "Socks"], NOW)
    store.record_psfs(pid, DAY, {a.id: 5 for a in activities}, NOW)
    store.record_odi(pid, DAY, 30, NOW)
    with db.atomic():
        db.execute("DELETE FROM profiles WHERE id = ?", [pid])
    for table in ("psfs_activities", "psfs_assessments", "psfs_ratings", "odi_scores"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_session_facts_read_the_same_as_the_session_store(db: Database, pid: int) -> None:
    sessions = SessionStore(db)
    for hour, status in ((9, "done"), (10, "discarded"), (11, "partial")):
        at = NOW.replace(hour=hour)
        sid = sessions.start_session(pid, None, "daily", "Daily", at)
        sessions.record_pain(sid, "before", Pain(hour - 5, 2), at)
        if status == "done":
            sessions.record_pain(sid, "after", Pain(3, 1), at)
        sessions.finish_session(sid, status, at)
    facts = ProgressData(db).session_facts(pid)
    records = sessions.sessions(pid)
    assert len(facts) == len(records) == 2
    for fact, record in zip(facts, records, strict=True):
        assert (fact.local_date, fact.status, fact.routine_id) == (
            record.local_date,
            record.status,
            record.routine_id,
        )
        assert fact.pain_before == record.pain_before
    assert facts[0].pain_after == Pain(3, 1)
    assert facts[1].pain_after is None
