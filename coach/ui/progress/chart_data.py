"""The progress charts' data and colours, apart from the drawing (coach.ui.progress.charts).

The series become numpy arrays once per data load, so that a redraw only hands arrays to the
plot items. Colours are Okabe-Ito, safe for colour-blind eyes; a dark theme swaps to the
lighter members of the palette so that lines keep their contrast.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

import numpy as np
from PySide6.QtGui import QColor, QPalette

from coach.domain.progress import REGIONS, Progress

DAY_S = 86400.0


@dataclass(frozen=True)
class ChartTheme:
    background: str
    foreground: str
    muted: str
    back: str
    leg: str
    adherence: str
    walking: str
    psfs: str
    odi: str
    warning: str


def make_theme(background: str, foreground: str) -> ChartTheme:
    """Okabe-Ito colours that keep their contrast on this background."""
    if QColor(background).value() < 128:  # dark
        return ChartTheme(
            background, foreground, "#aaaaaa", "#56B4E9", "#E69F00", "#009E73", "#0072B2",
            "#F0E442", "#CC79A7", "#CC79A7",
        )  # fmt: skip
    return ChartTheme(
        background, foreground, "#666666", "#0072B2", "#D55E00", "#009E73", "#56B4E9",
        "#E69F00", "#CC79A7", "#CC79A7",
    )  # fmt: skip


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


@dataclass
class ChartSeries:
    """Everything the charts draw, as arrays, computed once per data load."""

    start: date
    end: date
    x: np.ndarray  # one stamp per day
    pain: dict[tuple[str, str], np.ndarray]
    pain_average: dict[tuple[str, str], np.ndarray]
    baseline: dict[str, float | None]
    adherence_x: np.ndarray
    adherence: np.ndarray  # percent per week
    walk_edges: np.ndarray
    walk: np.ndarray  # minutes (0 where nothing was logged: no bar)
    walk_goal: np.ndarray
    walk_week_edges: np.ndarray
    walk_week: np.ndarray  # mean minutes on the days walked, per week from the start
    walk_top: float
    psfs_x: np.ndarray
    psfs: np.ndarray
    odi_x: np.ndarray
    odi: np.ndarray
    marks: tuple[tuple[float, str, str], ...] = field(default=())  # (stamp, kind, text)


def chart_series(progress: Progress) -> ChartSeries:
    n = progress.days
    x = day_stamp(progress.start) + DAY_S * np.arange(n, dtype=float)
    weeks = [w for w in progress.adherence if w.fraction is not None]
    walk = np.nan_to_num(_array(progress.walking.minutes), nan=0.0)
    goal = _array(progress.walking.goal)
    marks = [(day_stamp(progress.surgery_date) - DAY_S / 2, "surgery", "Surgery")]
    marks += [(day_stamp(m.start) - DAY_S / 2, "phase", m.title) for m in progress.phases[1:]]
    marks += [(day_stamp(e.day), "warning", "Warning sign") for e in progress.red_flags]
    return ChartSeries(
        start=progress.start,
        end=progress.end,
        x=x,
        pain={k: _array(v.values) for k, v in progress.pain.items()},
        pain_average={k: _array(v) for k, v in progress.pain_average.items()},
        baseline={r: (b.value if (b := progress.baselines[r]) else None) for r in REGIONS},
        adherence_x=np.array([day_stamp(w.start) + 3 * DAY_S for w in weeks], dtype=float),
        adherence=np.array([100 * (w.fraction or 0) for w in weeks], dtype=float),
        walk_edges=np.append(x - DAY_S / 2, x[-1] + DAY_S / 2),
        walk=walk,
        walk_goal=goal,
        walk_week_edges=np.append(x[::7], x[::7][-1] + 7 * DAY_S) - DAY_S / 2,
        walk_week=_weekly_means(_array(progress.walking.minutes)),
        walk_top=float(max(30.0, walk.max(initial=0), np.nanmax(goal, initial=0))),
        psfs_x=np.array([day_stamp(e.day) for e in progress.psfs], dtype=float),
        psfs=np.array([e.score for e in progress.psfs], dtype=float),
        odi_x=np.array([day_stamp(e.day) for e in progress.odi], dtype=float),
        odi=np.array([e.total for e in progress.odi], dtype=float),
        marks=tuple(marks),
    )


def _weekly_means(minutes: np.ndarray) -> np.ndarray:
    """Per 7-day block from the start: the mean of the days with a walk logged (0 when none,
    which draws no bar)."""
    blocks = -(-len(minutes) // 7)
    padded = np.full(blocks * 7, np.nan)
    padded[: len(minutes)] = minutes
    grid = padded.reshape(blocks, 7)
    counts = np.sum(~np.isnan(grid), axis=1)
    sums = np.nansum(grid, axis=1)
    means: np.ndarray = np.divide(sums, counts, out=np.zeros(blocks), where=counts > 0)
    return means
