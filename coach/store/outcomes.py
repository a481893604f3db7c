"""Outcome measures in the store: PSFS activities and ratings, ODI totals, pain baselines.

Callers get ``coach.domain.outcomes`` dataclasses back, never rows. Each write is one
transaction; the demo generator wraps many of them in one outer ``db.atomic()`` for speed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime

from sqlite_utils import Database

from coach.domain.clock import utc_iso
from coach.domain.i18n import _
from coach.domain.outcomes import (
    OdiEntry,
    OutcomeError,
    PsfsActivity,
    PsfsEntry,
    check_activity_names,
    check_odi_total,
    check_rating,
)
from coach.store.events import OUTCOMES, StoreEvents, announces


class OutcomesStore:
    """Reads and writes the outcome measures of one database."""

    def __init__(self, db: Database, events: StoreEvents | None = None) -> None:
        self.db = db
        self.changes = events if events is not None else StoreEvents()

    # -- PSFS ----------------------------------------------------------------------------------
    @announces(OUTCOMES)
    def set_psfs_activities(
        self, profile_id: int, names: Iterable[str], now: datetime
    ) -> list[PsfsActivity]:
        """Start a new list of 3-5 activities. Activities whose name is kept stay the same
        activity (their history goes on); the others are retired, their ratings kept."""
        cleaned = check_activity_names(names)
        with self.db.atomic():
            current = {a.name.casefold(): a for a in self.psfs_activities(profile_id)}
            keep = {n.casefold() for n in cleaned}
            for key, activity in current.items():
                if key not in keep:
                    self.db.execute(
                        "UPDATE psfs_activities SET retired_at = ? WHERE id = ?",
                        [utc_iso(now), activity.id],
                    )
            for position, name in enumerate(cleaned, start=1):
                existing = current.get(name.casefold())
                if existing is not None:
                    self.db.execute(
                        "UPDATE psfs_activities SET position = ?, name = ? WHERE id = ?",
                        [position, name, existing.id],
                    )
                else:
                    self.db.execute(
                        "INSERT INTO psfs_activities (profile_id, position, name, created_at)"
                        " VALUES (?, ?, ?, ?)",
                        [profile_id, position, name, utc_iso(now)],
                    )
        return self.psfs_activities(profile_id)

    def psfs_activities(self, profile_id: int) -> list[PsfsActivity]:
        """The current activities, in the patient's order."""
        rows = self.db.execute(
            "SELECT id, name FROM psfs_activities WHERE profile_id = ? AND retired_at IS NULL"
            " ORDER BY position, id",
            [profile_id],
        ).fetchall()
        return [PsfsActivity(int(i), str(n)) for i, n in rows]

    @announces(OUTCOMES)
    def record_psfs(
        self, profile_id: int, day: date, ratings: Mapping[int, int], now: datetime
    ) -> int:
        """Store one assessment: a rating 0-10 for each current activity (by activity id)."""
        current = {a.id for a in self.psfs_activities(profile_id)}
        if set(ratings) != current:
            raise OutcomeError(_("Please rate every activity on the list."))
        for value in ratings.values():
            check_rating(value)
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO psfs_assessments (profile_id, local_date, at) VALUES (?, ?, ?)",
                [profile_id, day.isoformat(), utc_iso(now)],
            )
            assessment = int(cursor.lastrowid or 0)
            self.db.conn.executemany(
                "INSERT INTO psfs_ratings (assessment_id, activity_id, rating) VALUES (?, ?, ?)",
                [(assessment, activity, value) for activity, value in ratings.items()],
            )
        return assessment

    def psfs_entries(self, profile_id: int) -> list[PsfsEntry]:
        """Every assessment, oldest first, with the activity names as they are now."""
        rows = self.db.execute(
            "SELECT s.id, s.local_date, a.name, r.rating FROM psfs_assessments s"
            " JOIN psfs_ratings r ON r.assessment_id = s.id"
            " JOIN psfs_activities a ON a.id = r.activity_id"
            " WHERE s.profile_id = ? ORDER BY s.local_date, s.id, a.position, a.id",
            [profile_id],
        ).fetchall()
        entries: dict[int, tuple[date, list[tuple[str, int]]]] = {}
        for assessment, day, name, rating in rows:
            entry = entries.setdefault(int(assessment), (date.fromisoformat(day), []))
            entry[1].append((str(name), int(rating)))
        return [PsfsEntry(day, tuple(r), i) for i, (day, r) in entries.items()]

    @announces(OUTCOMES)
    def delete_psfs(self, assessment_id: int) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM psfs_assessments WHERE id = ?", [assessment_id])

    # -- ODI -----------------------------------------------------------------------------------
    @announces(OUTCOMES)
    def record_odi(self, profile_id: int, day: date, total: int, now: datetime) -> int:
        check_odi_total(total)
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO odi_scores (profile_id, local_date, total, at) VALUES (?, ?, ?, ?)",
                [profile_id, day.isoformat(), total, utc_iso(now)],
            )
        return int(cursor.lastrowid or 0)

    def odi_entries(self, profile_id: int) -> list[OdiEntry]:
        rows = self.db.execute(
            "SELECT id, local_date, total FROM odi_scores WHERE profile_id = ?"
            " ORDER BY local_date, id",
            [profile_id],
        ).fetchall()
        return [OdiEntry(date.fromisoformat(d), int(t), int(i)) for i, d, t in rows]

    @announces(OUTCOMES)
    def delete_odi(self, entry_id: int) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM odi_scores WHERE id = ?", [entry_id])

    # -- pain baseline entered by the therapist ------------------------------------------------
    @announces(OUTCOMES)
    def set_pain_baseline(self, profile_id: int, back: float, leg: float, now: datetime) -> None:
        """Replace the computed baseline (first three scores) by the therapist's values."""
        for value in (back, leg):
            if not 0 <= value <= 10:
                raise OutcomeError("A pain score must be from 0 to 10.")
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO pain_baselines (profile_id, back, leg, at) VALUES (?, ?, ?, ?)",
                [profile_id, float(back), float(leg), utc_iso(now)],
            )

    @announces(OUTCOMES)
    def clear_pain_baseline(self, profile_id: int) -> None:
        """Go back to the computed baseline."""
        with self.db.atomic():
            self.db.execute("DELETE FROM pain_baselines WHERE profile_id = ?", [profile_id])

    def pain_baseline(self, profile_id: int) -> dict[str, float] | None:
        """The newest therapist-entered baseline ({'back': .., 'leg': ..}), if any."""
        row = self.db.execute(
            "SELECT back, leg FROM pain_baselines WHERE profile_id = ? ORDER BY id DESC LIMIT 1",
            [profile_id],
        ).fetchone()
        return None if row is None else {"back": float(row[0]), "leg": float(row[1])}
