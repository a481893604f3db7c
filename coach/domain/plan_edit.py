"""The therapist's changes to a plan, as pure functions that return a new ``Plan``.

Every change that could put a restricted movement into a phase asks ``coach.domain.safety``
first: an exercise whose movements the phase (or the surgeon's extra restrictions) restrict is
refused with plain words, unless the therapist states a reason, which is stored with the item
and shown to the patient. ``check_plan`` re-reads the result through the strict plan reader, so
an edited plan can always be stored and loaded again.

Why one module over 300 lines: every change to a plan (add, remove, move, dose, phase
starts, settings) goes through the same safety check and re-read; splitting them would split
that one rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta

from coach.domain import formats
from coach.domain.allowed import decide, phase_day
from coach.domain.catalogue import DOSAGE_LIMITS, MOVEMENT_TAGS, Catalogue, Dosage, tag_label
from coach.domain.errors import UserError
from coach.domain.fields import DataError, integer_problem, text_value_problem
from coach.domain.i18n import N_, _, ngettext
from coach.domain.plan import MAX_NOTE, Plan, plan_from_dict, plan_to_dict
from coach.domain.protocol import (
    DAYS_PER_WEEK,
    MAX_REASON,
    MAX_WEEKS,
    PLAN_ITEMS,
    TIMES_PER_DAY,
    WALK_MINUTES,
    WALKS_PER_DAY,
    Phase,
    Prescription,
    Routine,
    WalkingGoal,
)
from coach.domain.safety import blocked_movements
from coach.domain.schedule import phase_start, protocol_start

MAX_ITEMS = PLAN_ITEMS[1]  # per routine, as the plan reader allows


class PlanEditError(UserError, ValueError):
    """A change that cannot be made, in one plain sentence for the therapist."""


class RestrictedExerciseError(PlanEditError):
    """The exercise involves a movement this phase restricts; a reason would allow it."""

    def __init__(self, message: str, exercise_id: str, blocked: frozenset[str]) -> None:
        super().__init__(message)
        self.message = message
        self.exercise_id = exercise_id
        self.blocked = blocked


@dataclass(frozen=True)
class Conflict:
    """An item that the phase's restrictions would block and that has no stated reason."""

    phase: int
    routine: str
    exercise_id: str
    blocked: frozenset[str]


def patient_reason_text(item: Prescription) -> str:
    """What the patient sees beside an exercise the therapist added against a restriction."""
    return (
        _("Your therapist added this: {reason}").format(reason=item.reason) if item.reason else ""
    )


# The editor checks with the same rules as the plan reader (coach.domain.fields), and says the
# problem in one sentence about the thing the therapist typed: "The note must be at most ...".
# Translators: the subject of "... must be at most 200 characters." in the plan editor.
_TEXT_FIELDS = {"reason": N_("The reason"), "note": N_("The note")}
_WRITE = {"reason": N_("Please write a reason."), "note": N_("Please write a note.")}


def _check_text(value: str, what: str, max_len: int, *, allow_empty: bool) -> str:
    if not allow_empty and not value.strip():
        raise PlanEditError(_(_WRITE[what]))
    problem = text_value_problem(value, max_len, allow_empty=allow_empty, multiline=True)
    if problem is None:
        return value
    field = _(_TEXT_FIELDS[what])
    if len(value) > max_len:
        raise PlanEditError(
            ngettext(
                "{field} must be at most {count} character.",
                "{field} must be at most {count} characters.",
                max_len,
            ).format(field=field, count=max_len)
        )
    # The character problems name a code point and a position; their words stay as the file
    # reader writes them (coach.domain.fields).
    raise PlanEditError(_("{field} {problem}.").format(field=field, problem=problem))


def _check_range(value: int, limits: tuple[int, int], what: str) -> None:
    if integer_problem(value, *limits) is not None:
        # Translators: {field} is e.g. "The number of sets".
        raise PlanEditError(
            _("{field} must be a whole number from {lo} to {hi}.").format(
                field=_(what), lo=limits[0], hi=limits[1]
            )
        )


# -- finding things ------------------------------------------------------------------------------
def _phase(plan: Plan, number: int) -> Phase:
    if not 1 <= number <= len(plan.phases):
        raise PlanEditError(_("This plan has no phase {number}.").format(number=number))
    return plan.phase(number)


def _with_phase(plan: Plan, number: int, change: Callable[[Phase], Phase]) -> Plan:
    phase = _phase(plan, number)
    phases = list(plan.phases)
    phases[number - 1] = change(phase)
    return replace(plan, phases=tuple(phases))


def _with_routine(
    plan: Plan, number: int, routine_id: str, change: Callable[[Routine], Routine]
) -> Plan:
    def on_phase(phase: Phase) -> Phase:
        routines = list(phase.routines)
        for index, routine in enumerate(routines):
            if routine.id == routine_id:
                routines[index] = change(routine)
                return replace(phase, routines=tuple(routines))
        raise PlanEditError(
            _("Phase {number} has no routine called '{routine}'.").format(
                number=number, routine=routine_id
            )
        )

    return _with_phase(plan, number, on_phase)


def _check_index(routine: Routine, index: int) -> None:
    if not 0 <= index < len(routine.items):
        raise PlanEditError(
            _("{routine} has no exercise number {number}.").format(
                routine=routine.name, number=index + 1
            )
        )


# -- exercises in a routine ----------------------------------------------------------------------
def check_allowed(
    plan: Plan,
    catalogue: Catalogue,
    number: int,
    exercise_id: str,
    *,
    reason: str = "",
    profile_limits: frozenset[str] = frozenset(),
    surgery_date: date | None = None,
) -> str:
    """Ask ``coach.domain.allowed`` whether ``exercise_id`` may go into phase ``number`` from the
    phase's first day; returns the clean reason (kept only when a rule objected).

    ``profile_limits`` are the surgeon's limits recorded with the profile (at onboarding); they
    count as much as the plan's own. Raises ``RestrictedExerciseError`` (with the rule's plain
    words) when any rule objects (a restricted movement, too early for this surgery, avoided
    after it) and no reason is given.
    """
    if exercise_id not in catalogue:
        raise PlanEditError(
            _("There is no exercise called '{exercise}'.").format(exercise=exercise_id)
        )
    exercise = catalogue[exercise_id]
    _phase(plan, number)
    reason = reason.strip()
    if reason:
        _check_text(reason, "reason", MAX_REASON, allow_empty=False)
    when = phase_day(plan, number, surgery_date, profile_limits)
    verdict = decide(exercise, when, by_therapist=True, reason=reason)
    if not verdict.allowed:
        message = _("{why} To add it anyway, write your reason.").format(why=verdict.text)
        raise RestrictedExerciseError(message, exercise_id, verdict.movements)
    return reason if verdict.objections else ""


def add_exercise(
    plan: Plan,
    catalogue: Catalogue,
    number: int,
    routine_id: str,
    exercise_id: str,
    *,
    reason: str = "",
    dosage: Dosage | None = None,
    profile_limits: frozenset[str] = frozenset(),
    surgery_date: date | None = None,
) -> Plan:
    """Add an exercise at the end of a routine, with its usual dose unless one is given.

    A reason is kept only when it was needed (a restricted movement); it is then shown to the
    patient as "Your therapist added this: ...".
    """
    kept_reason = check_allowed(
        plan,
        catalogue,
        number,
        exercise_id,
        reason=reason,
        profile_limits=profile_limits,
        surgery_date=surgery_date,
    )
    exercise = catalogue[exercise_id]
    dose = dosage if dosage is not None else exercise.dosage
    _check_dosage(dose)

    def change(routine: Routine) -> Routine:
        if len(routine.items) >= MAX_ITEMS:
            raise PlanEditError(
                _("{routine} already has {count} exercises. Remove one first.").format(
                    routine=routine.name, count=MAX_ITEMS
                )
            )
        if any(item.exercise_id == exercise_id for item in routine.items):
            raise PlanEditError(
                _("{exercise} is already in {routine}.").format(
                    exercise=exercise.name, routine=routine.name
                )
            )
        item = Prescription(exercise_id, dose, kept_reason)
        return replace(routine, items=(*routine.items, item))

    return _with_routine(plan, number, routine_id, change)


def remove_exercise(plan: Plan, number: int, routine_id: str, index: int) -> Plan:
    def change(routine: Routine) -> Routine:
        _check_index(routine, index)
        if len(routine.items) == 1:
            raise PlanEditError(
                _("{routine} needs at least one exercise.").format(routine=routine.name)
            )
        return replace(routine, items=routine.items[:index] + routine.items[index + 1 :])

    return _with_routine(plan, number, routine_id, change)


def move_exercise(plan: Plan, number: int, routine_id: str, index: int, offset: int) -> Plan:
    """Move an exercise up (offset -1) or down (+1) in its routine; stops at the ends."""

    def change(routine: Routine) -> Routine:
        _check_index(routine, index)
        target = min(max(index + offset, 0), len(routine.items) - 1)
        items = list(routine.items)
        items.insert(target, items.pop(index))
        return replace(routine, items=tuple(items))

    return _with_routine(plan, number, routine_id, change)


def _check_dosage(dosage: Dosage) -> None:
    words = {
        "sets": N_("The number of sets"),
        "reps": N_("The number of times"),
        "hold_s": N_("The hold (seconds)"),
        "rest_s": N_("The rest (seconds)"),
        "minutes": N_("The minutes"),
        "tempo_s": N_("The seconds per movement"),
    }
    for f in fields(Dosage):
        _check_range(getattr(dosage, f.name), DOSAGE_LIMITS[f.name], words[f.name])


def set_dosage(plan: Plan, number: int, routine_id: str, index: int, dosage: Dosage) -> Plan:
    _check_dosage(dosage)

    def change(routine: Routine) -> Routine:
        _check_index(routine, index)
        items = list(routine.items)
        items[index] = replace(items[index], dosage=dosage)
        return replace(routine, items=tuple(items))

    return _with_routine(plan, number, routine_id, change)


def set_frequency(
    plan: Plan, number: int, routine_id: str, times_per_day: int, days_per_week: int
) -> Plan:
    """How often a routine is done: 1-4 times a day, on 1-7 days a week."""
    _check_range(times_per_day, TIMES_PER_DAY, N_("The times a day"))
    _check_range(days_per_week, DAYS_PER_WEEK, N_("The days a week"))
    return _with_routine(
        plan,
        number,
        routine_id,
        lambda r: replace(r, times_per_day=times_per_day, days_per_week=days_per_week),
    )


# -- phase settings ------------------------------------------------------------------------------
def default_start(plan: Plan, surgery_date: date, number: int) -> date:
    """The protocol's start of phase ``number`` (schedule's rule), for a phase the plan has."""
    _phase(plan, number)
    return protocol_start(plan, surgery_date, number)


def effective_start(plan: Plan, surgery_date: date, number: int) -> date:
    """When phase ``number`` starts, moved or not (schedule's rule)."""
    _phase(plan, number)
    return phase_start(plan, surgery_date, number)


def phase_start_problem(plan: Plan, surgery_date: date) -> tuple[int, str] | None:
    """The first moved phase start that does not fit this surgery date, and why; None when the
    phases follow one another after the surgery, each within 10 years of it."""
    latest = surgery_date + timedelta(weeks=MAX_WEEKS)
    for number, start in plan.phase_starts:
        if start <= surgery_date:
            return number, _("must be after the day of surgery ({day})").format(day=surgery_date)
        if start > latest:
            return number, _("must be within 10 years of the surgery ({day})").format(
                day=surgery_date
            )
        if number > 1:
            before = effective_start(plan, surgery_date, number - 1)
            if start <= before:
                return number, _("must be after the start of phase {number} ({day})").format(
                    number=number - 1, day=before
                )
        if number < len(plan.phases):
            after = effective_start(plan, surgery_date, number + 1)
            if start >= after:
                return number, _("must be before the start of phase {number} ({day})").format(
                    number=number + 1, day=after
                )
    return None


def set_phase_start(plan: Plan, surgery_date: date, number: int, start: date | None) -> Plan:
    """Advance or hold back when a phase starts (None: back to the protocol's week).

    Phase 1 starts at surgery. A moved start must stay after the phase before and before the
    phase after, so the phases still follow one another.
    """
    _phase(plan, number)
    if number == 1:
        raise PlanEditError(_("Phase 1 always starts on the day of surgery."))
    starts = dict(plan.phase_starts)
    if start is None or start == default_start(plan, surgery_date, number):
        starts.pop(number, None)
    else:
        if start <= surgery_date:
            raise PlanEditError(_("A phase must start after the day of surgery."))
        if start > surgery_date + timedelta(weeks=MAX_WEEKS):
            raise PlanEditError(_("That start date is too far away."))
        starts[number] = start
    moved = replace(plan, phase_starts=tuple(sorted(starts.items())))
    before = effective_start(moved, surgery_date, number - 1)
    mine = effective_start(moved, surgery_date, number)
    if mine <= before:
        raise PlanEditError(
            _("Phase {number} must start after phase {before}, which starts on {day}.").format(
                number=number, before=number - 1, day=formats.day_month_year(before)
            )
        )
    if number < len(plan.phases):
        after = effective_start(moved, surgery_date, number + 1)
        if mine >= after:
            raise PlanEditError(
                _(
                    "Phase {number} must start before phase {after}, which starts on {day}. "
                    "Move phase {after} first."
                ).format(number=number, after=number + 1, day=formats.day_month_year(after))
            )
    return moved


def set_walking(plan: Plan, number: int, goal: WalkingGoal) -> Plan:
    _check_range(goal.minutes_start, WALK_MINUTES, N_("The walking minutes at the start"))
    _check_range(goal.minutes_end, WALK_MINUTES, N_("The walking minutes at the end"))
    _check_range(goal.walks_per_day, WALKS_PER_DAY, N_("The number of walks a day"))
    return _with_phase(plan, number, lambda p: replace(p, walking=goal))


def conflicts(plan: Plan, catalogue: Catalogue, extra: frozenset[str]) -> list[Conflict]:
    """Items that would be blocked under ``extra`` restrictions and have no reason."""
    found = []
    for phase in plan.phases:
        for routine in phase.routines:
            for item in routine.items:
                exercise = catalogue[item.exercise_id]
                blocked = blocked_movements(exercise, phase, extra)
                if blocked and not item.reason:
                    found.append(Conflict(phase.number, routine.id, item.exercise_id, blocked))
    return found


def set_extra_restrictions(
    plan: Plan, catalogue: Catalogue, tags: Iterable[str], *, remove_conflicts: bool = False
) -> Plan:
    """The surgeon's own restrictions, on top of each phase's.

    Exercises in the plan that would break a new restriction (and have no stated reason) are
    either removed (``remove_conflicts``, after the therapist agreed) or the change is refused,
    naming the first of them.
    """
    chosen = frozenset(tags)
    unknown = sorted(chosen - set(MOVEMENT_TAGS))
    if unknown:
        raise PlanEditError(_("'{movement}' is not a known movement.").format(movement=unknown[0]))
    found = conflicts(plan, catalogue, chosen)
    if found and not remove_conflicts:
        first = found[0]
        fields = {
            "exercise": catalogue[first.exercise_id].name,
            "phase": first.phase,
            "movements": _(", ").join(tag_label(t) for t in sorted(first.blocked)),
            "count": len(found) - 1,
        }
        if len(found) > 1:
            text = ngettext(
                "{exercise} in phase {phase} involves {movements}. Remove it from the plan first "
                "({count} more).",
                "{exercise} in phase {phase} involves {movements}. Remove it from the plan first "
                "({count} more).",
                len(found) - 1,
            )
        else:
            text = _(
                "{exercise} in phase {phase} involves {movements}. Remove it from the plan first."
            )
        raise PlanEditError(text.format(**fields))
    for conflict in found:
        routine = plan.phase(conflict.phase).routine(conflict.routine)
        index = [i.exercise_id for i in routine.items].index(conflict.exercise_id)
        plan = remove_exercise(plan, conflict.phase, conflict.routine, index)
    return replace(plan, extra_restrictions=chosen)


def set_note(plan: Plan, note: str) -> Plan:
    """The therapist's note to the patient (shown on Today and on the handout)."""
    return replace(plan, note=_check_text(note, "note", MAX_NOTE, allow_empty=True).strip())


def check_plan(plan: Plan, catalogue: Catalogue) -> Plan:
    """Read the plan back through the strict reader; raises PlanEditError if it would not load."""
    try:
        return plan_from_dict(plan_to_dict(plan), catalogue, "plan")
    except DataError as exc:
        raise PlanEditError(str(exc)) from exc
