"""The therapist's plan changes: each returns a new plan, and safety has the last word."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from coach.domain.catalogue import Dosage
from coach.domain.content import Content
from coach.domain.plan import Plan, plan_from_protocol
from coach.domain.plan_edit import (
    PlanEditError,
    RestrictedExerciseError,
    add_exercise,
    check_plan,
    effective_start,
    move_exercise,
    patient_reason_text,
    remove_exercise,
    set_dosage,
    set_extra_restrictions,
    set_frequency,
    set_note,
    set_phase_start,
    set_walking,
)
from coach.domain.profile import Surgery
from coach.domain.protocol import WalkingGoal
from coach.domain.schedule import phase_on

SURGERY = date(2026, 1, 5)


@pytest.fixture
def plan(content: Content) -> Plan:
    return plan_from_protocol(content.protocols[Surgery.FUSION])


def ids(plan: Plan, phase: int, routine: str) -> list[str]:
    return [i.exercise_id for i in plan.phase(phase).routine(routine).items]


def test_adding_an_allowed_exercise_appends_it_with_its_usual_dose(
    plan: Plan, content: Content
) -> None:
    changed = add_exercise(plan, content.catalogue, 2, "stretches", "heel-raises")
    assert ids(changed, 2, "stretches")[-1] == "heel-raises"
    item = changed.phase(2).routine("stretches").items[-1]
    assert item.dosage == content.catalogue["heel-raises"].dosage
    assert item.reason == ""
    assert "heel-raises" not in ids(plan, 2, "stretches")  # the old plan is untouched
    check_plan(changed, content.catalogue)


def test_a_restricted_exercise_is_refused_in_plain_words(plan: Plan, content: Content) -> None:
    with pytest.raises(RestrictedExerciseError) as caught:
        add_exercise(plan, content.catalogue, 2, "stretches", "lower-trunk-rotation")
    assert caught.value.blocked == frozenset({"lumbar-rotation"})
    name = content.catalogue["lower-trunk-rotation"].name
    assert str(caught.value) == (
        f"{name} starts 12 weeks after your spinal fusion. "
        "It also involves twisting, which is not allowed in this phase. "
        "To add it anyway, write your reason."
    )


def test_a_blank_reason_is_no_reason(plan: Plan, content: Content) -> None:
    with pytest.raises(RestrictedExerciseError):
        add_exercise(plan, content.catalogue, 2, "stretches", "prone-press-up", reason="   ")


def test_a_stated_reason_overrides_and_is_kept_for_the_patient(
    plan: Plan, content: Content
) -> None:
    reason = "Centralises your leg pain; we checked it together on 2 March."
    changed = add_exercise(
        plan, content.catalogue, 2, "stretches", "prone-press-up", reason=f"  {reason} "
    )
    item = changed.phase(2).routine("stretches").items[-1]
    assert item.exercise_id == "prone-press-up"  # a therapist-only exercise, switched on
    assert item.reason == reason
    assert patient_reason_text(item) == f"Your therapist added this: {reason}"
    check_plan(changed, content.catalogue)


def test_a_reason_is_dropped_when_no_restriction_needed_it(plan: Plan, content: Content) -> None:
    changed = add_exercise(plan, content.catalogue, 2, "stretches", "heel-raises", reason="x")
    assert changed.phase(2).routine("stretches").items[-1].reason == ""
    assert patient_reason_text(changed.phase(2).routine("stretches").items[-1]) == ""


def test_the_surgeons_extra_limits_count_too(plan: Plan, content: Content) -> None:
    limited = replace(plan, extra_restrictions=frozenset({"floor"}))
    with pytest.raises(RestrictedExerciseError, match="getting down to the floor"):
        add_exercise(limited, content.catalogue, 2, "stretches", "bird-dog")


def test_no_duplicates_and_at_most_ten_per_routine(plan: Plan, content: Content) -> None:
    with pytest.raises(PlanEditError, match="already in"):
        add_exercise(plan, content.catalogue, 2, "strength", "bridge")
    full = plan
    for exercise in ("heel-raises", "quad-sets", "glute-sets", "sit-to-stand"):
        full = add_exercise(full, content.catalogue, 2, "strength", exercise)
    assert len(full.phase(2).routine("strength").items) == 10
    with pytest.raises(PlanEditError, match="already has 10 exercises"):
        add_exercise(full, content.catalogue, 2, "strength", "ankle-pumps")


def test_unknown_places_are_refused(plan: Plan, content: Content) -> None:
    with pytest.raises(PlanEditError, match="no phase 9"):
        add_exercise(plan, content.catalogue, 9, "strength", "bridge")
    with pytest.raises(PlanEditError, match="no routine"):
        add_exercise(plan, content.catalogue, 2, "nope", "bridge")
    with pytest.raises(PlanEditError, match="no exercise called"):
        add_exercise(plan, content.catalogue, 2, "strength", "moonwalk")


def test_remove_and_reorder(plan: Plan, content: Content) -> None:
    before = ids(plan, 2, "strength")
    removed = remove_exercise(plan, 2, "strength", 0)
    assert ids(removed, 2, "strength") == before[1:]
    down = move_exercise(plan, 2, "strength", 0, +1)
    assert ids(down, 2, "strength")[:2] == [before[1], before[0]]
    up = move_exercise(plan, 2, "strength", 0, -1)  # already first: stays
    assert ids(up, 2, "strength") == before
    with pytest.raises(PlanEditError, match="no exercise number 99"):
        remove_exercise(plan, 2, "strength", 98)


def test_a_routine_keeps_at_least_one_exercise(plan: Plan) -> None:
    routine = plan.phase(2).routine("stretches")
    for _ in range(len(routine.items) - 1):
        plan = remove_exercise(plan, 2, "stretches", 0)
    with pytest.raises(PlanEditError, match="at least one exercise"):
        remove_exercise(plan, 2, "stretches", 0)


def test_dose_and_frequency_are_checked(plan: Plan, content: Content) -> None:
    dose = Dosage(sets=2, reps=12, hold_s=5, rest_s=45)
    changed = set_dosage(plan, 2, "strength", 1, dose)
    assert changed.phase(2).routine("strength").items[1].dosage == dose
    with pytest.raises(PlanEditError, match="number of times must be a whole number from 1 to"):
        set_dosage(plan, 2, "strength", 1, Dosage(reps=0))
    with pytest.raises(PlanEditError, match="hold"):
        set_dosage(plan, 2, "strength", 1, Dosage(hold_s=301))
    weekly = set_frequency(changed, 2, "strength", 1, 3)
    routine = weekly.phase(2).routine("strength")
    assert (routine.times_per_day, routine.days_per_week) == (1, 3)
    with pytest.raises(PlanEditError, match="days a week"):
        set_frequency(plan, 2, "strength", 1, 8)
    with pytest.raises(PlanEditError, match="times a day"):
        set_frequency(plan, 2, "strength", True, 3)  # type: ignore[arg-type]
    check_plan(weekly, content.catalogue)


def test_advance_and_hold_back_a_phase(plan: Plan) -> None:
    usual = effective_start(plan, SURGERY, 2)
    assert usual == SURGERY + timedelta(weeks=6)
    earlier = set_phase_start(plan, SURGERY, 2, usual - timedelta(days=7))
    assert phase_on(earlier, SURGERY, usual - timedelta(days=7)).number == 2
    later = set_phase_start(plan, SURGERY, 2, usual + timedelta(days=14))
    assert phase_on(later, SURGERY, usual + timedelta(days=7)).number == 1
    back = set_phase_start(later, SURGERY, 2, None)
    assert back.phase_starts == ()
    same = set_phase_start(later, SURGERY, 2, usual)
    assert same.phase_starts == ()


def test_phases_stay_in_order(plan: Plan) -> None:
    with pytest.raises(PlanEditError, match="always starts on the day of surgery"):
        set_phase_start(plan, SURGERY, 1, SURGERY + timedelta(days=3))
    third = effective_start(plan, SURGERY, 3)
    with pytest.raises(PlanEditError, match="must start before phase 3"):
        set_phase_start(plan, SURGERY, 2, third)
    with pytest.raises(PlanEditError, match="after the day of surgery"):
        set_phase_start(plan, SURGERY, 2, SURGERY)


def test_walking_goal(plan: Plan) -> None:
    goal = WalkingGoal(20, 45, 2)
    assert set_walking(plan, 2, goal).phase(2).walking == goal
    with pytest.raises(PlanEditError, match="walks a day"):
        set_walking(plan, 2, WalkingGoal(20, 45, 0))


def test_extra_restrictions_refuse_while_the_plan_breaks_them(plan: Plan, content: Content) -> None:
    limited = set_extra_restrictions(plan, content.catalogue, {"wound-water"})
    assert limited.extra_restrictions == frozenset({"wound-water"})
    # bird dog (floor) is in phases 3 and 4: a new limit on the floor is refused...
    with pytest.raises(PlanEditError, match=r"Bird dog in phase 3 involves getting down to"):
        set_extra_restrictions(plan, content.catalogue, {"floor"})
    with pytest.raises(PlanEditError, match="not a known movement"):
        set_extra_restrictions(plan, content.catalogue, {"flying"})
    assert set_extra_restrictions(limited, content.catalogue, ()).extra_restrictions == frozenset()


def test_extra_restrictions_can_remove_what_breaks_them(plan: Plan, content: Content) -> None:
    limited = set_extra_restrictions(plan, content.catalogue, {"floor"}, remove_conflicts=True)
    for phase in limited.phases:
        for routine in phase.routines:
            for item in routine.items:
                assert "floor" not in content.catalogue[item.exercise_id].movements
    check_plan(limited, content.catalogue)


def test_note(plan: Plan) -> None:
    assert set_note(plan, "  Walk after lunch.\nCall me if unsure.  ").note == (
        "Walk after lunch.\nCall me if unsure."
    )
    with pytest.raises(PlanEditError, match="at most 2000"):
        set_note(plan, "x" * 2001)
    with pytest.raises(PlanEditError) as bell:
        set_note(plan, "bell\x07")
    # The plan reader's own rule and words (coach.domain.fields), as one sentence.
    assert (
        str(bell.value) == "The note must not contain control characters (U+0007 at character 5)."
    )
    with pytest.raises(PlanEditError, match=r"^The note must not contain a character that changes"):
        set_note(plan, "evil \u202e text")
