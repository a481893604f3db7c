"""Exercises that came with an imported plan file, kept per profile.

Today reads them at every start (a plan may use them), so this module stays small and the
plan-file and PIN code load only when the therapist imports or exports a plan.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from coach.domain.catalogue import Catalogue, Exercise, parse_exercise


def custom_exercises(db: Database, profile_id: int) -> tuple[Exercise, ...]:
    rows = db.execute(
        "SELECT exercise_id, body FROM custom_exercises WHERE profile_id = ? ORDER BY id",
        [profile_id],
    ).fetchall()
    return tuple(
        parse_exercise(json.loads(body), f"custom exercise {exercise_id}")
        for exercise_id, body in rows
    )


def custom_figures(db: Database, profile_id: int) -> dict[str, str]:
    rows = db.execute(
        "SELECT exercise_id, figure FROM custom_exercises WHERE profile_id = ?"
        " AND figure IS NOT NULL",
        [profile_id],
    ).fetchall()
    return {str(exercise_id): str(figure) for exercise_id, figure in rows}


def catalogue_for(db: Database, profile_id: int, base: Catalogue) -> Catalogue:
    """The shipped catalogue plus this profile's own exercises (from imported plans)."""
    return base.extended(custom_exercises(db, profile_id))
