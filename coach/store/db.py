"""Opening the database safely: private files, durable pragmas, schema checks.

Health data must survive crashes, kill -9 and power cuts, and must not be readable by other
users, so the folder and file are created private before SQLite ever touches them.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from coach.domain.errors import UserError
from coach.domain.i18n import _
from coach.store.migrations import known_migration_names, migrations
from coach.system.paths import ensure_private_dir

__all__ = [  # Database too: other layers take it from coach.store, never from sqlite_utils
    "BUSY_TIMEOUT_MS",
    "CorruptDatabaseError",
    "Database",
    "NewerDatabaseError",
    "StoreError",
    "connect",
    "create_private_file",
    "integrity_problems",
    "newer_migrations",
    "open_db",
]

BUSY_TIMEOUT_MS = 5000


class StoreError(UserError):
    """A problem with the database, said in one plain sentence; ``reason`` is the cause alone
    (without the file's name), for callers that say which file in their own words."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


class NewerDatabaseError(StoreError):
    """The database was written by a newer Rehab Coach; we must not touch it."""


class CorruptDatabaseError(StoreError):
    """SQLite's own check found damage."""


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0600 unless it exists (SQLite would make it 0644)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def connect(path: Path, *, readonly: bool = False) -> Database:
    """A sqlite-utils Database on ``path`` with our pragmas; no schema work."""
    timeout = BUSY_TIMEOUT_MS / 1000  # wait this long for a busy database, then say it is busy
    if readonly:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)
    else:
        conn = sqlite3.connect(path, timeout=timeout)
    db = Database(conn, execute_plugins=False)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return db


def newer_migrations(db: Database) -> list[str]:
    """Migrations recorded in the file that this version does not know (read-only)."""
    known = known_migration_names()
    return [m.name for m in migrations.applied(db) if m.name not in known]


def _quick_check(db: Database, path: Path) -> None:
    result = [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]
    if result != ["ok"]:
        raise CorruptDatabaseError(
            _("The database {path} is damaged ({first}). Restore it from a backup.").format(
                path=path, first=result[0]
            ),
            reason=str(result[0]),
        )


def _refuse_foreign(db: Database, path: Path) -> None:
    """Another program's database has tables but no record of our migrations: never migrate
    (and so change) it."""
    has_tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if has_tables and not migrations.applied(db):
        raise CorruptDatabaseError(
            _("The database {path} was not made by Rehab Coach; it was not changed.").format(
                path=path
            ),
            reason="it was not made by Rehab Coach",
        )


def open_db(path: Path) -> Database:
    """Open (creating if needed) the database for writing, migrated to the current schema.

    Refuses, without changing a byte, a file written by a newer version or one that is damaged.
    """
    ensure_private_dir(path.parent)
    create_private_file(path)
    try:
        db = connect(path)
        try:
            newer = newer_migrations(db)
            if newer:
                raise NewerDatabaseError(
                    _(
                        "The database {path} was made by a newer version of Rehab Coach. "
                        "Please update the app; your data has not been changed."
                    ).format(path=path)
                )
            _quick_check(db, path)
            _refuse_foreign(db, path)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA foreign_keys = ON")
            migrations.apply(db)
        except BaseException:
            db.close()
            raise
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            _("Could not open the database {path}: {reason}.").format(path=path, reason=exc),
            reason=str(exc),
        ) from exc
    return db


def integrity_problems(db: Database) -> list[str]:
    """Everything integrity_check and foreign_key_check report; empty when healthy."""
    problems = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    problems = [] if problems == ["ok"] else problems
    for table, rowid, parent, _fkid in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"row {rowid} of {table} points to a missing {parent} row")
    return problems
