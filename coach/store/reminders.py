"""Reminder settings, the times a patient picked, and what each day's reminders did (m014).

The rules (what is due, snoozes, the follow-up) are in ``coach.domain.reminders``; this module
only keeps their state, so that a reminder fires once and a snooze survives a restart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlite_utils import Database

from coach.domain.clock import utc_iso
from coach.domain.reminder_times import parse_time, time_text
from coach.domain.reminders import LogEntry, ReminderState
from coach.store.events import REMINDERS, StoreEvents, announces

MAX_TIMES_PER_ROUTINE = 8


@dataclass(frozen=True)
class ReminderSettings:
    enabled: bool = True
    follow_up: bool = True
    follow_up_at: time = time(19, 30)


class ReminderStore:
    def __init__(self, db: Database, events: StoreEvents | None = None) -> None:
        self.db = db
        self.changes = events if events is not None else StoreEvents()

    def settings(self, profile_id: int) -> ReminderSettings:
        row = self.db.execute(
            "SELECT enabled, follow_up, follow_up_at FROM reminder_settings WHERE profile_id = ?",
            [profile_id],
        ).fetchone()
        if row is None:
            return ReminderSettings()
        return ReminderSettings(bool(row[0]), bool(row[1]), parse_time(str(row[2])))

    @announces(REMINDERS)
    def save_settings(self, profile_id: int, settings: ReminderSettings) -> None:
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO reminder_settings (profile_id, enabled, follow_up, follow_up_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (profile_id) DO UPDATE SET"
                " enabled = excluded.enabled, follow_up = excluded.follow_up,"
                " follow_up_at = excluded.follow_up_at",
                [
                    profile_id,
                    int(settings.enabled),
                    int(settings.follow_up),
                    time_text(settings.follow_up_at),
                ],
            )

    def times(self, profile_id: int) -> dict[str, tuple[time, ...]]:
        """Routine id -> the times the patient picked (routines without any use the defaults)."""
        rows = self.db.execute(
            "SELECT routine_id, at FROM reminder_times WHERE profile_id = ?"
            " ORDER BY routine_id, at",
            [profile_id],
        ).fetchall()
        out: dict[str, list[time]] = {}
        for routine_id, at in rows:
            out.setdefault(str(routine_id), []).append(parse_time(str(at)))
        return {k: tuple(v) for k, v in out.items()}

    @announces(REMINDERS)
    def set_times(self, profile_id: int, routine_id: str, times: Sequence[time]) -> None:
        """Replace one routine's times; an empty list goes back to the plan's defaults."""
        unique = sorted(set(times))
        if len(unique) > MAX_TIMES_PER_ROUTINE:
            raise ValueError(f"A routine can have at most {MAX_TIMES_PER_ROUTINE} reminder times.")
        with self.db.atomic():
            self.db.execute(
                "DELETE FROM reminder_times WHERE profile_id = ? AND routine_id = ?",
                [profile_id, routine_id],
            )
            for at in unique:
                self.db.execute(
                    "INSERT INTO reminder_times (profile_id, routine_id, at) VALUES (?, ?, ?)",
                    [profile_id, routine_id, time_text(at)],
                )

    def exercising(self, profile_id: int, since: datetime) -> bool:
        """A session of this profile is under way (started since ``since`` and not ended; an
        older one was left by a crash and does not count)."""
        row = self.db.execute(
            "SELECT 1 FROM sessions WHERE profile_id = ? AND status = 'in-progress'"
            " AND started_at >= ? LIMIT 1",
            [profile_id, utc_iso(since)],
        ).fetchone()
        return row is not None

    def log(self, profile_id: int, day: date) -> dict[str, LogEntry]:
        """What happened to each of ``day``'s reminders so far."""
        rows = self.db.execute(
            "SELECT reminder_key, state, until FROM reminder_log"
            " WHERE profile_id = ? AND local_date = ?",
            [profile_id, day.isoformat()],
        ).fetchall()
        return {
            str(key): LogEntry(
                ReminderState(str(state)),
                datetime.fromisoformat(str(until)) if until else None,
            )
            for key, state, until in rows
        }

    @announces(REMINDERS)
    def record(
        self, profile_id: int, day: date, entries: Mapping[str, LogEntry], now: datetime
    ) -> None:
        """Store new states for some of ``day``'s reminders, all at once."""
        with self.db.atomic():
            for key, entry in entries.items():
                self.db.execute(
                    "INSERT INTO reminder_log (profile_id, local_date, reminder_key, state, until,"
                    " updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT"
                    " (profile_id, local_date, reminder_key) DO UPDATE SET state = excluded.state,"
                    " until = excluded.until, updated_at = excluded.updated_at",
                    [
                        profile_id,
                        day.isoformat(),
                        key,
                        entry.state.value,
                        utc_iso(entry.until) if entry.until else None,
                        utc_iso(now),
                    ],
                )
