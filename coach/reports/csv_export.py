"""The session log as CSV: one row per session, for a spreadsheet or the clinic's records.

Columns (also in the README): date, start_time, routine, status, back_pain_before,
back_pain_after, leg_pain_before, leg_pain_after, minutes, exercises_done, exercises_planned,
note. Empty cells mean "not recorded". Text a spreadsheet could run as a formula (starting with
= + - @, a tab or a carriage return) is prefixed with ' so opening the file never runs it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from coach.domain.plan import Plan
from coach.domain.progress import ExerciseTally, SessionLike
from coach.domain.schedule import phase_on
from coach.reports.atomic import atomic_write_bytes

COLUMNS = (
    "date",
    "start_time",
    "routine",
    "status",
    "back_pain_before",
    "back_pain_after",
    "leg_pain_before",
    "leg_pain_after",
    "minutes",
    "exercises_done",
    "exercises_planned",
    "note",
    "exercises_skipped",
    "exercises_swapped",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class SessionRecord(SessionLike, Protocol):
    """What a row needs of a stored session (``coach.store.sessions.SessionRecord``): the
    caller reads the store and hands the sessions in."""

    @property
    def id(self) -> int: ...
    @property
    def routine_name(self) -> str: ...
    @property
    def ended_at(self) -> str | None: ...
    @property
    def note(self) -> str: ...


def safe_cell(text: str) -> str:
    """Defuse CSV formula injection (OWASP): a leading ' makes the cell plain text."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _minutes(session: SessionRecord) -> str:
    if not session.ended_at:
        return ""
    start = datetime.fromisoformat(session.started_at)
    end = datetime.fromisoformat(session.ended_at)
    return str(max(0, round((end - start).total_seconds() / 60)))


def session_row(
    session: SessionRecord, tally: ExerciseTally | None, planned_fallback: int | None
) -> list[str]:
    def pain(value: int | None) -> str:
        return "" if value is None else str(value)

    before, after = session.pain_before, session.pain_after
    started = datetime.fromisoformat(session.started_at).astimezone()
    planned = len(tally.planned) if tally is not None and tally.planned else planned_fallback
    return [
        session.local_date.isoformat(),
        started.strftime("%H:%M"),
        safe_cell(session.routine_name),
        session.status,
        pain(before.back if before else None),
        pain(after.back if after else None),
        pain(before.leg if before else None),
        pain(after.leg if after else None),
        _minutes(session),
        str(len(tally.done)) if tally is not None else "0",
        "" if planned is None else str(planned),
        safe_cell(session.note),
        "; ".join(f"{e}: {r}" for e, r in tally.skip_reasons) if tally is not None else "",
        "; ".join(f"{a} > {b}" for a, b in tally.swaps) if tally is not None else "",
    ]


def csv_text(
    sessions: Sequence[SessionRecord],
    tallies: Mapping[int, ExerciseTally],
    plan: Plan | None = None,
    surgery_date: date | None = None,
) -> str:
    """The whole file as text, oldest session first. Without a ``started`` event the planned
    count comes from the plan's routine on that day (when ``plan`` and ``surgery_date`` given)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for session in sessions:
        fallback = None
        if plan is not None and surgery_date is not None:
            phase = phase_on(plan, surgery_date, session.local_date)
            routine = next((r for r in phase.routines if r.id == session.routine_id), None)
            fallback = len(routine.items) if routine else None
        writer.writerow(session_row(session, tallies.get(session.id), fallback))
    return out.getvalue()


def csv_bytes(text: str) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheets show accents in notes correctly."""
    return text.encode("utf-8-sig")


def write_csv(path: Path, text: str, *, data_folder: Path) -> None:
    atomic_write_bytes(path, csv_bytes(text), data_folder=data_folder)
