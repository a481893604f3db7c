"""calendar: the coming weeks' routines, walks and phase starts as an iCalendar (.ics) file."""

from __future__ import annotations

import argparse
import sys

from coach.commands.base import EXIT_OK, Command, check_output, write_output
from coach.commands.profile_data import named_profile
from coach.domain import i18n
from coach.domain.calendar_plan import DEFAULT_WEEKS, MAX_WEEKS
from coach.domain.clock import SystemClock
from coach.domain.i18n import N_, _
from coach.system.paths import DataPaths


def _weeks(value: str) -> int:
    try:
        weeks = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of weeks") from None
    if not 1 <= weeks <= MAX_WEEKS:
        raise argparse.ArgumentTypeError(f"weeks must be from 1 to {MAX_WEEKS}")
    return weeks


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        metavar="FILE.ics",
        required=True,
        help=_("the file to write ('-': standard output)"),
    )
    parser.add_argument(
        "--profile", metavar="NAME", help=_("whose plan (needed when there are several profiles)")
    )
    parser.add_argument(
        "--weeks",
        type=_weeks,
        default=DEFAULT_WEEKS,
        help=f"how many weeks from today (default {DEFAULT_WEEKS}, at most {MAX_WEEKS})",
    )


def _calendar(args: argparse.Namespace, paths: DataPaths) -> int:
    from coach.domain.content import load_content
    from coach.reports.calendar_export import profile_calendar
    from coach.store.plans import resolve_plan
    from coach.store.reminders import ReminderStore
    from coach.system.paths import exercises_dir

    check_output(args.out, paths)  # a bad target is refused before the file is made
    content = load_content(exercises_dir(), i18n.current().code)
    with named_profile(paths, args.profile) as (db, profile):
        current = resolve_plan(db, content, profile)
        times = ReminderStore(db).times(current.profile_id)
        data = profile_calendar(current, times, SystemClock().now(), args.weeks)
    if current.problem:
        print(
            _(
                "Note: the therapist's plan could not be read, so the standard plan for the "
                "surgery was used."
            ),
            file=sys.stderr,
        )
    written = write_output(args.out, data, paths)
    if written is not None:
        print(
            _(
                "Wrote {file}. Import it into your calendar; importing a newer file updates "
                "the same events."
            ).format(file=written)
        )
    return EXIT_OK


COMMANDS = [
    Command(
        "calendar",
        N_("write the coming weeks' exercises, walks and phase starts as a calendar file (.ics)"),
        _configure,
        _calendar,
    ),
]
