"""The journal as Progress series: reach per leg each day and over the last 7 days, medicines
per day (marks and counts), and the week-by-week table's columns."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from coach.domain.journal import JournalEntry, RegionMark
from coach.domain.journal_progress import MARK_Y, journal_progress
from coach.domain.medicines import MedicineEntry
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Surgery
from coach.domain.progress import ProgressInput, build_progress, weekly_rows

START = date(2026, 5, 1)


def entry(offset: int, *regions: str, hour: int = 9) -> JournalEntry:
    day = START + timedelta(days=offset)
    at = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    return JournalEntry(at, day, tuple(RegionMark(r, 5) for r in regions))


def medicine(offset: int, hour: int = 8) -> MedicineEntry:
    day = START + timedelta(days=offset)
    return MedicineEntry(
        "Paracetamol", datetime(day.year, day.month, day.day, hour, tzinfo=UTC), day
    )


def test_reach_each_day_and_the_furthest_in_7_days() -> None:
    entries = [
        entry(0, "sole-right"),
        entry(0, "calf-right", hour=15),
        entry(3, "thigh-back-right"),
        entry(9, "buttock-left"),
    ]
    got = journal_progress(entries, [], START, START + timedelta(days=10), None)
    right = got.reach["right"]
    assert right[0] == 4 and right[1] is None and right[3] == 2 and right[9] == 0
    week = got.reach_week["right"]
    assert week[0] == 4.0 and week[6] == 4.0 and week[7] == 2.0 and week[9] == 2.0
    assert week[10] == 0.0
    assert got.reach["left"][9] == 1 and got.entries == 4


def test_medicines_per_day_and_their_marks() -> None:
    got = journal_progress(
        [], [medicine(1), medicine(1, 20), medicine(4)], START, START + timedelta(days=5), None
    )
    assert got.medicines == (0, 2, 0, 0, 1, 0)
    assert got.medicine_marks == (None, MARK_Y, None, None, MARK_Y, None)
    assert got.medicines_taken == 3


def test_progress_carries_the_journal_into_the_weekly_table(content: object) -> None:
    from coach.domain.content import Content

    assert isinstance(content, Content)
    plan = plan_from_protocol(content.protocols[Surgery.DISCECTOMY])
    data = ProgressInput(
        surgery_date=START,
        today=START + timedelta(days=13),
        plan=plan,
        sessions=(),
        walking={},
        journal=(entry(1, "sole-right"), entry(9, "buttock-right")),
        medicines=(medicine(1), medicine(2), medicine(8)),
    )
    progress = build_progress(data)
    rows = weekly_rows(progress)
    assert [(r.reach, r.medicines, r.days) for r in rows] == [
        ({"left": 0, "right": 4}, 2, 7),
        ({"left": 0, "right": 1}, 1, 7),
    ]
    assert progress.journal.notes[0].text == (
        "Your right leg pain now stops at the buttock; last week it reached your foot. "
        "That is a good sign."
    )
