"""check, backup and restore: keeping the database healthy from the command line."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from coach.commands.base import EXIT_OK, EXIT_UNHEALTHY, Command, fail
from coach.domain.clock import SystemClock
from coach.domain.i18n import N_, _, ngettext
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
                _("The database {file} is damaged ({reason}). Restore it from a backup.").format(
                    file=paths.database, reason=exc.reason
                ),
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
            ngettext(
                "The database {file} is damaged: {count} problem, the first: {first}. Restore "
                "it from a backup.",
                "The database {file} is damaged: {count} problems, the first: {first}. Restore "
                "it from a backup.",
                len(problems),
            ).format(file=paths.database, count=len(problems), first=problems[0]),
            EXIT_UNHEALTHY,
        )
    print(_("The database {file} is healthy.").format(file=paths.database))
    return EXIT_OK


def _backup(args: argparse.Namespace, paths: DataPaths) -> int:
    target: Path | None = Path(args.path).expanduser() if args.path else None
    made = make_backup(paths.database, paths.backups, SystemClock().now(), target)
    print(_("Backup written to {file}.").format(file=made))
    return EXIT_OK


def _restore(args: argparse.Namespace, paths: DataPaths) -> int:
    with InstanceLock(paths.lock):
        saved = restore(
            Path(args.path).expanduser(), paths.database, paths.backups, SystemClock().now()
        )
    done = _("Restored from {file}.").format(file=args.path)
    if saved:
        done += " " + _("The previous database was saved as {file}.").format(file=saved)
    sys.stdout.write(f"{done}\n")
    return EXIT_OK


def _configure_backup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        help=_("file or folder for the copy (default: the data folder's backups/, last 10 kept)"),
    )


def _configure_restore(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help=_("a backup file made by 'rehab-coach backup'"))


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    del parser


COMMANDS = [
    Command(
        "check",
        N_("check the database (integrity and links); exit 0 when healthy"),
        _no_arguments,
        _check,
    ),
    Command(
        "backup", N_("copy the database safely to a checked backup"), _configure_backup, _backup
    ),
    Command(
        "restore",
        N_("replace the database by a checked backup (the current one is kept)"),
        _configure_restore,
        _restore,
    ),
]
