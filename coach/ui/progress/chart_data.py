"""The progress charts' data and colours, apart from the drawing (coach.ui.progress.charts).

The series the chart definitions describe (``coach.reports.progress_charts``) become numpy
arrays once per data load, so that a redraw only hands arrays to the plot items. Each colour is
a light/dark pair: a dark theme takes the lighter member so that lines keep their contrast.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

import numpy as np
from PySide6.QtGui import QColor, QPalette

from coach.domain.i18n import _
from coach.domain.progress import Progress
from coach.reports import progress_charts
from coach.reports.chart_spec import (
    MUTED,
    TEXT,
    Chart,
    Colour,
    DailyBars,
    DailyDots,
    DailyLine,
    Ink,
    Level,
    Points,
    WeeklyBars,
)

DAY_S = 86400.0


@dataclass(frozen=True)
class ChartTheme:
    """The background and text of the charts, and which member of each colour pair to use."""

    background: str
    foreground: str
    dark: bool
    warning: str = "#CC79A7"

    @property
    def muted(self) -> str:
        return self.ink(MUTED)

    def ink(self, colour: Ink) -> str:
        """A chart colour (``coach.reports.chart_spec``) as it is drawn on this background."""
        if colour == TEXT:
            return self.foreground
        assert isinstance(colour, Colour)
        return colour.dark if self.dark else colour.light


def make_theme(background: str, foreground: str) -> ChartTheme:
    """Okabe-Ito colours that keep their contrast on this background."""
    return ChartTheme(background, foreground, dark=QColor(background).value() < 128)


LIGHT = make_theme("#ffffff", "#1a1a1a")


def theme_from_palette(palette: QPalette) -> ChartTheme:
    """Light or dark charts to match the app, on the palette's own base colour."""
    base = palette.color(QPalette.ColorRole.Base)
    return make_theme(base.name(), palette.color(QPalette.ColorRole.Text).name())


# -- data as arrays ------------------------------------------------------------------------------
def day_stamp(day: date) -> float:
    """Seconds since the epoch at local noon: the middle of the day on the date axis."""
    return datetime.combine(day, time(12)).timestamp()


def _array(values: Sequence[float | None]) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=float)


Key = tuple[str, str]  # (chart id, series id)


@dataclass
class ChartSeries:
    """Everything the charts draw, as arrays, computed once per data load."""

    start: date
    end: date
    x: np.ndarray  # one stamp per day
    day_edges: np.ndarray  # where each day's bar starts, and the last one ends
    week_edges: np.ndarray  # the same for 7-day blocks from the start
    daily: dict[Key, np.ndarray] = field(default_factory=dict)  # one value a day, NaN: none
    weekly: dict[Key, np.ndarray] = field(default_factory=dict)  # DailyBars: the weeks' means
    dated: dict[Key, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)  # x, values
    levels: dict[Key, float | None] = field(default_factory=dict)
    y_fit: dict[str, tuple[float, float]] = field(default_factory=dict)  # chart id: top, step
    marks: tuple[tuple[float, str, str], ...] = field(default=())  # (stamp, kind, text)
    notes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # chart id: sentences


def chart_series(progress: Progress, charts: Sequence[Chart] | None = None) -> ChartSeries:
    """Each chart's series (default: every chart of ``CHARTS``) as arrays on one date axis."""
    x = day_stamp(progress.start) + DAY_S * np.arange(progress.days, dtype=float)
    marks = [(day_stamp(progress.surgery_date) - DAY_S / 2, "surgery", _("Surgery"))]
    marks += [(day_stamp(m.start) - DAY_S / 2, "phase", m.title) for m in progress.phases[1:]]
    marks += [(day_stamp(e.day), "warning", _("Warning sign")) for e in progress.red_flags]
    out = ChartSeries(
        start=progress.start,
        end=progress.end,
        x=x,
        day_edges=np.append(x - DAY_S / 2, x[-1] + DAY_S / 2),
        week_edges=np.append(x[::7], x[::7][-1] + 7 * DAY_S) - DAY_S / 2,
        marks=tuple(marks),
    )
    for chart in progress_charts.CHARTS if charts is None else charts:
        if chart.y.fit is not None:
            out.y_fit[chart.id] = chart.y.fit(progress)
        if chart.notes is not None:
            out.notes[chart.id] = tuple(chart.notes(progress))
        for s in chart.series:
            key = (chart.id, s.id)
            if isinstance(s, DailyLine | DailyDots):
                out.daily[key] = _array(s.values(progress))
            elif isinstance(s, DailyBars):
                values = _array(s.values(progress))
                out.daily[key] = np.nan_to_num(values, nan=0.0)  # 0: no bar
                out.weekly[key] = _weekly_means(values)
            elif isinstance(s, WeeklyBars):
                weeks = s.values(progress)
                out.dated[key] = (
                    np.array([day_stamp(d) + 3 * DAY_S for d, _ in weeks], dtype=float),
                    np.array([v for _, v in weeks], dtype=float),
                )
            elif isinstance(s, Points):
                points = s.values(progress)
                out.dated[key] = (
                    np.array([day_stamp(d) for d, _ in points], dtype=float),
                    np.array([v for _, v in points], dtype=float),
                )
            elif isinstance(s, Level):
                out.levels[key] = s.value(progress)
    return out


def _weekly_means(values: np.ndarray) -> np.ndarray:
    """Per 7-day block from the start: the mean of the days with a value (0 when none,
    which draws no bar)."""
    blocks = -(-len(values) // 7)
    padded = np.full(blocks * 7, np.nan)
    padded[: len(values)] = values
    grid = padded.reshape(blocks, 7)
    counts = np.sum(~np.isnan(grid), axis=1)
    sums = np.nansum(grid, axis=1)
    means: np.ndarray = np.divide(sums, counts, out=np.zeros(blocks), where=counts > 0)
    return means
