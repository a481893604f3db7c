"""Entry points: ``rehab-coach`` (console), ``rehab-coach-gui`` (no console), ``python -m coach``.

Parses the command line, then either runs a headless command or starts the app. Qt is imported
only on the GUI path so that commands stay fast and work without a display.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """``rehab-coach``: every command, and the app when no command is given."""
    _printable_streams()
    from coach.cli import run

    return run(sys.argv[1:] if argv is None else argv)


def gui(argv: list[str] | None = None) -> int:
    """``rehab-coach-gui``: opens the app. It takes only the options that open the app
    (``--data-dir``, ``--demo``, ``--lang``); the commands belong to the console script, whose
    output has somewhere to go (a GUI script on Windows has no console)."""
    _printable_streams()
    from coach.cli import build_parser, run, use_language

    args = sys.argv[1:] if argv is None else argv
    refused = use_language(args)  # the help below is in the language of this run
    if refused is not None:
        return refused
    parser = build_parser(with_commands=False)
    parser.prog = "rehab-coach-gui"
    try:
        parser.parse_args(args)
    except SystemExit as exc:
        return int(exc.code or 0)
    return run(args)


def _printable_streams() -> None:
    """A GUI process on Windows (and a frozen windowed app) has no stdout/stderr: give it a
    sink so a stray print cannot crash it. A console that cannot show a character gets '?'
    instead of an exception."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, Path(os.devnull).open("w", encoding="utf-8"))  # noqa: SIM115
        elif hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


if __name__ == "__main__":
    sys.exit(main())
