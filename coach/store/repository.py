"""Saving and loading domain objects. Callers get dataclasses, never rows."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from coach.domain.catalogue import Catalogue
from coach.domain.clock import utc_iso
from coach.domain.plan import Plan, plan_from_dict, plan_to_dict
from coach.domain.profile import Approach, Profile, Surgery
from coach.domain.records import DONE
from coach.store.events import PLAN, PROFILES, WALKING, StoreEvents, announces


@dataclass(frozen=True)
class StoredPlan:
    """A plan version as stored: sessions refer to ``id``."""

    id: int
    profile_id: int
    version: int
    created_at: str
    author: str
    plan: Plan


class Repository:
    """All reads and writes of health data go through here."""

    def __init__(self, db: Database, events: StoreEvents | None = None) -> None:
        self.db = db
        self.changes = events if events is not None else StoreEvents()

    # -- profiles ----------------------------------------------------------------------------
    @announces(PROFILES)
    def add_profile(self, profile: Profile, now: datetime, plan: Plan | None = None) -> Profile:
        """Create a profile (and its first plan version, in the same transaction)."""
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO profiles (nickname, surgery, surgery_date, approach,"
                " extra_restrictions, emergency_number, language, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    profile.nickname.strip(),
                    profile.surgery.value,
                    profile.surgery_date.isoformat(),
                    profile.approach.value,
                    json.dumps(list(profile.extra_restrictions)),
                    profile.emergency_number.strip(),
                    profile.language,
                    utc_iso(now),
                ],
            )
            saved = replace(profile, id=int(cursor.lastrowid or 0))
            if plan is not None:
                assert saved.id is not None
                self.save_plan(saved.id, plan, now, author="protocol")
        return saved

    @announces(PROFILES)
    def set_language(self, profile_id: int, language: str) -> Profile:
        """The language of the app and of this profile's reports from now on (checked by the
        Profile, then by the table's CHECK)."""
        profile = self.profile(profile_id)
        if profile is None:
            raise KeyError(profile_id)
        changed = replace(profile, language=language)
        with self.db.atomic():
            self.db.execute(
                "UPDATE profiles SET language = ? WHERE id = ?", [changed.language, profile_id]
            )
        return changed

    def profiles(self) -> list[Profile]:
        rows = self.db.query("SELECT * FROM profiles ORDER BY id")
        return [_profile(row) for row in rows]

    def profile(self, profile_id: int) -> Profile | None:
        rows = list(self.db.query("SELECT * FROM profiles WHERE id = ?", [profile_id]))
        return _profile(rows[0]) if rows else None

    # -- plans ---------------------------------------------------------------------------------
    @announces(PLAN)
    def save_plan(self, profile_id: int, plan: Plan, now: datetime, author: str = "") -> int:
        """Store ``plan`` as the profile's next version; returns its id. Old versions stay."""
        with self.db.atomic():
            row = self.db.execute(
                "SELECT coalesce(max(version), 0) FROM plans WHERE profile_id = ?", [profile_id]
            ).fetchone()
            cursor = self.db.execute(
                "INSERT INTO plans (profile_id, version, created_at, author, body)"
                " VALUES (?, ?, ?, ?, ?)",
                [profile_id, row[0] + 1, utc_iso(now), author, json.dumps(plan_to_dict(plan))],
            )
        return int(cursor.lastrowid or 0)

    def plan_versions(self, profile_id: int, catalogue: Catalogue) -> list[StoredPlan]:
        """Every stored version, oldest first. The current plan comes from
        ``coach.store.plans.resolve_plan`` (with the profile's own exercises), never from here."""
        rows = self.db.query(
            "SELECT * FROM plans WHERE profile_id = ? ORDER BY version", [profile_id]
        )
        return [_stored_plan(row, catalogue) for row in rows]

    # -- walking -------------------------------------------------------------------------------
    @announces(WALKING)
    def log_walking(self, profile_id: int, day: date, minutes: int, now: datetime) -> None:
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO walking_log (profile_id, local_date, minutes, at) VALUES (?, ?, ?, ?)",
                [profile_id, day.isoformat(), minutes, utc_iso(now)],
            )

    def walking_minutes(self, profile_id: int, day: date) -> int:
        row = self.db.execute(
            "SELECT coalesce(sum(minutes), 0) FROM walking_log WHERE profile_id = ?"
            " AND local_date = ?",
            [profile_id, day.isoformat()],
        ).fetchone()
        return int(row[0])

    @announces(WALKING)
    def undo_last_walk(self, profile_id: int, day: date) -> int | None:
        """Remove the newest walking entry of ``day`` (a mistyped entry); returns its minutes."""
        with self.db.atomic():
            row = self.db.execute(
                "SELECT id, minutes FROM walking_log WHERE profile_id = ? AND local_date = ?"
                " ORDER BY id DESC LIMIT 1",
                [profile_id, day.isoformat()],
            ).fetchone()
            if row is None:
                return None
            self.db.execute("DELETE FROM walking_log WHERE id = ?", [row[0]])
        return int(row[1])

    # -- sessions (read side used by Today) ----------------------------------------------------
    def routines_done(self, profile_id: int, day: date, status: str = DONE) -> dict[str, int]:
        """How many sessions of each routine ended with ``status`` on ``day`` (Today says
        "Done today" only for "done"; "partial" ones are shown as partly done)."""
        rows = self.db.execute(
            "SELECT routine_id, count(*) FROM sessions WHERE profile_id = ? AND local_date = ?"
            " AND status = ? GROUP BY routine_id",
            [profile_id, day.isoformat(), status],
        ).fetchall()
        return {routine_id: int(count) for routine_id, count in rows}


def _stored_plan(row: dict[str, Any], catalogue: Catalogue) -> StoredPlan:
    plan = plan_from_dict(json.loads(row["body"]), catalogue, f"stored plan {row['id']}")
    return StoredPlan(
        row["id"], row["profile_id"], row["version"], row["created_at"], row["author"], plan
    )


def _profile(row: dict[str, Any]) -> Profile:
    return Profile(
        id=row["id"],
        nickname=row["nickname"],
        surgery=Surgery(row["surgery"]),
        surgery_date=date.fromisoformat(row["surgery_date"]),
        approach=Approach(row["approach"]),
        extra_restrictions=tuple(json.loads(row["extra_restrictions"])),
        emergency_number=row["emergency_number"],
        language=row["language"],
    )
