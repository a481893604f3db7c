"""The leg-pain journal's chart (REFERENCE 8), one chart entry: how far the pain reaches down
each leg (0 none, 1 buttock, 2 thigh, 3 below the knee, 4 foot), with the section's sentences
above it ("... That is a good sign.", "Tell your therapist."), and its columns in the table:
the furthest reach each week and the medicines taken. The medicine marks on the pain charts
are ``MEDICINE_MARKS``, a series the pain charts carry (``coach.reports.progress_charts``).
"""

from __future__ import annotations

from collections.abc import Callable

from coach.domain.i18n import N_, _
from coach.domain.progress import Progress, WeekRow
from coach.reports.chart_spec import (
    BLUE,
    NO_DATA,
    PURPLE,
    VERMILLION,
    Chart,
    Column,
    DailyDots,
    DailyLine,
    Look,
    YAxis,
    number,
)

MARKS_UP_TO_DAYS = 400  # medicine marks over a year or less (a mark a day is a blur beyond)


def _reach(side: str, *, week: bool) -> Callable[[Progress], tuple[float | None, ...]]:
    """Each day's reach, or the furthest in the 7 days up to each day (``week``)."""

    def values(progress: Progress) -> tuple[float | None, ...]:
        journal = progress.journal
        if week:
            found = journal.reach_week.get(side)
            return tuple(found) if found else (None,) * progress.days
        days = journal.reach.get(side) or (None,) * progress.days
        return tuple(v if v else None for v in days)  # a dot where the pain reached the leg

    return values


def _reach_cell(progress: Progress, row: WeekRow) -> str:
    del progress
    reach = row.reach or {}
    left, right = reach.get("left"), reach.get("right")
    if left is None and right is None:
        return NO_DATA
    return f"{NO_DATA if left is None else left} / {NO_DATA if right is None else right}"


def _medicines_cell(progress: Progress, row: WeekRow) -> str:
    """Medicines taken that week and per day ('16 (2.3 a day)'); the app never judges them."""
    if not progress.journal.medicines or not row.days:
        return NO_DATA
    return _("{count} ({per_day} a day)").format(
        count=row.medicines, per_day=number(row.medicines / row.days)
    )


def _marks(progress: Progress) -> tuple[float | None, ...]:
    marks = progress.journal.medicine_marks
    return marks if marks else (None,) * progress.days


MEDICINE_MARKS = DailyDots(
    "medicine",
    N_("A medicine was taken that day"),
    Look(PURPLE, "none", marker="d", marker_size=9),
    values=_marks,
    up_to_days=MARKS_UP_TO_DAYS,
)

EXTENT = Chart(
    id="extent",
    title=N_(
        "How far your leg pain reaches (0 none, 1 buttock, 2 thigh, 3 below the knee, 4 foot)"
    ),
    name=N_("Leg pain reach chart"),
    y=YAxis(N_("reach 0-4"), top=4.4, step=1),
    series=(
        DailyLine(
            "right",
            N_("Right leg, furthest in 7 days"),
            Look(VERMILLION, "solid", 3),
            values=_reach("right", week=True),
            downsample="subsample",
        ),
        DailyLine(
            "left",
            N_("Left leg, furthest in 7 days"),
            Look(BLUE, "dashed", 3),
            values=_reach("left", week=True),
            downsample="subsample",
        ),
        DailyDots(
            "right-day",
            N_("Right leg, each day it reached the leg"),
            Look(VERMILLION, "none", marker="t"),
            values=_reach("right", week=False),
        ),
        DailyDots(
            "left-day",
            N_("Left leg, each day it reached the leg"),
            Look(BLUE, "none", marker="o"),
            values=_reach("left", week=False),
        ),
    ),
    notes=lambda p: [n.text for n in p.journal.notes],
    in_report=lambda p: p.journal.entries > 0,
    columns=(
        Column(N_("Leg pain reach, left / right"), _reach_cell),
        Column(N_("Medicines taken"), _medicines_cell),
    ),
    report_columns=(
        Column(N_("Leg reach L / R"), _reach_cell),
        Column(N_("Medicines"), _medicines_cell),
    ),
)
