"""Therapist mode's records: the PIN hash and wrong tries, the therapist's name, exercises that
came with a plan file, plan import, and deleting a profile with everything it owns.

The PIN itself is never stored: only the salted scrypt hash made by ``coach.domain.pin``.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlite_utils import Database

from coach.domain.clock import utc_iso
from coach.domain.i18n import _
from coach.domain.pin import PinAttempts, describe_wait, verify_pin
from coach.domain.plan_file import PlanFile, exercise_to_dict
from coach.domain.profile_plan import ProfilePlan
from coach.store.db import StoreError
from coach.store.events import PLAN, PROFILES, THERAPIST, StoreEvents, announces
from coach.store.repository import Repository


class TherapistStore:
    """Reads and writes therapist-mode data; each write is one transaction."""

    def __init__(self, db: Database, events: StoreEvents | None = None) -> None:
        self.db = db
        self.changes = events if events is not None else StoreEvents()

    # -- the one settings row ------------------------------------------------------------------
    def _ensure_row(self, now: datetime) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO therapist_settings (id, updated_at) VALUES (1, ?)",
            [utc_iso(now)],
        )

    def _value(self, column: str) -> object:
        row = self.db.execute(f"SELECT {column} FROM therapist_settings WHERE id = 1").fetchone()
        return row[0] if row else None

    def pin_hash(self) -> str | None:
        value = self._value("pin_hash")
        return str(value) if value else None

    @announces(THERAPIST)
    def set_pin_hash(self, pin_hash: str | None, now: datetime) -> None:
        """Store a new PIN hash (None removes the PIN); wrong tries start again from zero."""
        with self.db.atomic():
            self._ensure_row(now)
            self.db.execute(
                "UPDATE therapist_settings SET pin_hash = ?, failures = 0, last_failure = NULL,"
                " updated_at = ? WHERE id = 1",
                [pin_hash, utc_iso(now)],
            )

    def attempts(self) -> PinAttempts:
        row = self.db.execute(
            "SELECT failures, last_failure FROM therapist_settings WHERE id = 1"
        ).fetchone()
        if row is None or not row[0]:
            return PinAttempts()
        last = datetime.fromisoformat(row[1]) if row[1] else None
        return PinAttempts(int(row[0]), last)

    @announces(THERAPIST)
    def save_attempts(self, attempts: PinAttempts, now: datetime) -> None:
        last = utc_iso(attempts.last_failure) if attempts.last_failure else None
        with self.db.atomic():
            self._ensure_row(now)
            self.db.execute(
                "UPDATE therapist_settings SET failures = ?, last_failure = ?, updated_at = ?"
                " WHERE id = 1",
                [min(attempts.failures, 1_000_000), last, utc_iso(now)],
            )

    def try_pin(self, pin: str, now: datetime) -> str | None:
        """None when ``pin`` is right (the wrong-try count starts again); otherwise what to tell
        the person, with each wrong try counted (the command line's check; the app also keeps
        its own count in memory)."""
        stored = self.pin_hash()
        if stored is None:
            return "No PIN has been set yet."
        attempts = self.attempts()
        wait = attempts.wait_seconds(now)
        if wait > 0:
            return describe_wait(wait)
        if verify_pin(pin, stored):
            self.save_attempts(attempts.succeeded(), now)
            return None
        attempts = attempts.failed(now)
        self.save_attempts(attempts, now)
        wait = attempts.wait_seconds(now)
        return "That PIN is not right." + (f" {describe_wait(wait)}" if wait > 0 else "")

    def therapist_name(self) -> str:
        value = self._value("therapist_name")
        return str(value) if value else ""

    @announces(THERAPIST)
    def set_therapist_name(self, name: str, now: datetime) -> None:
        with self.db.atomic():
            self._ensure_row(now)
            self.db.execute(
                "UPDATE therapist_settings SET therapist_name = ?, updated_at = ? WHERE id = 1",
                [name.strip()[:80], utc_iso(now)],
            )

    # -- exercises brought by plan files -------------------------------------------------------
    def custom_figures(self, profile_id: int) -> dict[str, str]:
        """Picture paths of the profile's own exercises (given by their plan files)."""
        rows = self.db.execute(
            "SELECT exercise_id, figure FROM custom_exercises WHERE profile_id = ?"
            " AND figure IS NOT NULL",
            [profile_id],
        ).fetchall()
        return {str(exercise_id): str(figure) for exercise_id, figure in rows}

    def _save_custom(self, profile_id: int, plan_file: PlanFile, now: datetime) -> None:
        figures = dict(plan_file.figures)
        for exercise in plan_file.custom_exercises:
            self.db.execute(
                "INSERT INTO custom_exercises (profile_id, exercise_id, body, figure, added_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (profile_id, exercise_id) DO UPDATE SET"
                " body = excluded.body, figure = excluded.figure",
                [
                    profile_id,
                    exercise.id,
                    json.dumps(exercise_to_dict(exercise)),
                    figures.get(exercise.id),
                    utc_iso(now),
                ],
            )

    def plan_file_for(self, current: ProfilePlan, now: datetime) -> PlanFile:
        """The profile's current plan (from ``resolve_plan``) as a plan file, with the custom
        exercises it uses. Only a stored version is written: never the protocol put in its
        place because the stored one could not be read."""
        if current.problem:
            raise StoreError(
                _("The plan of {name} could not be read, so it was not written.").format(
                    name=current.profile.nickname
                )
            )
        if not current.is_stored:
            raise StoreError(_("This profile has no plan yet."))
        custom = current.exercises_in_use()
        figures = self.custom_figures(current.profile_id)
        return PlanFile(
            current.plan,
            current.therapist or self.therapist_name(),
            now,
            custom,
            tuple((e.id, figures[e.id]) for e in custom if e.id in figures),
        )

    # -- whole-profile operations --------------------------------------------------------------
    @announces(PLAN)
    def import_plan(self, profile_id: int, plan_file: PlanFile, now: datetime) -> int:
        """Make ``plan_file``'s plan the profile's current version (old versions stay), in one
        transaction with the exercises it brings. Returns the new plan version's id."""
        author = plan_file.therapist or "plan file"
        with self.db.atomic():
            self._save_custom(profile_id, plan_file, now)
            return Repository(self.db, self.changes).save_plan(
                profile_id, plan_file.plan, now, author=author
            )

    @announces(PROFILES)
    def delete_profile(self, profile_id: int) -> None:
        """Delete a profile and, through ON DELETE CASCADE, every record that belongs to it."""
        with self.db.atomic():
            cursor = self.db.execute("DELETE FROM profiles WHERE id = ?", [profile_id])
            if cursor.rowcount != 1:
                raise StoreError(_("That profile no longer exists."))
