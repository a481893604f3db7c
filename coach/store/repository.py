"""Saving and loading domain objects. Callers get dataclasses, never rows."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from coach.domain.clock import utc_iso
from coach.domain.profile import Approach, Profile, Surgery


class Repository:
    """All reads and writes of health data go through here."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- profiles ----------------------------------------------------------------------------
    def add_profile(self, profile: Profile, now: datetime) -> Profile:
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO profiles (nickname, surgery, surgery_date, approach,"
                " extra_restrictions, emergency_number, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    profile.nickname.strip(),
                    profile.surgery.value,
                    profile.surgery_date.isoformat(),
                    profile.approach.value,
                    json.dumps(list(profile.extra_restrictions)),
                    profile.emergency_number.strip(),
                    utc_iso(now),
                ],
            )
        return replace(profile, id=int(cursor.lastrowid or 0))

    def profiles(self) -> list[Profile]:
        rows = self.db.query("SELECT * FROM profiles ORDER BY id")
        return [_profile(row) for row in rows]

    def profile(self, profile_id: int) -> Profile | None:
        rows = list(self.db.query("SELECT * FROM profiles WHERE id = ?", [profile_id]))
        return _profile(rows[0]) if rows else None


def _profile(row: dict[str, Any]) -> Profile:
    return Profile(
        id=row["id"],
        nickname=row["nickname"],
        surgery=Surgery(row["surgery"]),
        surgery_date=date.fromisoformat(row["surgery_date"]),
        approach=Approach(row["approach"]),
        extra_restrictions=tuple(json.loads(row["extra_restrictions"])),
        emergency_number=row["emergency_number"],
    )
