"""A chart definition's series drawn with pyqtgraph: one small class per kind of series
(``coach.reports.chart_spec``), each with the plot items it makes once at start.

Speed with ten years of data: a redraw only hands the arrays prepared once per load
(``chart_series``) to these items (``setData``); lines are clipped to the visible range and
downsampled to the screen's width, and the daily dots are only the visible days'.
"""

from __future__ import annotations

from datetime import date

import numpy as np  # isort: skip
import pyqtgraph as pg  # isort: skip

from coach.domain.i18n import _
from coach.reports.chart_spec import (
    DailyBars,
    DailyDots,
    DailyLine,
    Level,
    Look,
    Points,
    Series,
    WeeklyBars,
)
from coach.ui.progress.chart_data import DAY_S, ChartSeries, ChartTheme
from coach.ui.progress.chart_legend import PEN_STYLES, Key, legend_key
from coach.ui.progress.chart_plot import Plot

WIDE_BARS_FROM_DAYS = 200  # weekly bars get wider when the span is long (no gaps at 1 px)


def _pen(look: Look, theme: ChartTheme) -> object:
    if look.line == "none":
        return None
    return pg.mkPen(theme.ink(look.colour), width=look.width, style=PEN_STYLES[look.line])


class SeriesItem:
    """What every kind of series does: style, data, visible range, detail and legend."""

    spec: Series

    def __init__(self, plot: Plot, chart_id: str) -> None:
        self.plot = plot
        self.key_id = (chart_id, self.spec.id)
        self.series: ChartSeries | None = None

    def style(self, theme: ChartTheme) -> None:
        raise NotImplementedError

    def set_data(self, series: ChartSeries) -> None:
        self.series = series

    def set_range(self, shown: tuple[date, date]) -> None:
        """The days ``shown`` changed (dots, bars and legends may depend on the span)."""

    def set_step(self, step: int) -> None:
        """Show about one point per ``step`` days (lines only)."""

    def key(self, theme: ChartTheme, span_days: int) -> Key:
        del span_days
        return legend_key(_(self.spec.key), self.spec.look, theme)

    def data_item(self) -> object:
        """The pyqtgraph item (for tests that read what is drawn)."""
        raise NotImplementedError


class LineItem(SeriesItem):
    def __init__(self, plot: Plot, chart_id: str, spec: DailyLine) -> None:
        self.spec: DailyLine = spec
        super().__init__(plot, chart_id)
        self.item = plot.plot(
            downsampleMethod=spec.downsample,
            clipToView=True,
            autoDownsample=True,
            connect="finite",
        )

    def style(self, theme: ChartTheme) -> None:
        self.item.setPen(_pen(self.spec.look, theme))

    def set_data(self, series: ChartSeries) -> None:
        super().set_data(series)
        self.item.setData(series.x, series.daily[self.key_id])

    def set_step(self, step: int) -> None:
        self.item.setDownsampling(ds=step, auto=False, method=self.spec.downsample)

    def data_item(self) -> object:
        return self.item


class DotsItem(SeriesItem):
    """Daily dots only when they can be told apart, and only the visible days' (a few dozen),
    so that they cost nothing with years of history."""

    def __init__(self, plot: Plot, chart_id: str, spec: DailyDots) -> None:
        self.spec: DailyDots = spec
        super().__init__(plot, chart_id)
        self.shown: tuple[date, date] | None = None
        self.item = plot.plot(
            pen=None,
            symbol=spec.look.marker,
            symbolSize=spec.look.marker_size,
            symbolPen=None,
            clipToView=True,
        )

    def style(self, theme: ChartTheme) -> None:
        self.item.setSymbolBrush(theme.ink(self.spec.look.colour))

    def set_data(self, series: ChartSeries) -> None:
        super().set_data(series)
        self._show()

    def set_range(self, shown: tuple[date, date]) -> None:
        self.shown = shown
        self._show()

    def _show(self) -> None:
        series, shown = self.series, self.shown
        if series is None or shown is None or (shown[1] - shown[0]).days > self.spec.up_to_days:
            self.item.setData([], [])
            return
        first = max(0, (shown[0] - series.start).days)
        last = max(0, (shown[1] - series.start).days + 1)
        values = series.daily[self.key_id][first:last]
        keep = ~np.isnan(values)
        self.item.setData(series.x[first:last][keep], values[keep])

    def data_item(self) -> object:
        return self.item


class DayBarsItem(SeriesItem):
    """A bar a day, or the weekly means when the span is long."""

    def __init__(self, plot: Plot, chart_id: str, spec: DailyBars) -> None:
        self.spec: DailyBars = spec
        super().__init__(plot, chart_id)
        self.weekly = False
        self.item = plot.plot(
            stepMode="center", fillLevel=0, pen=None, clipToView=True, autoDownsample=True
        )

    def style(self, theme: ChartTheme) -> None:
        self.item.setBrush(pg.mkBrush(theme.ink(self.spec.look.colour)))

    def set_data(self, series: ChartSeries) -> None:
        super().set_data(series)
        self._show()

    def set_range(self, shown: tuple[date, date]) -> None:
        weekly = (shown[1] - shown[0]).days > self.spec.weekly_from_days
        if weekly != self.weekly:
            self.weekly = weekly
            self._show()

    def _show(self) -> None:
        series = self.series
        if series is None:
            return
        if self.weekly:
            self.item.setData(series.week_edges, series.weekly[self.key_id], stepMode="center")
        else:
            self.item.setData(series.day_edges, series.daily[self.key_id], stepMode="center")

    def key(self, theme: ChartTheme, span_days: int) -> Key:
        text = self.spec.weekly_key if span_days > self.spec.weekly_from_days else self.spec.key
        return legend_key(_(text), self.spec.look, theme)

    def data_item(self) -> object:
        return self.item


class WeekBarsItem(SeriesItem):
    def __init__(self, plot: Plot, chart_id: str, spec: WeeklyBars) -> None:
        self.spec: WeeklyBars = spec
        super().__init__(plot, chart_id)
        self.item = pg.BarGraphItem(x=[], height=[], width=5.5 * DAY_S)
        plot.addItem(self.item)

    def style(self, theme: ChartTheme) -> None:
        self.item.setOpts(brush=pg.mkBrush(theme.ink(self.spec.look.colour)), pen=pg.mkPen(None))

    def set_data(self, series: ChartSeries) -> None:
        super().set_data(series)
        x, height = series.dated[self.key_id]
        self.item.setOpts(x=x, height=height)

    def set_range(self, shown: tuple[date, date]) -> None:
        wide = (shown[1] - shown[0]).days > WIDE_BARS_FROM_DAYS
        self.item.setOpts(width=(7.0 if wide else 5.5) * DAY_S)

    def data_item(self) -> object:
        return self.item


class PointsItem(SeriesItem):
    def __init__(self, plot: Plot, chart_id: str, spec: Points) -> None:
        self.spec: Points = spec
        super().__init__(plot, chart_id)
        self.item = plot.plot(symbol=spec.look.marker, symbolSize=spec.look.marker_size)

    def style(self, theme: ChartTheme) -> None:
        self.item.setPen(_pen(self.spec.look, theme))
        self.item.setSymbolBrush(theme.ink(self.spec.look.colour))

    def set_data(self, series: ChartSeries) -> None:
        super().set_data(series)
        self.item.setData(*series.dated[self.key_id])

    def data_item(self) -> object:
        return self.item


class LevelItem(SeriesItem):
    def __init__(self, plot: Plot, chart_id: str, spec: Level) -> None:
        self.spec: Level = spec
        super().__init__(plot, chart_id)
        self.item = pg.InfiniteLine(angle=0, movable=False)
        self.item.hide()
        plot.addItem(self.item, ignoreBounds=True)

    def style(self, theme: ChartTheme) -> None:
        self.item.setPen(_pen(self.spec.look, theme))

    def set_data(self, series: ChartSeries) -> None:
        super().set_data(series)
        value = series.levels[self.key_id]
        self.item.setVisible(value is not None)
        if value is not None:
            self.item.setPos(value)

    def data_item(self) -> object:
        return self.item


def make_item(plot: Plot, chart_id: str, spec: Series) -> SeriesItem:
    """The drawing for one series of a chart definition."""
    if isinstance(spec, DailyLine):
        return LineItem(plot, chart_id, spec)
    if isinstance(spec, DailyDots):
        return DotsItem(plot, chart_id, spec)
    if isinstance(spec, DailyBars):
        return DayBarsItem(plot, chart_id, spec)
    if isinstance(spec, WeeklyBars):
        return WeekBarsItem(plot, chart_id, spec)
    if isinstance(spec, Points):
        return PointsItem(plot, chart_id, spec)
    return LevelItem(plot, chart_id, spec)
