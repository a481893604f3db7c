"""Today's warning-sign checks for a profile, read from the store and judged by
``coach.domain.warning_signs.day_safety`` (the one rule for what today allows)."""

from __future__ import annotations

from coach.domain.warning_signs import DaySafety, day_safety
from coach.ui.context import AppContext


def safety_today(ctx: AppContext, profile_id: int) -> DaySafety:
    """What the checks recorded on the patient's today allow for the rest of the day."""
    checks = ctx.stores.sessions.checks_on(profile_id, ctx.clock.now().date())
    return day_safety(checks, ctx.content.red_flags)
