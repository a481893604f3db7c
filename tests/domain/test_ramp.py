"""A new phase starts gently and no dose doubles overnight (REFERENCE section 1)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from coach.domain.catalogue import Dosage
from coach.domain.content import Content
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Surgery
from coach.domain.ramp import RAMP_DAYS, dose_on_day, low_end, work
from coach.domain.schedule import phase_start
from coach.domain.today import build_today

SURGERY = date(2025, 3, 3)


def test_the_low_end_is_one_set_with_half_the_reps_and_hold() -> None:
    assert low_end(Dosage(sets=3, reps=10, hold_s=5)) == Dosage(sets=1, reps=5, hold_s=3)
    assert low_end(Dosage(sets=1, reps=1, minutes=15)).minutes == 8


def test_the_dose_rises_daily_to_the_target_and_stays() -> None:
    target = Dosage(sets=3, reps=10, hold_s=5)
    start = low_end(target)
    doses = [dose_on_day(target, start, d) for d in range(RAMP_DAYS + 3)]
    assert doses[0] == start
    assert doses[RAMP_DAYS] == target and doses[-1] == target
    works = [work(d) for d in doses]
    assert works == sorted(works)  # never down
    assert all(b <= 2 * a for a, b in itertools.pairwise(works))
    assert dose_on_day(target, Dosage(sets=4, reps=12, hold_s=6), 0) == target  # a lower dose


@pytest.mark.parametrize("surgery", list(Surgery))
def test_no_dose_doubles_overnight_through_every_shipped_plan(
    content: Content, surgery: Surgery
) -> None:
    """Day by day through the first year: an exercise done on two days running never more
    than doubles its work; on a phase's first day a new exercise is at its low end."""
    plan = plan_from_protocol(content.protocols[surgery])
    starts = {phase_start(plan, SURGERY, p.number): p for p in plan.phases}
    yesterday: dict[str, float] = {}
    for offset in range(1, 365):
        day = SURGERY + timedelta(days=offset)
        today = build_today(plan, SURGERY, day, content.catalogue)
        now: dict[str, float] = {}
        for routine in today.routines:
            for item in routine.items:
                now[item.exercise.id] = max(now.get(item.exercise.id, 0), work(item.dosage))
                target = item.target or item.dosage
                assert work(item.dosage) <= work(target), (day, item.exercise.id)
                if day in starts and starts[day].number > 1:
                    before = {
                        i.exercise_id
                        for r in plan.phase(starts[day].number - 1).routines
                        for i in r.items
                    }
                    if item.exercise.id not in before:
                        assert item.dosage == low_end(target), (day, item.exercise.id)
        for exercise_id, amount in now.items():
            if exercise_id in yesterday:
                assert amount <= 2 * yesterday[exercise_id], (surgery, day, exercise_id)
        yesterday = now


def test_the_full_dose_from_two_weeks_into_a_phase(content: Content) -> None:
    plan = plan_from_protocol(content.protocols[Surgery.DISCECTOMY])
    start = phase_start(plan, SURGERY, 2)
    first = build_today(plan, SURGERY, start, content.catalogue)
    later = build_today(plan, SURGERY, start + timedelta(days=RAMP_DAYS), content.catalogue)
    assert any(
        i.full_from == start + timedelta(days=RAMP_DAYS) for r in first.routines for i in r.items
    )
    assert all(i.target is None and i.full_from is None for r in later.routines for i in r.items)
    assert all(
        i.dosage == p.dosage
        for r, rp in zip(later.routines, plan.phase(2).routines, strict=False)
        for i, p in zip(r.items, rp.items, strict=False)
    )
