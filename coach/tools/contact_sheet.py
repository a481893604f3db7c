"""Contact sheets: every figure on A4 pages with its name, key poses left to right, printed as
large as the handout prints them, so a person can review all figures in a minute."""

from __future__ import annotations

import os
from collections.abc import Mapping
from html import escape
from pathlib import Path

from coach.domain.figure import Figure
from coach.reports.figure_svg import strip_elements, strip_size

PAGE_W_MM, PAGE_H_MM = 210.0, 297.0
MARGIN_MM = 12.0
FIGURE_MM = 42.0  # as tall as the handout prints a figure (coach.reports.handout.FIGURE_MAX_MM)
NAME_MM = 9.0
ROW_GAP_MM = 5.0


def _row(figure: Figure, name: str, top: float, number: int) -> tuple[str, float]:
    """One figure's name and strip at ``top`` (mm); returns the SVG and the row's height."""
    width, height = strip_size(figure)
    usable = PAGE_W_MM - 2 * MARGIN_MM
    scale = min(FIGURE_MM / height, usable / width)
    poses = len(figure.poses)
    view = {"side": "side view", "feet": "from the feet", "top": "from above"}[figure.view]
    label = f"{number}. {name}  ({figure.id}, {poses} poses, {view})"
    text = (
        f'<text x="{MARGIN_MM}" y="{top + 6:.1f}" font-family="DejaVu Sans, Arial, sans-serif" '
        f'font-size="4.2" font-weight="bold" fill="#222">{escape(label)}</text>'
    )
    strip = (
        f'<g transform="translate({MARGIN_MM:.1f} {top + NAME_MM:.1f}) scale({scale:.4f})">'
        f"{strip_elements(figure)}</g>"
    )
    return text + strip, NAME_MM + height * scale + ROW_GAP_MM


def sheet_pages(figures: Mapping[str, Figure], names: Mapping[str, str]) -> list[str]:
    """The SVG documents of the contact sheets, figures in id order."""
    pages: list[list[str]] = [[]]
    top = MARGIN_MM
    for number, (figure_id, figure) in enumerate(sorted(figures.items()), start=1):
        row, height = _row(figure, names.get(figure_id, figure_id), top, number)
        if top + height > PAGE_H_MM - MARGIN_MM and pages[-1]:
            pages.append([])
            top = MARGIN_MM
            row, height = _row(figure, names.get(figure_id, figure_id), top, number)
        pages[-1].append(row)
        top += height
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {PAGE_W_MM:g} {PAGE_H_MM:g}" '
        f'width="{PAGE_W_MM:g}mm" height="{PAGE_H_MM:g}mm">'
        f'<rect width="{PAGE_W_MM:g}" height="{PAGE_H_MM:g}" fill="#fff"/>'
    )
    return [head + "".join(rows) + "</svg>\n" for rows in pages]


def write_sheets(
    figures: Mapping[str, Figure], names: Mapping[str, str], folder: Path
) -> list[Path]:
    """Write sheet-1.svg, sheet-2.svg, ... (and a PNG of each when Qt is there)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index, page in enumerate(sheet_pages(figures, names), start=1):
        path = folder / f"sheet-{index}.svg"
        path.write_text(page, encoding="utf-8", newline="\n")
        written.append(path)
    _write_pngs(written)
    return written


def _write_pngs(pages: list[Path], dpi: int = 150) -> None:
    """A PNG beside each sheet for a quick look; skipped when Qt is not installed."""
    try:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QImage, QPainter
        from PySide6.QtSvg import QSvgRenderer
        from PySide6.QtWidgets import QApplication
    except ImportError:
        return
    _app = QApplication.instance() or QApplication([])  # text needs an application
    for path in pages:
        renderer = QSvgRenderer(str(path))
        width = round(PAGE_W_MM / 25.4 * dpi)
        height = round(PAGE_H_MM / 25.4 * dpi)
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(path.with_suffix(".png")))
