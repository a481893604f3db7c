"""Therapist records: the PIN is kept only as a hash, wrong tries survive a restart, a plan
import is one transaction that keeps old versions, and deleting a profile leaves nothing behind."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from coach.domain.catalogue import Catalogue, parse_exercise
from coach.domain.content import Content
from coach.domain.pain import Pain
from coach.domain.pin import PinAttempts, hash_pin, verify_pin
from coach.domain.plan import Plan, plan_from_protocol, plan_to_dict
from coach.domain.plan_edit import add_exercise
from coach.domain.plan_file import PlanFile, exercise_to_dict, read_plan_file
from coach.domain.profile import Profile, Surgery
from coach.store import StoreError, open_db
from coach.store.db import integrity_problems
from coach.store.plans import resolve_plan
from coach.store.repository import Repository
from coach.store.sessions import SessionStore
from coach.store.therapist import TherapistStore

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_db(db_path)
    yield database
    database.close()


def add_patient(db: Database, content: Content, name: str) -> tuple[int, Plan]:
    plan = plan_from_protocol(content.protocols[Surgery.FUSION])
    profile = Repository(db).add_profile(Profile(name, Surgery.FUSION, date(2026, 1, 5)), NOW, plan)
    assert profile.id is not None
    return profile.id, plan


def test_only_the_hash_of_the_pin_is_stored(db: Database, db_path: Path) -> None:
    store = TherapistStore(db)
    assert store.pin_hash() is None
    store.set_pin_hash(hash_pin("5802", n=2**10), NOW)
    stored = store.pin_hash()
    assert stored is not None
    assert verify_pin("5802", stored)
    db.execute("PRAGMA wal_checkpoint(FULL)")
    assert b"5802" not in db_path.read_bytes()
    store.set_pin_hash(None, NOW)
    assert store.pin_hash() is None


def test_the_database_refuses_a_pin_in_clear(db: Database) -> None:
    TherapistStore(db).set_therapist_name("Alex", NOW)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE therapist_settings SET pin_hash = '1234'")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO therapist_settings (id, updated_at) VALUES (2, 'x')")


def test_wrong_tries_survive_a_restart(db_path: Path) -> None:
    first = open_db(db_path)
    attempts = PinAttempts().failed(NOW).failed(NOW).failed(NOW)
    TherapistStore(first).save_attempts(attempts, NOW)
    first.close()
    again = open_db(db_path)
    try:
        restored = TherapistStore(again).attempts()
        assert restored.failures == 3
        assert restored.wait_seconds(NOW) == 5
        TherapistStore(again).set_pin_hash(hash_pin("1111", n=2**10), NOW)
        assert TherapistStore(again).attempts() == PinAttempts()  # a new PIN starts afresh
    finally:
        again.close()


def test_therapist_name(db: Database) -> None:
    store = TherapistStore(db)
    assert store.therapist_name() == ""
    store.set_therapist_name("  Alex Moreno ", NOW)
    assert store.therapist_name() == "Alex Moreno"


def test_import_adds_a_version_and_keeps_the_old_one(db: Database, content: Content) -> None:
    profile_id, plan = add_patient(db, content, "Ann")
    edited = add_exercise(plan, content.catalogue, 2, "strength", "heel-raises")
    plan_id = TherapistStore(db).import_plan(profile_id, PlanFile(edited, "Alex", NOW), NOW)
    versions = Repository(db).plan_versions(profile_id, content.catalogue)
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].plan == plan
    assert versions[1].plan == edited
    assert versions[1].id == plan_id
    assert versions[1].author == "Alex"


def test_exercises_brought_by_a_plan_file_are_kept_per_profile(
    db: Database, content: Content
) -> None:
    profile_id, plan = add_patient(db, content, "Ann")
    other_id, _ = add_patient(db, content, "Bob")
    custom = exercise_to_dict(content.catalogue["glute-sets"])
    custom.update(id="towel-squeeze", name="Towel squeeze")
    custom.pop("easier", None)
    custom.pop("harder", None)
    raw = {
        "format": "rehab-coach-plan",
        "schema_version": 1,
        "created_at": "2026-03-02T10:00:00+00:00",
        "therapist": "Alex",
        "plan": None,
        "custom_exercises": [{**custom, "figure": "figures/glute-sets.svg"}],
    }
    body = plan_to_dict(plan)
    body["phases"][0]["routines"][0]["items"].append({"exercise": "towel-squeeze"})
    raw["plan"] = body
    plan_file = read_plan_file(json.dumps(raw).encode(), content.catalogue)
    store = TherapistStore(db)
    store.import_plan(profile_id, plan_file, NOW)
    repo = Repository(db)
    ann, bob = repo.profile(profile_id), repo.profile(other_id)
    assert ann is not None and bob is not None
    current = resolve_plan(db, content, ann)
    assert "towel-squeeze" in current.catalogue
    assert "towel-squeeze" not in resolve_plan(db, content, bob).catalogue
    assert store.custom_figures(profile_id) == {"towel-squeeze": "figures/glute-sets.svg"}
    assert current.plan == plan_file.plan
    assert (current.version, current.problem) == (2, "")


def test_a_failed_import_writes_nothing(db: Database, content: Content) -> None:
    _, plan = add_patient(db, content, "Ann")
    custom = exercise_to_dict(content.catalogue["glute-sets"])
    custom.update(id="towel-squeeze")
    plan_file = PlanFile(plan, "Alex", NOW, (parse_exercise(custom, "x"),))
    with pytest.raises(sqlite3.IntegrityError):
        TherapistStore(db).import_plan(999, plan_file, NOW)  # no such profile
    assert db.execute("SELECT count(*) FROM custom_exercises").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM plans").fetchone()[0] == 1


def profile_tables(db: Database) -> list[str]:
    return [
        name
        for name in db.table_names()
        if "profile_id" in db[name].columns_dict  # type: ignore[union-attr]
    ]


def fill_everything(db: Database, content: Content, profile_id: int) -> None:
    repo = Repository(db)
    sessions = SessionStore(db)
    plan_id = repo.save_plan(
        profile_id, plan_from_protocol(content.protocols[Surgery.FUSION]), NOW, "Alex"
    )
    check = sessions.record_red_flag_check(profile_id, {"fever": False}, None, NOW)
    session = sessions.start_session(
        profile_id, plan_id, "daily", "Daily", NOW, red_flag_check_id=check
    )
    sessions.record_pain(session, "before", Pain(3, 2), NOW)
    sessions.record_event(session, "step", NOW, step_index=0, exercise_id="ankle-pumps")
    sessions.set_feedback(session, {"ankle-pumps": "about-right"})
    sessions.finish_session(session, "done", NOW + timedelta(minutes=10))
    repo.log_walking(profile_id, NOW.date(), 20, NOW)


def test_deleting_a_profile_removes_all_its_data_and_only_its_data(
    db: Database, content: Content
) -> None:
    ann, _ = add_patient(db, content, "Ann")
    bob, _ = add_patient(db, content, "Bob")
    for profile_id in (ann, bob):
        fill_everything(db, content, profile_id)
    tables = profile_tables(db)
    assert {"plans", "sessions", "walking_log", "red_flag_checks", "custom_exercises"} <= set(
        tables
    )
    bob_rows = {
        t: db.execute(f"SELECT count(*) FROM {t} WHERE profile_id = ?", [bob]).fetchone()
        for t in tables
    }
    all_rows_before = {t: db[t].count for t in db.table_names()}

    TherapistStore(db).delete_profile(ann)

    assert Repository(db).profile(ann) is None
    for table in tables:
        left = db.execute(f"SELECT count(*) FROM {table} WHERE profile_id = ?", [ann]).fetchone()
        assert left[0] == 0, table
        kept = db.execute(f"SELECT count(*) FROM {table} WHERE profile_id = ?", [bob]).fetchone()
        assert kept == bob_rows[table], table
    # rows that belong to Ann's sessions (events, pain, feedback) went too
    for table in ("session_events", "pain_scores", "exercise_feedback"):
        assert db[table].count == all_rows_before[table] // 2, table
    assert integrity_problems(db) == []


def test_deleting_a_missing_profile_says_so(db: Database) -> None:
    with pytest.raises(StoreError, match="no longer exists"):
        TherapistStore(db).delete_profile(42)


def test_catalogue_for_a_profile_without_custom_exercises_is_the_base(
    db: Database, content: Content
) -> None:
    profile_id, _ = add_patient(db, content, "Ann")
    profile = Repository(db).profile(profile_id)
    assert profile is not None
    catalogue: Catalogue = resolve_plan(db, content, profile).catalogue
    assert catalogue is content.catalogue
