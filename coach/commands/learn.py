"""learn: the Learn topics on the command line: list them, or print some or all to a PDF.

Reads only the shipped topics; the user's data is opened only with --profile, to put that
profile's emergency number into the printed text.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from coach.commands.base import EXIT_OK, Command, CommandError
from coach.commands.language import content_in, report_language
from coach.domain.content import load_content
from coach.domain.i18n import N_, _, current, in_language, ngettext
from coach.domain.learn import LearnLibrary, Topic
from coach.domain.profile import Profile
from coach.system.paths import DataPaths, exercises_dir

NO_NUMBER = N_("your emergency number")  # inside a printed sentence, in its language


def _library() -> LearnLibrary:
    return load_content(exercises_dir(), current().code).learn


def _list(args: argparse.Namespace, paths: DataPaths) -> int:
    del args, paths
    library = _library()
    width = max(len(t.id) for t in library)
    for topic in library:
        print(f"{topic.id:<{width}}  {topic.title}")
        print(f"{'':<{width}}  {topic.summary}")
    return EXIT_OK


def chosen_topics(library: LearnLibrary, wanted: list[str], everything: bool) -> list[Topic]:
    """The topics named (in the order given, each once), or all with --all."""
    if everything and wanted:
        raise CommandError(_("Name topics or give --all, not both."))
    if everything:
        return list(library)
    if not wanted:
        raise CommandError(
            _("Name at least one topic (see 'rehab-coach learn list') or give --all.")
        )
    chosen: list[Topic] = []
    for topic_id in wanted:
        if topic_id not in library:
            raise CommandError(
                _(
                    "There is no topic called '{topic}'; 'rehab-coach learn list' shows them."
                ).format(topic=topic_id)
            )
        topic = library.get(topic_id)
        if topic not in chosen:
            chosen.append(topic)
    return chosen


def _profile(paths: DataPaths, wanted: str | None) -> Profile | None:
    if wanted is None:
        return None
    from coach.commands.plan import choose_profile, opened
    from coach.store.repository import Repository

    with opened(paths) as db:
        return choose_profile(Repository(db).profiles(), wanted)


def _print(args: argparse.Namespace, paths: DataPaths) -> int:
    target = Path(args.out).expanduser()
    if target.suffix.lower() != ".pdf":
        raise CommandError(
            _("{file} does not end in .pdf; give a PDF file name.").format(file=target)
        )
    profile = _profile(paths, args.profile)
    language = report_language(args, profile)  # --lang's, the profile's, or the run's
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from coach.reports.atomic import ExportError
    from coach.reports.learn_pdf import write_topics
    from coach.ui.app import make_application

    topics = chosen_topics(content_in(language).learn, args.topics, args.all)
    make_application()
    try:
        with in_language(language):
            number = profile.emergency_number if profile is not None else _(NO_NUMBER)
            write_topics(target, topics, number, data_folder=paths.root)
    except ExportError as exc:
        raise CommandError(str(exc)) from exc
    print(
        ngettext(
            "{count} topic was written to {file}.",
            "{count} topics were written to {file}.",
            len(topics),
        ).format(count=len(topics), file=target)
    )
    return EXIT_OK


def _configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(
        dest="learn_command", metavar="ACTION", required=True, parser_class=type(parser)
    )
    listed = sub.add_parser("list", help=_("list the topics: id, title and one-line summary"))
    listed.set_defaults(handler=_list)
    printed = sub.add_parser("print", help=_("write topics as a large-print PDF"))
    printed.add_argument("topics", nargs="*", metavar="TOPIC", help=_("topic ids (see learn list)"))
    printed.add_argument("--all", action="store_true", help=_("print every topic"))
    printed.add_argument("--out", required=True, metavar="FILE.pdf", help=_("the PDF to write"))
    printed.add_argument(
        "--profile", metavar="P", help=_("put this profile's emergency number in the text")
    )
    printed.set_defaults(handler=_print)


def _unreachable(args: argparse.Namespace, paths: DataPaths) -> int:
    raise CommandError(_("Say what to do: learn list or learn print."))


COMMANDS = [
    Command(
        "learn",
        N_("list the Learn topics about leg pain after surgery, or print them to a PDF"),
        _configure,
        _unreachable,
    )
]
