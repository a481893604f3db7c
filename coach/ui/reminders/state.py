"""Today's reminders for the active profile, and the patient's answers to them.

The tray service and the Today card both read this, so they always agree on which reminder is
showing; snoozing or dismissing in one is seen by the other through ``data_changed``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from coach.domain.reminders import (
    LogEntry,
    Reminder,
    ReminderState,
    day_reminders,
    showing,
    snooze,
)
from coach.domain.today import build_today
from coach.store.reminders import ReminderSettings
from coach.ui.active_plan import load_active_plan
from coach.ui.context import AppContext


@dataclass
class DayReminders:
    profile_id: int
    day: date
    now: datetime
    settings: ReminderSettings
    reminders: list[Reminder] = field(default_factory=list)
    log: dict[str, LogEntry] = field(default_factory=dict)

    @property
    def showing(self) -> Reminder | None:
        return showing(self.reminders, self.log, self.now)


def load_day(ctx: AppContext) -> DayReminders | None:
    """None before onboarding. Reminders off: an empty list (nothing fires, no card)."""
    active = load_active_plan(ctx)
    if active is None:
        return None
    now = ctx.clock.now()
    day = now.date()
    store = ctx.stores.reminders
    settings = store.settings(active.profile_id)
    state = DayReminders(active.profile_id, day, now, settings)
    if not settings.enabled:
        return state
    today = build_today(
        active.plan,
        active.profile.surgery_date,
        day,
        active.catalogue,
        extra_restrictions=active.extra_restrictions,
        done=ctx.repo.routines_done(active.profile_id, day),
    )
    assert now.tzinfo is not None
    state.reminders = day_reminders(
        today,
        now.tzinfo,
        store.times(active.profile_id),
        follow_up_at=settings.follow_up_at if settings.follow_up else None,
    )
    state.log = store.log(active.profile_id, day)
    return state


def answer(ctx: AppContext, state: DayReminders, key: str, minutes: int | None) -> None:
    """Snooze the reminder ``key`` for ``minutes`` (15 or 60), or dismiss it (None)."""
    now = ctx.clock.now()
    entry = snooze(now, minutes) if minutes is not None else LogEntry(ReminderState.DISMISSED)
    ctx.stores.reminders.record(state.profile_id, state.day, {key: entry}, now)
