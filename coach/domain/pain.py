"""How the app responds to pain scores (REFERENCE section 4).

Only suggestions: the dose is the therapist's, so nothing here changes a plan. The words are for
people soon after surgery, where more pain is a signal to rest; chronic-pain slogans such as
"hurt is not harm" are deliberately absent.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

from coach.domain.catalogue import Catalogue

FLARE_POINTS = 2  # after >= before + 2, in back or leg
HIGH_BEFORE = 8  # pain before of 8 or more: walking and breathing only today
SUGGESTION_ONLY = "These are suggestions. Your therapist decides your exercises."


class PainScore(Protocol):
    """Back and leg pain, 0-10 each (the store's ``Pain`` fits)."""

    @property
    def back(self) -> int: ...

    @property
    def leg(self) -> int: ...


@dataclass(frozen=True)
class PastSession:
    """An earlier finished session, as far as these rules need it."""

    day: date
    before: PainScore | None
    after: PainScore | None

    @property
    def flared(self) -> bool:
        return (
            self.before is not None and self.after is not None and flared(self.before, self.after)
        )


class AdviceKind(StrEnum):
    HIGH_PAIN = "high-pain"  # before >= 8: suggest walking and breathing only
    STILL_UP = "still-up"  # the flare is still there the next day: call the therapist
    FLARE = "flare"  # rest and use the easier variant next time
    FLARE_AGAIN = "flare-again"  # two sessions in a row: also call the therapist
    FINE = "fine"


@dataclass(frozen=True)
class Advice:
    kind: AdviceKind
    title: str
    lines: tuple[str, ...]

    @property
    def call_therapist(self) -> bool:
        return self.kind in (AdviceKind.STILL_UP, AdviceKind.FLARE_AGAIN)


def rises(before: PainScore, after: PainScore) -> list[str]:
    """Where pain rose by FLARE_POINTS or more: 'back', 'leg', both or none."""
    return [
        region
        for region in ("back", "leg")
        if getattr(after, region) >= getattr(before, region) + FLARE_POINTS
    ]


def flared(before: PainScore, after: PainScore) -> bool:
    return bool(rises(before, after))


def high_before(before: PainScore) -> bool:
    return max(before.back, before.leg) >= HIGH_BEFORE


def before_session_advice(before: PainScore, last: PastSession | None, today: date) -> list[Advice]:
    """What to say after pain-before is entered (empty when nothing needs saying)."""
    advice: list[Advice] = []
    if (
        last is not None
        and last.flared
        and last.before is not None
        and last.day < today
        and flared(last.before, before)
    ):
        advice.append(
            Advice(
                AdviceKind.STILL_UP,
                "Your pain is still up",
                (
                    "Your pain went up in your last session, and it is still higher today.",
                    "Please call your therapist to talk about your exercises.",
                ),
            )
        )
    if high_before(before):
        advice.append(
            Advice(
                AdviceKind.HIGH_PAIN,
                "Your pain is high today",
                (
                    "Today, we suggest only gentle walking and breathing.",
                    "Rest if you need to.",
                ),
            )
        )
    return advice


def after_session_response(
    before: PainScore, after: PainScore, previous: PastSession | None
) -> Advice:
    """The message after a session: a flare, a flare twice in a row, or well done."""
    regions = rises(before, after)
    if regions:
        where = " and ".join(regions)
        lines = [
            f"Your {where} pain went up by {FLARE_POINTS} points or more in this session.",
            "Rest now. Next time, do the easier version of the exercises.",
        ]
        if previous is not None and previous.flared:
            lines.append("This happened in your last session too. Please call your therapist.")
            return Advice(AdviceKind.FLARE_AGAIN, "This session raised your pain", tuple(lines))
        lines.append("If it is still up tomorrow morning, please call your therapist.")
        return Advice(AdviceKind.FLARE, "This session raised your pain", tuple(lines))
    if after.back + after.leg < before.back + before.leg:
        line = "Your pain is lower than before. Well done."
    else:
        line = "Your pain did not go up. Well done."
    return Advice(AdviceKind.FINE, "Session done", (line,))


def easier_variants(exercise_ids: Iterable[str], catalogue: Catalogue) -> list[tuple[str, str]]:
    """(exercise name, its easier variant's name) for the exercises that have one."""
    pairs = []
    for exercise_id in dict.fromkeys(exercise_ids):
        if exercise_id not in catalogue:
            continue
        exercise = catalogue[exercise_id]
        if exercise.easier and exercise.easier in catalogue:
            pairs.append((exercise.name, catalogue[exercise.easier].name))
    return pairs
