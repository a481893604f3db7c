"""Reminder rules: which reminders a day has, which one to show now, snoozing, the follow-up.

Pure functions of the day's plan, what the patient did and the wall-clock time (REFERENCE:
reminders are wall clock; ARCHITECTURE 9: the monotonic clock stops in a suspend). Routines due
at the same time are one reminder. After a suspend, a clock change or a late start, several
reminders can be due at once: only the latest is shown and the older ones are marked as shown,
so the patient gets one reminder, not a burst. A routine already done has no reminder.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from enum import StrEnum

from coach.domain.i18n import _
from coach.domain.reminder_times import routine_times, time_text
from coach.domain.today import TodayPlan

SNOOZE_CHOICES = (15, 60)  # minutes: "15 minutes" and "1 hour"
FOLLOW_UP_KEY = "follow-up"


class ReminderState(StrEnum):
    SHOWN = "shown"
    SNOOZED = "snoozed"
    DISMISSED = "dismissed"


@dataclass(frozen=True)
class LogEntry:
    """What happened to one reminder today (``until``: the end of a snooze)."""

    state: ReminderState
    until: datetime | None = None


@dataclass(frozen=True)
class Reminder:
    key: str  # stable within a day: "at-09:00" or "follow-up"
    at: datetime
    routine_ids: tuple[str, ...]
    routine_names: tuple[str, ...]
    follow_up: bool = False

    @property
    def title(self) -> str:
        if self.follow_up:
            return _("Your exercises are not done yet today")
        return _("Time for your exercises")

    @property
    def text(self) -> str:
        """For the system notification (the app may be behind other windows)."""
        if self.follow_up:
            return self.card_text
        return _("{routines}: it is time. Open Rehab Coach to start.").format(
            routines=_join(self.routine_names)
        )

    @property
    def card_text(self) -> str:
        """For the card on Today, next to its Start button."""
        names = _join(self.routine_names)
        if self.follow_up:
            return _("Still to do today: {routines}. A short go still helps.").format(
                routines=names
            )
        return _("It is time for {routines}.").format(routines=names)


@dataclass(frozen=True)
class Decision:
    """What to do now: the reminder to show (or None) and the states to store."""

    show: Reminder | None
    record: Mapping[str, LogEntry]


def day_reminders(
    today: TodayPlan,
    tz: tzinfo,
    times: Mapping[str, Sequence[time]],
    *,
    follow_up_at: time | None = time(19, 30),
) -> list[Reminder]:
    """The day's reminders, earliest first. A routine done ``k`` times has no reminder for its
    first ``k`` times of day; the follow-up lists every routine not fully done."""
    slots: dict[time, list[tuple[str, str]]] = {}
    open_routines = [r for r in today.routines if r.can_start and not r.done]
    for routine in open_routines:
        picked = routine_times(routine.routine.id, routine.times_due, times)
        for index, at in enumerate(picked):
            if index >= routine.times_done:
                slots.setdefault(at, []).append((routine.routine.id, routine.routine.name))
    out = [
        Reminder(
            f"at-{time_text(at)}",
            datetime.combine(today.day, at, tz),
            tuple(rid for rid, _ in found),
            tuple(name for _, name in found),
        )
        for at, found in sorted(slots.items())
    ]
    if follow_up_at is not None and open_routines:
        out.append(
            Reminder(
                FOLLOW_UP_KEY,
                datetime.combine(today.day, follow_up_at, tz),
                tuple(r.routine.id for r in open_routines),
                tuple(r.routine.name for r in open_routines),
                follow_up=True,
            )
        )
        out.sort(key=lambda r: (r.at, r.follow_up))
    return out


def is_due(reminder: Reminder, entry: LogEntry | None, now: datetime) -> bool:
    """Due when its time has come and it was never shown, or its snooze has ended."""
    if reminder.at > now:
        return False
    if entry is None:
        return True
    return entry.state is ReminderState.SNOOZED and entry.until is not None and entry.until <= now


def decide(
    reminders: Sequence[Reminder],
    log: Mapping[str, LogEntry],
    now: datetime,
    *,
    exercising: bool = False,
) -> Decision:
    """The one reminder to show now (the latest due), the older due ones marked as shown.
    ``exercising``: a session is under way, so nothing interrupts it; what falls due waits
    and shows (once) when it ends."""
    if exercising:
        return Decision(None, {})
    due = [r for r in reminders if is_due(r, log.get(r.key), now)]
    if not due:
        return Decision(None, {})
    latest = max(due, key=lambda r: (_due_time(r, log.get(r.key)), r.at))
    return Decision(latest, {r.key: LogEntry(ReminderState.SHOWN) for r in due})


def _due_time(reminder: Reminder, entry: LogEntry | None) -> datetime:
    return entry.until if entry is not None and entry.until is not None else reminder.at


def snooze(now: datetime, minutes: int) -> LogEntry:
    """Show it again ``minutes`` from now (15 minutes or 1 hour)."""
    if minutes not in SNOOZE_CHOICES:
        raise ValueError(f"A reminder can be put off for {SNOOZE_CHOICES} minutes only.")
    return LogEntry(ReminderState.SNOOZED, now + timedelta(minutes=minutes))


def showing(
    reminders: Sequence[Reminder], log: Mapping[str, LogEntry], now: datetime
) -> Reminder | None:
    """The reminder the Today card shows: the latest one shown and not dismissed or snoozed
    (its routines are still to do, or it would not be in ``reminders``)."""
    shown = [
        r
        for r in reminders
        if r.at <= now and (entry := log.get(r.key)) is not None
        if entry.state is ReminderState.SHOWN
    ]
    return max(shown, key=lambda r: r.at) if shown else None


def next_time(
    reminders: Sequence[Reminder], log: Mapping[str, LogEntry], now: datetime
) -> datetime | None:
    """When the next reminder (or the end of a snooze) comes today, for the settings text."""
    times = []
    for reminder in reminders:
        entry = log.get(reminder.key)
        if entry is None and reminder.at > now:
            times.append(reminder.at)
        elif entry is not None and entry.state is ReminderState.SNOOZED and entry.until:
            times.append(max(entry.until, now))
    return min(times) if times else None


def _join(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    # Translators: a list of routine names: "Morning, Midday and Evening".
    return _("{first} and {last}").format(first=_(", ").join(names[:-1]), last=names[-1])
