"""plan export / import / print: hand a plan over as a file or on paper.

Import reads the whole file strictly before touching the database; the old plan versions and
all history stay, and a bad file changes nothing.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from coach.commands.base import (
    EXIT_OK,
    Command,
    CommandError,
    check_output,
    existing_file,
    write_output,
)
from coach.domain import i18n
from coach.domain.clock import SystemClock
from coach.domain.content import Content, load_content
from coach.domain.i18n import N_, _
from coach.domain.plan_diff import summarise_changes
from coach.domain.plan_file import check_fits, dump_plan_file, read_plan_bytes, read_plan_file
from coach.domain.profile import Profile
from coach.reports.atomic import ExportError
from coach.store import Database, open_db
from coach.store.plans import resolve_plan
from coach.store.repository import Repository
from coach.store.therapist import TherapistStore
from coach.system.instance_lock import InstanceLock
from coach.system.paths import DataPaths, exercises_dir


@contextmanager
def opened(paths: DataPaths) -> Iterator[Database]:
    with InstanceLock(paths.lock):
        db = open_db(paths.database)
        try:
            yield db
        finally:
            db.close()


def choose_profile(profiles: list[Profile], wanted: str | None) -> Profile:
    """--profile by nickname (any case) or number; without it, the only profile there is."""
    if not profiles:
        raise CommandError(_("There is no profile yet. Open Rehab Coach to make one first."))
    if wanted is None:
        if len(profiles) == 1:
            return profiles[0]
        names = ", ".join(p.nickname for p in profiles)
        raise CommandError(
            _("There are {count} profiles ({names}); choose one with --profile NAME.").format(
                count=len(profiles), names=names
            )
        )
    for profile in profiles:
        if profile.nickname.casefold() == wanted.strip().casefold() or str(profile.id) == wanted:
            return profile
    names = ", ".join(p.nickname for p in profiles)
    raise CommandError(
        _("There is no profile called '{name}' (there is: {names}).").format(
            name=wanted, names=names
        )
    )


def _export(args: argparse.Namespace, paths: DataPaths) -> int:
    check_output(args.file, paths)
    content = load_content(exercises_dir(), i18n.current().code)
    with opened(paths) as db:
        profile = choose_profile(Repository(db).profiles(), args.profile)
        assert profile.id is not None
        current = resolve_plan(db, content, profile)
        plan_file = TherapistStore(db).plan_file_for(current, SystemClock().now())
    target = write_output(args.file, dump_plan_file(plan_file), paths)
    if target is not None:
        print(
            _("The plan of {name} was written to {file}.").format(
                name=profile.nickname, file=target
            )
        )
    return EXIT_OK


def _ask_pin(args: argparse.Namespace) -> str:
    """The PIN from standard input (--pin-from-stdin) or typed at a terminal, unseen."""
    if args.pin_from_stdin:
        return sys.stdin.readline().strip()
    if not sys.stdin.isatty():
        raise CommandError(
            _("A therapist PIN is set: type it at a terminal, or give it with --pin-from-stdin.")
        )
    return getpass.getpass(_("Therapist PIN: ")).strip()


def _unlock(store: TherapistStore, args: argparse.Namespace) -> None:
    """As in the app: with a PIN set, only the right PIN may change the plan; wrong tries
    count and wait the same way."""
    if store.pin_hash() is None:
        return
    problem = store.try_pin(_ask_pin(args), SystemClock().now())
    if problem is not None:
        raise CommandError(_("{problem} Nothing was changed.").format(problem=problem))


def _import(args: argparse.Namespace, paths: DataPaths) -> int:
    content = load_content(exercises_dir(), i18n.current().code)
    raw = read_plan_bytes(args.file)
    assert raw is not None  # only a cancel returns None
    plan_file = read_plan_file(
        raw, content.catalogue, content.red_flags
    )  # every check before the database
    now = SystemClock().now()
    with opened(paths) as db:
        repo = Repository(db)
        store = TherapistStore(db)
        if not args.dry_run:
            _unlock(store, args)
        profile = choose_profile(repo.profiles(), args.profile)
        assert profile.id is not None
        check_fits(plan_file, profile)
        resolved = resolve_plan(db, content, profile)
        catalogue = plan_file.catalogue(resolved.catalogue)
        current = resolved if resolved.is_stored else None
        if plan_file.therapist:
            heading = _("Plan from {therapist} for {name}. What changes:").format(
                therapist=plan_file.therapist, name=profile.nickname
            )
        else:
            heading = _("Plan for {name}. What changes:").format(name=profile.nickname)
        print(heading)
        for change in summarise_changes(
            current.plan if current else None, plan_file.plan, catalogue, profile.surgery_date
        ):
            print(f"  {change.section}: {change.text}")
        if args.dry_run:
            print(_("Nothing was changed (--dry-run)."))
            return EXIT_OK
        if (
            current is not None
            and current.plan == plan_file.plan
            and not plan_file.custom_exercises
        ):
            print(_("Nothing was changed: this is already the current plan."))
            return EXIT_OK
        store.import_plan(profile.id, plan_file, now)
        version = resolve_plan(db, content, profile).version
    print(
        _(
            "Done: this is now plan version {version}. Earlier versions and all history are kept."
        ).format(version=version)
    )
    return EXIT_OK


def _print(args: argparse.Namespace, paths: DataPaths) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from coach.commands.language import content_in, report_language
    from coach.domain.i18n import in_language
    from coach.reports.handout import handout_input, render_handout
    from coach.ui.app import make_application

    check_output(args.out, paths)
    make_application()
    day = args.date or SystemClock().now().date()
    try:
        with opened(paths) as db:
            profile = choose_profile(Repository(db).profiles(), args.profile)
            assert profile.id is not None
            language = report_language(args, profile)  # the profile's, or --lang's
            with in_language(language):
                content: Content = content_in(language)
                current = resolve_plan(db, content, profile)
                figures = TherapistStore(db).custom_figures(profile.id)
                data = handout_input(current, content, day, figures)
        with in_language(language):
            pdf = render_handout(data)
    except ExportError as exc:
        raise CommandError(str(exc)) from exc
    target = write_output(args.out, pdf, paths)
    if target is not None:
        print(
            _("The handout for {name} was written to {file}.").format(
                name=profile.nickname, file=target
            )
        )
    return EXIT_OK


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a date like 2026-03-01").format(value=value)
        ) from None


def _configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(
        dest="plan_command", metavar="ACTION", required=True, parser_class=type(parser)
    )
    export = sub.add_parser("export", help=_("write a profile's current plan to a plan file"))
    export.add_argument("--profile", metavar="P", help=_("nickname or number of the profile"))
    export.add_argument(
        "file", help=_("the plan file to write (e.g. sam.rcplan.json; '-': standard output)")
    )
    export.set_defaults(handler=_export)
    imp = sub.add_parser(
        "import", help=_("make a plan file the profile's current plan (old versions are kept)")
    )
    imp.add_argument("--profile", metavar="P", help=_("nickname or number (default: the only one)"))
    imp.add_argument("--dry-run", action="store_true", help=_("only show what would change"))
    imp.add_argument(
        "--pin-from-stdin",
        action="store_true",
        help=_("read the therapist PIN from the first line of standard input"),
    )
    imp.add_argument("file", type=existing_file, help=_("the plan file to read"))
    imp.set_defaults(handler=_import)
    printed = sub.add_parser("print", help=_("write a large-print PDF handout of the plan"))
    printed.add_argument("--profile", metavar="P", help=_("nickname or number of the profile"))
    printed.add_argument(
        "--out",
        required=True,
        metavar="FILE.pdf",
        help=_("the PDF to write ('-': standard output)"),
    )
    printed.add_argument("--date", type=_day, help=_("print the phase of this day (default today)"))
    printed.set_defaults(handler=_print)


def _unreachable(args: argparse.Namespace, paths: DataPaths) -> int:
    raise CommandError(_("Say what to do: plan export, plan import or plan print."))


COMMANDS = [
    Command(
        "plan",
        N_("export, import or print a patient's plan (a therapist's plan file or a handout)"),
        _configure,
        _unreachable,
    )
]
