"""The demo's pain journal and medicines: leg pain that retreats up the leg unevenly, a flare
in week 7 that spreads to the foot for a few days with new numbness, fewer medicines over time
(the opioid only in the first days), and the same every time."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from coach.demo.history import seed_history
from coach.domain.content import Content
from coach.domain.journal import daily_extent
from coach.store import open_db
from coach.store.journal import JournalStore
from coach.store.medicines import MedicineStore

NOW = datetime(2026, 6, 1, 18, 0, tzinfo=UTC)


def _week(surgery: date, day: date) -> int:
    return (day - surgery).days // 7


def test_twelve_weeks_of_journal_retreat_with_a_flare(tmp_path: Path, content: Content) -> None:
    db = open_db(tmp_path / "coach.db")
    try:
        profile = seed_history(db, content, NOW, weeks=12).profile
        entries = JournalStore(db).entries(profile.id or 0)
        medicines = MedicineStore(db).entries(profile.id or 0)
    finally:
        db.close()
    surgery = profile.surgery_date
    reach: dict[int, list[int]] = {}
    for point in daily_extent(entries):
        reach.setdefault(_week(surgery, point.day), []).append(point.right)
    assert max(reach[0]) == 4 and min(reach[0]) >= 3  # the foot at first
    assert sum(reach[11]) / len(reach[11]) < sum(reach[2]) / len(reach[2])  # it retreats
    assert 4 in reach[7] and sum(reach[7]) / len(reach[7]) > sum(reach[9]) / len(reach[9])
    flare_days = [p for p in daily_extent(entries) if _week(surgery, p.day) == 7 and p.right == 4]
    assert 2 <= len(flare_days) <= 5  # the flare spreads for a few days
    numb = [e for e in entries if any("numbness" in m.qualities for m in e.marks)]
    assert any(_week(surgery, e.day) == 7 for e in numb)
    per_week: dict[int, int] = {}
    for medicine in medicines:
        per_week[_week(surgery, medicine.day)] = per_week.get(_week(surgery, medicine.day), 0) + 1
    assert per_week[0] > per_week[5] > per_week.get(11, 0)  # fewer over time
    opioid_weeks = {_week(surgery, m.day) for m in medicines if m.kind == "opioid"}
    assert opioid_weeks <= {0, 1}


def test_the_journal_is_the_same_every_time(tmp_path: Path, content: Content) -> None:
    dumps = []
    for name in ("a", "b"):
        db = open_db(tmp_path / name / "coach.db")
        profile = seed_history(db, content, NOW, weeks=4).profile
        dumps.append(
            (JournalStore(db).entries(profile.id or 0), MedicineStore(db).entries(profile.id or 0))
        )
        db.close()
    assert dumps[0] == dumps[1]
    assert dumps[0][0] and dumps[0][1]
