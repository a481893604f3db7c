"""What would change if one plan replaced another, in plain lines for the import summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coach.domain import formats
from coach.domain.catalogue import Catalogue, tag_label
from coach.domain.i18n import N_, _, ngettext
from coach.domain.plan import Plan
from coach.domain.protocol import Phase, Prescription, Routine, WalkingGoal
from coach.domain.schedule import phase_start
from coach.domain.words import localised_number

WHOLE_PLAN = N_("Whole plan")  # the section of plan-wide changes; shown with _()


@dataclass(frozen=True)
class Change:
    """One line of the summary, grouped under ``section`` (a phase title or 'Whole plan')."""

    section: str
    text: str


def frequency_text(routine: Routine) -> str:
    times = (
        _("once a day")
        if routine.times_per_day == 1
        else ngettext("{count} time a day", "{count} times a day", routine.times_per_day).format(
            count=routine.times_per_day
        )
    )
    # Translators: how often a routine is done: "twice a day, 5 days a week".
    return _("{times}, {days}").format(times=times, days=week_days_text(routine.days_per_week))


def week_days_text(days_per_week: int) -> str:
    """'every day' or '5 days a week' (shared with the command line's listing)."""
    if days_per_week == 7:
        return _("every day")
    return ngettext("{count} day a week", "{count} days a week", days_per_week).format(
        count=days_per_week
    )


def walking_text(goal: WalkingGoal) -> str:
    return ngettext(
        "{start} to {end} minutes a day, in {count} walk",
        "{start} to {end} minutes a day, in {count} walks",
        goal.walks_per_day,
    ).format(start=goal.minutes_start, end=goal.minutes_end, count=goal.walks_per_day)


def tags_text(tags: frozenset[str]) -> str:
    return _(", ").join(tag_label(t) for t in sorted(tags)) or _("nothing")


def dose_text(item: Prescription, catalogue: Catalogue) -> str:
    exercise = catalogue[item.exercise_id]
    return item.dosage.describe(exercise.per_side)


def summarise_changes(
    old: Plan | None, new: Plan, catalogue: Catalogue, surgery_date: date | None = None
) -> list[Change]:
    """Every difference a therapist or patient would care about, old to new."""
    if old is None:
        return [Change(_(WHOLE_PLAN), _("This will be the first plan for this profile."))]
    whole = _(WHOLE_PLAN)
    changes: list[Change] = []
    if old.surgery != new.surgery:
        changes.append(
            Change(
                whole,
                _("For {surgery} (was {old}).").format(
                    surgery=new.surgery.label, old=old.surgery.label
                ),
            )
        )
    if len(old.phases) != len(new.phases):
        count = len(new.phases)
        text = ngettext("{count} phase (was {old}).", "{count} phases (was {old}).", count)
        changes.append(Change(whole, text.format(count=count, old=len(old.phases))))
    added = new.extra_restrictions - old.extra_restrictions
    removed = old.extra_restrictions - new.extra_restrictions
    if added:
        text = _("Surgeon's extra limits added: {movements}.").format(movements=tags_text(added))
        changes.append(Change(whole, text))
    if removed:
        text = _("Surgeon's extra limits removed: {movements}.").format(
            movements=tags_text(removed)
        )
        changes.append(Change(whole, text))
    if old.note != new.note:
        text = (
            _("New note from the therapist: {note}").format(note=new.note)
            if new.note
            else _("The note is removed.")
        )
        changes.append(Change(whole, text))
    for phase in new.phases:
        before = old.phases[phase.number - 1] if phase.number <= len(old.phases) else None
        changes.extend(_phase_changes(old, before, new, phase, catalogue, surgery_date))
    if not changes:
        changes.append(Change(whole, _("Nothing changes: the plan is the same as now.")))
    return changes


def _start_text(plan: Plan, phase: Phase, surgery_date: date | None) -> str:
    if surgery_date is not None:
        return _day(phase_start(plan, surgery_date, phase.number))
    override = plan.start_override(phase.number)
    if override:
        return _day(override)
    return _("week {number} after surgery").format(number=phase.weeks_from)


def _day(value: date) -> str:
    """'14 March 2026', '14 de marzo de 2026'."""
    return formats.day_month_year(value)


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
        return [Change(section, _("A new phase."))]
    out: list[Change] = []
    if old.name != new.name:
        out.append(Change(section, _("Renamed (was {old}).").format(old=old.name)))
    old_start = _start_text(old_plan, old, surgery_date)
    new_start = _start_text(new_plan, new, surgery_date)
    if old_start != new_start:
        text = _("Starts {start} (was {old}).").format(start=new_start, old=old_start)
        out.append(Change(section, text))
    out.extend(_care_changes(section, old, new))
    if old.walking != new.walking:
        out.append(
            Change(
                section,
                _("Walking: {walking} (was {old}).").format(
                    walking=walking_text(new.walking), old=walking_text(old.walking)
                ),
            )
        )
    old_routines = {r.id: r for r in old.routines}
    new_ids = {r.id for r in new.routines}
    for routine in new.routines:
        before = old_routines.get(routine.id)
        if before is None:
            names = _(", ").join(catalogue[i.exercise_id].name for i in routine.items)
            text = _("New routine {routine} ({frequency}): {exercises}.").format(
                routine=routine.name, frequency=frequency_text(routine), exercises=names
            )
            out.append(Change(section, text))
        else:
            out.extend(_routine_changes(section, before, routine, catalogue))
    for routine in old.routines:
        if routine.id not in new_ids:
            out.append(
                Change(section, _("Routine removed: {routine}.").format(routine=routine.name))
            )
    return out


def _lift_text(kg: float | None) -> str:
    if kg is None:
        return _("No lifting limit")
    return _("Lift at most {kg} kg").format(kg=localised_number(f"{kg:g}"))


def _care_changes(section: str, old: Phase, new: Phase) -> list[Change]:
    """What keeps the patient safe in a phase: movements to avoid, lifting, precautions, goals.
    Every change is listed, word for word, because each matters clinically."""
    out: list[Change] = []
    if old.restricted != new.restricted:
        out.append(
            Change(
                section,
                _("Movements to avoid: {movements} (was {old}).").format(
                    movements=tags_text(new.restricted), old=tags_text(old.restricted)
                ),
            )
        )
    if old.lift_limit_kg != new.lift_limit_kg:
        # Translators: "Lift at most 5 kg (was no lifting limit)." {old} starts lowercase.
        text = _("{lift} (was {old}).").format(
            lift=_lift_text(new.lift_limit_kg), old=_lower_first(_lift_text(old.lift_limit_kg))
        )
        out.append(Change(section, text))
    for text in new.precautions:
        if text not in old.precautions:
            out.append(Change(section, _("New precaution: {text}").format(text=text)))
    for text in old.precautions:
        if text not in new.precautions:
            out.append(Change(section, _("Precaution removed: {text}").format(text=text)))
    for text in new.goals:
        if text not in old.goals:
            out.append(Change(section, _("New goal: {text}").format(text=text)))
    for text in old.goals:
        if text not in new.goals:
            out.append(Change(section, _("Goal removed: {text}").format(text=text)))
    return out


def _routine_changes(
    section: str, old: Routine, new: Routine, catalogue: Catalogue
) -> list[Change]:
    out: list[Change] = []
    name = new.name
    if old.name != new.name:
        text = _("{old} is now called {new}.").format(old=old.name, new=new.name)
        out.append(Change(section, text))
    if (old.times_per_day, old.days_per_week) != (new.times_per_day, new.days_per_week):
        text = _("{routine}: {frequency} (was {old}).").format(
            routine=name, frequency=frequency_text(new), old=frequency_text(old)
        )
        out.append(Change(section, text))
    old_items = {i.exercise_id: i for i in old.items}
    new_items = {i.exercise_id: i for i in new.items}
    for item in new.items:
        exercise = catalogue[item.exercise_id]
        before = old_items.get(item.exercise_id)
        if before is None:
            fields = {
                "routine": name,
                "exercise": exercise.name,
                "dose": dose_text(item, catalogue),
            }
            if item.reason:
                text = _("{routine}: added {exercise}, {dose}. Reason: {reason}").format(
                    reason=item.reason, **fields
                )
            else:
                text = _("{routine}: added {exercise}, {dose}.").format(**fields)
            out.append(Change(section, text))
            continue
        if before.dosage != item.dosage:
            out.append(
                Change(
                    section,
                    _("{routine}: {exercise} {dose} (was {old}).").format(
                        routine=name,
                        exercise=exercise.name,
                        dose=dose_text(item, catalogue),
                        old=dose_text(before, catalogue),
                    ),
                )
            )
        if before.reason != item.reason and item.reason:
            text = _("{routine}: {exercise}, reason: {reason}").format(
                routine=name, exercise=exercise.name, reason=item.reason
            )
            out.append(Change(section, text))
    for item in old.items:
        if item.exercise_id not in new_items:
            exercise_name = (
                catalogue[item.exercise_id].name
                if item.exercise_id in catalogue
                else item.exercise_id
            )
            text = _("{routine}: removed {exercise}.").format(routine=name, exercise=exercise_name)
            out.append(Change(section, text))
    common_old = [i.exercise_id for i in old.items if i.exercise_id in new_items]
    common_new = [i.exercise_id for i in new.items if i.exercise_id in old_items]
    if common_old != common_new:
        text = _("{routine}: the exercises are in a new order.").format(routine=name)
        out.append(Change(section, text))
    return out


def _lower_first(text: str) -> str:
    """'no lifting limit' inside a sentence, from 'No lifting limit'."""
    return text[:1].lower() + text[1:]
