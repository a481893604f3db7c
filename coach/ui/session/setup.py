"""What a session is started from: today's routine for the active profile, resolved from the
plan with the phase's restrictions applied, and the gentle form beside it."""

from __future__ import annotations

from dataclasses import dataclass

from coach.domain.catalogue import Catalogue
from coach.domain.plan import plan_from_protocol
from coach.domain.protocol import Phase, Prescription, Routine
from coach.domain.safety import blocked_movements
from coach.domain.schedule import phase_on, walking_goal
from coach.domain.timer import gentle_items
from coach.store.sessions import Pain
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


@dataclass(frozen=True)
class ResumePoint:
    """An unfinished session to go on with after a restart."""

    session_id: int
    items: tuple[Prescription, ...]
    step_index: int
    pain_before: Pain | None
    gentle: bool


def allowed_items(
    routine: Routine, phase: Phase, catalogue: Catalogue, extra: frozenset[str]
) -> tuple[Prescription, ...]:
    """The routine without exercises this phase (or the surgeon) restricts, unless the
    therapist gave a reason to keep one."""
    return tuple(
        item
        for item in routine.items
        if item.exercise_id in catalogue
        and (item.reason or not blocked_movements(catalogue[item.exercise_id], phase, extra))
    )


def setup_for(ctx: AppContext, routine_id: str) -> SessionSetup | None:
    """Today's routine ``routine_id`` for the active profile, or None if it is not in the plan."""
    profile = ctx.active.require()
    assert profile.id is not None
    catalogue = ctx.content.catalogue
    stored = ctx.repo.current_plan(profile.id, catalogue)
    extra = frozenset(profile.extra_restrictions)
    if stored is not None:
        plan, plan_id = stored.plan, stored.id
    else:
        plan, plan_id = plan_from_protocol(ctx.content.protocols[profile.surgery], extra), None
    today = ctx.clock.now().date()
    phase = phase_on(plan, profile.surgery_date, today)
    try:
        routine = phase.routine(routine_id)
    except KeyError:
        return None
    walk = walking_goal(plan, profile.surgery_date, today).minutes_per_walk
    return SessionSetup(
        profile_id=profile.id,
        emergency_number=profile.emergency_number,
        plan_id=plan_id,
        routine_id=routine.id,
        routine_name=routine.name,
        items=allowed_items(routine, phase, catalogue, extra | plan.extra_restrictions),
        gentle_items=gentle_items(routine, catalogue, walk),
    )
