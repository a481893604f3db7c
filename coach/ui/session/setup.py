"""What a session is started from: today's routine for the active profile, exactly as Today
shows it (``coach.domain.today``), and the gentle form beside it."""

from __future__ import annotations

from dataclasses import dataclass

from coach.domain.catalogue import Catalogue
from coach.domain.gentle import gentle_items
from coach.domain.pain import Pain
from coach.domain.protocol import Prescription
from coach.domain.today import build_today
from coach.ui.active_plan import load_active_plan
from coach.ui.context import AppContext


@dataclass(frozen=True)
class SessionSetup:
    """What a new session is started from (resolved from the plan by the launcher)."""

    profile_id: int
    emergency_number: str
    plan_id: int | None
    routine_id: str
    routine_name: str
    items: tuple[Prescription, ...]
    gentle_items: tuple[Prescription, ...]  # walking and breathing only
    catalogue: Catalogue  # the profile's exercises, custom ones from imported plans included


@dataclass(frozen=True)
class ResumePoint:
    """An unfinished session to go on with after a restart."""

    session_id: int
    items: tuple[Prescription, ...]
    step_index: int
    pain_before: Pain | None
    gentle: bool


def setup_for(ctx: AppContext, routine_id: str) -> SessionSetup | None:
    """Today's routine ``routine_id`` for the active profile, as Today shows it (the same plan,
    the same exercises left out), or None when it is not due today or has nothing to do."""
    active = load_active_plan(ctx)
    if active is None:
        return None
    profile = active.profile
    catalogue = active.catalogue
    today = build_today(
        active.plan,
        profile.surgery_date,
        ctx.clock.now().date(),
        catalogue,
        extra_restrictions=frozenset(profile.extra_restrictions),
    )
    routine = next((r for r in today.routines if r.routine.id == routine_id), None)
    if routine is None or not routine.can_start:
        return None
    return SessionSetup(
        profile_id=active.profile_id,
        emergency_number=profile.emergency_number,
        plan_id=active.plan_id,
        routine_id=routine_id,
        routine_name=routine.routine.name,
        items=tuple(Prescription(i.exercise.id, i.dosage, i.reason) for i in routine.items),
        gentle_items=gentle_items(routine.routine, catalogue, today.walking.minutes_per_walk),
        catalogue=catalogue,
    )


def today_routine_ids(ctx: AppContext) -> list[str]:
    """The routines due today that have something to do (for screenshots and tests)."""
    active = load_active_plan(ctx)
    if active is None:
        return []
    today = build_today(
        active.plan,
        active.profile.surgery_date,
        ctx.clock.now().date(),
        active.catalogue,
        extra_restrictions=frozenset(active.profile.extra_restrictions),
    )
    return [r.routine.id for r in today.routines if r.can_start]
