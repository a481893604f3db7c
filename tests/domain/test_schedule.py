"""The schedule: week numbers, the phase on a day (also when a therapist moved a phase start),
the walking goal as it grows, which days a part-week routine falls on, and what is done."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

import pytest

from coach.domain.content import Content
from coach.domain.plan import Plan, plan_from_protocol
from coach.domain.profile import Surgery
from coach.domain.protocol import Routine
from coach.domain.schedule import (
    is_routine_day,
    next_phase,
    phase_on,
    phase_start,
    routines_due,
    walking_goal,
    week_number,
)

SURGERY = date(2025, 3, 3)  # a Monday


def day(offset: int) -> date:
    return SURGERY + timedelta(days=offset)


@pytest.fixture
def fusion(content: Content) -> Plan:
    return plan_from_protocol(content.protocols[Surgery.FUSION])


@pytest.fixture
def discectomy(content: Content) -> Plan:
    return plan_from_protocol(content.protocols[Surgery.DISCECTOMY])


def test_week_numbers_start_at_one_on_the_day_of_surgery() -> None:
    assert week_number(SURGERY, day(0)) == 1
    assert week_number(SURGERY, day(6)) == 1
    assert week_number(SURGERY, day(7)) == 2
    assert week_number(SURGERY, day(14)) == 3
    assert week_number(SURGERY, day(-3)) == 1  # before surgery there is no week 0


def test_phase_changes_on_the_boundary_day(fusion: Plan) -> None:
    # fusion: phase 2 from week 6, phase 3 from week 12, phase 4 from week 26
    assert phase_on(fusion, SURGERY, day(-10)).number == 1
    assert phase_on(fusion, SURGERY, day(41)).number == 1
    assert phase_on(fusion, SURGERY, day(42)).number == 2
    assert phase_on(fusion, SURGERY, day(83)).number == 2
    assert phase_on(fusion, SURGERY, day(84)).number == 3
    assert phase_on(fusion, SURGERY, day(182)).number == 4
    assert phase_on(fusion, SURGERY, day(3000)).number == 4
    assert phase_start(fusion, SURGERY, 2) == day(42)


def test_next_phase_and_its_start(fusion: Plan) -> None:
    upcoming = next_phase(fusion, SURGERY, day(10))
    assert upcoming is not None
    assert (upcoming[0].number, upcoming[1]) == (2, day(42))
    assert next_phase(fusion, SURGERY, day(200)) is None


def test_therapist_advances_a_phase(fusion: Plan) -> None:
    moved = replace(fusion, phase_starts=((2, day(35)),))
    assert phase_on(moved, SURGERY, day(34)).number == 1
    assert phase_on(moved, SURGERY, day(35)).number == 2
    assert phase_start(moved, SURGERY, 2) == day(35)
    assert phase_start(moved, SURGERY, 3) == day(84)  # later phases keep their own weeks
    upcoming = next_phase(moved, SURGERY, day(20))
    assert upcoming is not None and upcoming[1] == day(35)


def test_therapist_holds_a_phase_back(fusion: Plan) -> None:
    moved = replace(fusion, phase_starts=((2, day(56)),))
    assert phase_on(moved, SURGERY, day(42)).number == 1
    assert phase_on(moved, SURGERY, day(55)).number == 1
    assert phase_on(moved, SURGERY, day(56)).number == 2
    # the walking goal of the held-back phase starts from its own first week
    assert walking_goal(moved, SURGERY, day(56)).minutes_per_day == 30


def test_walking_goal_grows_week_by_week_through_a_phase(fusion: Plan) -> None:
    # fusion phase 1: 10 -> 30 minutes over 6 weeks, in 3 walks
    minutes = [walking_goal(fusion, SURGERY, day(7 * week)).minutes_per_day for week in range(6)]
    assert minutes[0] == 10 and minutes[-1] == 30
    assert minutes == sorted(minutes) and len(set(minutes)) > 3
    assert all(m % 5 == 0 for m in minutes)
    assert walking_goal(fusion, SURGERY, day(3)).minutes_per_day == 10  # same all week
    goal = walking_goal(fusion, SURGERY, day(0))
    assert (goal.walks_per_day, goal.minutes_per_walk) == (3, 3)
    # phase 2 starts again from its own start value
    assert walking_goal(fusion, SURGERY, day(42)).minutes_per_day == 30
    assert walking_goal(fusion, SURGERY, day(42)).walks_per_day == 2
    # the last phase stays at its value for good
    assert walking_goal(fusion, SURGERY, day(700)).minutes_per_day == 60


@pytest.mark.parametrize("days_per_week", range(1, 8))
def test_part_week_routine_falls_on_the_same_days_each_week(days_per_week: int) -> None:
    routine = Routine("r", "R", 1, days_per_week, ())
    start = SURGERY
    weeks = [
        [is_routine_day(routine, start, start + timedelta(days=7 * w + d)) for d in range(7)]
        for w in range(4)
    ]
    assert all(sum(week) == days_per_week for week in weeks)
    assert all(week == weeks[0] for week in weeks)
    if days_per_week == 3:
        assert [i for i, on in enumerate(weeks[0]) if on] == [0, 3, 5]  # spread, not bunched


def test_two_part_week_routines_do_not_bunch_up(discectomy: Plan) -> None:
    # discectomy phase 3: core 5 days a week, legs 3 days, stretches every day
    start = phase_start(discectomy, SURGERY, 3)
    counts: Counter[str] = Counter()
    for offset in range(7):
        for due in routines_due(discectomy, SURGERY, start + timedelta(days=offset)):
            counts[due.routine.id] += 1
    assert counts == {"core": 5, "legs": 3, "stretches": 7}


def test_routines_due_with_times_and_done_counts(fusion: Plan) -> None:
    due = routines_due(fusion, SURGERY, day(3), {"daily": 1, "moving": 1, "other": 4})
    by_id = {d.routine.id: d for d in due}
    assert set(by_id) == {"daily", "moving"}
    assert (by_id["daily"].times_due, by_id["daily"].times_done) == (2, 1)
    assert not by_id["daily"].done
    assert by_id["moving"].done
    assert all(d.times_done == 0 for d in routines_due(fusion, SURGERY, day(3)))
