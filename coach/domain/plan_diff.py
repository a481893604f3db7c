"""What would change if one plan replaced another, in plain lines for the import summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coach.domain.catalogue import TAG_LABELS, Catalogue
from coach.domain.plan import Plan
from coach.domain.protocol import Phase, Prescription, Routine, WalkingGoal
from coach.domain.schedule import phase_start

WHOLE_PLAN = "Whole plan"


@dataclass(frozen=True)
class Change:
    """One line of the summary, grouped under ``section`` (a phase title or 'Whole plan')."""

    section: str
    text: str


def frequency_text(routine: Routine) -> str:
    times = "once a day" if routine.times_per_day == 1 else f"{routine.times_per_day} times a day"
    days = "every day" if routine.days_per_week == 7 else f"{routine.days_per_week} days a week"
    return f"{times}, {days}"


def walking_text(goal: WalkingGoal) -> str:
    walks = "1 walk" if goal.walks_per_day == 1 else f"{goal.walks_per_day} walks"
    return f"{goal.minutes_start} to {goal.minutes_end} minutes a day, in {walks}"


def tags_text(tags: frozenset[str]) -> str:
    return ", ".join(TAG_LABELS[t] for t in sorted(tags)) or "nothing"


def dose_text(item: Prescription, catalogue: Catalogue) -> str:
    exercise = catalogue[item.exercise_id]
    return item.dosage.describe(exercise.per_side)


def summarise_changes(
    old: Plan | None, new: Plan, catalogue: Catalogue, surgery_date: date | None = None
) -> list[Change]:
    """Every difference a therapist or patient would care about, old to new."""
    if old is None:
        return [Change(WHOLE_PLAN, "This will be the first plan for this profile.")]
    changes: list[Change] = []
    if old.surgery != new.surgery:
        changes.append(Change(WHOLE_PLAN, f"For {new.surgery.label} (was {old.surgery.label})."))
    if len(old.phases) != len(new.phases):
        changes.append(Change(WHOLE_PLAN, f"{len(new.phases)} phases (was {len(old.phases)})."))
    added = new.extra_restrictions - old.extra_restrictions
    removed = old.extra_restrictions - new.extra_restrictions
    if added:
        changes.append(Change(WHOLE_PLAN, f"Surgeon's extra limits added: {tags_text(added)}."))
    if removed:
        changes.append(Change(WHOLE_PLAN, f"Surgeon's extra limits removed: {tags_text(removed)}."))
    if old.note != new.note:
        text = f"New note from the therapist: {new.note}" if new.note else "The note is removed."
        changes.append(Change(WHOLE_PLAN, text))
    for phase in new.phases:
        before = old.phases[phase.number - 1] if phase.number <= len(old.phases) else None
        changes.extend(_phase_changes(old, before, new, phase, catalogue, surgery_date))
    if not changes:
        changes.append(Change(WHOLE_PLAN, "Nothing changes: the plan is the same as now."))
    return changes


def _start_text(plan: Plan, phase: Phase, surgery_date: date | None) -> str:
    if surgery_date is not None:
        return _day(phase_start(plan, surgery_date, phase.number))
    override = plan.start_override(phase.number)
    return _day(override) if override else f"week {phase.weeks_from} after surgery"


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _phase_changes(  # noqa: PLR0917 - old and new side by side reads best
    old_plan: Plan,
    old: Phase | None,
    new_plan: Plan,
    new: Phase,
    catalogue: Catalogue,
    surgery_date: date | None,
) -> list[Change]:
    section = new.title
    if old is None:
        return [Change(section, "A new phase.")]
    out: list[Change] = []
    if old.name != new.name:
        out.append(Change(section, f"Renamed (was {old.name})."))
    old_start = _start_text(old_plan, old, surgery_date)
    new_start = _start_text(new_plan, new, surgery_date)
    if old_start != new_start:
        out.append(Change(section, f"Starts {new_start} (was {old_start})."))
    out.extend(_care_changes(section, old, new))
    if old.walking != new.walking:
        out.append(
            Change(
                section,
                f"Walking: {walking_text(new.walking)} (was {walking_text(old.walking)}).",
            )
        )
    old_routines = {r.id: r for r in old.routines}
    new_ids = {r.id for r in new.routines}
    for routine in new.routines:
        before = old_routines.get(routine.id)
        if before is None:
            names = ", ".join(catalogue[i.exercise_id].name for i in routine.items)
            out.append(
                Change(section, f"New routine {routine.name} ({frequency_text(routine)}): {names}.")
            )
        else:
            out.extend(_routine_changes(section, before, routine, catalogue))
    for routine in old.routines:
        if routine.id not in new_ids:
            out.append(Change(section, f"Routine removed: {routine.name}."))
    return out


def _lift_text(kg: float | None) -> str:
    return "no lifting limit" if kg is None else f"lift at most {kg:g} kg"


def _care_changes(section: str, old: Phase, new: Phase) -> list[Change]:
    """What keeps the patient safe in a phase: movements to avoid, lifting, precautions, goals.
    Every change is listed, word for word, because each matters clinically."""
    out: list[Change] = []
    if old.restricted != new.restricted:
        out.append(
            Change(
                section,
                f"Movements to avoid: {tags_text(new.restricted)} "
                f"(was {tags_text(old.restricted)}).",
            )
        )
    if old.lift_limit_kg != new.lift_limit_kg:
        lift = _lift_text(new.lift_limit_kg)
        out.append(
            Change(section, f"{lift[0].upper()}{lift[1:]} (was {_lift_text(old.lift_limit_kg)}).")
        )
    for kind, before, after in (
        ("precaution", old.precautions, new.precautions),
        ("goal", old.goals, new.goals),
    ):
        out.extend(Change(section, f"New {kind}: {text}") for text in after if text not in before)
        out.extend(
            Change(section, f"{kind.capitalize()} removed: {text}")
            for text in before
            if text not in after
        )
    return out


def _routine_changes(
    section: str, old: Routine, new: Routine, catalogue: Catalogue
) -> list[Change]:
    out: list[Change] = []
    name = new.name
    if old.name != new.name:
        out.append(Change(section, f"{old.name} is now called {new.name}."))
    if (old.times_per_day, old.days_per_week) != (new.times_per_day, new.days_per_week):
        out.append(Change(section, f"{name}: {frequency_text(new)} (was {frequency_text(old)})."))
    old_items = {i.exercise_id: i for i in old.items}
    new_items = {i.exercise_id: i for i in new.items}
    for item in new.items:
        exercise = catalogue[item.exercise_id]
        before = old_items.get(item.exercise_id)
        if before is None:
            reason = f" Reason: {item.reason}" if item.reason else ""
            out.append(
                Change(
                    section,
                    f"{name}: added {exercise.name}, {dose_text(item, catalogue)}.{reason}",
                )
            )
            continue
        if before.dosage != item.dosage:
            out.append(
                Change(
                    section,
                    f"{name}: {exercise.name} {dose_text(item, catalogue)} "
                    f"(was {dose_text(before, catalogue)}).",
                )
            )
        if before.reason != item.reason and item.reason:
            out.append(Change(section, f"{name}: {exercise.name}, reason: {item.reason}"))
    for item in old.items:
        if item.exercise_id not in new_items:
            exercise_name = (
                catalogue[item.exercise_id].name
                if item.exercise_id in catalogue
                else item.exercise_id
            )
            out.append(Change(section, f"{name}: removed {exercise_name}."))
    common_old = [i.exercise_id for i in old.items if i.exercise_id in new_items]
    common_new = [i.exercise_id for i in new.items if i.exercise_id in old_items]
    if common_old != common_new:
        out.append(Change(section, f"{name}: the exercises are in a new order."))
    return out
