"""screenshot DIR: every main screen rendered with demo data, one PNG each."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from coach.cli import EXIT_OK, Command
from coach.paths import DataPaths


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", help="folder for the PNG files (created if needed)")


def _screenshot(args: argparse.Namespace, paths: DataPaths) -> int:
    del paths  # screenshots use a throwaway demo folder, never the user's data
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from coach.ui.errors import route_qt_messages
    from coach.ui.screenshots import render_screens

    route_qt_messages()

    for path in render_screens(Path(args.dir).expanduser()):
        print(path)
    return EXIT_OK


COMMANDS = [
    Command(
        "screenshot",
        "render every main screen to PNG files in DIR, with demo data",
        _configure,
        _screenshot,
    )
]
