"""m014: reminder settings, picked times and the day's log round-trip; the database itself
refuses bad values whatever code wrote them."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlite_utils import Database

from coach.domain.profile import Profile, Surgery
from coach.domain.reminders import LogEntry, ReminderState
from coach.store.reminders import ReminderSettings, ReminderStore
from coach.store.repository import Repository

NOW = datetime(2026, 3, 9, 9, 0, tzinfo=UTC)


def profile_id(db: Database) -> int:
    saved = Repository(db).add_profile(Profile("Ann", Surgery.FUSION, date(2026, 2, 2)), NOW)
    assert saved.id is not None
    return saved.id


def test_round_trip(opened_db: Database) -> None:
    store = ReminderStore(opened_db)
    pid = profile_id(opened_db)
    assert store.settings(pid) == ReminderSettings()
    store.save_settings(pid, ReminderSettings(False, True, time(20, 15)))
    assert store.settings(pid) == ReminderSettings(False, True, time(20, 15))
    store.set_times(pid, "daily", [time(18, 0), time(7, 30), time(7, 30)])
    assert store.times(pid) == {"daily": (time(7, 30), time(18, 0))}
    store.set_times(pid, "daily", [])
    assert store.times(pid) == {}
    day = NOW.date()
    until = NOW + timedelta(minutes=15)
    store.record(pid, day, {"at-09:00": LogEntry(ReminderState.SNOOZED, until)}, NOW)
    store.record(pid, day, {"follow-up": LogEntry(ReminderState.SHOWN)}, NOW)
    log = store.log(pid, day)
    assert log["at-09:00"] == LogEntry(ReminderState.SNOOZED, until)
    assert log["follow-up"].state is ReminderState.SHOWN
    assert store.log(pid, day + timedelta(days=1)) == {}
    with pytest.raises(ValueError, match="at most 8"):
        store.set_times(pid, "daily", [time(h, 0) for h in range(9)])


@pytest.mark.parametrize("bad", ["24:00", "9:00", "ab:cd", "07:60", ""])
def test_the_database_refuses_bad_times(opened_db: Database, bad: str) -> None:
    pid = profile_id(opened_db)
    with pytest.raises(sqlite3.IntegrityError):
        opened_db.execute(
            "INSERT INTO reminder_times (profile_id, routine_id, at) VALUES (?, 'x', ?)",
            [pid, bad],
        )


def test_reminders_go_with_their_profile(opened_db: Database) -> None:
    store = ReminderStore(opened_db)
    pid = profile_id(opened_db)
    store.set_times(pid, "daily", [time(8, 0)])
    store.record(pid, NOW.date(), {"k": LogEntry(ReminderState.DISMISSED)}, NOW)
    opened_db.execute("DELETE FROM profiles WHERE id = ?", [pid])
    assert opened_db.execute("SELECT count(*) FROM reminder_times").fetchone()[0] == 0
    assert opened_db.execute("SELECT count(*) FROM reminder_log").fetchone()[0] == 0
