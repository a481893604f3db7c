"""Backups and restores through SQLite's backup API, each copy checked before it counts.

A backup is written to a temporary file, checked with integrity_check, then renamed into place,
so a full disk or a crash never leaves a half-written file that looks like a good backup.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from coach.domain.i18n import _
from coach.store import db as db_module
from coach.store.db import (
    NewerDatabaseError,
    StoreError,
    connect,
    create_private_file,
    open_db,
)
from coach.store.migrations import migrations
from coach.store.schema_check import health_problems
from coach.system.paths import ensure_private_dir
from coach.system.targets import TargetRefusedError, check_target

KEEP_BACKUPS = 10
BACKUP_PREFIX = "coach-"
SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_PAGE_SIZE = 4096


_BUSY_RETRY_S = 0.05


def copy_pages(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    """SQLite's backup API, but giving up on a busy database after the usual busy wait:
    Python's ``backup()`` would retry a locked target for ever."""
    tries = max(1, int(db_module.BUSY_TIMEOUT_MS / 1000 / _BUSY_RETRY_S))

    def progress(status: int, remaining: int, total: int) -> None:
        nonlocal tries
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            tries -= 1
            if tries <= 0:
                raise sqlite3.OperationalError("database is locked")

    source.backup(target, progress=progress, sleep=_BUSY_RETRY_S)


def backup_name(now: datetime) -> str:
    return f"{BACKUP_PREFIX}{now.strftime('%Y%m%d-%H%M%S-%f')}.db"


def _copy_checked(source: Path, target: Path) -> None:
    """Copy a live database to ``target`` atomically (temp file, check, fsync, rename).
    A missing folder is made private (0700); an existing one keeps its mode."""
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            _("Could not make the folder {folder}: {reason}.").format(
                folder=target.parent, reason=exc.strerror
            )
        ) from None
    tmp = target.with_name(target.name + ".partial")
    tmp.unlink(missing_ok=True)
    create_private_file(tmp)
    try:
        src = connect(source, readonly=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                copy_pages(src.conn, dst)
                dst.execute("PRAGMA journal_mode = DELETE")
                problems = [r[0] for r in dst.execute("PRAGMA integrity_check").fetchall()]
            finally:
                dst.close()
        finally:
            src.close()
        if problems != ["ok"]:
            raise StoreError(
                _("The copy of {source} failed its check ({first}).").format(
                    source=source, first=problems[0]
                )
            )
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        tmp.replace(target)
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(
            _("Could not write the backup to {target}: {reason}.").format(target=target, reason=exc)
        ) from exc
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
        raise StoreError(
            _("There is no database at {database} to back up yet.").format(database=database)
        )
    if target is not None:
        if target.is_dir() and not target.is_symlink():
            target = target / backup_name(now)
        try:
            check_target(target, database.parent)
        except TargetRefusedError as exc:
            raise StoreError(str(exc)) from None
        _copy_checked(database, target)
        return target
    ensure_private_dir(backups)  # the data folder's own backups/ (private, 0700)
    path = backups / backup_name(now)
    _copy_checked(database, path)
    rotate(backups)
    return path


def _read_regular(path: Path) -> int:
    """A descriptor on ``path`` if it is a regular file; never blocks on a FIFO or device."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise StoreError(_("There is no file at {path}.").format(path=path)) from None
    except OSError as exc:
        raise StoreError(
            _("{path} could not be read: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise StoreError(
            _("{path} is not a Rehab Coach backup (not a regular file).").format(path=path)
        )
    return fd


def _copy_private(source: Path, target: Path) -> None:
    """Copy the bytes of a regular file to a new 0600 file."""
    fd = _read_regular(source)
    with os.fdopen(fd, "rb") as src:
        out = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(out, "wb") as dst:
            shutil.copyfileobj(src, dst)


def _refuse(candidate: Path, reason: str) -> StoreError:
    return StoreError(
        _("{candidate} was not restored: {reason}. Nothing was changed.").format(
            candidate=candidate, reason=reason
        )
    )


def prepare_restore(candidate: Path, workdir: Path) -> Path:
    """Check ``candidate`` the way the app opens a database and return a checked copy in
    ``workdir`` that is ready to restore (our current schema, one file, default page size).

    The candidate itself is never opened by SQLite, so its own side files and any damage stay
    where they are; the copy is opened read-write, because read-only integrity checks miss
    CHECK-constraint violations. Raises StoreError (one sentence) if it is not exactly ours.
    """
    fd = _read_regular(candidate)
    with os.fdopen(fd, "rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise StoreError(
                _("{candidate} is not a Rehab Coach backup (not a database file).").format(
                    candidate=candidate
                )
            )
    copy = workdir / "candidate.db"
    _copy_private(candidate, copy)
    wal = candidate.with_name(candidate.name + "-wal")
    if wal.is_file() and not wal.is_symlink():  # its last changes, checked along with the rest
        _copy_private(wal, copy.with_name(copy.name + "-wal"))
    try:
        db = connect(copy)
        try:
            if not db.table("profiles").exists() or not migrations.applied(db):
                raise StoreError(
                    _("{candidate} is not a Rehab Coach backup.").format(candidate=candidate)
                )
        finally:
            db.close()
        try:
            db = open_db(copy)
        except NewerDatabaseError:
            raise NewerDatabaseError(
                _(
                    "{candidate} was made by a newer version of Rehab Coach; update the app first."
                ).format(candidate=candidate)
            ) from None
        except StoreError as exc:
            raise _refuse(
                candidate,
                _("it is damaged or not made by Rehab Coach ({reason})").format(reason=exc.reason),
            ) from None
        try:
            problems = health_problems(db)
            if problems:
                raise _refuse(
                    candidate,
                    _("it is damaged or not made by Rehab Coach: {first}").format(
                        first=problems[0]
                    ),
                )
            db.execute("PRAGMA journal_mode = DELETE")  # one file, no WAL left over
            db.execute(f"PRAGMA page_size = {DEFAULT_PAGE_SIZE}")
            db.execute("VACUUM")  # rewrites every page: a clean, compact file
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise _refuse(candidate, _("it could not be read ({reason})").format(reason=exc)) from None
    return copy


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
    Everything is checked before anything changes: a refused candidate leaves the data as it was.
    """
    ensure_private_dir(database.parent)
    with tempfile.TemporaryDirectory(prefix=".restore-", dir=database.parent) as work:
        checked = prepare_restore(candidate, Path(work))
        saved = _keep_current(database, backups, now, live)
        create_private_file(database)
        src = connect(checked, readonly=True)
        busy_s = db_module.BUSY_TIMEOUT_MS / 1000
        dst = live.conn if live is not None else sqlite3.connect(database, timeout=busy_s)
        try:
            copy_pages(src.conn, dst)
            if live is not None:
                migrations.apply(live)  # already current; kept for a live file at a lower level
        except sqlite3.Error as exc:
            raise StoreError(
                _("Could not restore into {database}: {reason}.").format(
                    database=database, reason=exc
                )
            ) from exc
        finally:
            if live is None:
                dst.close()
            src.close()
    return saved


def _keep_current(
    database: Path, backups: Path, now: datetime, live: Database | None
) -> Path | None:
    """Save the current database before it is replaced; None when there is nothing to keep."""
    if not database.exists() or database.stat().st_size == 0:
        return None
    stamp = now.strftime("%Y%m%d-%H%M%S-%f")
    saved = backups / f"before-restore-{stamp}.db"
    ensure_private_dir(backups)
    try:
        _copy_checked(database, saved)
    except StoreError:
        # The current file is damaged (the usual reason to restore): keep its raw bytes,
        # then start from an empty file, since SQLite cannot write into a damaged one.
        saved = backups / f"damaged-{stamp}.db"
        shutil.copyfile(database, saved)
        saved.chmod(0o600)
        if live is None:
            for path in (database, *_side_files(database)):
                path.unlink(missing_ok=True)
    return saved


def _side_files(database: Path) -> tuple[Path, Path]:
    return (database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm"))
