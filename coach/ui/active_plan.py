"""The active profile's current plan, as Today and the Library need it.

A profile made before plans were stored (or whose stored plan cannot be read) falls back to the
protocol for its surgery, and says so, rather than leaving the patient with an empty screen.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from coach.domain.catalogue import Catalogue
from coach.domain.fields import DataError
from coach.domain.plan import Plan, plan_from_protocol
from coach.domain.profile import Profile
from coach.store.custom_exercises import catalogue_for
from coach.ui.context import AppContext

log = logging.getLogger(__name__)

UNREADABLE = (
    "Your therapist's plan could not be read, so the standard plan for your surgery is shown."
)


@dataclass(frozen=True)
class ActivePlan:
    profile: Profile
    plan: Plan
    catalogue: Catalogue  # the shipped exercises plus this profile's own (imported plans)
    problem: str = ""  # plain words when the stored plan could not be used

    @property
    def profile_id(self) -> int:
        assert self.profile.id is not None
        return self.profile.id

    @property
    def extra_restrictions(self) -> frozenset[str]:
        """The surgeon's rules from the profile and the plan's own."""
        return frozenset(self.profile.extra_restrictions) | self.plan.extra_restrictions


def load_active_plan(ctx: AppContext) -> ActivePlan | None:
    """None before onboarding."""
    profile = ctx.active.profile
    if profile is None or profile.id is None:
        return None
    catalogue = profile_catalogue(ctx, profile.id)
    try:
        stored = ctx.repo.current_plan(profile.id, catalogue)
    except DataError as exc:
        log.error("stored plan of profile %s cannot be read: %s", profile.id, exc)
        return ActivePlan(profile, _protocol_plan(ctx, profile), catalogue, UNREADABLE)
    if stored is None:
        return ActivePlan(profile, _protocol_plan(ctx, profile), catalogue)
    return ActivePlan(profile, stored.plan, catalogue)


def profile_catalogue(ctx: AppContext, profile_id: int) -> Catalogue:
    """The exercises a profile's plan may use: the shipped catalogue plus the custom exercises
    that came with an imported plan file. Screens and sessions read plans through this."""
    return catalogue_for(ctx.db, profile_id, ctx.content.catalogue)


def _protocol_plan(ctx: AppContext, profile: Profile) -> Plan:
    return plan_from_protocol(ctx.content.protocols[profile.surgery])
