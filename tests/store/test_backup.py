"""Backups are checked copies; restores check first and keep what they replace."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from coach.domain.profile import Profile, Surgery
from coach.store import StoreError, open_db
from coach.store.backup import KEEP_BACKUPS, make_backup, restore
from coach.store.repository import Repository
from coach.system.paths import DataPaths

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def rows(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM profiles ORDER BY id").fetchall()
    finally:
        conn.close()


def add(paths: DataPaths, name: str) -> None:
    db = open_db(paths.database)
    try:
        Repository(db).add_profile(Profile(name, Surgery.FUSION, date(2026, 2, 1)), NOW)
    finally:
        db.close()


def test_backup_then_restore_gives_back_equal_rows(data_paths: DataPaths) -> None:
    add(data_paths, "Ann")
    add(data_paths, "Bob")
    backup = make_backup(data_paths.database, data_paths.backups, NOW)
    original = rows(data_paths.database)
    add(data_paths, "Carl")
    assert [r[1] for r in rows(data_paths.database)] == ["Ann", "Bob", "Carl"]

    saved = restore(backup, data_paths.database, data_paths.backups, NOW + timedelta(seconds=1))

    assert rows(data_paths.database) == original
    assert saved is not None
    assert [r[1] for r in rows(saved)] == ["Ann", "Bob", "Carl"]  # nothing lost
    assert oct(backup.stat().st_mode & 0o777) == oct(0o600)


def test_backup_into_the_live_connection_is_seen_at_once(data_paths: DataPaths) -> None:
    add(data_paths, "Ann")
    backup = make_backup(data_paths.database, data_paths.backups, NOW)
    db = open_db(data_paths.database)
    try:
        Repository(db).add_profile(Profile("Bob", Surgery.FUSION, date(2026, 2, 1)), NOW)
        restore(backup, data_paths.database, data_paths.backups, NOW, live=db)
        assert [p.nickname for p in Repository(db).profiles()] == ["Ann"]
    finally:
        db.close()


def test_keeps_only_the_last_ten_backups(data_paths: DataPaths) -> None:
    add(data_paths, "Ann")
    made = [
        make_backup(data_paths.database, data_paths.backups, NOW + timedelta(minutes=i))
        for i in range(KEEP_BACKUPS + 3)
    ]
    left = sorted(data_paths.backups.glob("coach-*.db"))
    assert left == made[-KEEP_BACKUPS:]


def test_backup_to_a_chosen_file(data_paths: DataPaths, tmp_path: Path) -> None:
    add(data_paths, "Ann")
    target = tmp_path / "usb" / "mine.db"
    assert make_backup(data_paths.database, data_paths.backups, NOW, target) == target
    assert rows(target) == rows(data_paths.database)


def test_backup_without_a_database_says_so(data_paths: DataPaths) -> None:
    with pytest.raises(StoreError, match="no database"):
        make_backup(data_paths.database, data_paths.backups, NOW)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a Rehab Coach backup"),
        (b"hello, this is text" * 10, "not a Rehab Coach backup"),
    ],
)
def test_restore_refuses_files_that_are_not_backups(
    data_paths: DataPaths, tmp_path: Path, content: bytes, message: str
) -> None:
    add(data_paths, "Ann")
    before = rows(data_paths.database)
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        restore(bad, data_paths.database, data_paths.backups, NOW)
    assert rows(data_paths.database) == before


def test_restore_refuses_a_foreign_sqlite_file(data_paths: DataPaths, tmp_path: Path) -> None:
    add(data_paths, "Ann")
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a Rehab Coach backup"):
        restore(other, data_paths.database, data_paths.backups, NOW)
    assert len(rows(data_paths.database)) == 1


def test_restore_over_a_damaged_database_keeps_the_damaged_bytes(
    data_paths: DataPaths,
) -> None:
    add(data_paths, "Ann")
    backup = make_backup(data_paths.database, data_paths.backups, NOW)
    data_paths.database.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50 + b"garbage" * 500)
    saved = restore(backup, data_paths.database, data_paths.backups, NOW)
    assert saved is not None
    assert saved.name.startswith("damaged-")
    assert [r[1] for r in rows(data_paths.database)] == ["Ann"]
