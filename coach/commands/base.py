"""What every subcommand shares: the ``Command`` record, ``CommandError`` for a failure said
in one sentence, the exit codes, and writing output to a file or standard output.

The command line (``coach.cli``) imports the commands, never the other way round.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coach.domain.errors import UserError
from coach.domain.i18n import _
from coach.system.paths import DataPaths

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_UNHEALTHY = 3


class CommandError(UserError):
    """A failure to report to the user as one plain sentence."""


@dataclass(frozen=True)
class Command:
    """A subcommand: how to declare its arguments and how to run it."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    handler: Callable[[argparse.Namespace, DataPaths], int]


def fail(message: str, code: int = EXIT_ERROR) -> int:
    """Print ``message`` as one line on stderr and return ``code``."""
    line = " ".join(message.split())
    sys.stderr.write(f"rehab-coach: {line}\n")
    return code


STDOUT = "-"


def check_output(out: str, paths: DataPaths) -> None:
    """Refuse a bad --out target early, before the work of making what goes in it."""
    if out == STDOUT:
        return
    from coach.system.targets import TargetRefusedError, check_target

    try:
        check_target(Path(out).expanduser(), paths.root)
    except TargetRefusedError as exc:
        raise CommandError(str(exc)) from None


def write_output(out: str, data: bytes, paths: DataPaths) -> Path | None:
    """``-`` writes to standard output (returns None); anything else is written atomically to
    a file outside the data folder that is new or a regular file (returns its path)."""
    if out == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return None
    from coach.reports.atomic import ExportError, atomic_write_bytes

    target = Path(out).expanduser()
    try:
        atomic_write_bytes(target, data, data_folder=paths.root)
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    return target


def existing_file(value: str) -> Path:
    """argparse type: a path that must exist."""
    path = Path(value).expanduser()
    if not path.exists():
        raise argparse.ArgumentTypeError(_("there is no file at {path}").format(path=value))
    return path
