"""open_db: private files, durable pragmas, strict schema, refusing what it must not touch."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from coach.domain.profile import Profile, Surgery
from coach.store import NewerDatabaseError, StoreError, open_db
from coach.store.migrations import migrations
from coach.store.repository import Repository

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_creates_private_folder_and_files(db_path: Path) -> None:
    db = open_db(db_path)
    try:
        Repository(db).add_profile(Profile("Ann", Surgery.FUSION, date(2026, 2, 1)), NOW)
        assert mode(db_path.parent) == 0o700
        assert mode(db_path) == 0o600
        for suffix in ("-wal", "-shm"):
            side = db_path.with_name(db_path.name + suffix)
            assert side.exists()
            assert mode(side) == 0o600
    finally:
        db.close()


def test_tightens_an_existing_open_folder(db_path: Path) -> None:
    db_path.parent.mkdir(mode=0o755)
    db_path.parent.chmod(0o755)
    open_db(db_path).close()
    assert mode(db_path.parent) == 0o700


def test_sets_durable_pragmas(opened_db: Database) -> None:
    def pragma(name: str) -> object:
        return opened_db.execute(f"PRAGMA {name}").fetchone()[0]

    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert int(str(pragma("busy_timeout"))) >= 1000


def test_migrations_apply_once_when_opened_twice(db_path: Path) -> None:
    open_db(db_path).close()
    first = (
        sqlite3.connect(db_path).execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    )
    db = open_db(db_path)
    try:
        names = [m.name for m in migrations.applied(db)]
        assert names == sorted(set(names))
        assert "m001_initial" in names
        second = db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        db.close()
    assert first == second


def test_migrated_schema_matches_expected_columns() -> None:
    db = Database(memory=True, execute_plugins=False)
    migrations.apply(db)
    migrations.apply(db)
    assert db["pain_scores"].columns_dict == {
        "id": int,
        "session_id": int,
        "moment": str,
        "back": int,
        "leg": int,
        "at": str,
    }
    assert {"profiles", "plans", "sessions", "session_events", "pain_scores"} <= set(
        db.table_names()
    )
    for table in ("profiles", "plans", "sessions", "session_events", "pain_scores"):
        assert db[table].strict, table


def test_refuses_newer_database_without_changing_it(db_path: Path) -> None:
    open_db(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('coach', 'm999_from_the_future', '2030-01-01')"
    )
    raw.commit()
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_db(db_path)
    assert db_path.read_bytes() == before
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_refuses_damaged_database(db_path: Path) -> None:
    db = open_db(db_path)
    for i in range(200):
        db.execute(
            "INSERT INTO profiles (nickname, surgery, surgery_date, created_at) "
            "VALUES (?, 'fusion', '2026-01-01', 'x')",
            [f"p{i}" * 5],
        )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(2 * page + 100, min(len(data), 6 * page), 7):
        data[offset] = 0x5A
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match=r"damaged|malformed|not a database"):
        open_db(db_path)


@pytest.mark.parametrize(
    ("back", "leg"), [(11, 0), (-1, 0), (0, 11), ("three", 0), (2.5, 0), (None, 0)]
)
def test_pain_scores_are_checked_by_the_database(
    opened_db: Database, back: object, leg: object
) -> None:
    repo = Repository(opened_db)
    profile = repo.add_profile(Profile("Ann", Surgery.FUSION, date(2026, 2, 1)), NOW)
    opened_db.execute(
        "INSERT INTO sessions (profile_id, routine_id, routine_name, started_at, local_date)"
        " VALUES (?, 'am', 'Morning', 'x', '2026-03-02')",
        [profile.id],
    )
    with pytest.raises(sqlite3.IntegrityError):
        opened_db.execute(
            "INSERT INTO pain_scores (session_id, moment, back, leg, at)"
            " VALUES (1, 'before', ?, ?, 'x')",
            [back, leg],
        )


def test_foreign_keys_are_enforced(opened_db: Database) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        opened_db.execute(
            "INSERT INTO sessions (profile_id, routine_id, routine_name, started_at, local_date)"
            " VALUES (42, 'am', 'Morning', 'x', '2026-03-02')"
        )


def test_profiles_round_trip(opened_db: Database) -> None:
    repo = Repository(opened_db)
    saved = repo.add_profile(
        Profile("Ann", Surgery.LAMINECTOMY, date(2026, 2, 1), extra_restrictions=("impact",)), NOW
    )
    assert saved.id is not None
    assert repo.profiles() == [saved]
    assert repo.profile(saved.id) == saved
