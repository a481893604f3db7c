"""The progress charts. This is the only module that imports pyqtgraph, and it is
imported only when the Progress screen (or a PDF report) is first built: pyqtgraph costs about
0.3 s to import, which must not delay the app's start.

Speed with ten years of data: the series become numpy arrays once per data load
(``chart_series``); a redraw only hands those arrays to the plot items made once at start
(``setData``), curves are clipped to the visible range and downsampled, and the marks (surgery,
phases, warning signs) are rebuilt only when they change. Drawing costs then depend on the
screen's width, not on the years of history.

Colours are Okabe-Ito (safe for colour-blind eyes) and every series also differs by line style
or marker, so nothing depends on colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPalette, QResizeEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QVBoxLayout, QWidget

import numpy as np  # isort: skip  (after PySide6, so that pyqtgraph binds to PySide6)
import pyqtgraph as pg  # isort: skip

from coach.domain.progress import REGIONS, Progress
from coach.ui.common.date_ticks import date_ticks
from coach.ui.progress.chart_data import (
    DAY_S,
    LIGHT,
    ChartSeries,
    ChartTheme,
    chart_series,
    day_stamp,
    theme_from_palette,
)
from coach.ui.progress.chart_legend import ChartFrame, Key

DOTS_UP_TO_DAYS = 130  # daily dots over a longer span would be a blur: lines only
WEEKLY_WALKING_FROM_DAYS = 200  # longer spans: one bar per week (daily bars < 1 px wide)
POINTS_PER_PIXEL = 0.34  # a point every 3 pixels: 7-day averages are smooth at that
DOTTED = Qt.PenStyle.DotLine
DASHED = Qt.PenStyle.DashLine
SOLID = Qt.PenStyle.SolidLine
NO_LINE = Qt.PenStyle.NoPen


# -- plots ---------------------------------------------------------------------------------------
def _scaled(base: QFont, scale: float) -> QFont:
    """``base`` made ``scale`` times bigger (fonts may be in points or in pixels)."""
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(max(8.0, font.pointSizeF() * scale))
    else:
        font.setPixelSize(max(10, round(font.pixelSize() * scale)))
    return font


def _css_size(font: QFont) -> str:
    """For pyqtgraph's HTML labels, which honour points only (a pixel is 3/4 point)."""
    points = font.pointSizeF() if font.pointSizeF() > 0 else font.pixelSize() * 0.75
    return f"{points:.0f}pt"


class _DateAxis(pg.DateAxisItem):  # type: ignore[misc]
    """Dates as people write them ('4 Sep', 'Sep 2026', '2026'), as many as fit without
    touching (``coach.ui.common.date_ticks``)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._labels: dict[float, str] = {}

    def tickValues(self, low: float, high: float, size: float) -> list[object]:
        metrics = QFontMetricsF(self.style.get("tickFont") or self.font())
        day_px = max(1.0, metrics.horizontalAdvance("30 Sep") * 1.6)
        month_px = max(1.0, metrics.horizontalAdvance("Sep 2026") * 1.5)
        ticks = date_ticks(low, high, int(size / day_px), int(size / month_px))
        self._labels = dict(ticks)
        spacing = ticks[1][0] - ticks[0][0] if len(ticks) > 1 else DAY_S
        return [(spacing, [value for value, _ in ticks])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        del scale, spacing
        return [self._labels.get(value, "") for value in values]


class _Plot(pg.PlotWidget):  # type: ignore[misc]
    """A plot with a date axis and a fixed y range; no mouse zoom or pan (the range buttons
    do that) and no context menu, so a shaky hand cannot lose the view."""

    def __init__(
        self, name: str, y_range: tuple[float, float], y_label: str, y_step: float
    ) -> None:
        super().__init__(None, axisItems={"bottom": _DateAxis(orientation="bottom")})
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
            axis.setStyle(tickFont=_scaled(font, 0.85))
        size = _css_size(_scaled(font, 0.85))
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
                label.setFont(_scaled(self.text_font, 0.8))
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


@dataclass(frozen=True)
class _Keys:
    pain: dict[str, list[Key]]
    adherence: list[Key]
    walking: list[Key]
    psfs: list[Key]
    odi: list[Key]


def _keys(t: ChartTheme) -> _Keys:
    def pain(colour: str, marker: str) -> list[Key]:
        return [
            Key("Before a session, each day", colour, NO_LINE, marker=marker),
            Key("Before sessions, 7-day average", colour, SOLID, 3),
            Key("After sessions, 7-day average", colour, DASHED, 2),
            Key("Your start", t.muted, DOTTED, 2),
        ]

    return _Keys(
        pain={"back": pain(t.back, "o"), "leg": pain(t.leg, "t")},
        adherence=[
            Key("Sessions done, % of planned", t.adherence, marker="bar"),
            Key("All planned sessions", t.muted, DASHED, 1.5),
        ],
        walking=[
            Key("Minutes walked", t.walking, marker="bar"),
            Key("Your daily goal", t.foreground, DASHED, 2),
        ],
        psfs=[Key("Average of your activities (0-10)", t.psfs, SOLID, 2, "s")],
        odi=[Key("Total entered by your therapist (0-100)", t.odi, SOLID, 2, "d")],
    )


class ProgressCharts(QWidget):
    """Pain (back and leg), sessions done per week, walking per day, and PSFS/ODI, on one
    date axis. ``hovered`` gives the day under the mouse (or None)."""

    hovered = Signal(object)

    def __init__(self, parent: QWidget | None = None, theme: ChartTheme | None = None) -> None:
        super().__init__(parent)
        self._fixed_theme = theme
        self._theme = theme or theme_from_palette(self.palette())
        self.text_font: QFont | None = None  # None: follow the app's text size
        self._series: ChartSeries | None = None
        self._marks: tuple[object, ...] | None = None
        self._range = (0.0, 1.0)
        self._shown: tuple[date, date] | None = None
        self._dots = True
        self._weekly = False
        self._step = 1
        self._walk_top = 0.0
        self.pain_plots = {
            "back": _Plot("Back pain chart", (0, 10.6), "pain 0-10", 2),
            "leg": _Plot("Leg pain chart", (0, 10.6), "pain 0-10", 2),
        }
        self.adherence_plot = _Plot("Sessions chart", (0, 110), "% done", 20)
        self.walking_plot = _Plot("Walking chart", (0, 60), "minutes", 10)
        self.psfs_plot = _Plot("Activities score chart", (0, 10.6), "score 0-10", 2)
        self.odi_plot = _Plot("Disability score chart", (0, 105), "score 0-100", 20)
        self.frames = {
            "back": ChartFrame("Back pain", self.pain_plots["back"], self),
            "leg": ChartFrame("Leg pain", self.pain_plots["leg"], self),
            "adherence": ChartFrame("Sessions done each week", self.adherence_plot, self),
            "walking": ChartFrame("Walking each day", self.walking_plot, self),
            "psfs": ChartFrame("Activities score (PSFS): higher is better", self.psfs_plot, self),
            "odi": ChartFrame("Disability score (ODI): lower is better", self.odi_plot, self),
        }
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(20)
        for key in ("back", "leg", "adherence", "walking"):
            column.addWidget(self.frames[key])
        row = QHBoxLayout()
        row.setSpacing(20)
        row.addWidget(self.frames["psfs"])
        row.addWidget(self.frames["odi"])
        column.addLayout(row)
        self.plots: list[_Plot] = [
            *self.pain_plots.values(),
            self.adherence_plot,
            self.walking_plot,
            self.psfs_plot,
            self.odi_plot,
        ]
        self.linked = self.plots[:4]  # same width: one shared x range
        for plot in self.linked[1:]:
            plot.setXLink(self.linked[0])
        for plot in self.plots:
            plot.scene().sigMouseMoved.connect(lambda pos, p=plot: self._on_mouse_moved(p, pos))
        self._build_items()
        self._apply_theme()

    def _build_items(self) -> None:
        fast = {"clipToView": True, "autoDownsample": True, "connect": "finite"}
        self.pain_items: dict[tuple[str, str], pg.PlotDataItem] = {}
        self.pain_dots: dict[str, pg.PlotDataItem] = {}
        self.baseline_lines: dict[str, pg.InfiniteLine] = {}
        for region, plot in self.pain_plots.items():
            symbol = "o" if region == "back" else "t"
            self.pain_dots[region] = plot.plot(
                pen=None, symbol=symbol, symbolSize=8, symbolPen=None, clipToView=True
            )
            for moment in ("before", "after"):
                self.pain_items[region, moment] = plot.plot(downsampleMethod="mean", **fast)
            line = pg.InfiniteLine(angle=0, movable=False)
            line.hide()
            plot.addItem(line, ignoreBounds=True)
            self.baseline_lines[region] = line
        self.adherence_bars = pg.BarGraphItem(x=[], height=[], width=5.5 * DAY_S)
        self.adherence_plot.addItem(self.adherence_bars)
        self.full_line = pg.InfiniteLine(pos=100, angle=0, movable=False)
        self.adherence_plot.addItem(self.full_line, ignoreBounds=True)
        self.walk_bars = self.walking_plot.plot(
            stepMode="center", fillLevel=0, pen=None, clipToView=True, autoDownsample=True
        )
        self.walk_goal = self.walking_plot.plot(**fast)
        self.psfs_item = self.psfs_plot.plot(symbol="s", symbolSize=12)
        self.odi_item = self.odi_plot.plot(symbol="d", symbolSize=14)

    def _apply_theme(self) -> None:
        t = self._theme
        for plot in self.plots:
            plot.style(t, self.text_font or self.font())
        for region in REGIONS:
            colour = t.back if region == "back" else t.leg
            self.pain_dots[region].setSymbolBrush(colour)
            self.pain_items[region, "before"].setPen(pg.mkPen(colour, width=3))
            self.pain_items[region, "after"].setPen(pg.mkPen(colour, width=2, style=DASHED))
            self.baseline_lines[region].setPen(pg.mkPen(t.muted, width=2, style=DOTTED))
        self.adherence_bars.setOpts(brush=pg.mkBrush(t.adherence), pen=pg.mkPen(None))
        self.full_line.setPen(pg.mkPen(t.muted, width=1.5, style=DASHED))
        self.walk_bars.setBrush(pg.mkBrush(t.walking))
        self.walk_goal.setPen(pg.mkPen(t.foreground, width=2, style=DASHED))
        self.psfs_item.setPen(pg.mkPen(t.psfs, width=2))
        self.psfs_item.setSymbolBrush(t.psfs)
        self.odi_item.setPen(pg.mkPen(t.odi, width=2))
        self.odi_item.setSymbolBrush(t.odi)
        keys = _keys(t)
        self.frames["back"].set_keys(keys.pain["back"])
        self.frames["leg"].set_keys(keys.pain["leg"])
        self.frames["adherence"].set_keys(keys.adherence)
        self.frames["walking"].set_keys(self._walking_keys())
        self.frames["psfs"].set_keys(keys.psfs)
        self.frames["odi"].set_keys(keys.odi)
        self._marks = None
        if self._series is not None:
            self._update_marks(self._series)

    def _walking_keys(self) -> list[Key]:
        keys = _keys(self._theme).walking
        if self._weekly:
            keys[0] = replace(keys[0], text="Minutes walked a day, average of each week")
        return keys

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if self._fixed_theme is None and event.type() == QEvent.Type.PaletteChange:
            self._theme = theme_from_palette(self.palette())
            self._apply_theme()

    # -- data ----------------------------------------------------------------------------------
    def set_series(self, series: ChartSeries) -> None:
        """Show new data (or redraw the same): ``setData`` on the existing items only."""
        self._series = series
        for (region, moment), item in self.pain_items.items():
            item.setData(series.x, series.pain_average[region, moment])
        self._set_dots()
        for region, line in self.baseline_lines.items():
            value = series.baseline[region]
            line.setVisible(value is not None)
            if value is not None:
                line.setPos(value)
        self.adherence_bars.setOpts(x=series.adherence_x, height=series.adherence)
        self._set_walk_bars()
        self.walk_goal.setData(series.x, series.walk_goal)
        if series.walk_top != self._walk_top:  # new grid lines only when the scale changes
            self._walk_top = series.walk_top
            self.walking_plot.item.setYRange(0, series.walk_top * 1.1, padding=0)
            self.walking_plot.set_y_ticks(
                series.walk_top * 1.1, 10 if series.walk_top <= 70 else 20
            )
        self.psfs_item.setData(series.psfs_x, series.psfs)
        self.odi_item.setData(series.odi_x, series.odi)
        self._update_marks(series)

    def _weekly_walks(self) -> bool:
        return (self._range[1] - self._range[0]) / DAY_S > WEEKLY_WALKING_FROM_DAYS

    def _set_walk_bars(self) -> None:
        series = self._series
        if series is None:
            return
        if self._weekly_walks():
            self.walk_bars.setData(series.walk_week_edges, series.walk_week, stepMode="center")
        else:
            self.walk_bars.setData(series.walk_edges, series.walk, stepMode="center")

    def _set_detail(self) -> None:
        """Downsample the averages to about one point per two pixels of the visible span."""
        days = (self._range[1] - self._range[0]) / DAY_S
        pixels = max(100.0, float(self.linked[0].item.vb.width()))
        step = max(1, int(days / (pixels * POINTS_PER_PIXEL)))
        if step != self._step:
            self._step = step
            for item in self.pain_items.values():
                item.setDownsampling(ds=step, auto=False, method="mean")
            self.walk_goal.setDownsampling(ds=step, auto=False, method="subsample")

    def _set_dots(self) -> None:
        """Daily dots only when they can be told apart, and only the visible days' (a few
        dozen), so that they cost nothing with years of history."""
        series, shown = self._series, self._shown
        for region, dots in self.pain_dots.items():
            if series is None or shown is None or not self._dots:
                dots.setData([], [])
                continue
            first = max(0, (shown[0] - series.start).days)
            last = max(0, (shown[1] - series.start).days + 1)
            values = series.pain[region, "before"][first:last]
            keep = ~np.isnan(values)
            dots.setData(series.x[first:last][keep], values[keep])

    def _update_marks(self, series: ChartSeries) -> None:
        key = (series.marks, tuple(series.baseline.items()), series.x[0] if len(series.x) else 0)
        if key == self._marks:
            return
        self._marks = key
        for index, plot in enumerate(self.plots):
            labelled = {"surgery", "phase"} if index == 0 else set()
            if index == 1:
                labelled = {"warning"}
            plot.set_marks(series.marks, self._theme, labelled)
        self.place_labels()

    def set_range(self, first: date, last: date) -> None:
        """Show the days ``first``..``last`` on every chart. Called before ``set_series``,
        the data is then prepared for this range only."""
        self._shown = (first, last)
        self._range = (day_stamp(first) - DAY_S / 2, day_stamp(last) + DAY_S / 2)
        self.linked[0].item.setXRange(*self._range, padding=0)
        for plot in (self.psfs_plot, self.odi_plot):
            plot.item.setXRange(*self._range, padding=0)
        span = (last - first).days
        self.adherence_bars.setOpts(width=(5.5 if span <= 200 else 7.0) * DAY_S)
        self._dots = span <= DOTS_UP_TO_DAYS
        self._set_dots()
        weekly = span > WEEKLY_WALKING_FROM_DAYS
        if weekly != self._weekly:
            self._weekly = weekly
            self._set_walk_bars()
            self.frames["walking"].set_keys(self._walking_keys())
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
    def _on_mouse_moved(self, plot: _Plot, pos: QPointF) -> None:
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


# -- images for the PDF report -------------------------------------------------------------------
def render_chart_images(
    progress: Progress, first: date, last: date, *, width: int = 1100, text_px: int = 28
) -> list[tuple[str, QImage]]:
    """Each chart with its legend on a white background, for the PDF report (no window is
    shown). At 1100 px across an A4 text column, 28 px text prints at about 12 pt."""
    charts = ProgressCharts(None, LIGHT)
    font = QFont(charts.font())
    font.setPixelSize(text_px)
    charts.setFont(font)
    charts.text_font = font
    wanted = ["back", "leg", "adherence", "walking"]
    wanted += [k for k, v in (("psfs", progress.psfs), ("odi", progress.odi)) if v]
    images: list[tuple[str, QImage]] = []
    try:
        for key in wanted:
            frame = charts.frames[key]
            frame.setParent(None)  # drawn on its own, at the report's size
            frame.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
            frame.setFont(font)
            frame.title.setFont(_scaled(font, 1.25))
            frame.title.setStyleSheet(f"font-size: {round(text_px * 1.25)}px; font-weight: 600;")
            frame.resize(width, text_px * 16)
            palette = frame.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor("white"))
            frame.setPalette(palette)
            frame.setAutoFillBackground(True)
            frame.show()
        charts._apply_theme()
        for plot in charts.plots:  # room under the dates for letters that hang down ("Jul")
            plot.item.getAxis("bottom").setHeight(round(text_px * 2.1))
        charts.set_series(chart_series(progress))
        charts.set_range(first, last)
        for key in wanted:
            frame = charts.frames[key]
            layout = frame.layout()
            if layout is not None:
                layout.activate()
            charts.place_labels()
            _render(frame)  # the first paint sizes the axes to their text ...
            QApplication.processEvents()  # ... and the layout takes it into account
            images.append((frame.title.text(), _render(frame)))
        return images
    finally:
        for frame in charts.frames.values():
            frame.hide()
            frame.deleteLater()
        charts.deleteLater()


def _render(widget: QWidget) -> QImage:
    image = QImage(widget.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    widget.render(image)
    return image
