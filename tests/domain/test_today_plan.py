"""What Today shows for a day, worked out without Qt."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from coach.domain.catalogue import Dosage
from coach.domain.content import Content
from coach.domain.plan import Plan, plan_from_protocol
from coach.domain.profile import Surgery
from coach.domain.protocol import Prescription
from coach.domain.today import build_today, date_text, when_text

SURGERY = date(2025, 3, 3)


@pytest.fixture
def fusion(content: Content) -> Plan:
    return plan_from_protocol(content.protocols[Surgery.FUSION])


def test_week_phase_and_what_comes_next(content: Content, fusion: Plan) -> None:
    today = build_today(fusion, SURGERY, SURGERY + timedelta(days=16), content.catalogue)
    assert today.heading == "Week 3 after your spinal fusion"
    assert today.phase.title == "Phase 1: Protect"
    assert today.next_text == "Phase 2: Early mobility starts on 14 April (in about 4 weeks)."
    last = build_today(fusion, SURGERY, SURGERY + timedelta(days=400), content.catalogue)
    assert last.phase.number == 4 and last.next_phase is None
    assert "last phase" in last.next_text


def test_before_surgery(content: Content, fusion: Plan) -> None:
    today = build_today(fusion, SURGERY, SURGERY - timedelta(days=5), content.catalogue)
    assert today.before_surgery
    assert today.heading == "Your spinal fusion is in 5 days"
    assert today.phase.number == 1


def test_routines_with_doses_minutes_and_done_counts(content: Content, fusion: Plan) -> None:
    today = build_today(
        fusion, SURGERY, SURGERY + timedelta(days=3), content.catalogue, done={"daily": 1}
    )
    daily, moving = today.routines
    assert daily.routine.name == "Daily exercises"
    assert [i.exercise.id for i in daily.items] == [
        "ankle-pumps",
        "abdominal-bracing",
        "glute-sets",
        "quad-sets",
    ]
    assert daily.items[0].dose_text == "9 times"  # building up to 15 (REFERENCE section 1)
    assert daily.items[0].ramp_text == "Building up: the full amount (15 times) from 18 March."
    assert daily.ramp_text == (
        "New phase: the amounts grow a little each day, to your full plan on 18 March."
    )
    assert (daily.times_due, daily.times_done, daily.done) == (2, 1, False)
    assert not moving.done and moving.times_done == 0
    assert daily.minutes == round(sum(i.seconds for i in daily.items) / 60)
    assert daily.can_start and not daily.left_out


def test_surgeons_rule_leaves_an_exercise_out_with_a_plain_reason(
    content: Content, fusion: Plan
) -> None:
    day = SURGERY + timedelta(weeks=13)  # phase 3: core exercises include bird dog
    plain = build_today(fusion, SURGERY, day, content.catalogue)
    ruled = build_today(
        fusion, SURGERY, day, content.catalogue, extra_restrictions=frozenset({"floor"})
    )
    core = next(r for r in plain.routines if r.routine.id == "core")
    core_ruled = next(r for r in ruled.routines if r.routine.id == "core")
    assert "bird-dog" in [i.exercise.id for i in core.items]
    shown = [i.exercise.id for i in core_ruled.items]
    assert "bird-dog" not in shown and "side-plank-knees" not in shown
    texts = [x.text for x in core_ruled.left_out]
    assert "Bird dog is left out, because your surgeon said: no getting down to the floor." in (
        texts
    )
    # the plan's own extra restrictions count too
    planned = build_today(
        replace(fusion, extra_restrictions=frozenset({"floor"})), SURGERY, day, content.catalogue
    )
    assert [x.exercise.id for x in planned.routines[0].left_out] == [
        x.exercise.id for x in core_ruled.left_out
    ]


def test_therapist_reason_keeps_an_exercise(content: Content, fusion: Plan) -> None:
    phase = fusion.phase(1)
    kept = Prescription("bird-dog", Dosage(reps=5), "Practised with me, on the bed")
    routine = replace(phase.routines[0], items=(*phase.routines[0].items, kept))
    plan = replace(fusion, phases=(replace(phase, routines=(routine, *phase.routines[1:])),))
    plan = replace(plan, phases=(plan.phases[0], *fusion.phases[1:]))
    day_after = SURGERY + timedelta(days=1)  # bird dog is early, on the floor, and restricted
    today = build_today(
        plan, SURGERY, day_after, content.catalogue, extra_restrictions=frozenset({"floor"})
    )
    assert today.routines[0].items[-1].reason == "Practised with me, on the bed"


def test_routine_with_everything_left_out_cannot_start(content: Content, fusion: Plan) -> None:
    phase = fusion.phase(4)
    floor_only = replace(
        phase.routines[0],
        items=tuple(i for i in phase.routines[0].items if i.exercise_id in ("bird-dog",)),
    )
    plan = replace(fusion, phases=(*fusion.phases[:3], replace(phase, routines=(floor_only,))))
    day = SURGERY + timedelta(weeks=30)
    open_floor = build_today(plan, SURGERY, day, content.catalogue)
    ruled = build_today(
        plan, SURGERY, day, content.catalogue, extra_restrictions=frozenset({"floor"})
    )
    assert open_floor.routines[0].can_start
    assert not ruled.routines[0].can_start and len(ruled.routines[0].left_out) == 1


def test_walking_today_against_the_goal(content: Content, fusion: Plan) -> None:
    day = SURGERY + timedelta(weeks=3)
    today = build_today(fusion, SURGERY, day, content.catalogue, walked_minutes=15)
    walking = today.walking
    assert walking.goal_minutes == 20 and walking.walks_per_day == 3
    assert walking.progress_text == "15 of 20 minutes"
    assert walking.fraction == pytest.approx(0.75)
    assert not walking.reached
    assert walking.goal_text == "Goal today: 20 minutes, in 3 walks of about 7 minutes"
    more = build_today(fusion, SURGERY, day, content.catalogue, walked_minutes=45).walking
    assert more.fraction == 1.0 and more.reached


def test_when_and_date_in_plain_words() -> None:
    day = date(2025, 3, 3)
    assert when_text(day, day) == "today"
    assert when_text(day, day + timedelta(days=1)) == "tomorrow"
    assert when_text(day, day + timedelta(days=5)) == "in 5 days"
    assert when_text(day, day + timedelta(days=21)) == "in 3 weeks"
    assert when_text(day, day + timedelta(days=23)) == "in about 3 weeks"
    assert when_text(day, day - timedelta(days=14)) == "2 weeks ago"
    assert date_text(date(2025, 3, 14), day) == "14 March"
    assert date_text(date(2026, 1, 2), day) == "2 January 2026"
