"""The printed figures: valid SVG, both poses, and the committed files are up to date."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

from coach.domain.figure import load_figure, load_figures
from coach.reports.figure_svg import ACCENT_HEX, figure_svg
from coach.tools import make_figures

ROOT = Path(__file__).resolve().parents[2]
FIGURES = ROOT / "exercises" / "figures"
SVG = "{http://www.w3.org/2000/svg}"


def test_svg_has_a_title_and_both_poses() -> None:
    svg = figure_svg(load_figure(FIGURES / "bridge.toml"), "Bridge")
    root = ET.fromstring(svg.split("\n", 1)[1])
    assert root.get("aria-label") == "Drawing of Bridge"
    assert root.findtext(f"{SVG}title") == "Drawing of Bridge"
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g")}
    assert set(groups) == {"pose-1", "pose-2"}
    assert all(len(group) > 10 for group in groups.values())


def test_a_sequence_prints_as_a_numbered_strip_left_to_right() -> None:
    figure = load_figure(FIGURES / "log-roll.toml")
    root = ET.fromstring(figure_svg(figure, "Log roll").split("\n", 1)[1])
    groups = list(root.iter(f"{SVG}g"))
    assert [g.get("id") for g in groups] == ["pose-1", "pose-2", "pose-3", "pose-4"]
    numbers = [t.text for t in root.iter(f"{SVG}text")]
    assert numbers == ["1", "2", "3", "4"]
    lefts = [min(_xs(g)) for g in groups]
    assert lefts == sorted(lefts)  # in order, left to right, without overlapping
    for before, after in itertools.pairwise(groups):
        assert max(_xs(before)) < min(_xs(after))


def test_each_picture_carries_the_arrows_of_the_move_that_starts_there() -> None:
    figure = load_figure(FIGURES / "bridge.toml")
    root = ET.fromstring(figure_svg(figure).split("\n", 1)[1])
    first, last = (g for g in root.iter(f"{SVG}g"))

    def arrowheads(group: ET.Element) -> int:
        return sum(p.get("fill") == ACCENT_HEX for p in group.iter(f"{SVG}polygon"))

    assert arrowheads(first) == len(figure.arrows) > 0
    assert arrowheads(last) == 0


def _xs(group: ET.Element) -> list[float]:
    xs = []
    for element in group.iter():
        for pair in (element.get("points") or "").split():
            xs.append(float(pair.split(",")[0]))
        if element.get("cx"):
            xs.append(float(element.get("cx", "0")))
    return xs


def test_names_are_escaped() -> None:
    svg = figure_svg(load_figure(FIGURES / "bridge.toml"), "Bridge <b>&</b>")
    assert "<b>" not in svg
    ET.fromstring(svg.split("\n", 1)[1])


def test_output_is_deterministic() -> None:
    figure = load_figure(FIGURES / "cat-camel.toml")
    assert figure_svg(figure) == figure_svg(figure)


def test_make_figures_writes_one_valid_svg_per_figure(tmp_path: Path) -> None:
    assert make_figures.main(["--out", str(tmp_path)]) == 0
    written = sorted(p.stem for p in tmp_path.glob("*.svg"))
    assert written == sorted(load_figures(FIGURES))
    for path in tmp_path.glob("*.svg"):
        ET.fromstring(path.read_text(encoding="utf-8").split("\n", 1)[1])


def test_committed_svgs_match_the_figure_files(tmp_path: Path) -> None:
    """Run `python -m coach.tools.make_figures` after changing a figure file."""
    make_figures.main(["--out", str(tmp_path)])
    for fresh in tmp_path.glob("*.svg"):
        committed = ROOT / "assets" / "figures" / fresh.name
        assert committed.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), (
            fresh.name
        )
