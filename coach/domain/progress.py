"""Progress: stored sessions turned into daily series and judged against clinically meaningful
change (REFERENCE.md section 4 and 5), for the charts, the summary sentences and the reports.

Pure: no Qt, no SQLite. Days without data are ``None`` (a gap), never 0, because "no score" and
"no pain" mean different things. Everything here informs; nothing here diagnoses.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal, Protocol

from coach.domain.i18n import N_
from coach.domain.journal import SIDES, JournalEntry
from coach.domain.journal_progress import JournalProgress, journal_progress
from coach.domain.medicines import MedicineEntry
from coach.domain.outcomes import OdiEntry, PsfsEntry
from coach.domain.pain import FLARE_POINTS, Pain
from coach.domain.plan import Plan
from coach.domain.records import FINISHED_STATUSES, Moment
from coach.domain.records import PAIN_MOMENTS as MOMENTS
from coach.domain.schedule import (
    phase_in,
    phase_on,
    phase_start,
    phase_starts,
    routines_due,
    walking_goal,
    week_index,
    week_start,
    weeks_into,
)
from coach.domain.steps import StepKind
from coach.domain.timer import EventKind

Region = Literal["back", "leg"]
REGIONS: tuple[Region, Region] = ("back", "leg")

# Meaningful change in pain (NPRS) from baseline: at least 2 points AND at least 30% (O2, O1).
PAIN_MIN_POINTS = 2.0
PAIN_MIN_FRACTION = 0.30
# Registry figures after disc surgery (O5): context for therapists, not used by the rule.
REGISTRY_MCID = {"back": 2.7, "leg": 3.2}
PSFS_MIN_POINTS = 2.0  # O10, O11
ODI_MIN_POINTS = 10.0  # O2: 10 points OR 30%
ODI_MIN_FRACTION = 0.30
BASELINE_SCORES = 3  # the first three before-session scores (REFERENCE section 4)
RECENT_DAYS = 7
ROLLING_DAYS = 7


class SessionLike(Protocol):
    """What analytics need from a stored session (``coach.store.sessions.SessionRecord``)."""

    @property
    def routine_id(self) -> str: ...
    @property
    def started_at(self) -> str: ...
    @property
    def local_date(self) -> date: ...
    @property
    def status(self) -> str: ...
    @property
    def pain_before(self) -> Pain | None: ...
    @property
    def pain_after(self) -> Pain | None: ...


def pain_value(session: SessionLike, region: Region, moment: Moment) -> int | None:
    pain = session.pain_before if moment == "before" else session.pain_after
    if pain is None:
        return None
    return pain.back if region == "back" else pain.leg


def day_range(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


# -- daily series --------------------------------------------------------------------------------
@dataclass(frozen=True)
class DaySeries:
    """One value per day from ``start``; ``None`` marks a day without data."""

    start: date
    values: tuple[float | None, ...]

    @property
    def end(self) -> date:
        return self.start + timedelta(days=len(self.values) - 1)

    def on(self, day: date) -> float | None:
        index = (day - self.start).days
        return self.values[index] if 0 <= index < len(self.values) else None


def daily_pain(
    sessions: Iterable[SessionLike], region: Region, moment: Moment, start: date, end: date
) -> DaySeries:
    """The mean score of each day's sessions (several sessions a day are averaged)."""
    return daily_pain_all(sessions, start, end)[region, moment]


def daily_pain_all(
    sessions: Iterable[SessionLike], start: date, end: date
) -> dict[tuple[Region, Moment], DaySeries]:
    """``daily_pain`` for back and leg, before and after, in one pass over the sessions."""
    length = max(0, (end - start).days + 1)
    sums = {(r, m): [0] * length for r in REGIONS for m in MOMENTS}
    counts = {key: [0] * length for key in sums}

    def add(key: tuple[Region, Moment], index: int, value: int) -> None:
        sums[key][index] += value
        counts[key][index] += 1

    for session in sessions:
        index = (session.local_date - start).days
        if not 0 <= index < length:
            continue
        before, after = session.pain_before, session.pain_after
        if before is not None:
            add(("back", "before"), index, before.back)
            add(("leg", "before"), index, before.leg)
        if after is not None:
            add(("back", "after"), index, after.back)
            add(("leg", "after"), index, after.leg)
    return {
        key: DaySeries(
            start, tuple(t / n if n else None for t, n in zip(sums[key], counts[key], strict=True))
        )
        for key in sums
    }


def rolling_mean(
    values: Sequence[float | None], window: int = ROLLING_DAYS
) -> tuple[float | None, ...]:
    """The mean of the days with data among the last ``window`` days (this one included);
    ``None`` when none of them has data, so a long gap stays a gap."""
    out: list[float | None] = []
    total = 0.0
    count = 0
    for i, value in enumerate(values):
        if value is not None:
            total += value
            count += 1
        if i >= window:
            old = values[i - window]
            if old is not None:
                total -= old
                count -= 1
        out.append(total / count if count else None)
    return tuple(out)


@dataclass(frozen=True)
class SessionChange:
    """Pain after minus pain before, for one session that has both."""

    day: date
    routine_id: str
    back: int
    leg: int

    @property
    def flared(self) -> bool:
        """REFERENCE section 4: 2 or more points up after the session (back or leg)."""
        return self.back >= FLARE_POINTS or self.leg >= FLARE_POINTS


def session_changes(sessions: Iterable[SessionLike]) -> list[SessionChange]:
    return [
        SessionChange(
            s.local_date,
            s.routine_id,
            s.pain_after.back - s.pain_before.back,
            s.pain_after.leg - s.pain_before.leg,
        )
        for s in sessions
        if s.pain_before is not None and s.pain_after is not None
    ]


STARTED_EVENT = "started"  # as coach.store.session_log writes it: its detail lists the exercises


@dataclass(frozen=True)
class ExerciseTally:
    """Which exercises of a session were done (at least one step done) and which were skipped
    (steps skipped, none done), in the order they came, and the exercises it started with."""

    done: tuple[str, ...]
    skipped: tuple[str, ...]
    planned: tuple[str, ...] = ()
    skip_reasons: tuple[tuple[str, str], ...] = ()  # (exercise id, reason) the patient gave
    swaps: tuple[tuple[str, str], ...] = ()  # (exercise id, easier variant id done instead)


# Finished steps that mean the exercise itself was done (not getting ready, resting or
# changing side: letting "get ready" run out is not doing the exercise).
WORK_STEP_KINDS = frozenset(
    {
        StepKind.HOLD,
        StepKind.RELAX,
        StepKind.REP,
        StepKind.WALK,
        StepKind.BREATHE_IN,
        StepKind.BREATHE_OUT,
    }
)


def tally_exercises(
    events: Iterable[tuple[Any, ...]], planned: Iterable[str] = ()
) -> ExerciseTally:
    """From (event kind, exercise id[, detail]) as the session player records them; the detail
    of a skip with a reason or a swap to the easier variant says which (REFERENCE 4), and a
    finished step's detail its step kind: only work steps make an exercise done."""
    done: dict[str, None] = {}
    skipped: dict[str, None] = {}
    reasons: dict[str, str] = {}
    swaps: list[tuple[str, str]] = []
    for event in events:
        kind, exercise = event[0], event[1]
        detail: Mapping[str, object] = event[2] if len(event) > 2 else {}
        if exercise is None:
            continue
        if kind == EventKind.STEP_FINISHED:
            step_kind = detail.get("kind")  # none recorded (older sessions): counts as work
            if step_kind is None or step_kind in WORK_STEP_KINDS:
                done[exercise] = None
        elif kind == EventKind.STEP_SKIPPED:
            skipped[exercise] = None
        elif kind == EventKind.EXERCISE_SKIPPED:
            skipped[exercise] = None
            reasons[exercise] = str(detail.get("reason", "other"))
        elif kind == EventKind.EXERCISE_SWAPPED:
            swaps.append((str(detail.get("from", "")), str(detail.get("to", exercise))))
    return ExerciseTally(
        tuple(done),
        tuple(e for e in skipped if e not in done),
        tuple(planned),
        tuple(reasons.items()),
        tuple(swaps),
    )


def started_exercises(detail: Mapping[str, object]) -> tuple[str, ...]:
    """The exercise ids in a ``started`` event's detail ({"items": [{"exercise": id, ...}]})."""
    items = detail.get("items")
    if not isinstance(items, list):
        return ()
    return tuple(
        str(i["exercise"])
        for i in items
        if isinstance(i, dict) and isinstance(i.get("exercise"), str)
    )


# -- baseline and meaningful change --------------------------------------------------------------
@dataclass(frozen=True)
class Baseline:
    value: float
    source: Literal["sessions", "therapist"]


def pain_baseline(
    sessions: Iterable[SessionLike], region: Region, therapist_value: float | None = None
) -> Baseline | None:
    """The therapist's value if entered, else the mean of the first three before-session
    scores (by start time); ``None`` until there are three."""
    if therapist_value is not None:
        return Baseline(float(therapist_value), "therapist")
    scored = heapq.nsmallest(
        BASELINE_SCORES,
        ((s.started_at, v) for s in sessions if (v := pain_value(s, region, "before")) is not None),
    )
    if len(scored) < BASELINE_SCORES:
        return None
    first = [v for _, v in scored[:BASELINE_SCORES]]
    return Baseline(sum(first) / len(first), "sessions")


def recent_mean(
    sessions: Iterable[SessionLike],
    region: Region,
    moment: Moment,
    today: date,
    days: int = RECENT_DAYS,
) -> float | None:
    """The mean score over the last ``days`` days up to ``today``; ``None`` without scores."""
    since = today - timedelta(days=days - 1)
    values = [
        v
        for s in sessions
        if since <= s.local_date <= today and (v := pain_value(s, region, moment)) is not None
    ]
    return sum(values) / len(values) if values else None


Direction = Literal["better", "worse", "same"]


@dataclass(frozen=True)
class Change:
    """From ``start`` to ``now``. ``points`` (signed, now - start) and ``percent`` are rounded
    the way they are shown (0.1 point, whole percent), and the rule is applied to those shown
    numbers, so the words never contradict the figures next to them."""

    start: float
    now: float
    points: float
    percent: int | None  # None when start is 0 (no percentage of nothing)
    direction: Direction
    meaningful: bool


def assess_change(
    start: float,
    now: float,
    *,
    lower_is_better: bool,
    min_points: float,
    min_fraction: float | None = None,
    both: bool = True,
) -> Change:
    """A change is meaningful when it is at least ``min_points`` and (``both``) or (not
    ``both``) at least ``min_fraction`` of the start; direction says whether it helps."""
    points = round(now - start, 1)
    size = abs(points)
    percent = round(100 * size / abs(start)) if start else None
    if points == 0:
        direction: Direction = "same"
    elif (points < 0) == lower_is_better:
        direction = "better"
    else:
        direction = "worse"
    enough_points = size >= min_points
    if min_fraction is None:
        meaningful = enough_points
    else:
        # From a start of 0, any rise is an infinite percentage.
        enough_fraction = size > 0 if percent is None else percent >= round(100 * min_fraction)
        meaningful = (
            (enough_points and enough_fraction) if both else (enough_points or enough_fraction)
        )
    return Change(start, now, points, percent, direction, meaningful and direction != "same")


def pain_change(start: float, now: float) -> Change:
    """Pain (NPRS 0-10): meaningful at 2+ points AND 30%+ (REFERENCE section 4)."""
    return assess_change(
        start, now, lower_is_better=True, min_points=PAIN_MIN_POINTS, min_fraction=PAIN_MIN_FRACTION
    )


def psfs_change(start: float, now: float) -> Change:
    """PSFS (0-10, higher is better): meaningful at about 2 points (REFERENCE section 5)."""
    return assess_change(start, now, lower_is_better=False, min_points=PSFS_MIN_POINTS)


def odi_change(start: float, now: float) -> Change:
    """ODI (0-100, lower is better): meaningful at 10 points OR 30% (REFERENCE section 5)."""
    return assess_change(
        start,
        now,
        lower_is_better=True,
        min_points=ODI_MIN_POINTS,
        min_fraction=ODI_MIN_FRACTION,
        both=False,
    )


# -- adherence and walking -----------------------------------------------------------------------
@dataclass(frozen=True)
class WeekAdherence:
    """Sessions done (done or partial, at most the times due per routine and day) out of the
    sessions the schedule planned, over one week counted from the surgery date."""

    week: int  # 1 = the first seven days after surgery
    start: date
    planned: int
    done: int

    @property
    def fraction(self) -> float | None:
        return self.done / self.planned if self.planned else None


class _Calendar:
    """``schedule``'s answers for many days at once. What is due and the walking goal depend
    only on the phase and the day's place in it, so each distinct place is asked once (ten
    years are 3,650 days but a few hundred places), with the same functions as Today uses."""

    def __init__(self, plan: Plan, surgery_date: date) -> None:
        self.plan = plan
        self.surgery_date = surgery_date
        self.starts = phase_starts(plan, surgery_date)
        self._due: dict[tuple[int, int], list[tuple[str, int]]] = {}
        self._goal: dict[tuple[int, int], int] = {}

    def _place(self, day: date) -> tuple[int, date]:
        """The phase on ``day`` (schedule's one rule) and that phase's start."""
        start, phase = phase_in(self.starts, day)
        return phase.number, start

    def due(self, day: date) -> list[tuple[str, int]]:
        """(routine id, times due) on ``day``."""
        number, start = self._place(day)
        key = (number, (day - start).days % 7)
        if key not in self._due:
            self._due[key] = [
                (d.routine.id, d.times_due) for d in routines_due(self.plan, self.surgery_date, day)
            ]
        return self._due[key]

    def goal(self, day: date) -> int:
        number, start = self._place(day)
        key = (number, weeks_into(start, day))
        if key not in self._goal:
            self._goal[key] = walking_goal(self.plan, self.surgery_date, day).minutes_per_day
        return self._goal[key]


def _due_and_done(
    sessions: Iterable[SessionLike], plan: Plan, surgery_date: date, since: date, until: date
) -> list[tuple[date, int, int]]:
    """(day, planned, done) for each day; done is capped at the times due per routine."""
    since = max(since, surgery_date)
    done_by_day: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for s in sessions:
        if s.status in FINISHED_STATUSES and since <= s.local_date <= until:
            done_by_day[s.local_date][s.routine_id] += 1
    calendar = _Calendar(plan, surgery_date)
    out = []
    for day in day_range(since, until) if until >= since else []:
        done = done_by_day.get(day, {})
        planned = finished = 0
        for routine_id, times in calendar.due(day):
            planned += times
            finished += min(times, done.get(routine_id, 0))
        out.append((day, planned, finished))
    return out


def weekly_adherence(
    sessions: Iterable[SessionLike], plan: Plan, surgery_date: date, since: date, until: date
) -> list[WeekAdherence]:
    """Adherence per week for the days ``since``..``until`` (both included; the caller passes
    the first day the patient used the app and yesterday, so an unfinished day does not count).
    Extra sessions beyond what was due do not count, so a week never goes over 100%."""
    weeks: dict[int, list[int]] = {}
    for day, planned, done in _due_and_done(sessions, plan, surgery_date, since, until):
        tally = weeks.setdefault(week_index(surgery_date, day), [0, 0])
        tally[0] += planned
        tally[1] += done
    return [
        WeekAdherence(week, week_start(surgery_date, week), planned, done)
        for week, (planned, done) in sorted(weeks.items())
    ]


def sessions_due_and_done(
    sessions: Iterable[SessionLike], plan: Plan, surgery_date: date, since: date, until: date
) -> tuple[int, int]:
    """(planned, done) summed over the days ``since``..``until``."""
    rows = _due_and_done(sessions, plan, surgery_date, since, until)
    return sum(r[1] for r in rows), sum(r[2] for r in rows)


@dataclass(frozen=True)
class WalkingSeries:
    """Minutes walked per day (``None``: nothing logged) beside that day's goal."""

    start: date
    minutes: tuple[int | None, ...]
    goal: tuple[int | None, ...]  # None before surgery


def walking_series(
    minutes_by_day: Mapping[date, int], plan: Plan, surgery_date: date, start: date, end: date
) -> WalkingSeries:
    days = day_range(start, end)
    minutes = tuple(minutes_by_day.get(d) or None for d in days)
    calendar = _Calendar(plan, surgery_date)
    goals = tuple(calendar.goal(d) if d >= surgery_date else None for d in days)
    return WalkingSeries(start, minutes, goals)


# -- red flags and phases ------------------------------------------------------------------------
@dataclass(frozen=True)
class RedFlagEvent:
    """A red-flag check with a 'yes' answer: its tier and the questions answered 'yes'."""

    day: date
    outcome: str  # one of records.TIERS
    questions: tuple[str, ...]


# Marked for translation; shown with ``_`` (a cell of the clinic report's red-flag table).
OUTCOME_WORDS = {
    "emergency": N_("advised to call emergency services"),
    "surgeon-today": N_("advised to call the surgeon's office the same day"),
    "call-24h": N_("advised to call the therapist or surgeon within 24 hours"),
}


@dataclass(frozen=True)
class PhaseMark:
    start: date
    title: str


def phase_marks(plan: Plan, surgery_date: date, until: date) -> list[PhaseMark]:
    """The start of each phase up to ``until`` (phase 1 starts on the surgery date)."""
    marks = []
    for phase in plan.phases:
        start = phase_start(plan, surgery_date, phase.number)
        if start <= until:
            marks.append(PhaseMark(start, phase.title))
    return marks


# -- everything for one profile ------------------------------------------------------------------
@dataclass(frozen=True)
class ProgressInput:
    """What the store hands over for one profile."""

    surgery_date: date
    today: date
    plan: Plan
    sessions: Sequence[SessionLike]
    walking: Mapping[date, int]
    psfs: Sequence[PsfsEntry] = ()
    odi: Sequence[OdiEntry] = ()
    red_flags: Sequence[RedFlagEvent] = ()
    therapist_baseline: Mapping[Region, float] | None = None
    journal: Sequence[JournalEntry] = ()  # pain journal entries (REFERENCE 8)
    medicines: Sequence[MedicineEntry] = ()  # medicines taken (REFERENCE 9)


@dataclass(frozen=True)
class Progress:
    """Series from ``start`` to ``end`` (today) and their interpretation."""

    start: date
    end: date
    surgery_date: date
    pain: Mapping[tuple[Region, Moment], DaySeries]
    pain_average: Mapping[tuple[Region, Moment], tuple[float | None, ...]]
    baselines: Mapping[Region, Baseline | None]
    changes: Mapping[Region, Change | None]
    recent: Mapping[Region, float | None]
    adherence: tuple[WeekAdherence, ...]
    last_week: tuple[int, int]  # (planned, done) over the last seven complete days
    walking: WalkingSeries
    psfs: tuple[PsfsEntry, ...]
    odi: tuple[OdiEntry, ...]
    red_flags: tuple[RedFlagEvent, ...]
    phases: tuple[PhaseMark, ...]
    current_phase: str
    journal: JournalProgress = field(default_factory=JournalProgress)  # a value a day

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def build_progress(data: ProgressInput) -> Progress:
    """All series and judgements for one profile, from its first record (or surgery) to today."""
    today = data.today
    first_days = [s.local_date for s in data.sessions] + list(data.walking)
    first_days += [e.day for e in data.journal[:1]] + [m.day for m in data.medicines[:1]]
    start = min([data.surgery_date, *first_days])
    start = min(start, today)
    pain = daily_pain_all(data.sessions, start, today)
    therapist = data.therapist_baseline or {}
    baselines = {r: pain_baseline(data.sessions, r, therapist.get(r)) for r in REGIONS}
    recent = {r: recent_mean(data.sessions, r, "before", today) for r in REGIONS}
    changes: dict[Region, Change | None] = {}
    for r in REGIONS:
        base, now = baselines[r], recent[r]
        changes[r] = pain_change(base.value, now) if base and now is not None else None
    used = [s.local_date for s in data.sessions]
    yesterday = today - timedelta(days=1)
    adherence: list[WeekAdherence] = []
    last_week = (0, 0)
    if used:
        first = min(used)
        adherence = weekly_adherence(data.sessions, data.plan, data.surgery_date, first, yesterday)
        week_ago = max(first, today - timedelta(days=RECENT_DAYS))
        last_week = sessions_due_and_done(
            data.sessions, data.plan, data.surgery_date, week_ago, yesterday
        )
    walking = walking_series(data.walking, data.plan, data.surgery_date, start, today)
    return Progress(
        start=start,
        end=today,
        surgery_date=data.surgery_date,
        pain=pain,
        pain_average={key: rolling_mean(series.values) for key, series in pain.items()},
        baselines=baselines,
        changes=changes,
        recent=recent,
        adherence=tuple(adherence),
        last_week=last_week,
        walking=walking,
        psfs=tuple(sorted(data.psfs, key=lambda e: e.day)),
        odi=tuple(sorted(data.odi, key=lambda e: e.day)),
        red_flags=tuple(sorted(data.red_flags, key=lambda e: e.day)),
        phases=tuple(phase_marks(data.plan, data.surgery_date, today)),
        current_phase=phase_on(data.plan, data.surgery_date, today).title,
        journal=journal_progress(
            data.journal,
            data.medicines,
            start,
            today,
            baselines["leg"].value if baselines["leg"] else None,
        ),
    )


# -- the same numbers as a table -----------------------------------------------------------------
@dataclass(frozen=True)
class WeekRow:
    """One week (counted from the surgery day) of the charts' numbers; ``None`` = no data."""

    week: int
    start: date
    end: date
    pain: Mapping[tuple[Region, Moment], float | None]
    planned: int | None
    done: int | None
    walked_days: int
    walk_average: float | None  # minutes on the days walked
    goal: int | None
    reach: Mapping[str, int | None] | None = None  # furthest leg pain reach that week, per leg
    medicines: int = 0  # medicines taken that week
    days: int = 7  # days of the week in the history (the last week may be short)


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def _furthest(values: Sequence[int | None], offsets: Iterable[int]) -> int | None:
    present = [v for i in offsets if (v := values[i]) is not None]
    return max(present) if present else None


def weekly_rows(progress: Progress, since: date | None = None) -> list[WeekRow]:
    """Week by week, oldest first, from the surgery week (or the first record, or the week of
    ``since``) to today."""
    adherence = {w.week: w for w in progress.adherence}
    first = max(progress.start, since) if since else progress.start
    first_week = week_index(progress.surgery_date, first)
    last_week = week_index(progress.surgery_date, progress.end)
    rows = []
    for week in range(first_week, last_week + 1):
        start = week_start(progress.surgery_date, week)
        end = min(start + timedelta(days=6), progress.end)
        days = [d for d in day_range(start, end) if d >= progress.start]
        offsets = [(d - progress.start).days for d in days]
        pain = {
            key: _mean(series.values[i] for i in offsets) for key, series in progress.pain.items()
        }
        walks = [progress.walking.minutes[i] for i in offsets]
        walked = [m for m in walks if m is not None]
        goals = [g for i in offsets if (g := progress.walking.goal[i]) is not None]
        kept = adherence.get(week)
        journal = progress.journal
        reach = {side: _furthest(journal.side(side, progress.days), offsets) for side in SIDES}
        rows.append(
            WeekRow(
                week=week,
                start=start,
                end=end,
                pain=pain,
                planned=kept.planned if kept else None,
                done=kept.done if kept else None,
                walked_days=len(walked),
                walk_average=sum(walked) / len(walked) if walked else None,
                goal=goals[-1] if goals else None,
                reach=reach,
                medicines=sum(journal.medicines[i] for i in offsets) if journal.medicines else 0,
                days=len(offsets),
            )
        )
    return rows
