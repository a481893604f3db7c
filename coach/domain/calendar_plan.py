"""The coming weeks as calendar events: routines and walks as repeating events, phase starts as
all-day events.

Each day of the window is worked out by ``build_today`` (the same schedule, allowed-exercise
and surgery-day rules as the Today screen), then days with the same routine, time and exercises
are folded into one weekly series; a day the series would wrongly cover is excluded. So the
file holds exactly the days Today will show. UIDs name what an event is (profile, phase,
routine, time slot, exercises), never the day it was exported, so importing a newer file
updates the events instead of adding copies.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from coach.domain.catalogue import Catalogue
from coach.domain.i18n import _
from coach.domain.plan import Plan
from coach.domain.reminder_times import default_walk_times, routine_times
from coach.domain.schedule import phase_start
from coach.domain.today import build_today
from coach.domain.words import minutes_text

DEFAULT_WEEKS = 6
MAX_WEEKS = 26
UID_DOMAIN = "rehab-coach.invalid"  # a name that is never a real host


@dataclass
class CalendarEvent:
    """One event or weekly series. ``at`` None: an all-day event on ``start``."""

    uid: str
    summary: str
    description: str
    start: date
    at: time | None = None
    minutes: int = 0
    weekdays: frozenset[int] = frozenset()  # 0 = Monday; empty: it does not repeat
    until: date | None = None
    excluded: tuple[date, ...] = ()
    alarm: bool = False
    days: list[date] = field(default_factory=list)  # the days it happens (to build it)

    @property
    def daily(self) -> bool:
        return len(self.weekdays) == 7

    def occurrences(self) -> list[date]:
        """Every day it happens, as a calendar reads its rule."""
        if not self.weekdays or self.until is None:
            return [self.start]
        out = []
        day = self.start
        while day <= self.until:
            if day.weekday() in self.weekdays and day not in self.excluded:
                out.append(day)
            day += timedelta(days=1)
        return out


@dataclass(frozen=True)
class CalendarInput:
    """Whose plan and from when: what the events are made of."""

    profile_id: int
    plan: Plan
    surgery_date: date
    catalogue: Catalogue
    today: date
    extra_restrictions: frozenset[str] = frozenset()
    weeks: int = DEFAULT_WEEKS
    times: Mapping[str, Sequence[time]] = field(default_factory=dict)  # routine id -> times


def calendar_events(source: CalendarInput) -> list[CalendarEvent]:
    """Routines and walks from ``today`` for ``weeks`` weeks, then each phase start that falls
    in the window (or is the current phase's), in a stable order."""
    if not 1 <= source.weeks <= MAX_WEEKS:
        raise ValueError(f"Weeks must be from 1 to {MAX_WEEKS}.")
    last = source.today + timedelta(days=source.weeks * 7 - 1)
    series: dict[tuple[object, ...], CalendarEvent] = {}
    day = source.today
    while day <= last:
        _add_day(source, day, series)
        day += timedelta(days=1)
    events = [_finish(event) for event in series.values()]
    events.sort(key=lambda e: (e.start, e.at or time(0), e.uid))
    return _phase_events(source, last) + events


def _add_day(
    source: CalendarInput, day: date, series: dict[tuple[object, ...], CalendarEvent]
) -> None:
    plan = build_today(
        source.plan,
        source.surgery_date,
        day,
        source.catalogue,
        extra_restrictions=source.extra_restrictions,
    )
    phase = plan.phase.number
    for routine in plan.routines:
        if not routine.can_start:
            continue
        ids = tuple(item.exercise.id for item in routine.items)
        names = _(", ").join(item.exercise.name for item in routine.items)
        rid = routine.routine.id
        for slot, at in enumerate(routine_times(rid, routine.times_due, source.times)):
            key: tuple[object, ...] = ("routine", phase, rid, slot, at, ids)
            event = series.get(key)
            if event is None:
                event = series[key] = CalendarEvent(
                    uid=_uid(source.profile_id, f"p{phase}", rid, str(slot), _digest(ids)),
                    summary=routine.routine.name,
                    description=_(
                        "{exercises}. Open Rehab Coach to start: it times each exercise and "
                        "tells you when to stop."
                    ).format(exercises=names),
                    start=day,
                    at=at,
                    alarm=True,
                )
            event.minutes = max(event.minutes, routine.minutes)
            event.days.append(day)
    walk = plan.walking
    for slot, at in enumerate(default_walk_times(walk.walks_per_day)):
        minutes = walk.minutes_per_walk
        walk_key: tuple[object, ...] = ("walk", phase, slot, at, minutes)
        event = series.get(walk_key)
        if event is None:
            event = series[walk_key] = CalendarEvent(
                uid=_uid(source.profile_id, f"p{phase}", "walk", str(slot), f"{minutes}min"),
                summary=_("Walk, about {minutes}").format(minutes=minutes_text(minutes)),
                description=_(
                    "{goal}. Walk at an easy pace; stop if your leg pain or numbness gets worse."
                ).format(goal=walk.goal_text),
                start=day,
                at=at,
                minutes=minutes,
                alarm=True,
            )
        event.days.append(day)


def _finish(event: CalendarEvent) -> CalendarEvent:
    """Fold the collected days into a weekly rule, excluding any day the rule adds wrongly."""
    days = sorted(set(event.days))
    event.start, event.until = days[0], days[-1]
    event.weekdays = frozenset(d.weekday() for d in days)
    wanted = set(days)
    extra = []
    day = event.start
    while day <= event.until:
        if day.weekday() in event.weekdays and day not in wanted:
            extra.append(day)
        day += timedelta(days=1)
    event.excluded = tuple(extra)
    return event


def _phase_events(source: CalendarInput, last: date) -> list[CalendarEvent]:
    events = []
    for phase in source.plan.phases:
        start = phase_start(source.plan, source.surgery_date, phase.number)
        following = (
            phase_start(source.plan, source.surgery_date, phase.number + 1)
            if phase.number < len(source.plan.phases)
            else None
        )
        current = start <= source.today and (following is None or source.today < following)
        if not (current or source.today < start <= last):
            continue
        first = (start - source.surgery_date).days
        events.append(
            CalendarEvent(
                uid=_uid(source.profile_id, "phase", str(phase.number)),
                summary=_("{phase} starts").format(phase=phase.title),
                description=(
                    _("{phase} starts on the day of your surgery.").format(phase=phase.title)
                    if first == 0
                    else _(
                        "{phase} starts today, day {day} after your surgery. Rehab Coach shows "
                        "your new exercises."
                    ).format(phase=phase.title, day=first)
                ),
                start=start,
            )
        )
    return events


def _uid(profile_id: int, *parts: str) -> str:
    return "-".join(("rc", str(profile_id), *parts)) + f"@{UID_DOMAIN}"


def _digest(ids: tuple[str, ...]) -> str:
    """A short stable name for a set of exercises (ids may be long or change in length)."""
    return hashlib.sha256("|".join(ids).encode()).hexdigest()[:10]
