"""Entry point: ``rehab-coach`` and ``python -m coach``.

Parses the command line, then either runs a headless command or starts the app. Qt is imported
only on the GUI path so that commands stay fast and work without a display.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from coach.cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
