"""A new phase starts gently (REFERENCE section 1).

In the first days of a phase an exercise new to the patient starts at the low end of its dose
(1 set, reps and holds about half); one already done in the phase before starts at that dose.
From there the day's dose rises a little every day and reaches the phase dose after
``RAMP_DAYS``. The rise is measured as work (sets x reps x seconds per rep, or minutes), which
grows in equal daily steps, so no day's dose is ever more than double the day before. The
therapist's dose stays the target; nothing here changes a plan.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, timedelta

from coach.domain.catalogue import Dosage
from coach.domain.plan import Plan
from coach.domain.schedule import phase_on, phase_start

RAMP_DAYS = 14  # the phase dose is reached two weeks into a phase


@dataclass(frozen=True)
class RampedDose:
    """The dose for one day, and the phase dose it is building up to."""

    dosage: Dosage
    target: Dosage
    full_from: date | None  # None: the day's dose is the phase dose

    @property
    def building_up(self) -> bool:
        return self.full_from is not None


def work(dose: Dosage) -> float:
    """How much an exercise asks: seconds of effort (minutes for timed exercises)."""
    if dose.timed:
        return dose.minutes * 60.0
    return dose.sets * dose.reps * float(dose.hold_s or dose.tempo_s)


def low_end(target: Dosage) -> Dosage:
    """REFERENCE section 1: 1 set, reps and holds at about half (minutes too)."""
    if target.timed:
        return replace(target, minutes=max(1, math.ceil(target.minutes / 2)))
    return replace(
        target,
        sets=1,
        reps=max(1, math.ceil(target.reps / 2)),
        hold_s=math.ceil(target.hold_s / 2) if target.hold_s else 0,
    )


def dose_on_day(target: Dosage, start: Dosage, days_in: int) -> Dosage:
    """The dose ``days_in`` days into a phase, rising from ``start`` to ``target``."""
    if days_in >= RAMP_DAYS or work(start) >= work(target):
        return target
    fraction = max(0, days_in) / RAMP_DAYS
    if target.timed:
        minutes = start.minutes + (target.minutes - start.minutes) * fraction
        return replace(target, minutes=max(1, min(target.minutes, round(minutes))))
    wanted = work(start) + (work(target) - work(start)) * fraction
    hold = 0
    if target.hold_s:
        first = min(start.hold_s or target.hold_s, target.hold_s)
        hold = max(1, round(first + (target.hold_s - first) * fraction))
    per_rep = float(hold or target.tempo_s)
    sets = min(target.sets, max(1, math.ceil(wanted / (target.reps * per_rep))))
    reps = min(target.reps, max(1, round(wanted / (sets * per_rep))))
    return replace(target, sets=sets, reps=reps, hold_s=hold)


def previous_dose(plan: Plan, number: int, exercise_id: str) -> Dosage | None:
    """The dose of ``exercise_id`` in the phase before ``number`` (the larger, if it was in
    several routines), or None when it is new in this phase."""
    if number <= 1:
        return None
    doses = [
        item.dosage
        for routine in plan.phase(number - 1).routines
        for item in routine.items
        if item.exercise_id == exercise_id
    ]
    return max(doses, key=work) if doses else None


def ramped_dose(
    plan: Plan, surgery_date: date, day: date, exercise_id: str, target: Dosage
) -> RampedDose:
    """The day's dose of an exercise in the phase that ``day`` falls in."""
    phase = phase_on(plan, surgery_date, day)
    start_day = phase_start(plan, surgery_date, phase.number)
    days_in = (day - start_day).days
    if phase.number == 1:
        days_in -= 1  # exercises start on day 1, the day after surgery
    before = previous_dose(plan, phase.number, exercise_id)
    start = before if before is not None else low_end(target)
    dose = dose_on_day(target, start, days_in)
    if dose == target:
        return RampedDose(target, target, None)
    full_from = start_day + timedelta(days=RAMP_DAYS + (1 if phase.number == 1 else 0))
    return RampedDose(dose, target, full_from)
