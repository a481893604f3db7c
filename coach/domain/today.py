"""What a patient should do on one day, worked out once for the Today screen and the
``routine`` command: week and phase, the routines due (minus what the surgeon's extra rules
block), walking against its goal, and when the next phase starts.

Pure Python, so every rule here is tested without Qt; the screen only lays it out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from coach.domain.allowed import PatientDay, Verdict, decide
from coach.domain.catalogue import Catalogue, Dosage, Exercise
from coach.domain.dates import date_text, when_text
from coach.domain.i18n import _, ngettext
from coach.domain.plan import Plan
from coach.domain.profile import Surgery
from coach.domain.protocol import Phase, Routine
from coach.domain.ramp import ramped_dose
from coach.domain.schedule import (
    DueRoutine,
    next_phase,
    phase_start,
    position_text,
    routines_due,
    walking_goal,
    week_number,
)
from coach.domain.words import minutes_text


@dataclass(frozen=True)
class ItemToday:
    """One exercise of a routine with its dose (``reason``: why the therapist kept it although
    the phase restricts one of its movements)."""

    exercise: Exercise
    dosage: Dosage  # today's dose: in a phase's first two weeks it builds up to the target
    reason: str = ""
    target: Dosage | None = None  # the plan's dose when today's is lower (building up)
    full_from: date | None = None

    @property
    def dose_text(self) -> str:
        return self.dosage.describe(self.exercise.per_side)

    @property
    def ramp_text(self) -> str:
        """'Building up: the full amount (10 times, hold 5 seconds) from 28 March.'"""
        if self.target is None or self.full_from is None:
            return ""
        full = self.target.describe(self.exercise.per_side)
        when = date_text(self.full_from, self.full_from)
        return _("Building up: the full amount ({dose}) from {day}.").format(dose=full, day=when)

    @property
    def seconds(self) -> int:
        return self.dosage.seconds(self.exercise.per_side)


@dataclass(frozen=True)
class LeftOut:
    """An exercise of the routine that is not done now, and why in plain words."""

    exercise: Exercise
    verdict: Verdict

    @property
    def text(self) -> str:
        return self.verdict.text


@dataclass(frozen=True)
class RoutineToday:
    routine: Routine
    items: tuple[ItemToday, ...]
    left_out: tuple[LeftOut, ...]
    times_due: int
    times_done: int
    times_partly_done: int = 0  # stopped early or some exercises skipped: not "done"

    @property
    def done(self) -> bool:
        return self.times_done >= self.times_due

    @property
    def can_start(self) -> bool:
        return bool(self.items)

    @property
    def ramp_text(self) -> str:
        """One line for the routine when its doses are still building up in a new phase."""
        days = [item.full_from for item in self.items if item.full_from is not None]
        if not days:
            return ""
        last = max(days)
        return _(
            "New phase: the amounts grow a little each day, to your full plan on {day}."
        ).format(day=date_text(last, last))

    @property
    def minutes(self) -> int:
        """About how long one go takes, rests included (at least 1)."""
        return max(1, round(sum(item.seconds for item in self.items) / 60))


@dataclass(frozen=True)
class WalkingToday:
    goal_minutes: int
    walks_per_day: int
    done_minutes: int

    @property
    def minutes_per_walk(self) -> int:
        return max(1, round(self.goal_minutes / self.walks_per_day))

    @property
    def fraction(self) -> float:
        if self.goal_minutes <= 0:
            return 1.0
        return min(1.0, self.done_minutes / self.goal_minutes)

    @property
    def reached(self) -> bool:
        return self.done_minutes >= self.goal_minutes

    @property
    def goal_text(self) -> str:
        """'Goal today: 40 minutes, in 3 walks of about 13 minutes'."""
        if self.walks_per_day == 1:
            return _("Goal today: {minutes} in one walk").format(
                minutes=minutes_text(self.goal_minutes)
            )
        return ngettext(
            "Goal today: {minutes}, in {count} walk of about {each}",
            "Goal today: {minutes}, in {count} walks of about {each}",
            self.walks_per_day,
        ).format(
            minutes=minutes_text(self.goal_minutes),
            count=self.walks_per_day,
            each=minutes_text(self.minutes_per_walk),
        )

    @property
    def progress_text(self) -> str:
        # Translators: minutes walked today: "12 of 40 minutes".
        return ngettext(
            "{done} of {count} minute", "{done} of {count} minutes", self.goal_minutes
        ).format(done=self.done_minutes, count=self.goal_minutes)


@dataclass(frozen=True)
class TodayPlan:
    day: date
    surgery: Surgery
    surgery_date: date
    phase: Phase
    note: str
    routines: tuple[RoutineToday, ...]
    walking: WalkingToday
    next_phase: Phase | None
    next_start: date | None
    plan: Plan

    @property
    def days_since_surgery(self) -> int:
        """Negative before the operation."""
        return (self.day - self.surgery_date).days

    @property
    def before_surgery(self) -> bool:
        return self.days_since_surgery < 0

    @property
    def week(self) -> int:
        return week_number(self.surgery_date, self.day)

    @property
    def position(self) -> str:
        """'Day 15 after surgery, week 3, phase 2 (from day 14)' (REFERENCE section 1)."""
        return position_text(self.plan, self.surgery_date, self.day)

    @property
    def phase_line(self) -> str:
        """'Phase 2: Early loading (from day 14). Today is day 30 after surgery.'"""
        first = (
            phase_start(self.plan, self.surgery_date, self.phase.number) - self.surgery_date
        ).days
        if self.before_surgery:
            return _("{phase} (from day {first}).").format(phase=self.phase.title, first=first)
        return _("{phase} (from day {first}). Today is day {day} after surgery.").format(
            phase=self.phase.title, first=first, day=self.days_since_surgery
        )

    @property
    def heading(self) -> str:
        """'Week 3 after your spinal fusion' (or 'Your spinal fusion is in 5 days')."""
        if self.before_surgery:
            # Translators: "Your spinal fusion is in 5 days" / "tomorrow".
            return _("Your {surgery} is {when}").format(
                surgery=self.surgery.label, when=when_text(self.day, self.surgery_date)
            )
        return _("Week {number} after your {surgery}").format(
            number=self.week, surgery=self.surgery.label
        )

    @property
    def next_text(self) -> str:
        """'Phase 2: Early mobility starts on 14 March (in 3 weeks).'"""
        if self.next_phase is None or self.next_start is None:
            return _("This is the last phase of your plan. Keep up your exercises and walking.")
        return _("{phase} starts on {day} ({when}).").format(
            phase=self.next_phase.title,
            day=date_text(self.next_start, self.day),
            when=when_text(self.day, self.next_start),
        )


def build_today(
    plan: Plan,
    surgery_date: date,
    day: date,
    catalogue: Catalogue,
    *,
    extra_restrictions: frozenset[str] = frozenset(),
    done: Mapping[str, int] | None = None,
    partly_done: Mapping[str, int] | None = None,
    walked_minutes: int = 0,
) -> TodayPlan:
    """Everything shown for ``day``. ``extra_restrictions`` are the surgeon's rules stored with
    the profile; the plan's own are added to them. ``done`` counts finished sessions by routine
    id (status "done"), ``partly_done`` the partly done ones."""
    partly = partly_done or {}
    when = PatientDay(plan, surgery_date, day, frozenset(extra_restrictions))
    phase = when.phase
    routines = (
        ()  # REFERENCE section 1: the day of surgery is for walking with help only
        if day == surgery_date
        else tuple(
            _routine_today(due, when, catalogue, partly.get(due.routine.id, 0))
            for due in routines_due(plan, surgery_date, day, done)
        )
    )
    goal = walking_goal(plan, surgery_date, day)
    upcoming = next_phase(plan, surgery_date, day)
    return TodayPlan(
        day=day,
        surgery=plan.surgery,
        surgery_date=surgery_date,
        phase=phase,
        note=plan.note,
        routines=routines,
        walking=WalkingToday(goal.minutes_per_day, goal.walks_per_day, max(0, walked_minutes)),
        next_phase=upcoming[0] if upcoming else None,
        next_start=upcoming[1] if upcoming else None,
        plan=plan,
    )


def _routine_today(
    due: DueRoutine, when: PatientDay, catalogue: Catalogue, partly: int
) -> RoutineToday:
    items: list[ItemToday] = []
    left_out: list[LeftOut] = []
    for prescription in due.routine.items:
        if prescription.exercise_id not in catalogue:
            continue  # a plan is checked against the catalogue when read; never guess here
        exercise = catalogue[prescription.exercise_id]
        # the plan is the therapist's choice, so "therapist only" does not object here
        verdict = decide(exercise, when, by_therapist=True, reason=prescription.reason)
        if verdict.allowed:
            ramp = ramped_dose(
                when.plan, when.surgery_date, when.day, exercise.id, prescription.dosage
            )
            target = ramp.target if ramp.building_up else None
            items.append(
                ItemToday(exercise, ramp.dosage, prescription.reason, target, ramp.full_from)
            )
        else:
            left_out.append(LeftOut(exercise, verdict))
    return RoutineToday(
        due.routine, tuple(items), tuple(left_out), due.times_due, due.times_done, partly
    )
