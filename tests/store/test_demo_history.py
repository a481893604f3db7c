"""The demo history: plausible (what the charts must show) and repeatable."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coach.demo.folder import DEMO_NICKNAME, seed_demo
from coach.demo.history import seed_history
from coach.domain.clock import FakeClock
from coach.domain.content import Content
from coach.domain.plan import plan_from_protocol
from coach.domain.progress import build_progress
from coach.store import open_db
from coach.store.progress_data import ProgressData
from coach.store.repository import Repository
from coach.system.paths import DataPaths

NOW = datetime(2026, 6, 1, 18, 0, tzinfo=UTC)


def _dump(path: Path) -> list[tuple[object, ...]]:
    db = open_db(path)
    try:
        rows: list[tuple[object, ...]] = []
        for table in ("sessions", "pain_scores", "session_events", "walking_log", "odi_scores"):
            rows += db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        return rows
    finally:
        db.close()


def test_same_arguments_same_history(tmp_path: Path, content: Content) -> None:
    for name in ("a", "b"):
        db = open_db(tmp_path / name / "coach.db")
        seed_history(db, content, NOW, weeks=6)
        db.close()
    assert _dump(tmp_path / "a" / "coach.db") == _dump(tmp_path / "b" / "coach.db")


def test_twelve_weeks_look_like_a_recovery(tmp_path: Path, content: Content) -> None:
    db = open_db(tmp_path / "coach.db")
    try:
        stats = seed_history(db, content, NOW, weeks=12)
        profile = stats.profile
        assert profile.surgery_date == NOW.date() - timedelta(weeks=12)
        plan = plan_from_protocol(content.protocols[profile.surgery])
        progress = build_progress(ProgressData(db).progress_input(profile, plan, NOW.date()))
    finally:
        db.close()
    leg = progress.changes["leg"]
    assert leg is not None
    assert leg.direction == "better"
    assert leg.meaningful
    # The flare week (week 8) is worse than the week before it.
    averages = progress.pain_average["back", "before"]
    start = progress.start
    week = [(start + timedelta(days=i), v) for i, v in enumerate(averages)]
    week7 = [v for d, v in week if d == profile.surgery_date + timedelta(weeks=7, days=-1)]
    week8 = [v for d, v in week if d == profile.surgery_date + timedelta(weeks=8, days=-1)]
    assert week8[0] is not None
    assert week7[0] is not None
    assert week8[0] > week7[0]
    # Missed days are gaps; not every planned session was done.
    assert None in progress.pain["back", "before"].values[1:]
    assert all(w.done <= w.planned for w in progress.adherence)
    assert any(w.done < w.planned for w in progress.adherence)
    # Walking rises from the first weeks to the last.
    minutes = [m for m in progress.walking.minutes if m is not None]
    assert sum(minutes[-7:]) / 7 > sum(minutes[:7]) / 7
    assert len(progress.psfs) >= 2
    assert progress.odi
    assert [e.outcome for e in progress.red_flags] == ["call-24h"]


@pytest.mark.slow
def test_ten_years_are_written(tmp_path: Path, content: Content) -> None:
    db = open_db(tmp_path / "coach.db")
    try:
        stats = seed_history(db, content, NOW, weeks=520)
    finally:
        db.close()
    assert stats.days == 520 * 7 - 1
    assert stats.sessions > 5000


def test_seed_demo_makes_the_demo_profile_once(data_paths: DataPaths) -> None:
    clock = FakeClock(NOW)
    seed_demo(data_paths, clock)
    seed_demo(data_paths, clock)
    db = open_db(data_paths.database)
    try:
        profiles = Repository(db).profiles()
        assert [p.nickname for p in profiles] == [DEMO_NICKNAME]
        assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] > 100
    finally:
        db.close()


def test_weeks_must_be_positive(tmp_path: Path, content: Content) -> None:
    db = open_db(tmp_path / "coach.db")
    try:
        with pytest.raises(ValueError, match="at least one week"):
            seed_history(db, content, NOW, weeks=0)
    finally:
        db.close()
