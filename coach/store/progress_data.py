"""Reads for progress, history and reports: everything about one profile in a few queries.

The charts of ten years of history must open quickly, so each kind of record is read with one
query (not one per session or per day) and handed over as domain dataclasses.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlite_utils import Database

from coach.domain.catalogue import Catalogue
from coach.domain.i18n import _
from coach.domain.journal import JournalEntry
from coach.domain.medicines import MedicineEntry
from coach.domain.pain import Pain
from coach.domain.plan import Plan
from coach.domain.profile import Profile
from coach.domain.profile_plan import ProfilePlan
from coach.domain.progress import (
    STARTED_EVENT,
    ExerciseTally,
    ProgressInput,
    RedFlagEvent,
    SessionLike,
    started_exercises,
    tally_exercises,
)
from coach.domain.records import CLEAR, DISCARDED
from coach.domain.timer import EventKind
from coach.store.coping import CopingStore, CopingUse
from coach.store.journal import JournalStore
from coach.store.medicines import MedicineStore
from coach.store.outcomes import OutcomesStore
from coach.store.repository import Repository
from coach.store.session_log import session_tally
from coach.store.sessions import SessionRecord, SessionStore


class SessionFacts(NamedTuple):
    """What the analytics read of a session (``progress.SessionLike``), read in bulk: a
    plain tuple per row is several times cheaper than a full SessionRecord, which counts
    with ten years of sessions."""

    routine_id: str
    started_at: str
    local_date: date
    status: str
    pain_before: Pain | None
    pain_after: Pain | None


_FACTS_SQL = """
SELECT s.routine_id, s.started_at, s.local_date, s.status, b.back, b.leg, a.back, a.leg
FROM sessions s
LEFT JOIN pain_scores b ON b.session_id = s.id AND b.moment = 'before'
LEFT JOIN pain_scores a ON a.session_id = s.id AND a.moment = 'after'
WHERE s.profile_id = ? AND s.status != ?
ORDER BY s.started_at
"""


@dataclass(frozen=True)
class ProfileHistory:
    """A profile's records for analytics and reports."""

    input: ProgressInput
    sessions: list[SessionRecord]
    exercises: dict[int, ExerciseTally]  # by session id
    catalogue: Catalogue  # the profile's exercises (its therapist's own included), for names
    coping: tuple[CopingUse, ...] = ()  # coping tools used (REFERENCE 10), oldest first

    @property
    def journal(self) -> Sequence[JournalEntry]:
        """Pain journal entries (REFERENCE 8), oldest first."""
        return self.input.journal

    @property
    def medicines(self) -> Sequence[MedicineEntry]:
        """Medicines taken (REFERENCE 9), oldest first."""
        return self.input.medicines


class ProgressData:
    """The read side used by the Progress and History screens and by the exports."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.sessions = SessionStore(db)
        self.outcomes = OutcomesStore(db)

    def profile_named(self, nickname: str | None) -> Profile:
        """The profile with this nickname, or the only profile when none is named. Raises
        LookupError with a plain sentence when that is not possible."""
        profiles = Repository(self.db).profiles()
        if not profiles:
            raise LookupError(_("There is no profile yet: open the app and set one up first."))
        if nickname is None:
            if len(profiles) > 1:
                names = ", ".join(repr(p.nickname) for p in profiles)
                raise LookupError(
                    _("There are several profiles ({names}): choose one with --profile.").format(
                        names=names
                    )
                )
            return profiles[0]
        for profile in profiles:
            if profile.nickname.casefold() == nickname.strip().casefold():
                return profile
        raise LookupError(_("There is no profile named '{name}'.").format(name=nickname))

    def session_facts(self, profile_id: int) -> list[SessionFacts]:
        """The same sessions as SessionStore.sessions (not discarded, oldest first)."""
        parse = date.fromisoformat
        return [
            SessionFacts(
                routine,
                started,
                parse(day),
                status,
                None if bb is None else Pain(bb, bl),
                None if ab is None else Pain(ab, al),
            )
            for routine, started, day, status, bb, bl, ab, al in self.db.execute(
                _FACTS_SQL, [profile_id, DISCARDED]
            ).fetchall()
        ]

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
            " AND outcome != ? ORDER BY at",
            [profile_id, CLEAR],
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
        """Exercises started with, done and skipped in each of the profile's sessions, in one
        query."""
        rows = self.db.execute(
            "SELECT e.session_id, e.kind, e.exercise_id, e.detail,"
            " json_extract(e.detail, '$.kind') FROM session_events e"
            " JOIN sessions s ON s.id = e.session_id"
            " WHERE s.profile_id = ? AND e.kind IN (?, ?, ?, ?, ?)"
            " ORDER BY e.session_id, e.seq",
            [
                profile_id,
                STARTED_EVENT,
                str(EventKind.STEP_FINISHED),
                str(EventKind.STEP_SKIPPED),
                str(EventKind.EXERCISE_SKIPPED),
                str(EventKind.EXERCISE_SWAPPED),
            ],
        ).fetchall()
        steps: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
        planned: dict[int, tuple[str, ...]] = {}
        changes = (str(EventKind.EXERCISE_SKIPPED), str(EventKind.EXERCISE_SWAPPED))
        for session_id, kind, exercise, detail, step_kind in rows:
            if kind == STARTED_EVENT:
                planned[int(session_id)] = started_exercises(json.loads(detail))
            elif kind in changes:
                steps[int(session_id)].append((str(kind), exercise, json.loads(detail)))
            else:
                step = {"kind": step_kind} if isinstance(step_kind, str) else {}
                steps[int(session_id)].append((str(kind), exercise, step))
        return {
            sid: tally_exercises(steps.get(sid, ()), planned.get(sid, ()))
            for sid in steps.keys() | planned.keys()
        }

    def session_tally(self, session_id: int) -> ExerciseTally:
        return session_tally(self.sessions, session_id)

    def progress_input(
        self,
        profile: Profile,
        plan: Plan,
        today: date,
        sessions: Sequence[SessionLike] | None = None,
    ) -> ProgressInput:
        assert profile.id is not None
        pid = profile.id
        baseline = self.outcomes.pain_baseline(pid)
        return ProgressInput(
            surgery_date=profile.surgery_date,
            today=today,
            plan=plan,
            sessions=self.session_facts(pid) if sessions is None else sessions,
            walking=self.walking_by_day(pid),
            psfs=self.outcomes.psfs_entries(pid),
            odi=self.outcomes.odi_entries(pid),
            red_flags=self.red_flag_events(pid),
            therapist_baseline=(
                {"back": baseline["back"], "leg": baseline["leg"]} if baseline else None
            ),
            journal=JournalStore(self.db).entries(pid),
            medicines=MedicineStore(self.db).entries(pid),
        )

    def history(self, current: ProfilePlan, today: date) -> ProfileHistory:
        """Everything the reports need for the profile of ``current`` (from ``resolve_plan``),
        sessions read once."""
        profile = current.profile
        assert profile.id is not None
        sessions = self.sessions.sessions(profile.id)
        return ProfileHistory(
            self.progress_input(profile, current.plan, today, sessions),
            sessions,
            self.exercise_tallies(profile.id),
            current.catalogue,
            tuple(CopingStore(self.db).uses(profile.id)),
        )
