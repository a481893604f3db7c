"""The import summary's lines: every change a therapist or patient would care about."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coach.domain.content import Content
from coach.domain.plan import Plan, plan_from_protocol
from coach.domain.plan_diff import WHOLE_PLAN, Change, summarise_changes
from coach.domain.plan_edit import (
    move_exercise,
    remove_exercise,
    set_extra_restrictions,
    set_frequency,
    set_note,
    set_phase_start,
    set_walking,
)
from coach.domain.profile import Surgery
from coach.domain.protocol import WalkingGoal

SURGERY = date(2026, 1, 5)
PHASE_2 = "Phase 2: Early mobility"


@pytest.fixture
def plan(content: Content) -> Plan:
    return plan_from_protocol(content.protocols[Surgery.FUSION])


def lines(old: Plan | None, new: Plan, content: Content) -> list[str]:
    return [
        f"{c.section}: {c.text}" for c in summarise_changes(old, new, content.catalogue, SURGERY)
    ]


def test_nothing_changes_and_first_plan(plan: Plan, content: Content) -> None:
    assert summarise_changes(plan, plan, content.catalogue) == [
        Change(WHOLE_PLAN, "Nothing changes: the plan is the same as now.")
    ]
    assert lines(None, plan, content) == [
        "Whole plan: This will be the first plan for this profile."
    ]


def test_removed_reordered_and_how_often(plan: Plan, content: Content) -> None:
    changed = remove_exercise(plan, 2, "stretches", 0)
    changed = move_exercise(changed, 2, "strength", 0, +1)
    changed = set_frequency(changed, 2, "strength", 2, 3)
    assert lines(plan, changed, content) == [
        f"{PHASE_2}: Strength exercises: 2 times a day, 3 days a week (was once a day, every day).",
        f"{PHASE_2}: Strength exercises: the exercises are in a new order.",
        f"{PHASE_2}: Gentle stretches: removed Hamstring stretch with a strap.",
    ]


def test_walking_start_limits_and_note(plan: Plan, content: Content) -> None:
    changed = set_walking(plan, 2, WalkingGoal(20, 50, 3))
    changed = set_phase_start(changed, SURGERY, 2, SURGERY + timedelta(weeks=5))
    changed = set_extra_restrictions(changed, content.catalogue, {"wound-water"})
    changed = set_note(changed, "Walk after lunch.")
    assert lines(plan, changed, content) == [
        "Whole plan: Surgeon's extra limits added: going in water.",
        "Whole plan: New note from the therapist: Walk after lunch.",
        f"{PHASE_2}: Starts 9 February 2026 (was 16 February 2026).",
        f"{PHASE_2}: Walking: 20 to 50 minutes a day, in 3 walks "
        "(was 30 to 45 minutes a day, in 2 walks).",
    ]
    assert lines(changed, plan, content)[:2] == [
        "Whole plan: Surgeon's extra limits removed: going in water.",
        "Whole plan: The note is removed.",
    ]


def test_every_clinical_change_of_a_phase_is_shown(plan: Plan, content: Content) -> None:
    """Goals, precautions, movements to avoid and the lifting limit, word for word."""
    from dataclasses import replace

    phase = plan.phases[1]
    changed = replace(
        phase,
        goals=(*phase.goals[1:], "Swim twice a week"),
        precautions=("Lift nothing heavier than a full kettle.",),
        restricted=frozenset() if phase.restricted else frozenset({"impact"}),
        lift_limit_kg=20.0,
    )
    new = replace(plan, phases=(plan.phases[0], changed, *plan.phases[2:]))
    shown = lines(plan, new, content)
    assert f"{PHASE_2}: New goal: Swim twice a week" in shown
    assert f"{PHASE_2}: Goal removed: {phase.goals[0]}" in shown
    assert f"{PHASE_2}: New precaution: Lift nothing heavier than a full kettle." in shown
    for old_precaution in phase.precautions:
        assert f"{PHASE_2}: Precaution removed: {old_precaution}" in shown
    assert any(line.startswith(f"{PHASE_2}: Movements to avoid: ") for line in shown)
    old_lift = (
        "no lifting limit"
        if phase.lift_limit_kg is None
        else (f"lift at most {phase.lift_limit_kg:g} kg")
    )
    assert f"{PHASE_2}: Lift at most 20 kg (was {old_lift})." in shown
