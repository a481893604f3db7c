"""Sessions as they happen: each write is its own transaction, so a crash loses at most the
step in progress, and an unfinished session can be offered for resume at the next start."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from coach.domain.clock import utc_iso
from coach.domain.pain import Pain
from coach.domain.records import CLEAR, DISCARDED, IN_PROGRESS, RATINGS, SESSION_STATUSES
from coach.domain.warning_signs import DayCheck
from coach.store.day_range import day_range
from coach.store.events import SESSION_EVENTS, SESSIONS, WARNING_SIGNS, StoreEvents, announces


@dataclass(frozen=True)
class SessionEvent:
    seq: int
    at: str
    kind: str
    step_index: int | None
    exercise_id: str | None
    detail: dict[str, Any]


@dataclass(frozen=True)
class SessionRecord:
    id: int
    profile_id: int
    plan_id: int | None
    routine_id: str
    routine_name: str
    started_at: str
    local_date: date
    ended_at: str | None
    status: str
    note: str
    gentle: bool
    pain_before: Pain | None
    pain_after: Pain | None


class SessionStore:
    """Writes and reads sessions, their events, pain scores, red-flag checks and feedback."""

    def __init__(self, db: Database, events: StoreEvents | None = None) -> None:
        self.db = db
        self.changes = events if events is not None else StoreEvents()

    # -- writing, one logical unit per call ----------------------------------------------------
    @announces(WARNING_SIGNS)
    def record_red_flag_check(
        self,
        profile_id: int,
        answers: Mapping[str, bool],
        outcome: str | None,
        now: datetime,
        session_id: int | None = None,
    ) -> int:
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO red_flag_checks (profile_id, session_id, at, local_date, answers,"
                " outcome) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    profile_id,
                    session_id,
                    utc_iso(now),
                    now.date().isoformat(),
                    json.dumps(dict(answers), sort_keys=True),
                    outcome or CLEAR,
                ],
            )
        return int(cursor.lastrowid or 0)

    @announces(SESSIONS)
    def start_session(
        self,
        profile_id: int,
        plan_id: int | None,
        routine_id: str,
        routine_name: str,
        now: datetime,
        *,
        gentle: bool = False,
        red_flag_check_id: int | None = None,
    ) -> int:
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO sessions (profile_id, plan_id, routine_id, routine_name, started_at,"
                " local_date, gentle) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    profile_id,
                    plan_id,
                    routine_id,
                    routine_name,
                    utc_iso(now),
                    now.date().isoformat(),
                    int(gentle),
                ],
            )
            session_id = int(cursor.lastrowid or 0)
            if red_flag_check_id is not None:
                self.db.execute(
                    "UPDATE red_flag_checks SET session_id = ? WHERE id = ?",
                    [session_id, red_flag_check_id],
                )
        return session_id

    @announces(SESSIONS)
    def record_pain(self, session_id: int, moment: str, pain: Pain, now: datetime) -> None:
        """Pain 'before' or 'after'; entering it again replaces the earlier answer."""
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO pain_scores (session_id, moment, back, leg, at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (session_id, moment) DO UPDATE SET back = excluded.back,"
                " leg = excluded.leg, at = excluded.at",
                [session_id, moment, pain.back, pain.leg, utc_iso(now)],
            )

    @announces(SESSION_EVENTS)
    def record_event(
        self,
        session_id: int,
        kind: str,
        now: datetime,
        *,
        step_index: int | None = None,
        exercise_id: str | None = None,
        detail: Mapping[str, Any] | None = None,
    ) -> int:
        """Append an event (step done, pause, skip, ...); returns its sequence number."""
        with self.db.atomic():
            row = self.db.execute(
                "SELECT coalesce(max(seq), -1) + 1 FROM session_events WHERE session_id = ?",
                [session_id],
            ).fetchone()
            self.db.execute(
                "INSERT INTO session_events (session_id, seq, at, kind, step_index, exercise_id,"
                " detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    session_id,
                    row[0],
                    utc_iso(now),
                    kind,
                    step_index,
                    exercise_id,
                    json.dumps(dict(detail or {}), sort_keys=True),
                ],
            )
        return int(row[0])

    @announces(SESSIONS)
    def finish_session(self, session_id: int, status: str, now: datetime) -> None:
        if status not in SESSION_STATUSES or status == IN_PROGRESS:
            raise ValueError(f"unknown final status {status!r}")
        with self.db.atomic():
            self.db.execute(
                "UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?",
                [status, utc_iso(now), session_id],
            )

    @announces(SESSIONS)
    def set_note(self, session_id: int, note: str) -> None:
        with self.db.atomic():
            self.db.execute("UPDATE sessions SET note = ? WHERE id = ?", [note, session_id])

    @announces(SESSIONS)
    def set_feedback(self, session_id: int, ratings: Mapping[str, str]) -> None:
        with self.db.atomic():
            for exercise_id, rating in ratings.items():
                if rating not in RATINGS:
                    raise ValueError(f"unknown rating {rating!r}")
                self.db.execute(
                    "INSERT INTO exercise_feedback (session_id, exercise_id, rating)"
                    " VALUES (?, ?, ?) ON CONFLICT (session_id, exercise_id)"
                    " DO UPDATE SET rating = excluded.rating",
                    [session_id, exercise_id, rating],
                )

    @announces(SESSIONS)
    def delete_session(self, session_id: int) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM sessions WHERE id = ?", [session_id])

    # -- reading -------------------------------------------------------------------------------
    def session(self, session_id: int) -> SessionRecord | None:
        rows = list(self.db.query(_SESSION_SQL + " WHERE s.id = ?", [session_id]))
        return _record(rows[0]) if rows else None

    def sessions(
        self, profile_id: int, since: date | None = None, until: date | None = None
    ) -> list[SessionRecord]:
        """A profile's sessions (not discarded), oldest first."""
        sql = _SESSION_SQL + " WHERE s.profile_id = ? AND s.status != ?"
        params: list[object] = [profile_id, DISCARDED]
        between, bounds = day_range("s.local_date", since, until)
        sql += between
        params += bounds
        return [_record(row) for row in self.db.query(sql + " ORDER BY s.started_at", params)]

    def unfinished_session(self, profile_id: int) -> SessionRecord | None:
        """The newest session left 'in-progress' (the app was closed or killed during it)."""
        rows = list(
            self.db.query(
                _SESSION_SQL + " WHERE s.profile_id = ? AND s.status = ?"
                " ORDER BY s.started_at DESC LIMIT 1",
                [profile_id, IN_PROGRESS],
            )
        )
        return _record(rows[0]) if rows else None

    def events(self, session_id: int) -> list[SessionEvent]:
        rows = self.db.query(
            "SELECT * FROM session_events WHERE session_id = ? ORDER BY seq", [session_id]
        )
        return [
            SessionEvent(
                r["seq"],
                r["at"],
                r["kind"],
                r["step_index"],
                r["exercise_id"],
                json.loads(r["detail"]),
            )
            for r in rows
        ]

    def feedback(self, session_id: int) -> dict[str, str]:
        rows = self.db.execute(
            "SELECT exercise_id, rating FROM exercise_feedback WHERE session_id = ?", [session_id]
        ).fetchall()
        return {str(exercise_id): str(rating) for exercise_id, rating in rows}

    def checks_on(self, profile_id: int, day: date) -> list[DayCheck]:
        """The warning-sign checks recorded on the patient's ``day`` (any session or none),
        oldest first: what ``day_safety`` decides the rest of that day from."""
        rows = self.db.execute(
            "SELECT at, outcome FROM red_flag_checks WHERE profile_id = ? AND local_date = ?"
            " ORDER BY at, id",
            [profile_id, day.isoformat()],
        ).fetchall()
        return [DayCheck(datetime.fromisoformat(at), str(outcome)) for at, outcome in rows]

    def red_flag_answers(self, session_id: int) -> dict[str, bool] | None:
        row = self.db.execute(
            "SELECT answers FROM red_flag_checks WHERE session_id = ? ORDER BY id DESC LIMIT 1",
            [session_id],
        ).fetchone()
        return None if row is None else {k: bool(v) for k, v in json.loads(row[0]).items()}


_SESSION_SQL = """
SELECT s.*, b.back AS before_back, b.leg AS before_leg, a.back AS after_back, a.leg AS after_leg
FROM sessions s
LEFT JOIN pain_scores b ON b.session_id = s.id AND b.moment = 'before'
LEFT JOIN pain_scores a ON a.session_id = s.id AND a.moment = 'after'
"""


def _record(row: dict[str, Any]) -> SessionRecord:
    before = None if row["before_back"] is None else Pain(row["before_back"], row["before_leg"])
    after = None if row["after_back"] is None else Pain(row["after_back"], row["after_leg"])
    return SessionRecord(
        id=row["id"],
        profile_id=row["profile_id"],
        plan_id=row["plan_id"],
        routine_id=row["routine_id"],
        routine_name=row["routine_name"],
        started_at=row["started_at"],
        local_date=date.fromisoformat(row["local_date"]),
        ended_at=row["ended_at"],
        status=row["status"],
        note=row["note"],
        gentle=bool(row["gentle"]),
        pain_before=before,
        pain_after=after,
    )
