"""A plausible, repeatable patient history for the demo, screenshots and benchmarks.

Pain falls unevenly with a flare week, some days and sessions are missed, walking grows toward
the goal, PSFS and ODI are recorded at the suggested weeks, and one warning sign (call within
24 hours) is answered "yes"; a pain journal and medicines log go with it (``coach.demo.journal``).
Everything is written through the normal store classes, so the demo
exercises the same code as a real patient; one outer transaction keeps 10 years fast.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from coach.demo.journal import JournalWriter
from coach.domain.content import Content
from coach.domain.outcomes import REMINDER_WEEKS
from coach.domain.pain import Pain
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile, Surgery
from coach.domain.progress import STARTED_EVENT
from coach.domain.protocol import Routine
from coach.domain.records import RATINGS
from coach.domain.schedule import routines_due, walking_goal
from coach.domain.session_json import items_to_json
from coach.domain.timer import EventKind
from coach.store import Database
from coach.store.outcomes import OutcomesStore
from coach.store.plans import resolve_plan
from coach.store.repository import Repository
from coach.store.sessions import SessionStore
from coach.system.languages import shown_language

DEFAULT_SEED = 20240611
PSFS_ACTIVITIES = (
    "Walking to the shops",
    "Sitting through a meal",
    "Putting on socks and shoes",
    "Getting in and out of the car",
)
PSFS_START = (3, 4, 2, 3)
ODI_BY_WEEK = {6: 46, 12: 30, 26: 22, 52: 16}
NOTES = (
    "Stiff in the morning, easier after the walk.",
    "Walked to the park with my daughter.",
    "Back sore after a long car trip.",
    "Slept badly, took it slowly.",
    "Felt stronger today.",
)
RED_FLAG_WEEK = 4  # a fall in week 4: call within 24 hours
FALL_NOTE = "Slipped on the stairs. Called the clinic, they said rest."


@dataclass(frozen=True)
class SeedStats:
    profile: Profile
    sessions: int
    days: int


def seed_history(
    db: Database,
    content: Content,
    now: datetime,
    *,
    weeks: int = 12,
    nickname: str = "Sam (demo)",
    surgery: Surgery = Surgery.FUSION,
    seed: int = DEFAULT_SEED,
) -> SeedStats:
    """Create a profile whose surgery was ``weeks`` weeks ago, with its history up to
    yesterday. Same arguments (and the same ``now``), same history."""
    if weeks < 1:
        raise ValueError("The demo needs at least one week of history.")
    rng = random.Random(seed)
    repo = Repository(db)
    plan = plan_from_protocol(content.protocols[surgery])
    today = now.date()
    surgery_date = today - timedelta(weeks=weeks)
    with db.atomic():
        # in the language shown (``--lang``, the system's): the demo is read in it
        profile = Profile(nickname, surgery, surgery_date, language=shown_language())
        profile = repo.add_profile(profile, now, plan)
        current = resolve_plan(db, content, profile)
        assert current.plan_id is not None
        writer = _Writer(db, content, rng, profile=profile, plan_id=current.plan_id, now=now)
        journal = JournalWriter(db, _id(profile), surgery_date, now.tzinfo, seed + 16)
        count = 0
        for offset in range(1, (today - surgery_date).days):
            day = surgery_date + timedelta(days=offset)
            count += writer.day(day, [d.routine for d in routines_due(plan, surgery_date, day)])
            writer.walking(day, walking_goal(plan, surgery_date, day).minutes_per_day)
            journal.day(day)
        writer.outcomes(surgery_date, today)
    return SeedStats(profile, count, (today - surgery_date).days - 1)


def _id(profile: Profile) -> int:
    assert profile.id is not None
    return profile.id


class _Writer:
    """Writes one day at a time; the pain model lives here."""

    def __init__(
        self,
        db: Database,
        content: Content,
        rng: random.Random,
        *,
        profile: Profile,
        plan_id: int,
        now: datetime,
    ) -> None:
        self.sessions = SessionStore(db)
        self.repo = Repository(db)
        self.outcome_store = OutcomesStore(db)
        self.content = content
        self.rng = rng
        self.profile = profile
        self.pid = _id(profile)
        self.plan_id = plan_id
        self.tz = now.tzinfo
        self.clear = {q.id: False for q in content.red_flags.questions}
        self.drift = {"back": 0.0, "leg": 0.0}

    def _at(self, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), tzinfo=self.tz)

    def _week(self, day: date) -> float:
        return (day - self.profile.surgery_date).days / 7

    def _level(self, region: str, day: date) -> float:
        """Falls from about 6.5 (back) / 7 (leg) toward 2 / 1.5; flare weeks add pain."""
        week = self._week(day)
        start, end, tau = (6.5, 2.0, 5.0) if region == "back" else (7.0, 1.5, 4.0)
        level = end + (start - end) * math.exp(-week / tau)
        if 7 <= week < 8 or (week >= 30 and int(week) % 40 == 30):
            level += 2.5 if region == "back" else 2.0
        self.drift[region] = max(-1.0, min(1.0, self.drift[region] + self.rng.uniform(-0.2, 0.2)))
        return level + self.drift[region]

    def _pain(self, day: date) -> Pain:
        def score(region: str) -> int:
            value = self._level(region, day) + self.rng.gauss(0, 0.6)
            return max(0, min(10, round(value)))

        return Pain(score("back"), score("leg"))

    def day(self, day: date, due: list[Routine]) -> int:
        """The day's sessions; returns how many were written."""
        if self._week(day) >= RED_FLAG_WEEK and not hasattr(self, "_flagged"):
            self._flagged = True
            self._red_flag_day(day)
            return 1
        if self.rng.random() < 0.07:  # a missed day
            return 0
        written = 0
        for position, routine in enumerate(due):
            for time_no in range(routine.times_per_day):
                if self.rng.random() < 0.1:
                    continue
                hour = 9 + 5 * time_no + position
                self._session(day, routine, self._at(day, hour, self.rng.randrange(0, 50)))
                written += 1
        return written

    def _session(self, day: date, routine: Routine, start: datetime) -> None:
        check = self.sessions.record_red_flag_check(self.pid, self.clear, None, start)
        sid = self.sessions.start_session(
            self.pid, self.plan_id, routine.id, routine.name, start, red_flag_check_id=check
        )
        detail = {"items": items_to_json(routine.items), "steps": len(routine.items)}
        self.sessions.record_event(sid, STARTED_EVENT, start, detail=detail)
        before = self._pain(day)
        self.sessions.record_pain(sid, "before", before, start + timedelta(minutes=1))
        partial = self.rng.random() < 0.06
        moment = start + timedelta(minutes=2)
        for index, item in enumerate(routine.items):
            skipped = partial and index == len(routine.items) - 1
            kind = EventKind.STEP_SKIPPED if skipped else EventKind.STEP_FINISHED
            moment += timedelta(minutes=self.rng.randint(2, 5))
            self.sessions.record_event(
                sid, kind, moment, step_index=index, exercise_id=item.exercise_id
            )
        self.sessions.record_event(sid, EventKind.SESSION_FINISHED, moment)
        flare_week = 7 <= self._week(day) < 8
        delta = self.rng.choices((-1, 0, 1, 2), weights=(40, 40, 15, 12 if flare_week else 4))[0]
        after = Pain(
            max(0, min(10, before.back + delta)), max(0, min(10, before.leg + min(delta, 1)))
        )
        self.sessions.record_pain(sid, "after", after, moment + timedelta(minutes=1))
        self.sessions.finish_session(
            sid, "partial" if partial else "done", moment + timedelta(minutes=2)
        )
        if self.rng.random() < 0.04:
            self.sessions.set_note(sid, self.rng.choice(NOTES))
        if self.rng.random() < 0.05:
            self.sessions.set_feedback(
                sid, {routine.items[0].exercise_id: self.rng.choice((RATINGS[1], RATINGS[0]))}
            )

    def _red_flag_day(self, day: date) -> None:
        """A fall: a 'yes' to a call-within-24-hours question, then the gentle form only."""
        start = self._at(day, 10, 5)
        answers = dict(self.clear, fall=True) if "fall" in self.clear else dict(self.clear)
        check = self.sessions.record_red_flag_check(self.pid, answers, "call-24h", start)
        sid = self.sessions.start_session(
            self.pid,
            self.plan_id,
            "gentle",
            "Gentle walking and breathing",
            start,
            gentle=True,
            red_flag_check_id=check,
        )
        self.sessions.record_pain(sid, "before", self._pain(day), start)
        for index, exercise in enumerate(("walking", "diaphragmatic-breathing")):
            self.sessions.record_event(
                sid,
                EventKind.STEP_FINISHED,
                start + timedelta(minutes=10 * (index + 1)),
                step_index=index,
                exercise_id=exercise,
            )
        self.sessions.finish_session(sid, "done", start + timedelta(minutes=25))
        self.sessions.set_note(sid, FALL_NOTE)

    def walking(self, day: date, goal: int) -> None:
        if self.rng.random() < 0.1:  # forgot to log
            return
        week = self._week(day)
        share = min(1.05, 0.55 + 0.5 * (1 - math.exp(-week / 4))) + self.rng.uniform(-0.15, 0.1)
        total = max(1, round(goal * share))
        walks = 2 if total > 15 else 1
        for walk in range(walks):
            minutes = max(1, total // walks)
            self.repo.log_walking(self.pid, day, minutes, self._at(day, 11 + 5 * walk))

    def outcomes(self, surgery_date: date, today: date) -> None:
        """PSFS at the suggested weeks (from week 2), ODI from week 6."""
        first = surgery_date + timedelta(weeks=2)
        if first >= today:
            return
        activities = self.outcome_store.set_psfs_activities(
            self.pid, PSFS_ACTIVITIES, self._at(first, 12)
        )
        for week in REMINDER_WEEKS:
            day = surgery_date + timedelta(weeks=week, days=1)
            if day >= today:
                break
            gain = 1 - math.exp(-week / 10)
            ratings = {
                a.id: min(10, round(start + (9 - start) * gain + self.rng.uniform(-0.5, 0.5)))
                for a, start in zip(activities, PSFS_START, strict=True)
            }
            self.outcome_store.record_psfs(self.pid, day, ratings, self._at(day, 12))
            if week in ODI_BY_WEEK:
                self.outcome_store.record_odi(self.pid, day, ODI_BY_WEEK[week], self._at(day, 14))
