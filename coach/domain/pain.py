"""How the app responds to pain scores (REFERENCE section 4).

Only suggestions: the dose is the therapist's, so nothing here changes a plan. The words are for
people soon after surgery, where more pain is a signal to rest; chronic-pain slogans such as
"hurt is not harm" are deliberately absent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from coach.domain.catalogue import Catalogue
from coach.domain.i18n import N_, _

FLARE_POINTS = 2  # after >= before + 2, in back or leg
HIGH_BEFORE = 8  # pain before of 8 or more: walking and breathing only today
WORSE_POINTS = 2  # a 7-day mean this far above the baseline: tell the therapist (no 30% rule)
HIGH_DAYS_IN_A_ROW = 2  # pain before of 8+ on this many days running: tell the therapist
SUGGESTION_ONLY = N_("These are suggestions. Your therapist decides your exercises.")
TELL_THERAPIST = N_("Please tell your therapist.")
# REFERENCE section 4: pain of 8 or more points to the call-your-surgeon-today sign (section 3).
# Its words live with the sign in safety.toml (the question's ``reminder``).
MEDICINE_QUESTION = "pain-uncontrolled"


def worse_than_baseline(baseline: float, recent: float) -> bool:
    """REFERENCE section 4: getting worse is judged on points alone, so a rise of 2 or more in
    the 7-day mean from the baseline always counts, whatever the percentage."""
    return round(recent - baseline, 1) >= WORSE_POINTS


def high_days_running(highest_by_day: Sequence[tuple[date, float | None]]) -> list[date]:
    """The last run of HIGH_DAYS_IN_A_ROW or more consecutive days whose highest before-session
    pain (back or leg) was 8 or more; empty when there is none. ``highest_by_day`` is in day
    order, one entry a day (None: no score that day, which breaks a run)."""
    best: list[date] = []
    run: list[date] = []
    for day, value in highest_by_day:
        if value is not None and value >= HIGH_BEFORE and (not run or (day - run[-1]).days == 1):
            run.append(day)
        else:
            run = [day] if value is not None and value >= HIGH_BEFORE else []
        if len(run) >= HIGH_DAYS_IN_A_ROW:
            best = list(run)
    return best


PAIN_MAX = 10  # the 0-10 numeric rating scale (NPRS)


@dataclass(frozen=True, slots=True)
class Pain:
    """Back and leg pain, 0-10 each: the one pain score type, from the pain page through the
    store to the charts. Slots and a short check keep ten years of sessions quick to read."""

    back: int
    leg: int

    def __post_init__(self) -> None:
        for name, value in (("back", self.back), ("leg", self.leg)):
            if value.__class__ is not int or not 0 <= value <= PAIN_MAX:
                raise ValueError(f"{name} pain must be a whole number from 0 to {PAIN_MAX}")


@dataclass(frozen=True)
class PastSession:
    """An earlier finished session, as far as these rules need it."""

    day: date
    before: Pain | None
    after: Pain | None

    @property
    def flared(self) -> bool:
        return (
            self.before is not None and self.after is not None and flared(self.before, self.after)
        )


class AdviceKind(StrEnum):
    HIGH_PAIN = "high-pain"  # before >= 8: suggest walking and breathing only
    HIGH_AGAIN = "high-again"  # before >= 8 on two days running: tell the therapist
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
        return self.kind in (AdviceKind.STILL_UP, AdviceKind.FLARE_AGAIN, AdviceKind.HIGH_AGAIN)


def rises(before: Pain, after: Pain) -> list[str]:
    """Where pain rose by FLARE_POINTS or more: 'back', 'leg', both or none."""
    return [
        region
        for region in ("back", "leg")
        if getattr(after, region) >= getattr(before, region) + FLARE_POINTS
    ]


def flared(before: Pain, after: Pain) -> bool:
    return bool(rises(before, after))


def high_before(before: Pain) -> bool:
    return max(before.back, before.leg) >= HIGH_BEFORE


def before_session_advice(
    before: Pain, last: PastSession | None, today: date, medicine_sign: str
) -> list[Advice]:
    """What to say after pain-before is entered (empty when nothing needs saying);
    ``medicine_sign`` is safety.toml's reminder of MEDICINE_QUESTION."""
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
                _("Your pain is still up"),
                (
                    _("Your pain went up in your last session, and it is still higher today."),
                    _("Please call your therapist to talk about your exercises."),
                ),
            )
        )
    if high_before(before):
        yesterday_high = (
            last is not None
            and last.before is not None
            and (today - last.day).days == 1
            and high_before(last.before)
        )
        if yesterday_high:
            advice.append(
                Advice(
                    AdviceKind.HIGH_AGAIN,
                    _("Your pain has been high two days running"),
                    (_("Your pain was 8 or more yesterday and today.") + f" {_(TELL_THERAPIST)}",),
                )
            )
        advice.append(
            Advice(
                AdviceKind.HIGH_PAIN,
                _("Your pain is high today"),
                (
                    _("Today, we suggest only gentle walking and breathing."),
                    _("Rest if you need to."),
                    medicine_sign,
                ),
            )
        )
    return advice


def after_session_response(before: Pain, after: Pain, previous: PastSession | None) -> Advice:
    """The message after a session: a flare, a flare twice in a row, or well done."""
    regions = rises(before, after)
    if regions:
        if regions == ["back", "leg"]:
            rose = _("Your back and leg pain went up by {points} points or more in this session.")
        elif regions == ["back"]:
            rose = _("Your back pain went up by {points} points or more in this session.")
        else:
            rose = _("Your leg pain went up by {points} points or more in this session.")
        lines = [
            rose.format(points=FLARE_POINTS),
            _("Rest now. Next time, do the easier version of the exercises."),
        ]
        title = _("This session raised your pain")
        if previous is not None and previous.flared:
            lines.append(_("This happened in your last session too. Please call your therapist."))
            return Advice(AdviceKind.FLARE_AGAIN, title, tuple(lines))
        lines.append(_("If it is still up tomorrow morning, please call your therapist."))
        return Advice(AdviceKind.FLARE, title, tuple(lines))
    if after.back + after.leg < before.back + before.leg:
        line = _("Your pain is lower than before. Well done.")
    else:
        line = _("Your pain did not go up. Well done.")
    return Advice(AdviceKind.FINE, _("Session done"), (line,))


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
