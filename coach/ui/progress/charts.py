"""The progress charts widget: every chart definition of ``coach.reports.progress_charts``
drawn with pyqtgraph, the full-width ones one under the other on one shared date axis, the
half-width ones side by side. This package is the only one that imports pyqtgraph, and only
when the Progress screen (or a PDF report) is first built: pyqtgraph costs about 0.3 s to
import, which must not delay the app's start.

Speed with ten years of data: the series become numpy arrays once per data load
(``chart_series``); a redraw only hands those arrays to the plot items made once at start
(``chart_items``), and the marks (surgery, phases, warning signs) are rebuilt only when they
change. Drawing costs then depend on the screen's width, not on the years of history.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from coach.domain.i18n import _
from coach.reports import progress_charts
from coach.reports.chart_spec import Chart
from coach.ui.progress.chart_data import (
    DAY_S,
    ChartSeries,
    ChartTheme,
    day_stamp,
    theme_from_palette,
)
from coach.ui.progress.chart_items import SeriesItem, make_item
from coach.ui.progress.chart_legend import ChartFrame
from coach.ui.progress.chart_plot import Plot

POINTS_PER_PIXEL = 0.34  # a point every 3 pixels: 7-day averages are smooth at that


class ProgressCharts(QWidget):
    """Every chart of ``charts`` (default: ``CHARTS``) with its title and legend, on one date
    axis. ``hovered`` gives the day under the mouse (or None)."""

    hovered = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        theme: ChartTheme | None = None,
        charts: Sequence[Chart] | None = None,
    ) -> None:
        super().__init__(parent)
        self.specs = tuple(progress_charts.CHARTS if charts is None else charts)
        self._fixed_theme = theme
        self._theme = theme or theme_from_palette(self.palette())
        self.text_font: QFont | None = None  # None: follow the app's text size
        self._series: ChartSeries | None = None
        self._marks: tuple[object, ...] | None = None
        self._range = (0.0, 1.0)
        self._span = 0
        self._step = 1
        self._y_fit: dict[str, tuple[float, float]] = {}
        self.plot_of: dict[str, Plot] = {}
        self.frames: dict[str, ChartFrame] = {}
        for spec in self.specs:
            plot = Plot(_(spec.name), (0, spec.y.top), _(spec.y.label), spec.y.step)
            self.plot_of[spec.id] = plot
            self.frames[spec.id] = ChartFrame(_(spec.title), plot, self)
        self._lay_out()
        self.plots: list[Plot] = list(self.plot_of.values())
        self.linked = [self.plot_of[s.id] for s in self.specs if not s.half]  # one x range
        for plot in self.linked[1:]:
            plot.setXLink(self.linked[0])
        for plot in self.plots:
            plot.scene().sigMouseMoved.connect(lambda pos, p=plot: self._on_mouse_moved(p, pos))
        self.items: dict[tuple[str, str], SeriesItem] = {
            (spec.id, s.id): make_item(self.plot_of[spec.id], spec.id, s)
            for spec in self.specs
            for s in spec.series
        }
        self.apply_theme()

    def _lay_out(self) -> None:
        """Full-width charts one under the other; half-width ones in pairs side by side."""
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(20)
        row: QHBoxLayout | None = None
        for spec in self.specs:
            if not spec.half:
                column.addWidget(self.frames[spec.id])
                continue
            if row is None or row.count() == 2:
                row = QHBoxLayout()
                row.setSpacing(20)
                column.addLayout(row)
            row.addWidget(self.frames[spec.id])

    def item(self, chart_id: str, series_id: str) -> object:
        """The pyqtgraph item that draws one series (for tests)."""
        return self.items[chart_id, series_id].data_item()

    def apply_theme(self) -> None:
        t = self._theme
        for plot in self.plots:
            plot.style(t, self.text_font or self.font())
        for item in self.items.values():
            item.style(t)
        self._set_keys(force=True)
        self._marks = None
        if self._series is not None:
            self._update_marks(self._series)

    def _set_keys(self, *, force: bool = False) -> None:
        """The legends (colours follow the theme; some words follow the span shown)."""
        for spec in self.specs:
            items = [self.items[spec.id, s.id] for s in spec.series]
            keys = [i.key(self._theme, self._span) for i in items]
            if force or keys != self.frames[spec.id].legend():
                self.frames[spec.id].set_keys(keys)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if self._fixed_theme is None and event.type() == QEvent.Type.PaletteChange:
            self._theme = theme_from_palette(self.palette())
            self.apply_theme()

    # -- data ----------------------------------------------------------------------------------
    def set_series(self, series: ChartSeries) -> None:
        """Show new data (or redraw the same): ``setData`` on the existing items only."""
        self._series = series
        for item in self.items.values():
            item.set_data(series)
        for chart_id, notes in series.notes.items():
            self.frames[chart_id].set_notes(notes)
        for chart_id, fit in series.y_fit.items():
            if fit != self._y_fit.get(chart_id):  # new grid lines only when the scale changes
                self._y_fit[chart_id] = fit
                plot = self.plot_of[chart_id]
                plot.item.setYRange(0, fit[0], padding=0)
                plot.set_y_ticks(*fit)
        self._update_marks(series)

    def _set_detail(self) -> None:
        """Downsample the lines to about one point per three pixels of the visible span."""
        if not self.linked:
            return
        days = (self._range[1] - self._range[0]) / DAY_S
        pixels = max(100.0, float(self.linked[0].item.vb.width()))
        step = max(1, int(days / (pixels * POINTS_PER_PIXEL)))
        if step != self._step:
            self._step = step
            for item in self.items.values():
                item.set_step(step)

    def _update_marks(self, series: ChartSeries) -> None:
        key = (series.marks, series.x[0] if len(series.x) else 0)
        if key == self._marks:
            return
        self._marks = key
        for spec in self.specs:
            self.plot_of[spec.id].set_marks(series.marks, self._theme, set(spec.labels))
        self.place_labels()

    def set_range(self, first: date, last: date) -> None:
        """Show the days ``first``..``last`` on every chart. Called before ``set_series``,
        the data is then prepared for this range only."""
        self._range = (day_stamp(first) - DAY_S / 2, day_stamp(last) + DAY_S / 2)
        span = (last - first).days
        for plot in [*self.linked[:1], *(p for p in self.plots if p not in self.linked)]:
            plot.item.setXRange(*self._range, padding=0)
        for item in self.items.values():
            item.set_range((first, last))
        if span != self._span:
            self._span = span
            self._set_keys()
        self._set_detail()
        self.place_labels()

    def place_labels(self) -> None:
        for plot in self.plots:
            plot.x_range = self._range
            plot.place_labels()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._set_detail()
        self.place_labels()

    # -- hover ---------------------------------------------------------------------------------
    def _on_mouse_moved(self, plot: Plot, pos: QPointF) -> None:
        series = self._series
        if series is None or not len(series.x):
            return
        x = plot.item.vb.mapSceneToView(pos).x()
        index = round((x - series.x[0]) / DAY_S)
        if not 0 <= index < len(series.x):
            self.hovered.emit(None)
            return
        for p in self.plots:
            p.cursor.setPos(series.x[index])
            p.cursor.show()
        self.hovered.emit(series.start + timedelta(days=index))

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        for p in self.plots:
            p.cursor.hide()
        self.hovered.emit(None)
