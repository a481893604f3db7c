"""One chart's plot: a date axis whose labels never collide, a fixed value axis with round
ticks and opaque grid lines, the surgery, phase and warning-sign marks with their labels, and a
hover cursor. No mouse zoom or pan and no context menu, so a shaky hand cannot lose the view.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF

import numpy as np  # isort: skip  (after PySide6, so that pyqtgraph binds to PySide6)
import pyqtgraph as pg  # isort: skip

from coach.ui.common.date_ticks import date_ticks, day_label, month_label
from coach.ui.progress.chart_data import DAY_S, ChartTheme

DOTTED = Qt.PenStyle.DotLine
DASHED = Qt.PenStyle.DashLine


def scaled(base: QFont, scale: float) -> QFont:
    """``base`` made ``scale`` times bigger (fonts may be in points or in pixels)."""
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(max(8.0, font.pointSizeF() * scale))
    else:
        font.setPixelSize(max(10, round(font.pixelSize() * scale)))
    return font


def css_size(font: QFont) -> str:
    """For pyqtgraph's HTML labels, which honour points only (a pixel is 3/4 point)."""
    points = font.pointSizeF() if font.pointSizeF() > 0 else font.pixelSize() * 0.75
    return f"{points:.0f}pt"


WIDE_DAY = date(2026, 9, 30)  # a wide date label (in the language shown), to measure room


class DateAxis(pg.DateAxisItem):  # type: ignore[misc]
    """Dates as people write them ('4 Sep', 'Sep 2026', '2026'), as many as fit without
    touching (``coach.ui.common.date_ticks``)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._labels: dict[float, str] = {}

    def tickValues(self, low: float, high: float, size: float) -> list[object]:
        metrics = QFontMetricsF(self.style.get("tickFont") or self.font())
        day_px = max(1.0, metrics.horizontalAdvance(day_label(WIDE_DAY)) * 1.6)
        month_px = max(1.0, metrics.horizontalAdvance(month_label(WIDE_DAY)) * 1.5)
        ticks = date_ticks(low, high, int(size / day_px), int(size / month_px))
        self._labels = dict(ticks)
        spacing = ticks[1][0] - ticks[0][0] if len(ticks) > 1 else DAY_S
        return [(spacing, [value for value, _ in ticks])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        del scale, spacing
        return [self._labels.get(value, "") for value in values]


class Plot(pg.PlotWidget):  # type: ignore[misc]
    """A plot with a date axis and a fixed y range; no mouse zoom or pan (the range buttons
    do that) and no context menu, so a shaky hand cannot lose the view."""

    def __init__(
        self, name: str, y_range: tuple[float, float], y_label: str, y_step: float
    ) -> None:
        super().__init__(None, axisItems={"bottom": DateAxis(orientation="bottom")})
        self.setAccessibleName(name)
        self.setMinimumHeight(200)
        self.setMouseEnabled(x=False, y=False)
        self.setMenuEnabled(False)
        self.hideButtons()
        self.item = self.getPlotItem()
        self.item.setYRange(*y_range, padding=0)
        self.grid: list[pg.InfiniteLine] = []
        self.text_font = QFont()
        self.y_top = y_range[1]
        self.set_y_ticks(y_range[1], y_step)
        self.y_label = y_label
        self.cursor = pg.InfiniteLine(angle=90, movable=False)
        self.cursor.setZValue(20)
        self.cursor.hide()
        self.addItem(self.cursor, ignoreBounds=True)
        self.marks: list[pg.InfiniteLine] = []
        self.labels: list[pg.TextItem] = []
        self.x_range = (0.0, 1.0)
        self.item.vb.sigResized.connect(self.place_labels)

    def set_y_ticks(self, top: float, step: float) -> None:
        """Ticks at round values, with opaque grid lines (alpha-blended grids cost a
        millisecond per chart on every redraw)."""
        values = [float(v) for v in np.arange(0, top + 0.001, step)]
        self.item.getAxis("left").setTicks([[(v, f"{v:g}") for v in values], []])
        for line in self.grid:
            self.removeItem(line)
        self.grid = []
        for value in values[1:]:
            line = pg.InfiniteLine(pos=value, angle=0, movable=False)
            line.setZValue(-10)
            self.addItem(line, ignoreBounds=True)
            self.grid.append(line)
        self._style_grid()

    def _style_grid(self) -> None:
        theme = getattr(self, "theme", None)
        if theme is None:
            return
        back, fore = QColor(theme.background), QColor(theme.foreground)
        mixed = QColor(
            (back.red() * 7 + fore.red()) // 8,
            (back.green() * 7 + fore.green()) // 8,
            (back.blue() * 7 + fore.blue()) // 8,
        )
        for line in self.grid:
            line.setPen(pg.mkPen(mixed, width=1))

    def style(self, theme: ChartTheme, font: QFont) -> None:
        self.text_font = font
        self.theme = theme
        self._style_grid()
        self.setBackground(theme.background)
        for name in ("left", "bottom"):
            axis = self.item.getAxis(name)
            axis.setPen(pg.mkPen(theme.muted))
            axis.setTextPen(pg.mkPen(theme.foreground))
            axis.setStyle(tickFont=scaled(font, 0.85))
        size = css_size(scaled(font, 0.85))
        self.item.setLabel("left", self.y_label, color=theme.foreground, **{"font-size": size})
        self.cursor.setPen(pg.mkPen(theme.muted, width=1, style=DOTTED))

    def set_marks(
        self, marks: Sequence[tuple[float, str, str]], theme: ChartTheme, labelled: set[str]
    ) -> None:
        for item in [*self.marks, *self.labels]:
            self.removeItem(item)
        self.marks, self.labels = [], []
        pens = {
            "surgery": pg.mkPen(theme.foreground, width=2),
            "phase": pg.mkPen(theme.muted, width=1.5, style=DASHED),
            "warning": pg.mkPen(theme.warning, width=2, style=Qt.PenStyle.DashDotLine),
        }
        for stamp, kind, text in marks:
            line = pg.InfiniteLine(pos=stamp, angle=90, pen=pens[kind], movable=False)
            self.addItem(line, ignoreBounds=True)
            self.marks.append(line)
            if kind in labelled:
                label = pg.TextItem(text, color=theme.foreground, anchor=(0, 0))
                label.setFont(scaled(self.text_font, 0.8))
                y = self.y_top * (0.85 if kind == "warning" else 1.0)
                label.setPos(stamp, y)
                self.addItem(label, ignoreBounds=True)
                self.labels.append(label)

    def place_labels(self) -> None:
        """Show the labels inside the range that do not overlap, flipped to the left of
        their line near the right edge."""
        first, last = self.x_range
        width_px = max(1.0, self.item.vb.width())
        per_px = (last - first) / width_px
        taken_until = -np.inf
        for label in sorted(self.labels, key=lambda t: t.pos().x()):
            x = label.pos().x()
            text_w = (label.boundingRect().width() + 8) * per_px
            inside = first <= x <= last
            flip = x + text_w > last
            left = x - text_w if flip else x
            visible = inside and left > taken_until
            label.setVisible(bool(visible))
            if visible:
                label.setAnchor((1, 0) if flip else (0, 0))
                taken_until = left + text_w
