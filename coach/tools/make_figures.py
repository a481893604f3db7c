"""Write assets/figures/<id>.svg for every figure in exercises/figures (start and end pose).

Run ``python -m coach.tools.make_figures [--out DIR]`` after changing a figure file; the SVGs are
committed so that printed reports and plan files can use them without Qt. The output is
deterministic: the same figure files give the same bytes.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

from coach.domain.figure import FigureError, figure_title, load_figures
from coach.reports.figure_svg import figure_svg


def shipped_dirs() -> tuple[Path, Path]:
    """exercises/ and assets/: from coach.paths when it is there, else beside the package."""
    try:
        from coach.paths import assets_dir, exercises_dir
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
    args = parser.parse_args(argv)
    try:
        written = write_figures(exercises, args.out)
    except FigureError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"wrote {len(written)} figures to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
