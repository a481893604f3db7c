"""screenshot DIR: every main screen rendered with demo data, one PNG each."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from coach.commands.base import EXIT_ERROR, EXIT_OK, Command
from coach.domain.i18n import N_, _, current
from coach.system.paths import DataPaths


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", help=_("folder for the PNG files (created if needed)"))
    parser.add_argument(
        "--size", default="1280x800", type=_size, help=_("window size WIDTHxHEIGHT (1280x800)")
    )
    parser.add_argument(
        "--text-size", type=_percent, default=125, help=_("text size, 100 to 200 percent (125)")
    )
    parser.add_argument("--theme", default="light", choices=("light", "dark"))
    parser.add_argument(
        "--check",
        action="store_true",
        help=_(
            "also list any cut-off text or widget outside its window (and, in the test "
            "pseudo-language, --lang qps, any text not translated); exit 1 if there is one"
        ),
    )


def _percent(text: str) -> int:
    if text.isdigit() and 100 <= int(text) <= 200:
        return int(text)
    raise argparse.ArgumentTypeError(
        _("'{text}' is not a text size from 100 to 200").format(text=text)
    )


def _size(text: str) -> tuple[int, int]:
    """WIDTHxHEIGHT, each 320 to 7680 pixels."""
    parts = text.lower().split("x")
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        width, height = int(parts[0]), int(parts[1])
        if 320 <= width <= 7680 and 320 <= height <= 7680:
            return width, height
    raise argparse.ArgumentTypeError(_("'{text}' is not a size like 1366x768").format(text=text))


def _screenshot(args: argparse.Namespace, paths: DataPaths) -> int:
    del paths  # screenshots use a throwaway demo folder, never the user's data
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from coach.shots.render import Look, render_screens
    from coach.ui.common.errors import route_qt_messages
    from coach.ui.common.untranslated import Untranslated

    route_qt_messages()

    look = Look(args.size, args.text_size, args.theme)  # in the language of this run
    problems: list[str] | None = [] if args.check else None
    untranslated: list[Untranslated] | None = [] if args.check and current().pseudo else None
    out_dir = Path(args.dir).expanduser()
    for path in render_screens(out_dir, look=look, problems=problems, untranslated=untranslated):
        print(path)
    for problem in problems or []:
        print(_("does not fit: {problem}").format(problem=problem), file=sys.stderr)
    for item in untranslated or []:
        print(_("not translated: {item}").format(item=item), file=sys.stderr)
    return EXIT_ERROR if problems or untranslated else EXIT_OK


COMMANDS = [
    Command(
        "screenshot",
        N_("render every main screen to PNG files in DIR, with demo data"),
        _configure,
        _screenshot,
    )
]
