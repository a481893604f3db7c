"""Progress: stored sessions turned into daily series and judged against clinically meaningful
change (REFERENCE.md section 4 and 5), for the charts, the summary sentences and the reports.

Pure: no Qt, no SQLite. Days without data are ``None`` (a gap), never 0, because "no score" and
"no pain" mean different things. Everything here informs; nothing here diagnoses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, Protocol

from coach.domain.outcomes import OdiEntry, PsfsEntry
from coach.domain.plan import Plan
from coach.domain.schedule import phase_on, phase_start, routines_due, walking_goal
from coach.domain.timer import EventKind

Region = Literal["back", "leg"]
Moment = Literal["before", "after"]
REGIONS: tuple[Region, Region] = ("back", "leg")
MOMENTS: tuple[Moment, Moment] = ("before", "after")

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
FLARE_POINTS = 2  # after minus before: "this session flared your pain"
FINISHED_STATUSES = frozenset({"done", "partial"})


class PainScores(Protocol):
    @property
    def back(self) -> int: ...
    @property
    def leg(self) -> int: ...


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
    def pain_before(self) -> PainScores | None: ...
    @property
    def pain_after(self) -> PainScores | None: ...


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
    sums: dict[int, list[int]] = defaultdict(list)
    length = (end - start).days + 1
    for session in sessions:
        value = pain_value(session, region, moment)
        index = (session.local_date - start).days
        if value is not None and 0 <= index < length:
            sums[index].append(value)
    values = tuple(
        (sum(sums[i]) / len(sums[i])) if i in sums else None for i in range(max(0, length))
    )
    return DaySeries(start, values)


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


@dataclass(frozen=True)
class ExerciseTally:
    """Which exercises of a session were done (at least one step done) and which were skipped
    (steps skipped, none done), in the order they came."""

    done: tuple[str, ...]
    skipped: tuple[str, ...]


def tally_exercises(events: Iterable[tuple[str, str | None]]) -> ExerciseTally:
    """From (event kind, exercise id) pairs as the session player records them."""
    done: dict[str, None] = {}
    skipped: dict[str, None] = {}
    for kind, exercise in events:
        if exercise is None:
            continue
        if kind == EventKind.STEP_FINISHED:
            done[exercise] = None
        elif kind == EventKind.STEP_SKIPPED:
            skipped[exercise] = None
    return ExerciseTally(tuple(done), tuple(e for e in skipped if e not in done))


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
    scored = sorted(
        (s.started_at, v) for s in sessions if (v := pain_value(s, region, "before")) is not None
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


def _due_and_done(
    sessions: Iterable[SessionLike], plan: Plan, surgery_date: date, since: date, until: date
) -> list[tuple[date, int, int]]:
    """(day, planned, done) for each day; done is capped at the times due per routine."""
    since = max(since, surgery_date)
    done_by_day: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for s in sessions:
        if s.status in FINISHED_STATUSES and since <= s.local_date <= until:
            done_by_day[s.local_date][s.routine_id] += 1
    out = []
    for day in day_range(since, until) if until >= since else []:
        done = done_by_day.get(day, {})
        planned = finished = 0
        for due in routines_due(plan, surgery_date, day):
            planned += due.times_due
            finished += min(due.times_due, done.get(due.routine.id, 0))
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
        tally = weeks.setdefault((day - surgery_date).days // 7 + 1, [0, 0])
        tally[0] += planned
        tally[1] += done
    return [
        WeekAdherence(week, surgery_date + timedelta(weeks=week - 1), planned, done)
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
    goals = tuple(
        walking_goal(plan, surgery_date, d).minutes_per_day if d >= surgery_date else None
        for d in days
    )
    return WalkingSeries(start, minutes, goals)


# -- red flags and phases ------------------------------------------------------------------------
@dataclass(frozen=True)
class RedFlagEvent:
    """A red-flag check with a 'yes' answer: its tier and the questions answered 'yes'."""

    day: date
    outcome: str  # 'emergency', 'surgeon-today' or 'call-24h'
    questions: tuple[str, ...]


OUTCOME_WORDS = {
    "emergency": "advised to call emergency services",
    "surgeon-today": "advised to call the surgeon's office the same day",
    "call-24h": "advised to call the therapist or surgeon within 24 hours",
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
    flares: tuple[SessionChange, ...]

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def build_progress(data: ProgressInput) -> Progress:
    """All series and judgements for one profile, from its first record (or surgery) to today."""
    today = data.today
    first_days = [s.local_date for s in data.sessions] + list(data.walking)
    start = min([data.surgery_date, *first_days])
    start = min(start, today)
    pain = {(r, m): daily_pain(data.sessions, r, m, start, today) for r in REGIONS for m in MOMENTS}
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
        flares=tuple(c for c in session_changes(data.sessions) if c.flared),
    )
