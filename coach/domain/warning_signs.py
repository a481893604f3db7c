"""What the warning-sign answers mean for the day, and the tiers in words (REFERENCE section 3).

``day_safety`` is the one place that decides what is allowed today: Today's banner and Start,
the session launcher and the session itself all ask it. A stop lasts the rest of the calendar
day, whatever later checks say; the next day starts clear (and asks the full check again).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from coach.domain.catalogue import Exercise
from coach.domain.i18n import _
from coach.domain.records import TIERS
from coach.domain.safety import RedFlagScreen, Tier

RECHECK_ID = "anything-new"  # the stored answer to the one-question check later in the day
MORNING_ENDS_HOUR = 12


@dataclass(frozen=True)
class DayCheck:
    """One stored check: when (timezone-aware) and its outcome ('clear' or a tier id)."""

    at: datetime
    outcome: str


@dataclass(frozen=True)
class DaySafety:
    """What today's checks allow. ``tier``: the most severe tier answered "yes" today."""

    checked: bool  # a check was recorded today: later sessions ask only the re-check
    tier: Tier | None = None
    first_check: datetime | None = None

    @property
    def allows(self) -> str:
        """'all', 'gentle' (walking and breathing only) or 'none' (no exercise today)."""
        return "all" if self.tier is None else self.tier.allows

    @property
    def stopped(self) -> bool:
        return self.allows == "none"

    @property
    def gentle(self) -> bool:
        return self.allows == "gentle"


def day_safety(checks_today: Iterable[DayCheck], screen: RedFlagScreen) -> DaySafety:
    """Today's checks -> what is allowed for the rest of today. The most severe outcome of the
    day wins, in whatever order the checks came (the database allows only 'clear' and the
    tier ids as outcomes)."""
    checks = sorted(checks_today, key=lambda c: c.at)
    outcomes = {c.outcome for c in checks}
    tier = next((screen.tiers[t] for t in TIERS if t in outcomes), None)
    return DaySafety(bool(checks), tier, checks[0].at if checks else None)


def recheck_text(screen: RedFlagScreen, day: DaySafety, now: datetime) -> str:
    """The one question for later sessions: '... since your check this morning?'."""
    first = day.first_check
    morning = first is not None and first.astimezone(now.tzinfo).hour < MORNING_ENDS_HOUR
    # Translators: fills {when} in the safety file's recheck question ("... since your check
    # this morning?").
    when = _("this morning") if morning else _("earlier today")
    return screen.recheck.replace("{when}", when)


@dataclass(frozen=True)
class TierStatement:
    """A tier as printed and shown on the Warning signs page: "Call ... if you have any of
    these:", the signs, and what to do."""

    tier: str
    title: str
    statement: str
    signs: tuple[str, ...]
    action: str


def tier_statements(screen: RedFlagScreen, emergency_number: str) -> tuple[TierStatement, ...]:
    """The three tiers, most severe first, each with only its own signs."""
    return tuple(
        TierStatement(
            tier.id,
            tier.title,
            tier.statement,
            tuple(q.sign for q in questions),
            tier.action_text(emergency_number),
        )
        for tier, questions in screen.screens()
    )


def stop_if_lines(exercise: Exercise, screen: RedFlagScreen, emergency_number: str) -> list[str]:
    """The exercise's stop-if, then each warning sign it names with its tier's action:
    "Chest pain or sudden shortness of breath: stop and call emergency services now (999)."
    Most severe first."""
    named = [q for q in screen.questions if q.id in exercise.stop_if_signs]
    named.sort(key=lambda q: TIERS.index(q.tier))
    lines = [exercise.stop_if]
    for question in named:
        action = screen.tiers[question.tier].stop_action_text(emergency_number)
        lines.append(_("{sign}: {action}.").format(sign=question.sign, action=action))
    return lines
