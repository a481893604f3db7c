"""seed-demo and export: a demo history for trying things out, and reports for the clinic."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from typing import TYPE_CHECKING

from coach.commands.base import EXIT_OK, Command, CommandError, check_output, write_output
from coach.domain import i18n
from coach.domain.clock import SystemClock
from coach.domain.i18n import N_, _, ngettext
from coach.system.instance_lock import InstanceLock
from coach.system.paths import DataPaths

if TYPE_CHECKING:
    from coach.store.progress_data import ProfileHistory

DEFAULT_DEMO_NAME = "Sam (demo)"
CSV_TABLES = ("sessions", "journal", "medicines")
MAX_DEMO_WEEKS = 1040


def _weeks(value: str) -> int:
    try:
        weeks = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a whole number of weeks").format(value=value)
        ) from None
    if not 1 <= weeks <= MAX_DEMO_WEEKS:
        raise argparse.ArgumentTypeError(
            _("weeks must be from 1 to {count}").format(count=MAX_DEMO_WEEKS)
        )
    return weeks


def _configure_seed(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--weeks", type=_weeks, default=12, help=_("weeks since the demo surgery (default 12)")
    )
    parser.add_argument(
        "--profile",
        metavar="NAME",
        default=DEFAULT_DEMO_NAME,
        help=_("name of the new demo profile (default '{name}')").format(name=DEFAULT_DEMO_NAME),
    )


def _seed(args: argparse.Namespace, paths: DataPaths) -> int:
    from coach.demo.history import seed_history
    from coach.domain.content import load_content
    from coach.store import open_db
    from coach.store.repository import Repository
    from coach.system.paths import exercises_dir

    content = load_content(exercises_dir(), i18n.current().code)
    with InstanceLock(paths.lock):
        db = open_db(paths.database)
        try:
            name = args.profile.strip()
            if any(p.nickname.casefold() == name.casefold() for p in Repository(db).profiles()):
                raise CommandError(
                    _(
                        "A profile named '{name}' already exists; choose another name with "
                        "--profile."
                    ).format(name=name)
                )
            stats = seed_history(db, content, SystemClock().now(), weeks=args.weeks, nickname=name)
        finally:
            db.close()
    print(
        ngettext(
            "Added the demo profile '{name}' with {weeks} weeks of history ({count} session) "
            "to {folder}.",
            "Added the demo profile '{name}' with {weeks} weeks of history ({count} sessions) "
            "to {folder}.",
            stats.sessions,
        ).format(
            name=stats.profile.nickname, weeks=args.weeks, count=stats.sessions, folder=paths.root
        )
    )
    return EXIT_OK


def _configure_export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "format",
        choices=("csv", "pdf"),
        help=_("csv: one row per session; pdf: a report for the clinic visit"),
    )
    parser.add_argument(
        "--out", metavar="PATH", required=True, help=_("the file to write ('-': standard output)")
    )
    parser.add_argument(
        "--table",
        choices=CSV_TABLES,
        default="sessions",
        help=_("csv only: sessions (default), journal (one row per body part marked) or medicines"),
    )
    parser.add_argument(
        "--profile", metavar="NAME", help=_("whose report (needed when there are several profiles)")
    )


def _export(args: argparse.Namespace, paths: DataPaths) -> int:
    from coach.commands.language import content_in, report_language
    from coach.commands.profile_data import named_profile
    from coach.domain.i18n import in_language
    from coach.reports.atomic import ExportError
    from coach.store.plans import resolve_plan
    from coach.store.progress_data import ProgressData

    if args.format == "pdf" and args.table != "sessions":
        raise CommandError(_("--table is for csv only; the PDF report holds every table."))
    check_output(args.out, paths)  # a bad target is refused before the report is made
    with named_profile(paths, args.profile) as (db, profile):
        language = report_language(args, profile)  # the profile's, or --lang's
        with in_language(language):
            content = content_in(language)
            today = SystemClock().now().date()
            current = resolve_plan(db, content, profile)
            history = ProgressData(db).history(current, today)
    try:
        with in_language(language):
            if args.format == "csv":
                from coach.reports.csv_export import csv_bytes

                report = csv_bytes(_csv_table(args.table, history, profile.surgery_date))
            else:
                os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
                from coach.ui.progress.report_export import render_pdf_headless

                report = render_pdf_headless(profile, history, content)
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    if current.problem:  # the report is still written, on the standard plan: say so
        print(
            _(
                "Note: the therapist's plan could not be read, so the standard plan for the "
                "surgery was used for the planned sessions."
            ),
            file=sys.stderr,
        )
    written = write_output(args.out, report, paths)
    if written is not None:
        print(_("Wrote {file}.").format(file=written))
    return EXIT_OK


def _csv_table(table: str, history: ProfileHistory, surgery_date: date) -> str:
    """One of the three CSV tables (columns in the README)."""
    if table == "journal":
        from coach.reports.journal_csv import journal_csv_text

        return journal_csv_text(history.journal)
    if table == "medicines":
        from coach.reports.journal_csv import medicines_csv_text

        return medicines_csv_text(history.medicines)
    from coach.reports.csv_export import csv_text

    return csv_text(history.sessions, history.exercises, history.input.plan, surgery_date)


COMMANDS = [
    Command(
        "seed-demo",
        N_("add a demo profile with weeks of made-up history (for trying the app)"),
        _configure_seed,
        _seed,
    ),
    Command(
        "export",
        N_("write a CSV of all sessions or a PDF report for the clinic"),
        _configure_export,
        _export,
    ),
]
