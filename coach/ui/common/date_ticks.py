"""Where the date axis puts its labels, so they never run into each other.

pyqtgraph's own date ticks put a month label between day labels ("28 Nov", "Dec 2026",
"3 Dec" on top of each other) and, across a year, can leave only "2026". Here the step is
chosen from the room there is: days, weeks, months or years, the first that fits. Labels come
from ``coach.domain.formats`` ("3 Nov", "Nov 2026"; "3 nov" in Spanish), in the language the
patient chose, not by ``strftime``, which follows the desktop's language.
Pure Python: the chart axis calls it with the axis length in labels.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from coach.domain.formats import short_date, skeleton

DAY_STEPS = (1, 2, 3, 7, 14)
MONTH_STEPS = (1, 2, 3, 6)
YEAR_STEPS = (1, 2, 5, 10, 20, 50)


def _stamp(day: date) -> float:
    """Local noon, as the charts place each day."""
    return datetime.combine(day, time(12)).timestamp()


def _day(stamp: float) -> date:
    return datetime.fromtimestamp(stamp).date()


def day_label(day: date) -> str:
    return short_date(day)


def month_label(day: date) -> str:
    return skeleton(day, "yMMM")


def _days(first: date, last: date, step: int) -> list[date]:
    out, day = [], first
    while day <= last:
        out.append(day)
        day += timedelta(days=step)
    return out


def _months(first: date, last: date, step: int) -> list[date]:
    out = []
    year, month = first.year, first.month
    if first.day > 1:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    while date(year, month, 1) <= last:
        if (month - 1) % step == 0:
            out.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _years(first: date, last: date, step: int) -> list[date]:
    start = first.year if (first.month, first.day) == (1, 1) else first.year + 1
    return [date(y, 1, 1) for y in range(start, last.year + 1) if y % step == 0]


def date_ticks(
    low: float, high: float, max_labels: int, max_month_labels: int | None = None
) -> list[tuple[float, str]]:
    """Ticks (stamp, label) between the stamps ``low`` and ``high``: the finest step whose
    labels number at most ``max_labels`` ("3 Nov"), or ``max_month_labels`` for the longer
    month labels ("Nov 2026"; default the same); at least 2 are allowed."""
    if not high > low:
        return []
    try:
        first, last = _day(low - 12 * 3600 + 1), _day(high)
    except (OverflowError, OSError, ValueError):
        return []
    first = first if _stamp(first) >= low else first + timedelta(days=1)
    last = last if _stamp(last) <= high else last - timedelta(days=1)
    room = max(2, max_labels)
    for step in DAY_STEPS:
        days = _days(first, last, step)
        if len(days) <= room:
            return [(_stamp(d), day_label(d)) for d in days]
    month_room = max(2, max_labels if max_month_labels is None else max_month_labels)
    for step in MONTH_STEPS:
        months = _months(first, last, step)
        if len(months) <= month_room:
            return [(_stamp(d), month_label(d)) for d in months]
    for step in YEAR_STEPS:
        years = _years(first, last, step)
        if len(years) <= month_room:
            return [(_stamp(d), str(d.year)) for d in years]
    return []
