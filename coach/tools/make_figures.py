"""Write assets/figures/<id>.svg for every figure in exercises/figures, and contact sheets.

Run ``python -m coach.tools.make_figures [--out DIR]`` after changing a figure file; the SVGs are
committed so that printed reports and plan files can use them without Qt. The output is
deterministic: the same figure files give the same bytes.

``--sheet DIR`` writes contact sheets instead: every figure with its name, its key poses left to
right, at the size the handout prints them (A4 pages, ``sheet-1.svg``, ...; also ``.png`` when
Qt is installed), so a person can check every figure in a minute.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

from coach.domain.figure import FigureError, figure_title, load_figures
from coach.reports.figure_svg import figure_svg
from coach.tools.contact_sheet import write_sheets


def shipped_dirs() -> tuple[Path, Path]:
    """exercises/ and assets/: from coach.system.paths when it is there, else beside the package."""
    try:
        from coach.system.paths import assets_dir, exercises_dir
    except ImportError:
        root = Path(__file__).resolve().parents[2]
        return root / "exercises", root / "assets"
    return exercises_dir(), assets_dir()


def exercise_name(exercises: Path, exercise_id: str) -> str:
    """The exercise's name from its catalogue file, or one made from the id."""
    try:
        data = tomllib.loads((exercises / "catalogue" / f"{exercise_id}.toml").read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return figure_title(exercise_id)
    name = data.get("name")
    return name if isinstance(name, str) and name else figure_title(exercise_id)


def write_figures(exercises: Path, out: Path) -> list[Path]:
    """Write one SVG per figure file; returns the files written."""
    figures = load_figures(exercises / "figures")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for figure_id, figure in figures.items():
        target = out / f"{figure_id}.svg"
        svg = figure_svg(figure, exercise_name(exercises, figure_id))
        target.write_text(svg, encoding="utf-8", newline="\n")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    exercises, assets = shipped_dirs()
    parser = argparse.ArgumentParser(prog="python -m coach.tools.make_figures", description=__doc__)
    parser.add_argument("--out", type=Path, default=assets / "figures", help="folder for the SVGs")
    parser.add_argument(
        "--sheet", type=Path, metavar="DIR", help="write contact sheets of every figure to DIR"
    )
    args = parser.parse_args(argv)
    try:
        if args.sheet is not None:
            figures = load_figures(exercises / "figures")
            names = {key: exercise_name(exercises, key) for key in figures}
            pages = write_sheets(figures, names, args.sheet)
            print(f"wrote {len(pages)} contact sheets of {len(figures)} figures to {args.sheet}")
            return 0
        written = write_figures(exercises, args.out)
    except FigureError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"cannot write there: {error.strerror}: {error.filename}", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} figures to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
