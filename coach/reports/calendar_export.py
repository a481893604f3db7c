"""The calendar file for one profile: its current plan (``resolve_plan``, the one resolver), the
reminder times the patient picked, and the coming weeks as iCalendar bytes.

Shared by ``rehab-coach calendar`` and the Settings button, so both write the same file.
"""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from coach.domain.calendar_plan import DEFAULT_WEEKS, CalendarInput, calendar_events
from coach.domain.content import Content
from coach.domain.profile import Profile
from coach.domain.profile_plan import ProfilePlan
from coach.reports.ical import calendar_bytes
from coach.store.plans import resolve_plan
from coach.store.reminders import ReminderStore


def profile_calendar(
    db: Database, content: Content, profile: Profile, now: datetime, weeks: int = DEFAULT_WEEKS
) -> tuple[bytes, ProfilePlan]:
    """The file's bytes, and the plan they came from (its ``problem`` says when the stored plan
    could not be read and the standard plan was used)."""
    current = resolve_plan(db, content, profile)
    source = CalendarInput(
        profile_id=current.profile_id,
        plan=current.plan,
        surgery_date=profile.surgery_date,
        catalogue=current.catalogue,
        today=now.date(),
        extra_restrictions=current.extra_restrictions,
        weeks=weeks,
        times=ReminderStore(db).times(current.profile_id),
    )
    name = f"Rehab Coach: {profile.nickname.strip()}"
    return calendar_bytes(calendar_events(source), now, name), current
