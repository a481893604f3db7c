"""The command line: global options, subcommands, and one-sentence errors.

Every failure a user can cause (our own ``UserError``s, storage faults, a file the system
refuses) ends as one plain sentence on stderr and a non-zero exit code. Anything else is a bug:
it is logged with its traceback and the user is told where the log is, with exit code 1.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from coach import __version__
from coach.commands.base import EXIT_ERROR, EXIT_USAGE, Command, CommandError, fail
from coach.domain.i18n import _, use
from coach.system.languages import UnknownLanguageError, checked_code, choices, system_language
from coach.system.paths import DataPaths, resolve_data_paths

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line instead of a usage block."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: {message} (see --help).\n")
        raise SystemExit(EXIT_USAGE)


def _commands() -> list[Command]:
    from coach.commands import all_commands

    return all_commands()


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """The full parser, or (``with_commands=False``) only the options that open the app."""
    parser = _Parser(
        prog="rehab-coach",
        description=_(
            "Rehab Coach: exercises, timing and progress after lumbar back surgery. "
            "Run without a command to open the app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"rehab-coach {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_("use this data folder instead of the usual one (also COACH_DATA_DIR)"),
    )
    parser.add_argument(
        "--demo", action="store_true", help=_("open the app on a throwaway demo profile")
    )
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help=_("use this language for this run instead of the profile's: {choices}").format(
            choices=choices()
        ),
    )
    if not with_commands:
        return parser
    entry = parser.add_mutually_exclusive_group()
    for flag, install, words in (
        (
            "--install-desktop-entry",
            True,
            _(
                "add Rehab Coach and its icon to the applications menu (Linux, for pip and pipx "
                "installs)"
            ),
        ),
        (
            "--remove-desktop-entry",
            False,
            _("take them out again (your data stays) (Linux, for pip and pipx installs)"),
        ),
    ):
        entry.add_argument(
            flag,
            action="store_const",
            dest="handler",
            const=_desktop_entry(install),
            help=words,
        )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in _commands():
        child = sub.add_parser(command.name, help=_(command.help), description=_(command.help))
        command.configure(child)
        child.set_defaults(handler=command.handler)
    return parser


def _desktop_entry(install: bool) -> Callable[[argparse.Namespace, DataPaths], int]:
    def handler(_args: argparse.Namespace, _paths: DataPaths) -> int:
        from coach.system.desktop_entry import run_flag

        return run_flag(install_entry=install)

    return handler


class _Probe(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise ValueError(message)


def _names_more_than_app_options(argv: list[str]) -> bool:
    """True unless argv only opens the app: then the commands' code need not be imported,
    which keeps the start fast. Help, version, commands and mistakes get the full parser."""
    probe = _Probe(add_help=False)
    probe.add_argument("--data-dir")
    probe.add_argument("--demo", action="store_true")
    probe.add_argument("--lang")
    try:
        _, rest = probe.parse_known_args(argv)
    except ValueError:
        return True
    return bool(rest)


def use_language(argv: list[str]) -> int | None:
    """The language of this run, before any message or help text is made: ``--lang``, else
    the environment's. A code we do not ship is a usage mistake (its exit code returned)."""
    use(system_language(os.environ))
    probe = _Probe(add_help=False)
    probe.add_argument("--lang")
    try:
        wanted = probe.parse_known_args(argv)[0].lang
    except ValueError:
        return None  # the full parser says what is wrong with the line
    if wanted is None:
        return None
    try:
        use(checked_code(wanted))
    except UnknownLanguageError as exc:
        return fail(str(exc), EXIT_USAGE)
    return None


def run(argv: list[str]) -> int:
    """Parse ``argv`` and run it; returns the exit code."""
    refused = use_language(argv)
    if refused is not None:
        return refused
    parser = build_parser(with_commands=_names_more_than_app_options(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        paths = resolve_data_paths(args.data_dir)
    except ValueError as exc:
        return fail(str(exc), EXIT_USAGE)
    handler: Callable[[argparse.Namespace, DataPaths], int] | None = getattr(args, "handler", None)
    try:
        if handler is None:
            from coach.ui.app import run_app

            return run_app(paths, demo=args.demo, language=args.lang)
        _setup_command_logging(paths)
        return handler(args, paths)
    except CommandError as exc:  # already the sentence to show, cause included
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail(_("Stopped."))
    except Exception as exc:
        known = known_error_message(exc)
        if known is not None:
            return fail(known)
        log_file = _log_file(paths)
        log.exception("unexpected error in %s", getattr(args, "command", None) or "the app")
        if log_file is None:
            return fail(_("Something went wrong, and the log could not be written."), EXIT_ERROR)
        return fail(
            _("Something went wrong. Details are in the log: {file}").format(file=log_file),
            EXIT_ERROR,
        )


def known_error_message(exc: Exception) -> str | None:
    """The sentence for an error we know (ours, a storage fault, a file the system refused),
    or None for anything else: that is a bug, never blamed on what the user typed."""
    from coach.domain.errors import UserError
    from coach.store.faults import fault_sentence
    from coach.system.instance_lock import AlreadyRunningError

    if isinstance(exc, AlreadyRunningError):
        return _("{problem} Close it first, then try again.").format(problem=exc)
    fault = fault_sentence(exc)  # disk full, read-only, busy, a date out of range
    if fault is not None:
        return fault
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, OSError):
        reason = exc.strerror or exc
        if exc.filename:
            return _("Could not use a file ({file}): {reason}.").format(
                file=exc.filename, reason=reason
            )
        return _("Could not use a file: {reason}.").format(reason=reason)
    return None


def _log_file(paths: DataPaths) -> Path | None:
    """The data folder's log file, where the traceback goes: already open, or opened now (the
    app may fail before it opens its log); None when it cannot be written."""
    from coach.system.logs import LOG_FILE

    wanted = paths.logs / LOG_FILE
    for handler in logging.getLogger().handlers:
        file = getattr(handler, "baseFilename", None)
        if handler.get_name() == "coach-file" and file == str(wanted.absolute()):
            return wanted
    return _setup_command_logging(paths)


def _setup_command_logging(paths: DataPaths) -> Path | None:
    from coach.system.logs import setup_logging

    try:
        return setup_logging(paths.logs)
    except OSError:  # a read-only data folder must not stop a command
        return None
