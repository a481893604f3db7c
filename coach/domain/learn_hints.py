"""Help in context: the one Learn topic Today suggests, if any (REFERENCE section 7).

One function decides, from what the patient recorded and where they are in the plan. The most
pressing reason wins: a recent flare (coping), then leg pain worse than back pain (why the leg
still hurts), then a phase that started this week (what changes), then four weeks after surgery
(will it come back). A hint the patient dismissed stays away; each has a key that names its
occasion, so a new flare or a new phase brings a new hint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from coach.domain.i18n import _
from coach.domain.pain import PastSession
from coach.domain.schedule import week_number

FLARE_DAYS = 3  # a flare this recent is still worth a word
LEG_DAYS = 7  # the pain record Today looks at must be this recent
NEW_PHASE_DAYS = 7
FOUR_WEEKS = (28, 42)  # days after surgery: from four weeks, for two weeks


@dataclass(frozen=True)
class HintInput:
    today: date
    surgery_date: date
    phase_number: int
    phase_started: date
    recent: Sequence[PastSession]  # finished sessions, oldest first
    dismissed: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Hint:
    key: str  # remembered when dismissed; a new occasion has a new key
    topic_id: str
    text: str  # in the language current when the hint was made (Today rebuilds it)


def _flare(data: HintInput) -> Hint | None:
    for session in reversed(data.recent):
        if data.today - session.day < timedelta(days=FLARE_DAYS) and session.flared:
            return Hint(
                f"flare:{session.day.isoformat()}",
                "coping-with-pain",
                _("Your pain went up after a recent session. Read about simple ways to cope."),
            )
    return None


def _leg_worse(data: HintInput) -> Hint | None:
    for session in reversed(data.recent):
        if data.today - session.day >= timedelta(days=LEG_DAYS):
            return None
        score = session.before or session.after
        if score is None:
            continue
        if score.leg > score.back:
            week = week_number(data.surgery_date, data.today) - 1  # 0-based in stored keys
            return Hint(
                f"leg-worse:{week}",
                "leg-pain",
                _("Your leg hurts more than your back. Read why leg pain can last a while."),
            )
        return None  # the latest record decides
    return None


def _new_phase(data: HintInput) -> Hint | None:
    if data.phase_number > 1 and data.today - data.phase_started < timedelta(days=NEW_PHASE_DAYS):
        return Hint(
            f"phase:{data.phase_number}",
            "moving-and-exercise",
            _("A new stage of your plan started this week. Read what changes and why."),
        )
    return None


def _four_weeks(data: HintInput) -> Hint | None:
    days = (data.today - data.surgery_date).days
    if FOUR_WEEKS[0] <= days < FOUR_WEEKS[1]:
        return Hint(
            "four-weeks",
            "will-it-come-back",
            _("It is four weeks since your operation. Many people ask: will the pain come back?"),
        )
    return None


RULES = (_flare, _leg_worse, _new_phase, _four_weeks)


def suggest_topic(data: HintInput) -> Hint | None:
    """The one hint to show today, or None. Rules are tried most pressing first; a dismissed
    hint is passed over, so a less pressing one can show instead."""
    if data.today < data.surgery_date:
        return None
    for rule in RULES:
        hint = rule(data)
        if hint is not None and hint.key not in data.dismissed:
            return hint
    return None


def topic_for_advice(flared: bool, high_pain: bool) -> str | None:
    """The topic that fits the advice after a session: coping after a flare or high pain."""
    return "coping-with-pain" if flared or high_pain else None
