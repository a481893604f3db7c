"""Reads for progress, history and reports: everything about one profile in a few queries.

The charts of ten years of history must open quickly, so each kind of record is read with one
query (not one per session or per day) and handed over as domain dataclasses.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from coach.domain.plan import Plan
from coach.domain.profile import Profile
from coach.domain.progress import ExerciseTally, ProgressInput, RedFlagEvent, tally_exercises
from coach.domain.timer import EventKind
from coach.store.outcomes import OutcomesStore
from coach.store.sessions import SessionRecord, SessionStore


@dataclass(frozen=True)
class ProfileHistory:
    """A profile's records for analytics and reports."""

    input: ProgressInput
    sessions: list[SessionRecord]
    exercises: dict[int, ExerciseTally]  # by session id


class ProgressData:
    """The read side used by the Progress and History screens and by the exports."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.sessions = SessionStore(db)
        self.outcomes = OutcomesStore(db)

    def walking_by_day(self, profile_id: int) -> dict[date, int]:
        rows = self.db.execute(
            "SELECT local_date, sum(minutes) FROM walking_log WHERE profile_id = ?"
            " GROUP BY local_date",
            [profile_id],
        ).fetchall()
        return {date.fromisoformat(d): int(m) for d, m in rows}

    def red_flag_events(self, profile_id: int) -> list[RedFlagEvent]:
        """Checks with a 'yes' answer, oldest first."""
        rows = self.db.execute(
            "SELECT local_date, outcome, answers FROM red_flag_checks WHERE profile_id = ?"
            " AND outcome != 'clear' ORDER BY at",
            [profile_id],
        ).fetchall()
        return [
            RedFlagEvent(
                date.fromisoformat(d),
                str(outcome),
                tuple(sorted(k for k, v in json.loads(answers).items() if v)),
            )
            for d, outcome, answers in rows
        ]

    def exercise_tallies(self, profile_id: int) -> dict[int, ExerciseTally]:
        """Exercises done and skipped in each of the profile's sessions, in one query."""
        rows = self.db.execute(
            "SELECT e.session_id, e.kind, e.exercise_id FROM session_events e"
            " JOIN sessions s ON s.id = e.session_id"
            " WHERE s.profile_id = ? AND e.kind IN (?, ?) AND e.exercise_id IS NOT NULL"
            " ORDER BY e.session_id, e.seq",
            [profile_id, str(EventKind.STEP_FINISHED), str(EventKind.STEP_SKIPPED)],
        ).fetchall()
        grouped: dict[int, list[tuple[str, str | None]]] = defaultdict(list)
        for session_id, kind, exercise in rows:
            grouped[int(session_id)].append((str(kind), exercise))
        return {sid: tally_exercises(events) for sid, events in grouped.items()}

    def session_tally(self, session_id: int) -> ExerciseTally:
        return tally_exercises((e.kind, e.exercise_id) for e in self.sessions.events(session_id))

    def progress_input(
        self,
        profile: Profile,
        plan: Plan,
        today: date,
        sessions: list[SessionRecord] | None = None,
    ) -> ProgressInput:
        assert profile.id is not None
        pid = profile.id
        baseline = self.outcomes.pain_baseline(pid)
        return ProgressInput(
            surgery_date=profile.surgery_date,
            today=today,
            plan=plan,
            sessions=self.sessions.sessions(pid) if sessions is None else sessions,
            walking=self.walking_by_day(pid),
            psfs=self.outcomes.psfs_entries(pid),
            odi=self.outcomes.odi_entries(pid),
            red_flags=self.red_flag_events(pid),
            therapist_baseline=(
                {"back": baseline["back"], "leg": baseline["leg"]} if baseline else None
            ),
        )

    def history(self, profile: Profile, plan: Plan, today: date) -> ProfileHistory:
        """Everything the reports need, sessions read once."""
        assert profile.id is not None
        sessions = self.sessions.sessions(profile.id)
        return ProfileHistory(
            self.progress_input(profile, plan, today, sessions),
            sessions,
            self.exercise_tallies(profile.id),
        )
