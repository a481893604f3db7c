"""What is due on a day: the phase (from the surgery date or a therapist's moved start), the
routines due and how often, and the walking goal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from coach.domain.i18n import _
from coach.domain.plan import Plan
from coach.domain.protocol import Phase, Routine


def week_index(surgery_date: date, day: date) -> int:
    """The week ``day`` falls in, counted from surgery (days 0-6 are week 1), for grouping
    records by week; days before surgery fall in week 0 or earlier."""
    return (day - surgery_date).days // 7 + 1


def week_number(surgery_date: date, day: date) -> int:
    """'Week 1' is the first seven days after surgery (week 0 does not exist for patients)."""
    return max(1, week_index(surgery_date, day))


def week_start(surgery_date: date, week: int) -> date:
    """The first day of ``week`` (as ``week_index`` counts)."""
    return surgery_date + timedelta(weeks=week - 1)


def weeks_into(start: date, day: date) -> int:
    """Whole weeks from ``start`` to ``day`` (0 in the first week, and before ``start``)."""
    return max(0, (day - start).days // 7)


# REFERENCE section 1: one convention on every screen and print. Days count from the day of
# surgery (day 0); the patient's week is 1-based (days 0-6 are week 1); a phase is named by the
# day it starts ("phase 2 (from day 14)"), never by a 0-based week beside a 1-based one.
def position_text(plan: Plan, surgery_date: date, day: date) -> str:
    """'Day 15 after surgery, week 3, phase 2 (from day 14)'."""
    days = (day - surgery_date).days
    phase = phase_on(plan, surgery_date, day)
    first = (phase_start(plan, surgery_date, phase.number) - surgery_date).days
    return _("Day {day} after surgery, week {week}, phase {phase} (from day {first})").format(
        day=days, week=week_number(surgery_date, day), phase=phase.number, first=first
    )


def phase_span_text(plan: Plan, surgery_date: date, number: int) -> str:
    """'from day 14 to day 41 after surgery (weeks 3 to 6)'; the last phase has no end."""
    start = phase_start(plan, surgery_date, number)
    first = (start - surgery_date).days
    first_week = week_number(surgery_date, start)
    if number >= len(plan.phases):
        return _("from day {first} after surgery (week {week} on)").format(
            first=first, week=first_week
        )
    last = (phase_start(plan, surgery_date, number + 1) - surgery_date).days - 1
    last_week = week_number(surgery_date, surgery_date + timedelta(days=last))
    return _(
        "from day {first} to day {last} after surgery (weeks {first_week} to {last_week})"
    ).format(first=first, last=last, first_week=first_week, last_week=last_week)


def protocol_start(plan: Plan, surgery_date: date, number: int) -> date:
    """When phase ``number`` starts by the protocol's weeks (no therapist's move)."""
    return surgery_date + timedelta(weeks=plan.phase(number).weeks_from)


def phase_start(plan: Plan, surgery_date: date, number: int) -> date:
    """When phase ``number`` starts: the therapist's moved start, else the protocol's week."""
    override = plan.start_override(number)
    if override is not None:
        return override
    return protocol_start(plan, surgery_date, number)


def phase_starts(plan: Plan, surgery_date: date) -> list[tuple[date, Phase]]:
    """Every phase with its start, in order: worked out once when many days are asked."""
    return [(phase_start(plan, surgery_date, p.number), p) for p in plan.phases]


def phase_in(starts: Sequence[tuple[date, Phase]], day: date) -> tuple[date, Phase]:
    """The one rule for "which phase is it": the last phase whose start is on or before
    ``day`` (phase 1 before surgery), with its start; ``starts`` from ``phase_starts``."""
    current = starts[0]
    for entry in starts[1:]:
        if entry[0] <= day:
            current = entry
    return current


def phase_on(plan: Plan, surgery_date: date, day: date) -> Phase:
    """The phase on ``day`` (see ``phase_in``)."""
    return phase_in(phase_starts(plan, surgery_date), day)[1]


def next_phase(plan: Plan, surgery_date: date, day: date) -> tuple[Phase, date] | None:
    """The phase after today's and the day it starts, if there is one."""
    current = phase_on(plan, surgery_date, day)
    if current.number >= len(plan.phases):
        return None
    upcoming = plan.phase(current.number + 1)
    return upcoming, phase_start(plan, surgery_date, upcoming.number)


@dataclass(frozen=True)
class WalkingTarget:
    minutes_per_day: int
    walks_per_day: int

    @property
    def minutes_per_walk(self) -> int:
        return max(1, round(self.minutes_per_day / self.walks_per_day))


def walking_goal(plan: Plan, surgery_date: date, day: date) -> WalkingTarget:
    """Minutes grow linearly, week by week, from the phase's start value to its end value."""
    phase = phase_on(plan, surgery_date, day)
    goal = phase.walking
    start = phase_start(plan, surgery_date, phase.number)
    weeks_in = weeks_into(start, day)
    length = (phase.weeks_to - phase.weeks_from) if phase.weeks_to is not None else 8
    fraction = min(1.0, weeks_in / max(1, length - 1))
    minutes = goal.minutes_start + (goal.minutes_end - goal.minutes_start) * fraction
    return WalkingTarget(round(minutes / 5) * 5 or round(minutes), goal.walks_per_day)


def is_routine_day(routine: Routine, phase_start_day: date, day: date, offset: int = 0) -> bool:
    """Spread ``days_per_week`` evenly over each week counted from the phase start
    (3 a week: days 1, 4 and 6), so the same days recur and every week has the same count.
    ``offset`` shifts the pattern so that two part-week routines fall on different days."""
    index = ((day - phase_start_day).days - offset) % 7
    return (index * routine.days_per_week) % 7 < routine.days_per_week


@dataclass(frozen=True)
class DueRoutine:
    routine: Routine
    times_due: int
    times_done: int

    @property
    def done(self) -> bool:
        return self.times_done >= self.times_due


def routines_due(
    plan: Plan, surgery_date: date, day: date, done_today: Mapping[str, int] | None = None
) -> list[DueRoutine]:
    """Today's routines with how many times each is due and already done."""
    done = done_today or {}
    phase = phase_on(plan, surgery_date, day)
    start = phase_start(plan, surgery_date, phase.number)
    return [
        DueRoutine(r, r.times_per_day, done.get(r.id, 0))
        for position, r in enumerate(phase.routines)
        if is_routine_day(r, start, day, offset=position)
    ]
