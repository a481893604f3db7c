"""Reminder rules on a fake clock: due at its time, once; snoozes; the evening follow-up; a
routine already done has none; after a suspend or a clock jump, one reminder, not a burst."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from coach.domain.clock import FakeClock
from coach.domain.content import Content
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Surgery
from coach.domain.reminder_times import default_times, parse_time, spread
from coach.domain.reminders import (
    FOLLOW_UP_KEY,
    LogEntry,
    Reminder,
    ReminderState,
    day_reminders,
    decide,
    next_time,
    showing,
    snooze,
)
from coach.domain.today import TodayPlan, build_today

DAY = date(2026, 3, 10)  # fusion on 2 February: phase 2, two routines a day


def today(content: Content, done: dict[str, int] | None = None) -> TodayPlan:
    plan = plan_from_protocol(content.protocols[Surgery.FUSION])
    return build_today(plan, date(2026, 2, 2), DAY, content.catalogue, done=done)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime.combine(DAY, time(hour, minute), UTC)


class Day:
    """The app's loop in miniature: check at each moment, store what decide() says."""

    def __init__(self, reminders: list[Reminder]) -> None:
        self.reminders = reminders
        self.log: dict[str, LogEntry] = {}
        self.clock = FakeClock(at(6))

    def check(self) -> Reminder | None:
        decision = decide(self.reminders, self.log, self.clock.now())
        self.log.update(decision.record)
        return decision.show

    def run_until(self, end: datetime, step_s: float = 20) -> list[Reminder]:
        shown = []
        while self.clock.now() < end:
            self.clock.advance(step_s)
            reminder = self.check()
            if reminder is not None:
                shown.append(reminder)
        return shown


def test_defaults_come_from_the_plan() -> None:
    assert default_times(1) == (time(9, 0),)
    assert default_times(2) == (time(9, 0), time(18, 0))  # morning and evening
    assert len(default_times(5)) == 5 and default_times(5) == spread(5)
    assert spread(5)[0] == time(8, 0) and spread(5)[-1] == time(20, 0)


def test_a_days_reminders_group_routines_due_at_the_same_time(content: Content) -> None:
    plan = today(content)
    reminders = day_reminders(plan, UTC, {})
    keys = [r.key for r in reminders]
    assert keys == ["at-09:00", "at-18:00", FOLLOW_UP_KEY]
    morning = reminders[0]
    assert set(morning.routine_ids) == {r.routine.id for r in plan.routines if r.can_start}
    assert morning.text.endswith("it is time. Open Rehab Coach to start.")


def test_each_reminder_fires_once_at_its_time(content: Content) -> None:
    day = Day(day_reminders(today(content), UTC, {}))
    shown = day.run_until(at(23, 59))
    assert [(r.key, r.at.hour) for r in shown] == [
        ("at-09:00", 9),
        ("at-18:00", 18),
        (FOLLOW_UP_KEY, 19),
    ]


def test_snooze_fifteen_minutes_and_one_hour(content: Content) -> None:
    day = Day(day_reminders(today(content), UTC, {}))
    first = day.run_until(at(9, 1))
    assert [r.key for r in first] == ["at-09:00"]
    day.log["at-09:00"] = snooze(day.clock.now(), 15)
    assert showing(day.reminders, day.log, day.clock.now()) is None  # the card goes away
    assert next_time(day.reminders, day.log, day.clock.now()) == day.clock.now() + timedelta(
        minutes=15
    )
    assert day.run_until(at(9, 15)) == []
    again = day.run_until(at(9, 17))
    assert [r.key for r in again] == ["at-09:00"]
    day.log["at-09:00"] = snooze(day.clock.now(), 60)
    assert day.run_until(at(10, 10)) == []
    assert [r.key for r in day.run_until(at(10, 20))] == ["at-09:00"]
    with pytest.raises(ValueError):
        snooze(day.clock.now(), 5)


def test_after_a_suspend_a_missed_reminder_shows_once_not_a_burst(content: Content) -> None:
    """Suspended at 8:00, woken at 19:45: three reminders are past; one shows."""
    day = Day(day_reminders(today(content), UTC, {}))
    day.clock.set_now(at(8))
    assert day.check() is None
    day.clock.set_now(at(19, 45))  # the wall clock jumped; the monotonic one did not move
    shown = day.run_until(at(23))
    assert [r.key for r in shown] == [FOLLOW_UP_KEY]
    assert {k: e.state for k, e in day.log.items()} == {
        "at-09:00": ReminderState.SHOWN,
        "at-18:00": ReminderState.SHOWN,
        FOLLOW_UP_KEY: ReminderState.SHOWN,
    }
    # the clock put back an hour (a time-zone change) brings none back
    day.clock.set_now(at(18, 45))
    assert day.run_until(at(20)) == []


def test_a_late_start_shows_the_missed_morning_once(content: Content) -> None:
    day = Day(day_reminders(today(content), UTC, {}))
    day.clock.set_now(at(11))
    assert [r.key for r in day.run_until(at(12))] == ["at-09:00"]


def test_done_routines_have_no_reminders_and_no_follow_up(content: Content) -> None:
    plan = today(content)
    done = {r.routine.id: r.times_due for r in plan.routines}
    assert day_reminders(today(content, done), UTC, {}) == []
    twice = next(r for r in plan.routines if r.times_due == 2)
    once_done = today(content, {twice.routine.id: 1})
    morning, evening = day_reminders(once_done, UTC, {})[:2]
    assert twice.routine.id not in morning.routine_ids  # its first go is done
    assert twice.routine.id in evening.routine_ids


def test_picked_times_and_no_follow_up(content: Content) -> None:
    plan = today(content)
    rid = plan.routines[0].routine.id
    reminders = day_reminders(plan, UTC, {rid: (time(7, 30),)}, follow_up_at=None)
    assert FOLLOW_UP_KEY not in [r.key for r in reminders]
    early = reminders[0]
    assert early.key == "at-07:30" and early.routine_ids == (rid,)


@pytest.mark.parametrize("text", ["25:00", "7", "07:60", "", "x" * 300, "7:30pm"])
def test_bad_times_are_one_sentence(text: str) -> None:
    with pytest.raises(ValueError, match="is not a time"):
        parse_time(text)


def test_times_parse() -> None:
    assert parse_time(" 7:05 ") == time(7, 5) and parse_time("23:59") == time(23, 59)


def test_nothing_fires_while_exercising(content: Content) -> None:
    reminders = day_reminders(today(content), UTC, {})
    assert decide(reminders, {}, at(9, 5), exercising=True).show is None
    assert decide(reminders, {}, at(9, 5)).show is not None
