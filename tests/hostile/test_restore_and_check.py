"""restore accepts only our own, valid data; check finds everything restore refuses.

Every hostile database of ``databases.HOSTILE_DATABASES`` is offered to restore (refused with its
reason, the live data and backups untouched) and put in place of the live database for check
(exit 3 for damage, the file left as it was).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from coach.cli import run
from coach.domain.profile import Profile, Surgery
from coach.store import NewerDatabaseError, StoreError, open_db
from coach.store.backup import make_backup, restore
from coach.store.repository import Repository
from coach.store.schema_check import health_problems
from coach.system.paths import DataPaths
from tests.hostile.databases import HOSTILE_DATABASES, NOW, healthy_database, snapshot

# Restore says these in its own words; check says "damaged" with SQLite's or open_db's reason.
RESTORE_ONLY_PHRASES = ("not a Rehab Coach backup", "not a database file")


def folder_listing(paths: DataPaths) -> list[str]:
    return sorted(str(p.relative_to(paths.root)) for p in paths.root.rglob("*"))


@pytest.mark.parametrize(
    ("build", "phrase"),
    [pytest.param(b, p, id=n) for n, b, p, _ in HOSTILE_DATABASES],
)
def test_restore_refuses_a_hostile_database_and_changes_nothing(
    live: DataPaths,
    tmp_path: Path,
    build: Callable[[Path], None],
    phrase: str,
    one_line: Callable[[], str],
) -> None:
    candidate = healthy_database(tmp_path / "offered.db", "Mallory")
    build(candidate)
    before_live = snapshot(live.database)
    before_files = folder_listing(live)
    candidate_bytes = candidate.read_bytes()

    with pytest.raises(StoreError) as caught:
        restore(candidate, live.database, live.backups, NOW)
    assert phrase in str(caught.value)
    assert "Traceback" not in str(caught.value)

    assert snapshot(live.database) == before_live
    assert folder_listing(live) == before_files  # no backup, no temp file left behind
    assert candidate.read_bytes() == candidate_bytes  # the offered file is not touched

    code = run(["--data-dir", str(live.root), "restore", str(candidate)])
    assert code == 1
    assert phrase in one_line()
    assert snapshot(live.database) == before_live


@pytest.mark.parametrize(
    ("build", "phrase", "damage"),
    [pytest.param(b, p, d, id=n) for n, b, p, d in HOSTILE_DATABASES],
)
def test_check_finds_what_restore_refuses(
    live: DataPaths,
    build: Callable[[Path], None],
    phrase: str,
    damage: bool,
    one_line: Callable[[], str],
) -> None:
    build(live.database)

    code = run(["--data-dir", str(live.root), "check"])

    message = one_line()
    if damage:
        assert code == 3, message
        assert "damaged" in message or "problem" in message
    else:
        assert code == 1
        assert phrase in message
    if damage and phrase not in RESTORE_ONLY_PHRASES:
        assert phrase in message


@pytest.mark.parametrize("name", ["wiping-trigger", "foreign-sqlite", "forgotten-migration"])
def test_check_leaves_a_foreign_database_as_it_was(live: DataPaths, name: str) -> None:
    """check refuses without running the trigger or migrating another program's file."""
    build = next(b for n, b, _, _ in HOSTILE_DATABASES if n == name)
    build(live.database)
    before = snapshot(live.database)
    assert run(["--data-dir", str(live.root), "check"]) == 3
    assert snapshot(live.database) == before


def test_a_restore_that_is_refused_leaves_the_running_app_working(live: DataPaths) -> None:
    """The GUI restores into its open connection: a refused file must leave it usable."""
    db = open_db(live.database)
    try:
        bad = healthy_database(live.root.parent / "bad.db", "Mallory")
        HOSTILE_DATABASES[0][1](bad)
        with pytest.raises(StoreError):
            restore(bad, live.database, live.backups, NOW, live=db)
        assert [p.nickname for p in Repository(db).profiles()] == ["Live"]
        assert health_problems(db) == []
    finally:
        db.close()


def test_a_good_backup_with_odd_page_size_and_wal_leftovers_is_restored_clean(
    live: DataPaths, tmp_path: Path
) -> None:
    """Not hostile, only unusual: a bigger page size and changes still in its -wal file."""
    odd = tmp_path / "odd.db"
    conn = sqlite3.connect(odd)
    conn.execute("PRAGMA page_size = 65536")
    conn.execute("VACUUM")
    conn.close()
    db = open_db(odd)  # WAL mode
    db.execute("PRAGMA wal_autocheckpoint = 0")
    Repository(db).add_profile(Profile("Wendy", Surgery.FUSION, NOW.date()), NOW)
    assert (tmp_path / "odd.db-wal").stat().st_size > 0
    copy_dir = tmp_path / "copied"
    copy_dir.mkdir()
    for name in ("odd.db", "odd.db-wal"):  # as a user would copy it while the app ran
        (copy_dir / name).write_bytes((tmp_path / name).read_bytes())
    db.close()

    restore(copy_dir / "odd.db", live.database, live.backups, NOW)

    restored = open_db(live.database)
    try:
        assert [p.nickname for p in Repository(restored).profiles()] == ["Wendy"]
        assert restored.execute("PRAGMA page_size").fetchone()[0] == 4096
        assert health_problems(restored) == []
    finally:
        restored.close()


def test_restore_refuses_what_is_not_a_regular_file_without_blocking(
    live: DataPaths, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.db"
    folder.mkdir()
    before = snapshot(live.database)
    for candidate, phrase in ((fifo, "not a regular file"), (folder, "not a regular file")):
        with pytest.raises(StoreError, match=phrase):
            restore(candidate, live.database, live.backups, NOW)
    assert snapshot(live.database) == before


def test_a_backup_made_by_the_app_is_restored(live: DataPaths) -> None:
    backup = make_backup(live.database, live.backups, NOW)
    db = open_db(live.database)
    Repository(db).add_profile(Profile("Later", Surgery.FUSION, NOW.date()), NOW)
    db.close()
    saved = restore(backup, live.database, live.backups, NOW + timedelta(seconds=1))
    assert saved is not None and saved.exists()
    db = open_db(live.database)
    try:
        assert [p.nickname for p in Repository(db).profiles()] == ["Live"]
    finally:
        db.close()


def test_newer_backup_is_refused_as_newer(live: DataPaths, tmp_path: Path) -> None:
    candidate = healthy_database(tmp_path / "new.db")
    HOSTILE_DATABASES[-1][1](candidate)
    with pytest.raises(NewerDatabaseError, match="newer version"):
        restore(candidate, live.database, live.backups, NOW)
