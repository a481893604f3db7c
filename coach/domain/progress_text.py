"""Progress in plain words: short sentences a patient understands without a chart.

They say what changed and whether the change is big enough to matter (REFERENCE section 4),
and when to tell the therapist. They never name a cause or a diagnosis.
"""

from __future__ import annotations

from datetime import date, timedelta

from coach.domain.pain import TELL_THERAPIST, high_days_running, worse_than_baseline
from coach.domain.progress import (
    OUTCOME_WORDS,
    PAIN_MIN_FRACTION,
    PAIN_MIN_POINTS,
    RECENT_DAYS,
    Baseline,
    Change,
    Progress,
    Region,
    odi_change,
    psfs_change,
)
from coach.domain.words import minutes_text

REGION_WORDS = {"back": "Back pain", "leg": "Leg pain"}

MEANING_HINT = (
    f"A change counts as meaningful when it is at least {PAIN_MIN_POINTS:.0f} points and at "
    f"least {PAIN_MIN_FRACTION:.0%} of where you started."
)


def short_date(day: date) -> str:
    """'3 Mar'."""
    return f"{day.day} {day:%b}"


def long_date(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def points_text(points: float) -> str:
    size = abs(points)
    return f"{size:.1f} point" + ("" if size == 1 else "s")


def _since(baseline: Baseline) -> str:
    if baseline.source == "therapist":
        return "since the starting score your therapist entered"
    return "since your first sessions"


def pain_sentence(
    region: Region, baseline: Baseline | None, recent: float | None, change: Change | None
) -> str:
    """One sentence about pain before sessions, compared with the baseline."""
    what = f"{REGION_WORDS[region]} before sessions"
    if baseline is None:
        return (
            f"{REGION_WORDS[region]}: after three sessions with pain scores, you will see here "
            "how it changes."
        )
    if recent is None or change is None:
        return f"{REGION_WORDS[region]}: no scores in the last {RECENT_DAYS} days."
    if change.direction == "same":
        return f"{what} is about the same {_since(baseline)} ({recent:.1f} out of 10)."
    percent = f" ({change.percent}%)" if change.percent is not None else ""
    amount = f"{points_text(change.points)}{percent} {_since(baseline)}"
    if change.direction == "better":
        verdict = "a meaningful improvement" if change.meaningful else "not yet a meaningful change"
        return f"{what} is down {amount}: {verdict}."
    if change.meaningful or worse_than_baseline(change.start, change.now):
        return f"{what} is up {amount}: please tell your therapist."
    return f"{what} is up {amount}: not a meaningful change, but tell your therapist if it goes on."


def high_pain_sentence(progress: Progress, medicine_sign: str) -> str | None:
    """Pain before sessions of 8 or more on 2 days running in the last week (REFERENCE 4);
    ``medicine_sign`` is safety.toml's reminder of pain.MEDICINE_QUESTION."""
    since = progress.end - timedelta(days=RECENT_DAYS)
    back, leg = progress.pain["back", "before"], progress.pain["leg", "before"]
    days = [since + timedelta(days=i) for i in range((progress.end - since).days + 1)]
    highest = [(d, _highest(back.on(d), leg.on(d))) for d in days]
    run = high_days_running(highest)
    if not run:
        return None
    return (
        f"Your pain before sessions was 8 or more on {len(run)} days in a row "
        f"({short_date(run[0])} to {short_date(run[-1])}). {TELL_THERAPIST} {medicine_sign}"
    )


def _highest(back: float | None, leg: float | None) -> float | None:
    present = [v for v in (back, leg) if v is not None]
    return max(present) if present else None


def adherence_sentence(progress: Progress) -> str | None:
    planned, done = progress.last_week
    if not planned:
        return None
    return (
        f"In the last {RECENT_DAYS} days you did {done} of {planned} planned sessions "
        f"({round(100 * done / planned)}%)."
    )


def walking_sentence(progress: Progress) -> str | None:
    walk = progress.walking
    # The last seven days, today included: a walk logged today counts at once (the average
    # is over days with a walk, so today's unfinished day never counts as a short one).
    week = slice(-RECENT_DAYS, None)
    days = list(zip(walk.minutes[week], walk.goal[week], strict=True))
    logged = [m for m, _ in days if m is not None]
    goals = [g for _, g in days if g is not None]
    if not goals:
        return None
    goal = goals[-1]
    if not logged:
        return (
            f"No walks logged in the last {RECENT_DAYS} days "
            f"(your goal: {minutes_text(goal)} a day)."
        )
    average = round(sum(logged) / len(logged))
    return (
        f"You walked on {len(logged)} of the last {len(days)} days, {minutes_text(average)} a "
        f"day on average (your goal: {minutes_text(goal)} a day)."
    )


def psfs_sentence(progress: Progress) -> str | None:
    if not progress.psfs:
        return None
    first, last = progress.psfs[0], progress.psfs[-1]
    if first is last:
        return (
            f"Your activity score (PSFS) was {first.score:.1f} out of 10 on "
            f"{short_date(first.day)}. Rate your activities again at the next check-in."
        )
    change = psfs_change(first.score, last.score)
    return (
        f"Your activity score (PSFS, higher is better) went from {first.score:.1f} to "
        f"{last.score:.1f}: {_verdict(change)}."
    )


def odi_sentence(progress: Progress) -> str | None:
    if not progress.odi:
        return None
    first, last = progress.odi[0], progress.odi[-1]
    if first is last:
        return f"Your therapist recorded a disability score (ODI) of {first.total} out of 100."
    change = odi_change(first.total, last.total)
    return (
        f"Your disability score (ODI, lower is better) went from {first.total} to "
        f"{last.total}: {_verdict(change)}."
    )


def _verdict(change: Change) -> str:
    if change.direction == "same":
        return "no change"
    if change.direction == "better":
        return "a meaningful improvement" if change.meaningful else "not yet a meaningful change"
    return "worse: please tell your therapist" if change.meaningful else "a little worse"


def red_flag_sentence(progress: Progress) -> str | None:
    since = progress.end - timedelta(weeks=4)
    recent = [e for e in progress.red_flags if e.day >= since]
    if not recent:
        return None
    last = recent[-1]
    return (
        f"On {short_date(last.day)} you answered yes to a warning-sign question and were "
        f"{OUTCOME_WORDS.get(last.outcome, 'advised to call your care team')}."
    )


def summary_sentences(progress: Progress, medicine_sign: str) -> list[str]:
    """Pain first (leg, then back), then sessions, walking and outcome scores."""
    sentences = [
        pain_sentence(r, progress.baselines[r], progress.recent[r], progress.changes[r])
        for r in ("leg", "back")
    ]
    for extra in (
        high_pain_sentence(progress, medicine_sign),
        adherence_sentence(progress),
        walking_sentence(progress),
        psfs_sentence(progress),
        odi_sentence(progress),
        red_flag_sentence(progress),
    ):
        if extra:
            sentences.append(extra)
    return sentences


def day_readout(progress: Progress, day: date) -> str:
    """The numbers of one day, as the hover readout under the charts says them."""
    parts = [f"{day:%a} {long_date(day)}"]
    for region in ("back", "leg"):
        before = progress.pain[region, "before"].on(day)
        after = progress.pain[region, "after"].on(day)
        if before is None and after is None:
            continue
        words = [f"{m} {v:g}" for m, v in (("before", before), ("after", after)) if v is not None]
        parts.append(f"{region} pain {' and '.join(words)}")
    index = (day - progress.walking.start).days
    if 0 <= index < len(progress.walking.minutes):
        walked, goal = progress.walking.minutes[index], progress.walking.goal[index]
        goal_text = f" (goal {goal})" if goal is not None else ""
        parts.append(f"walked {walked} min{goal_text}" if walked else f"no walk logged{goal_text}")
    if len(parts) == 1 or (len(parts) == 2 and parts[1].startswith("no walk")):
        parts.insert(1, "no pain scores")
    return ": ".join([parts[0], ", ".join(parts[1:])])
