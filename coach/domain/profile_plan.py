"""A profile's current plan together with the exercises it may use.

Every screen, export and command gets this from ``coach.store.plans.resolve_plan``, so they all
agree on which plan is current and on the therapist's own exercises that came with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach.domain.catalogue import Catalogue, Exercise
from coach.domain.i18n import N_
from coach.domain.plan import Plan
from coach.domain.profile import Profile

UNREADABLE = N_(
    "Your therapist's plan could not be read, so the standard plan for your surgery is shown."
)


@dataclass(frozen=True)
class ProfilePlan:
    """The plan to follow, its catalogue (shipped exercises plus the profile's own), and which
    stored version it is. ``plan_id`` is None when the protocol's default is used: no version
    stored yet, or the stored one could not be read (then ``problem`` says so in plain words)."""

    profile: Profile
    plan: Plan
    catalogue: Catalogue
    custom_exercises: tuple[Exercise, ...] = ()
    plan_id: int | None = None
    version: int | None = None
    created_at: str = ""
    author: str = ""
    problem: str = ""

    @property
    def profile_id(self) -> int:
        assert self.profile.id is not None
        return self.profile.id

    @property
    def is_stored(self) -> bool:
        """True when this is a stored plan version (not the protocol's default)."""
        return self.plan_id is not None

    @property
    def extra_restrictions(self) -> frozenset[str]:
        """The surgeon's rules from the profile and the plan's own."""
        return frozenset(self.profile.extra_restrictions) | self.plan.extra_restrictions

    @property
    def therapist(self) -> str:
        """Who wrote this version, when a person did (not the protocol or an unsigned file)."""
        return "" if self.author in ("", "protocol", "plan file") else self.author

    def exercises_in_use(self) -> tuple[Exercise, ...]:
        """The profile's own exercises that the plan uses, in the order they were added."""
        used = {i.exercise_id for p in self.plan.phases for r in p.routines for i in r.items}
        return tuple(e for e in self.custom_exercises if e.id in used)
