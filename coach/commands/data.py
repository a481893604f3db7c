"""check, backup and restore: keeping the database healthy from the command line."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from coach.commands.base import EXIT_OK, EXIT_UNHEALTHY, Command, fail
from coach.domain.clock import SystemClock
from coach.store import NewerDatabaseError, StoreError, open_db
from coach.store.backup import make_backup, restore
from coach.store.schema_check import health_problems
from coach.system.instance_lock import InstanceLock
from coach.system.paths import DataPaths


def _check(args: argparse.Namespace, paths: DataPaths) -> int:
    """Open the database as the app does, then look at everything restore would refuse."""
    with InstanceLock(paths.lock):
        try:
            db = open_db(paths.database)
        except NewerDatabaseError:
            raise
        except StoreError as exc:  # not a database, or SQLite's own check failed
            return fail(
                f"The database {paths.database} is damaged ({exc.reason}). "
                "Restore it from a backup.",
                EXIT_UNHEALTHY,
            )
        try:
            problems = health_problems(db)
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
        finally:
            db.close()
    if problems:
        return fail(
            f"The database {paths.database} is damaged: {len(problems)} problem(s), "
            f"the first: {problems[0]}. Restore it from a backup.",
            EXIT_UNHEALTHY,
        )
    print(f"The database {paths.database} is healthy.")
    return EXIT_OK


def _backup(args: argparse.Namespace, paths: DataPaths) -> int:
    target: Path | None = Path(args.path).expanduser() if args.path else None
    made = make_backup(paths.database, paths.backups, SystemClock().now(), target)
    print(f"Backup written to {made}.")
    return EXIT_OK


def _restore(args: argparse.Namespace, paths: DataPaths) -> int:
    with InstanceLock(paths.lock):
        saved = restore(
            Path(args.path).expanduser(), paths.database, paths.backups, SystemClock().now()
        )
    kept = f" The previous database was saved as {saved}." if saved else ""
    sys.stdout.write(f"Restored from {args.path}.{kept}\n")
    return EXIT_OK


def _configure_backup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        help="file or folder for the copy (default: the data folder's backups/, last 10 kept)",
    )


def _configure_restore(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="a backup file made by 'rehab-coach backup'")


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    del parser


COMMANDS = [
    Command(
        "check",
        "check the database (integrity and links); exit 0 when healthy",
        _no_arguments,
        _check,
    ),
    Command("backup", "copy the database safely to a checked backup", _configure_backup, _backup),
    Command(
        "restore",
        "replace the database by a checked backup (the current one is kept)",
        _configure_restore,
        _restore,
    ),
]
