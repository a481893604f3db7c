"""Backups and restores through SQLite's backup API, each copy checked before it counts.

A backup is written to a temporary file, checked with integrity_check, then renamed into place,
so a full disk or a crash never leaves a half-written file that looks like a good backup.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from coach.paths import ensure_private_dir
from coach.store.db import (
    NewerDatabaseError,
    StoreError,
    connect,
    create_private_file,
    integrity_problems,
    newer_migrations,
)
from coach.store.migrations import migrations

KEEP_BACKUPS = 10
BACKUP_PREFIX = "coach-"
SQLITE_HEADER = b"SQLite format 3\x00"


def backup_name(now: datetime) -> str:
    return f"{BACKUP_PREFIX}{now.strftime('%Y%m%d-%H%M%S-%f')}.db"


def _copy_checked(source: Path, target: Path) -> None:
    """Copy a live database to ``target`` atomically (temp file, check, fsync, rename)."""
    ensure_private_dir(target.parent)
    tmp = target.with_name(target.name + ".partial")
    tmp.unlink(missing_ok=True)
    create_private_file(tmp)
    try:
        src = connect(source, readonly=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.conn.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
                problems = [r[0] for r in dst.execute("PRAGMA integrity_check").fetchall()]
            finally:
                dst.close()
        finally:
            src.close()
        if problems != ["ok"]:
            raise StoreError(f"The copy of {source} failed its check ({problems[0]}).")
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        tmp.replace(target)
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(f"Could not write the backup to {target}: {exc}.") from exc
    finally:
        tmp.unlink(missing_ok=True)


def rotate(folder: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups; return what was deleted."""
    backups = sorted(folder.glob(f"{BACKUP_PREFIX}*.db"))
    doomed = backups[:-keep] if keep else backups
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def make_backup(database: Path, backups: Path, now: datetime, target: Path | None = None) -> Path:
    """Back up ``database``: to ``target`` if given, else into ``backups`` with rotation."""
    if not database.exists():
        raise StoreError(f"There is no database at {database} to back up yet.")
    if target is not None:
        if target.is_dir():
            target = target / backup_name(now)
        _copy_checked(database, target)
        return target
    path = backups / backup_name(now)
    _copy_checked(database, path)
    rotate(backups)
    return path


def check_restorable(candidate: Path) -> None:
    """Raise StoreError unless ``candidate`` is a healthy Rehab Coach database we can read."""
    if not candidate.is_file():
        raise StoreError(f"There is no file at {candidate}.")
    with candidate.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise StoreError(f"{candidate} is not a Rehab Coach backup (not a database file).")
    try:
        db = connect(candidate, readonly=True)
    except sqlite3.Error as exc:
        raise StoreError(f"{candidate} could not be read: {exc}.") from exc
    try:
        if not db.table("profiles").exists() or not migrations.applied(db):
            raise StoreError(f"{candidate} is not a Rehab Coach backup.")
        if newer_migrations(db):
            raise NewerDatabaseError(
                f"{candidate} was made by a newer version of Rehab Coach; update the app first."
            )
        problems = integrity_problems(db)
        if problems:
            raise StoreError(f"{candidate} is damaged ({problems[0]}); it was not restored.")
    except sqlite3.Error as exc:
        raise StoreError(f"{candidate} could not be read: {exc}.") from exc
    finally:
        db.close()


def restore(
    candidate: Path,
    database: Path,
    backups: Path,
    now: datetime,
    live: Database | None = None,
) -> Path | None:
    """Replace ``database`` by ``candidate`` after checking it; keep a copy of the old one.

    The caller must hold the instance lock. ``live`` is the app's open connection, restored into
    in place so the running app sees the new data. Returns where the old database was saved.
    """
    check_restorable(candidate)
    saved: Path | None = None
    if database.exists() and database.stat().st_size > 0:
        stamp = now.strftime("%Y%m%d-%H%M%S-%f")
        saved = backups / f"before-restore-{stamp}.db"
        try:
            _copy_checked(database, saved)
        except StoreError:
            # The current file is damaged (the usual reason to restore): keep its raw bytes,
            # then start from an empty file, since SQLite cannot write into a damaged one.
            saved = backups / f"damaged-{stamp}.db"
            ensure_private_dir(backups)
            shutil.copyfile(database, saved)
            saved.chmod(0o600)
            if live is None:
                for path in (database, *_side_files(database)):
                    path.unlink(missing_ok=True)
    ensure_private_dir(database.parent)
    create_private_file(database)
    src = connect(candidate, readonly=True)
    dst = live.conn if live is not None else sqlite3.connect(database)
    try:
        src.conn.backup(dst)
        if live is not None:
            migrations.apply(live)  # the backup may predate later migrations
    except sqlite3.Error as exc:
        raise StoreError(f"Could not restore into {database}: {exc}.") from exc
    finally:
        if live is None:
            dst.close()
        src.close()
    return saved


def _side_files(database: Path) -> tuple[Path, Path]:
    return (database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm"))
