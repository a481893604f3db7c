"""The plan of the active profile (or of another profile by id) for screens and sessions.

Thin adapters over ``coach.store.plans.resolve_plan``, the one place that decides which plan is
current and which exercises it may use. A stored plan that cannot be read falls back to the
protocol for the surgery, and says so, rather than leaving the patient with an empty screen.
"""

from __future__ import annotations

from coach.domain.profile_plan import ProfilePlan
from coach.store.plans import resolve_plan
from coach.ui.context import AppContext


def load_active_plan(ctx: AppContext) -> ProfilePlan | None:
    """None before onboarding."""
    profile = ctx.active.profile
    if profile is None or profile.id is None:
        return None
    return resolve_plan(ctx.db, ctx.content, profile)


def plan_of_profile(ctx: AppContext, profile_id: int) -> ProfilePlan | None:
    """The current plan of ``profile_id`` (a session's, which may not be the active profile);
    None when that profile no longer exists."""
    active = ctx.active.profile
    profile = active if active is not None and active.id == profile_id else None
    profile = profile or ctx.repo.profile(profile_id)
    return None if profile is None else resolve_plan(ctx.db, ctx.content, profile)
