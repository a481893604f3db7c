"""The words for describing a progress chart once, so that the screen, the table and the PDF
all read the same definition. Pure Python (no Qt, no numpy): the reports layer reads it, and
the Progress screen draws it with pyqtgraph (``coach.ui.progress``).

How to add a chart (one entry; ``coach.reports.progress_charts`` has the six we ship):

1. Write one ``Chart`` in ``coach/reports/progress_charts.py`` and add it to ``CHARTS`` where it
   should appear (order = order on screen, in the table and in the PDF)::

       EXTENT = Chart(
           id="extent",
           title="How far your leg pain reaches",
           name="Leg pain reach chart",                  # for screen readers
           y=YAxis("0 none - 4 foot", top=4.4, step=1),
           series=(
               DailyLine("right", "Right leg", Look(BLUE, width=3),
                         values=lambda p: p.journal.extent_right),
           ),
           columns=(Column("Right leg reach", lambda p, row: ...),),  # the table (optional)
           in_report=lambda p: any(v is not None for v in p.journal.extent_right),
       )

2. The data must be on ``Progress`` (``coach.domain.progress``): a series is a function of it.

That is all: the Progress screen draws it (legend, colours, markers, the date axis shared with
the other full-width charts, the surgery, phase and warning-sign marks), the table shows its
columns week by week, and the clinic PDF includes its picture and its columns when
``in_report`` says so.

A chart may also say what it shows in plain sentences above it (``notes``, a function of
``Progress``), as the leg pain reach chart does (``coach.reports.journal_charts``).

Series kinds: ``DailyLine`` (one value a day, a gap where ``None``), ``DailyDots`` (the same as
dots, only when few enough days are shown to tell them apart), ``DailyBars`` (a bar a day, a
weekly mean over long spans), ``WeeklyBars`` (a bar per week), ``Points`` (a few dated values,
joined), ``Level`` (a horizontal line, e.g. the patient's start). Colours are a light/dark pair
from the Okabe-Ito palette (safe for colour-blind eyes); every series also differs by line style
or marker, so nothing depends on colour alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from coach.domain.formats import short_date
from coach.domain.i18n import _, current
from coach.domain.progress import Progress, WeekRow

NO_DATA = "–"  # a table cell without data (read aloud as "no data")

Line = Literal["solid", "dashed", "dotted", "dashdot", "none"]
Marker = Literal["", "o", "t", "s", "d", "bar"]  # circle, triangle, square, diamond, bar
MarkKind = Literal["surgery", "phase", "warning"]


@dataclass(frozen=True)
class Colour:
    """One colour for a light background and one for a dark background."""

    light: str
    dark: str


# Okabe-Ito, paired so that each keeps its contrast on a dark background.
BLUE = Colour("#0072B2", "#56B4E9")
VERMILLION = Colour("#D55E00", "#E69F00")
GREEN = Colour("#009E73", "#009E73")
SKY = Colour("#56B4E9", "#0072B2")
ORANGE = Colour("#E69F00", "#F0E442")
PURPLE = Colour("#CC79A7", "#CC79A7")
MUTED = Colour("#666666", "#aaaaaa")
TEXT: Literal["text"] = "text"  # the theme's own text colour

Ink = Colour | Literal["text"]


@dataclass(frozen=True)
class Look:
    """How a series is drawn and shown in the legend."""

    colour: Ink
    line: Line = "solid"
    width: float = 3.0
    marker: Marker = ""
    marker_size: int = 8


DailyValues = Callable[[Progress], Sequence[float | None]]  # one a day from progress.start
DatedValues = Callable[[Progress], Sequence[tuple[date, float]]]


@dataclass(frozen=True)
class DailyLine:
    """A value a day as a line (gaps where ``None``), thinned to the screen's width by
    ``downsample`` ('mean' for averages, 'subsample' for steps such as a goal)."""

    id: str
    key: str  # the legend's words
    look: Look
    values: DailyValues
    downsample: Literal["mean", "subsample"] = "mean"


@dataclass(frozen=True)
class DailyDots:
    """A value a day as dots, shown only up to ``up_to_days`` days (more would be a blur)."""

    id: str
    key: str
    look: Look
    values: DailyValues
    up_to_days: int = 130


@dataclass(frozen=True)
class DailyBars:
    """A bar a day (none where ``None`` or 0); over ``weekly_from_days`` days one bar a week,
    the mean of the days with a value, with the legend's ``weekly_key``."""

    id: str
    key: str
    look: Look
    values: DailyValues
    weekly_key: str
    weekly_from_days: int = 200


@dataclass(frozen=True)
class WeeklyBars:
    """A bar per week, given by the week's first day."""

    id: str
    key: str
    look: Look
    values: DatedValues


@dataclass(frozen=True)
class Points:
    """A few dated values, joined by a line, each with the look's marker."""

    id: str
    key: str
    look: Look
    values: DatedValues


@dataclass(frozen=True)
class Level:
    """A horizontal line at one value (hidden while it is ``None``)."""

    id: str
    key: str
    look: Look
    value: Callable[[Progress], float | None]


Series = DailyLine | DailyDots | DailyBars | WeeklyBars | Points | Level


@dataclass(frozen=True)
class YAxis:
    """The value axis: its words, its top and the step between ticks; ``fit`` gives (top,
    step) from the data instead, for scales that must grow with it."""

    label: str
    top: float
    step: float
    fit: Callable[[Progress], tuple[float, float]] | None = None


@dataclass(frozen=True)
class Column:
    """One column of the week-by-week table: its header and each week's cell."""

    header: str
    cell: Callable[[Progress, WeekRow], str]


def always(progress: Progress) -> bool:
    del progress
    return True


@dataclass(frozen=True)
class Chart:
    """One chart: everything the screen, the table and the PDF need to know about it."""

    id: str
    title: str
    name: str  # what a screen reader says for the chart itself
    y: YAxis
    series: tuple[Series, ...]
    labels: frozenset[MarkKind] = frozenset()  # which marks are labelled in words here
    half: bool = False  # half the width, beside the next half chart, its own date axis
    in_report: Callable[[Progress], bool] = always  # is it in the clinic PDF?
    columns: tuple[Column, ...] = ()  # its columns in the Progress table
    report_columns: tuple[Column, ...] | None = None  # in the PDF's table (default: columns)
    notes: Callable[[Progress], Sequence[str]] | None = None  # plain sentences above the chart

    def __post_init__(self) -> None:
        ids = [s.id for s in self.series]
        if len(set(ids)) != len(ids):
            raise ValueError(f"chart {self.id!r}: two series share an id")

    def pdf_columns(self) -> tuple[Column, ...]:
        return self.columns if self.report_columns is None else self.report_columns


def week_values(
    progress: Progress, row: WeekRow, values: Sequence[float | None]
) -> list[float | None]:
    """The part of a daily series (one value a day from ``progress.start``) in ``row``'s week,
    for table cells computed from a chart's own series."""
    first = max(0, (row.start - progress.start).days)
    last = (row.end - progress.start).days
    return list(values[first : last + 1]) if last >= 0 else []


def number(value: float | None, digits: int = 1) -> str:
    """A table cell: the value rounded (in the language's digits, '2,5'), or the no-data dash.
    Always ``digits`` places, so a column lines up."""
    if value is None:
        return NO_DATA
    from babel.numbers import get_decimal_symbol

    return f"{value:.{digits}f}".replace(".", get_decimal_symbol(current().format_locale))


def table_headers(charts: Sequence[Chart], *, pdf: bool = False) -> list[str]:
    """The table's headers in the current language (the charts' own are marked with N_)."""
    return [_("Week"), _("Dates")] + [
        _(c.header) for chart in charts for c in (chart.pdf_columns() if pdf else chart.columns)
    ]


def table_cells(
    charts: Sequence[Chart], progress: Progress, row: WeekRow, *, pdf: bool = False
) -> list[str]:
    """The week's number, its dates and every chart's cells, as the table shows them."""
    return [
        str(row.week),
        _("{first} – {last}").format(first=short_date(row.start), last=short_date(row.end)),
        *(
            c.cell(progress, row)
            for chart in charts
            for c in (chart.pdf_columns() if pdf else chart.columns)
        ),
    ]
