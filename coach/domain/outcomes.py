"""Outcome measures (REFERENCE.md section 5): the Patient-Specific Functional Scale, the ODI
total a therapist records, and when to repeat them.

The ODI questionnaire's licence restricts electronic use, so only its total score and date are
kept; its questions are never shown or shipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from coach.domain.errors import UserError
from coach.domain.i18n import _, ngettext

PSFS_MIN_ACTIVITIES = 3
PSFS_MAX_ACTIVITIES = 5
PSFS_MAX_NAME = 60
ODI_MAX = 100
# Suggested times to repeat the measures, in weeks after surgery (O6).
REMINDER_WEEKS = (2, 6, 12, 26, 52)
REMINDER_OPEN_DAYS = 21  # a reminder stays on Today for three weeks after it falls due
REMINDER_EARLY_DAYS = 7  # a score from the week before the due day counts for it


class OutcomeError(UserError, ValueError):
    """An outcome entry that cannot be accepted, in plain words."""


def check_activity_names(names: Iterable[str]) -> tuple[str, ...]:
    """3 to 5 different activities, each 1-60 characters; returns them trimmed."""
    cleaned = tuple(" ".join(n.split()) for n in names)
    cleaned = tuple(n for n in cleaned if n)
    if not PSFS_MIN_ACTIVITIES <= len(cleaned) <= PSFS_MAX_ACTIVITIES:
        raise OutcomeError(
            _("Please name {low} to {high} activities.").format(
                low=PSFS_MIN_ACTIVITIES, high=PSFS_MAX_ACTIVITIES
            )
        )
    if any(len(n) > PSFS_MAX_NAME for n in cleaned):
        raise OutcomeError(
            _("Each activity can be at most {count} characters.").format(count=PSFS_MAX_NAME)
        )
    if len({n.casefold() for n in cleaned}) != len(cleaned):
        raise OutcomeError(_("Each activity must be different."))
    return cleaned


def check_rating(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise OutcomeError(_("Each rating must be a whole number from 0 to 10."))
    return value


def check_odi_total(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= ODI_MAX:
        raise OutcomeError(_("The ODI score must be a whole number from 0 to 100."))
    return value


@dataclass(frozen=True)
class PsfsActivity:
    id: int
    name: str


@dataclass(frozen=True)
class PsfsEntry:
    """One PSFS assessment: each activity's rating, 0 (cannot do) to 10 (as before)."""

    day: date
    ratings: tuple[tuple[str, int], ...]  # (activity name, rating), in the patient's order
    id: int | None = None

    @property
    def score(self) -> float:
        """The PSFS score: the mean of the ratings (O11)."""
        return sum(r for _, r in self.ratings) / len(self.ratings)


@dataclass(frozen=True)
class OdiEntry:
    """An Oswestry Disability Index total (0-100) recorded by the therapist."""

    day: date
    total: int
    id: int | None = None


# -- reminders -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Reminder:
    """A suggested time to repeat the outcome measures."""

    week: int
    due: date

    @property
    def title(self) -> str:
        if self.week == 52:
            return _("One year since your surgery: time for a check-in")
        return ngettext(
            "Check-in {count} week after surgery", "Check-in {count} weeks after surgery", self.week
        ).format(count=self.week)


def reminder_due(surgery_date: date, today: date, psfs_days: Iterable[date]) -> Reminder | None:
    """The open reminder on ``today``: a suggested week that has come (within the last three
    weeks) and has no PSFS rating from its week before onwards."""
    done = sorted(psfs_days)
    for week in reversed(REMINDER_WEEKS):
        due = surgery_date + timedelta(weeks=week)
        if not due <= today < due + timedelta(days=REMINDER_OPEN_DAYS):
            continue
        if any(d >= due - timedelta(days=REMINDER_EARLY_DAYS) for d in done):
            return None
        return Reminder(week, due)
    return None


def latest_ratings(entries: Iterable[PsfsEntry]) -> Mapping[str, int]:
    """The newest rating of each activity, to show beside the buttons next time."""
    latest: dict[str, int] = {}
    for entry in sorted(entries, key=lambda e: e.day):
        latest.update(dict(entry.ratings))
    return latest
