"""The calendar file for one profile: its current plan (as ``resolve_plan``, the one resolver,
read it), the reminder times the patient picked, and the coming weeks as iCalendar bytes.

Shared by ``rehab-coach calendar`` and the Settings button, so both write the same file. The
callers read the store and hand the plan and the times in (reports never read the store).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, time

from coach.domain.calendar_plan import DEFAULT_WEEKS, CalendarInput, calendar_events
from coach.domain.profile_plan import ProfilePlan
from coach.reports.ical import calendar_bytes


def profile_calendar(
    current: ProfilePlan,
    times: Mapping[str, Sequence[time]],
    now: datetime,
    weeks: int = DEFAULT_WEEKS,
) -> bytes:
    """The file's bytes for ``current`` (the profile's plan as the store resolved it; its
    ``problem`` says when the standard plan stands in) with the patient's reminder ``times``."""
    profile = current.profile
    source = CalendarInput(
        profile_id=current.profile_id,
        plan=current.plan,
        surgery_date=profile.surgery_date,
        catalogue=current.catalogue,
        today=now.date(),
        extra_restrictions=current.extra_restrictions,
        weeks=weeks,
        times=times,
    )
    name = f"Rehab Coach: {profile.nickname.strip()}"
    return calendar_bytes(calendar_events(source), now, name)
