"""The journal and medicines as Progress series: one value a day from Progress's first day
(``None`` = nothing written that day), for the extent chart, the medicine marks on the pain
charts and the table's columns. Built once per load by ``build_progress``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from coach.domain.journal import SIDES, JournalEntry, daily_extent
from coach.domain.journal_rules import WINDOW_DAYS, JournalNote, extent_notes, leg_baseline
from coach.domain.medicines import MedicineEntry, daily_counts

MARK_Y = 0.35  # where a medicine mark sits on a 0-10 pain chart: a row of small marks at the foot


@dataclass(frozen=True)
class JournalProgress:
    """``reach[side]``: each day's furthest reach (0-4) or ``None``; ``reach_week[side]``: the
    furthest in the 7 days up to each day (the chart's line); ``medicines``: how many were
    taken each day; ``medicine_marks``: ``MARK_Y`` on days with any, else ``None``."""

    reach: dict[str, tuple[int | None, ...]] = field(default_factory=dict)
    reach_week: dict[str, tuple[float | None, ...]] = field(default_factory=dict)
    medicines: tuple[int, ...] = ()
    medicine_marks: tuple[float | None, ...] = ()
    notes: tuple[JournalNote, ...] = ()
    entries: int = 0
    medicines_taken: int = 0

    def side(self, side: str, days: int) -> tuple[int | None, ...]:
        return self.reach.get(side, (None,) * days)


def _furthest_over_week(values: Sequence[int | None]) -> tuple[float | None, ...]:
    """The furthest reach in the 7 days up to each day (``None`` when none was written)."""
    out: list[float | None] = []
    for index in range(len(values)):
        window = [v for v in values[max(0, index - WINDOW_DAYS + 1) : index + 1] if v is not None]
        out.append(float(max(window)) if window else None)
    return tuple(out)


def journal_progress(
    entries: Sequence[JournalEntry],
    medicines: Sequence[MedicineEntry],
    start: date,
    end: date,
    session_leg_baseline: float | None,
) -> JournalProgress:
    days = (end - start).days + 1
    extents = daily_extent(entries)
    reach: dict[str, tuple[int | None, ...]] = {}
    for side in SIDES:
        values: list[int | None] = [None] * days
        for point in extents:
            offset = (point.day - start).days
            if 0 <= offset < days:
                values[offset] = point.on(side)
        reach[side] = tuple(values)
    counts = daily_counts(medicines)
    per_day = tuple(counts.get(start + timedelta(days=i), 0) for i in range(days))
    baseline = leg_baseline(session_leg_baseline, entries)
    finished = [e for e in entries if not e.draft]
    return JournalProgress(
        reach=reach,
        reach_week={side: _furthest_over_week(v) for side, v in reach.items()},
        medicines=per_day,
        medicine_marks=tuple(MARK_Y if n else None for n in per_day),
        notes=tuple(extent_notes(extents, finished, baseline, end)),
        entries=len(finished),
        medicines_taken=sum(per_day),
    )
