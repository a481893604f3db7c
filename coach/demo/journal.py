"""The demo's pain journal and medicines: right-leg pain that reached the foot after surgery
and retreats toward the back unevenly over the weeks, a flare in week 7 (and every 40 weeks in
a long history) that spreads down the leg for a few days with new numbness, and fewer
medicines over time (an opioid for the first days only, a nerve-pain medicine for some weeks,
then now and then paracetamol or ibuprofen).

Its own random stream, so adding it left the demo's sessions as they were.
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, time, tzinfo

from coach.domain.journal import JournalEntry, RegionMark
from coach.domain.medicines import MedicineEntry
from coach.store import Database
from coach.store.journal import JournalStore
from coach.store.medicines import MedicineStore

RIGHT_LEG = ("buttock-right", "thigh-back-right", "calf-right", "sole-right")
NOTES = (
    "Worse after sitting in the car.",
    "Easier after my walk.",
    "Tingling in the foot this morning.",
    "Good day, hardly noticed it.",
)
# (name, kind, amount, from week, to week, times a day)
COURSES = (
    ("Oxycodone", "opioid", "5 mg tablet", 0.0, 1.5, 2),
    ("Paracetamol", "paracetamol", "2 tablets (500 mg)", 0.0, 3.0, 4),
    ("Ibuprofen", "anti-inflammatory", "400 mg", 0.3, 4.0, 2),
    ("Gabapentin", "nerve-pain", "300 mg capsule", 0.5, 8.0, 2),
)


def _flare(week: float) -> bool:
    return 7 <= week < 7.6 or (week >= 30 and int(week) % 40 == 30 and week % 1 < 0.6)


class JournalWriter:
    """One day at a time, like a patient: a few entries a day early on, fewer later."""

    def __init__(self, db: Database, pid: int, surgery: date, zone: tzinfo | None, seed: int):
        self.journal = JournalStore(db)
        self.medicines = MedicineStore(db)
        self.pid = pid
        self.surgery = surgery
        self.zone = zone
        self.rng = random.Random(seed)

    def _at(self, day: date, hour: int, minute: int) -> datetime:
        return datetime.combine(day, time(hour, minute), tzinfo=self.zone)

    def _reach(self, week: float) -> int:
        """How far down the right leg: the foot at first, the buttock by about week 16, with
        days a step further or shorter; a flare reaches the foot again."""
        if _flare(week):
            return 4
        base = 4 - min(3.0, week / 4.0)
        step = self.rng.choices((-1, 0, 1), weights=(20, 65, 15))[0]
        if week > 20 and self.rng.random() < 0.5:
            return 0
        return max(0, min(4, round(base) + step))

    def _leg(self, week: float) -> int:
        level = 1.5 + 5.5 * math.exp(-week / 4) + (2.5 if _flare(week) else 0)
        return max(0, min(10, round(level + self.rng.gauss(0, 0.8))))

    def day(self, day: date) -> None:
        week = (day - self.surgery).days / 7
        per_day = 3 if week < 3 else 2 if week < 8 else 1
        if week >= 16 and self.rng.random() < (0.6 if week < 52 else 0.85):
            per_day = 2 if _flare(week) else 0
        reach = self._reach(week)  # the day's furthest; some entries of the day reach less
        for number in range(per_day):
            less = 1 if number and self.rng.random() < 0.4 else 0
            self._entry(day, week, 8 + 5 * number + self.rng.randrange(0, 3), max(0, reach - less))
        self._medicines(day, week)

    def _entry(self, day: date, week: float, hour: int, reach: int) -> None:
        leg = self._leg(week)
        marks = [
            RegionMark(
                "lower-back-centre", max(0, leg - self.rng.randint(0, 3)), frozenset({"aching"})
            )
        ]
        for level, region in enumerate(RIGHT_LEG[:reach], start=1):
            if level < reach and self.rng.random() < 0.35:
                continue
            feels = {"aching"} if level < 3 else {"shooting", "tingling"}
            if level == reach and level >= 3 and (week < 2 or _flare(week)):
                feels.add("numbness")
            marks.append(RegionMark(region, max(1, leg - (reach - level)), frozenset(feels)))
        if _flare(week) and self.rng.random() < 0.5:  # a flare touches the other side too
            marks.append(RegionMark("buttock-left", self.rng.randint(1, 3), frozenset({"aching"})))
        at = self._at(day, hour, self.rng.randrange(0, 60))
        helped = {
            f
            for f, p in (("walking", 0.4), ("lying", 0.3), ("heat-cold", 0.1))
            if self.rng.random() < p
        }
        worse = {f for f, p in (("sitting", 0.4), ("exercise", 0.05)) if self.rng.random() < p}
        note = self.rng.choice(NOTES) if self.rng.random() < 0.08 else ""
        entry = JournalEntry(at, day, tuple(marks), frozenset(helped), frozenset(worse), note)
        self.journal.save(self.pid, entry, at)

    def _medicines(self, day: date, week: float) -> None:
        taken: list[tuple[str, str, str]] = []
        for name, kind, amount, start, end, times in COURSES:
            if start <= week < end:
                # the last week of a course: fewer a day
                fade = times if week < end - 1 else max(1, times // 2)
                taken += [(name, kind, amount)] * fade
        if week >= 4:
            chance = 0.6 if _flare(week) else max(0.05, 0.5 * math.exp(-(week - 4) / 8))
            if self.rng.random() < chance:
                taken.append(("Paracetamol", "paracetamol", "2 tablets (500 mg)"))
            if _flare(week) and self.rng.random() < 0.7:
                taken.append(("Ibuprofen", "anti-inflammatory", "400 mg"))
        hours = (7, 12, 17, 21, 10, 15)
        for index, (name, kind, amount) in enumerate(taken):
            at = self._at(day, hours[index % len(hours)], self.rng.randrange(0, 50))
            self.medicines.save(self.pid, MedicineEntry(name, at, day, kind, amount))
