"""The contact sheets: every figure, named, on A4 pages, at the size the handout prints."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from coach.domain.figure import load_figures
from coach.reports.figure_svg import strip_size
from coach.tools import make_figures
from coach.tools.contact_sheet import FIGURE_MM, PAGE_H_MM, PAGE_W_MM, sheet_pages

ROOT = Path(__file__).resolve().parents[2]
FIGURES = load_figures(ROOT / "exercises" / "figures")
SVG = "{http://www.w3.org/2000/svg}"


def test_every_figure_is_on_a_sheet_once_with_its_name() -> None:
    names = {key: f"Name of {key}" for key in FIGURES}
    pages = sheet_pages(FIGURES, names)
    text = "".join(pages)
    for key in FIGURES:
        assert text.count(f"Name of {key}  ({key},") == 1, key
    assert 1 < len(pages) <= 10  # a quick look: a handful of pages, not one per figure


def test_rows_fit_on_the_page_at_print_size() -> None:
    """Each strip is as tall as the handout prints a figure, or narrower to fit the page."""
    strips = [strip_size(FIGURES[key]) for key in sorted(FIGURES)]
    placed = []
    for page in sheet_pages(FIGURES, {}):
        root = ET.fromstring(page.split("\n", 1)[1])
        for group in root.iter(f"{SVG}g"):
            found = re.match(r"translate\(([\d.]+) ([\d.]+)\) scale\(([\d.]+)\)",
                             group.get("transform") or "")  # fmt: skip
            if found is not None:
                placed.append((float(found[1]), float(found[2]), float(found[3])))
    assert len(placed) == len(strips)
    for (left, top, scale), (width, height) in zip(placed, strips, strict=True):
        assert height * scale == pytest.approx(FIGURE_MM, abs=0.05) or (
            left + width * scale == pytest.approx(PAGE_W_MM - left, abs=0.05)
        )
        assert left + width * scale <= PAGE_W_MM - left + 0.05
        assert top + height * scale <= PAGE_H_MM


def test_the_sheet_option_writes_svg_and_png_pages(qapp: QApplication, tmp_path: Path) -> None:
    assert make_figures.main(["--sheet", str(tmp_path / "sheets")]) == 0
    svgs = sorted((tmp_path / "sheets").glob("sheet-*.svg"))
    assert svgs
    for path in svgs:
        root = ET.fromstring(path.read_text(encoding="utf-8").split("\n", 1)[1])
        assert root.get("width") == f"{PAGE_W_MM:g}mm"
        assert path.with_suffix(".png").stat().st_size > 10_000


def test_an_unwritable_sheet_folder_is_one_clear_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert make_figures.main(["--sheet", str(blocker / "sheets")]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("cannot write there:") and "\n" not in error
