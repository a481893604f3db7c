"""The guided session's writes that span more than one row, each as one transaction.

A session begins with its row, the exercises it was started with (kept in its ``started`` event
so a resume after a crash rebuilds exactly the same steps, even if the plan changed since) and
the pain before: all three or none. It ends with the pain after and its final status together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from coach.domain.pain import Pain
from coach.domain.progress import ExerciseTally, started_exercises, tally_exercises
from coach.domain.records import FINISHED_STATUSES
from coach.domain.session_result import session_status
from coach.domain.timer import EventKind
from coach.store.sessions import SessionRecord, SessionStore

STARTED = "started"


@dataclass(frozen=True)
class SessionStart:
    """What a session is started with."""

    profile_id: int
    plan_id: int | None
    routine_id: str
    routine_name: str
    items: Sequence[Mapping[str, Any]]  # timer.items_to_json(...)
    step_count: int
    gentle: bool


def begin_session(
    store: SessionStore,
    start: SessionStart,
    pain_before: Pain,
    now: datetime,
    red_flag_check_id: int | None = None,
) -> int:
    """The session row, its exercises and the pain before, in one transaction."""
    with store.db.atomic():
        session_id = store.start_session(
            start.profile_id,
            start.plan_id,
            start.routine_id,
            start.routine_name,
            now,
            gentle=start.gentle,
            red_flag_check_id=red_flag_check_id,
        )
        detail = {"items": [dict(i) for i in start.items], "steps": start.step_count}
        store.record_event(session_id, STARTED, now, detail=detail)
        store.record_pain(session_id, "before", pain_before, now)
    return session_id


def end_session(
    store: SessionStore, session_id: int, status: str, pain_after: Pain | None, now: datetime
) -> None:
    """The pain after (when given) and the final status, in one transaction."""
    with store.db.atomic():
        if pain_after is not None:
            store.record_pain(session_id, "after", pain_after, now)
        store.finish_session(session_id, status, now)


def record_blocked(
    store: SessionStore,
    profile_id: int,
    routine_id: str,
    routine_name: str,
    *,
    red_flag_check_id: int,
    now: datetime,
) -> int:
    """A session that a warning sign stopped before it began (kept for the history)."""
    with store.db.atomic():
        session_id = store.start_session(
            profile_id, None, routine_id, routine_name, now, red_flag_check_id=red_flag_check_id
        )
        store.finish_session(session_id, "blocked", now)
    return session_id


SWAPPED = "swapped"  # coach.domain.timer.EventKind.EXERCISE_SWAPPED


def started_items(store: SessionStore, session_id: int) -> list[Any] | None:
    """The exercises the session runs with: as started, or as the last swap to an easier
    variant left them (None if it has no ``started`` event)."""
    found: list[Any] | None = None
    started = False
    for event in store.events(session_id):
        if event.kind == STARTED or (started and event.kind == SWAPPED):
            started = True
            items = event.detail.get("items")
            found = items if isinstance(items, list) else found
    return found if started else None


def progress_events(store: SessionStore, session_id: int) -> list[tuple[str, int | None]]:
    """(kind, step_index) of every recorded event, in order (for timer.resume_index)."""
    return [(e.kind, e.step_index) for e in store.events(session_id)]


def session_tally(store: SessionStore, session_id: int) -> ExerciseTally:
    """Which exercises of the session were done and skipped, and which it started with."""
    events = store.events(session_id)
    started = next((e.detail for e in events if e.kind == STARTED), {})
    return tally_exercises(
        ((e.kind, e.exercise_id, e.detail) for e in events), started_exercises(started)
    )


def recorded_status(
    store: SessionStore, session_id: int, *, finished: bool | None = None
) -> tuple[str, ExerciseTally]:
    """The status the session's recorded steps earn (session_result.session_status) and its
    tally. ``finished``: whether it ran to the end; by default, whether that was recorded."""
    tally = session_tally(store, session_id)
    if finished is None:
        finished = any(e.kind == EventKind.SESSION_FINISHED for e in store.events(session_id))
    return session_status(tally, finished=finished), tally


def last_finished(
    store: SessionStore, profile_id: int, before_session: int | None = None
) -> SessionRecord | None:
    """The newest done or partial session (other than ``before_session``), for the pain rules
    (a skipped session still has pain scores, but no exercise that could have caused them)."""
    finished = [
        s
        for s in store.sessions(profile_id)
        if s.status in FINISHED_STATUSES and s.id != before_session
    ]
    return finished[-1] if finished else None
