"""The one way to get a profile's current plan and the exercises it may use.

Today, the session, Progress, History, both exports, the handout, ``plan`` commands, the demo
history and the therapist's editor all call ``resolve_plan``; a test keeps it that way. It reads
the newest stored plan version with the profile's own exercises (from imported plan files), and
falls back to the protocol for the surgery, with a plain message, when they cannot be read.

Today reads this at every start, so it stays small: no plan-file or PIN code here.
"""

from __future__ import annotations

import json
import logging

from sqlite_utils import Database

from coach.domain.catalogue import Exercise, parse_exercise
from coach.domain.content import Content
from coach.domain.plan import plan_from_dict, plan_from_protocol
from coach.domain.plan_language import plan_in_language
from coach.domain.profile import Profile
from coach.domain.profile_plan import UNREADABLE, ProfilePlan

log = logging.getLogger(__name__)


def resolve_plan(db: Database, content: Content, profile: Profile) -> ProfilePlan:
    """``profile``'s current plan and catalogue. Never raises for bad stored data: the
    protocol's plan is returned instead, with ``problem`` set (and the cause logged)."""
    assert profile.id is not None
    default = plan_from_protocol(content.protocols[profile.surgery])
    try:
        custom = _custom_exercises(db, profile.id)
    except ValueError as exc:  # DataError, or a body that is not JSON
        log.error("custom exercises of profile %s cannot be read: %s", profile.id, exc)
        return ProfilePlan(profile, default, content.catalogue, problem=UNREADABLE)
    catalogue = content.catalogue.extended(custom)
    row = db.execute(
        "SELECT id, version, created_at, author, body FROM plans WHERE profile_id = ?"
        " ORDER BY version DESC LIMIT 1",
        [profile.id],
    ).fetchone()
    if row is None:
        return ProfilePlan(profile, default, catalogue, custom)
    plan_id, version, created_at, author, body = row
    try:
        plan = plan_from_dict(json.loads(body), catalogue, f"stored plan {plan_id}")
    except (ValueError, RecursionError) as exc:
        log.error("stored plan %s of profile %s cannot be read: %s", plan_id, profile.id, exc)
        return ProfilePlan(profile, default, catalogue, custom, problem=UNREADABLE)
    plan = plan_in_language(plan, content.phrases)  # the protocol's words, read in this language
    return ProfilePlan(
        profile, plan, catalogue, custom, int(plan_id), int(version), str(created_at), str(author)
    )


def _custom_exercises(db: Database, profile_id: int) -> tuple[Exercise, ...]:
    rows = db.execute(
        "SELECT exercise_id, body FROM custom_exercises WHERE profile_id = ? ORDER BY id",
        [profile_id],
    ).fetchall()
    return tuple(
        parse_exercise(json.loads(body), f"custom exercise {exercise_id}")
        for exercise_id, body in rows
    )
