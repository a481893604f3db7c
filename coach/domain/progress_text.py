"""Progress in plain words: short sentences a patient understands without a chart.

They say what changed and whether the change is big enough to matter (REFERENCE section 4),
and when to tell the therapist. They never name a cause or a diagnosis.
"""

from __future__ import annotations

from datetime import date, timedelta

from coach.domain import formats
from coach.domain.i18n import N_, _, ngettext
from coach.domain.pain import TELL_THERAPIST, high_days_running, worse_than_baseline
from coach.domain.progress import (
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
from coach.domain.words import localised_number, minutes_text, one_decimal

# The pain regions as a label ("Back pain: no scores...") and as the start of a sentence.
REGION_WORDS = {"back": N_("Back pain"), "leg": N_("Leg pain")}


def meaning_hint() -> str:
    """What counts as a meaningful change, in the active language."""
    return _(
        "A change counts as meaningful when it is at least {points} points and at least "
        "{percent}% of where you started."
    ).format(points=f"{PAIN_MIN_POINTS:.0f}", percent=round(PAIN_MIN_FRACTION * 100))


def short_date(day: date) -> str:
    """'3 Mar', '3 mar'."""
    return formats.short_date(day)


def long_date(day: date) -> str:
    """'3 Mar 2026', '3 mar 2026'."""
    return formats.skeleton(day, "yMMMd")


def points_text(points: float) -> str:
    """'1 point', '1.5 points' / '1 punto', '1,5 puntos'."""
    size = abs(points)
    count = 1 if size == 1 else 2  # a fraction takes the plural in both languages
    return ngettext("{points} point", "{points} points", count).format(points=one_decimal(size))


def _since(baseline: Baseline) -> str:
    # Translators: ends a sentence about pain: "Back pain before sessions is down 2.0 points
    # since ...".
    if baseline.source == "therapist":
        return _("since the starting score your therapist entered")
    return _("since your first sessions")


def _score(value: float) -> str:
    """'4.5', '4,5': one decimal, as the English always showed it."""
    return one_decimal(value)


def pain_sentence(
    region: Region, baseline: Baseline | None, recent: float | None, change: Change | None
) -> str:
    """One sentence about pain before sessions, compared with the baseline."""
    label = _(REGION_WORDS[region])
    if baseline is None:
        return _(
            "{region}: after three sessions with pain scores, you will see here how it changes."
        ).format(region=label)
    if recent is None or change is None:
        return ngettext(
            "{region}: no scores in the last {count} day.",
            "{region}: no scores in the last {count} days.",
            RECENT_DAYS,
        ).format(region=label, count=RECENT_DAYS)
    since = _since(baseline)
    if change.direction == "same":
        if region == "back":
            text = _("Back pain before sessions is about the same {since} ({score} out of 10).")
        else:
            text = _("Leg pain before sessions is about the same {since} ({score} out of 10).")
        return text.format(since=since, score=_score(recent))
    points = points_text(change.points)
    if change.percent is not None:
        # Translators: "2.0 points (40%)": how much pain changed.
        amount = _("{points} ({percent}%)").format(points=points, percent=change.percent)
    else:
        amount = points
    if change.direction == "better":
        if change.meaningful:
            text = (
                _("Back pain before sessions is down {amount} {since}: a meaningful improvement.")
                if region == "back"
                else _(
                    "Leg pain before sessions is down {amount} {since}: a meaningful improvement."
                )
            )
        else:
            text = (
                _(
                    "Back pain before sessions is down {amount} {since}: not yet a meaningful "
                    "change."
                )
                if region == "back"
                else _(
                    "Leg pain before sessions is down {amount} {since}: not yet a meaningful "
                    "change."
                )
            )
    elif change.meaningful or worse_than_baseline(change.start, change.now):
        text = (
            _("Back pain before sessions is up {amount} {since}: please tell your therapist.")
            if region == "back"
            else _("Leg pain before sessions is up {amount} {since}: please tell your therapist.")
        )
    else:
        text = (
            _(
                "Back pain before sessions is up {amount} {since}: not a meaningful change, but "
                "tell your therapist if it goes on."
            )
            if region == "back"
            else _(
                "Leg pain before sessions is up {amount} {since}: not a meaningful change, but "
                "tell your therapist if it goes on."
            )
        )
    return text.format(amount=amount, since=since)


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
    days_text = ngettext(
        "Your pain before sessions was 8 or more on {count} day in a row ({first} to {last}).",
        "Your pain before sessions was 8 or more on {count} days in a row ({first} to {last}).",
        len(run),
    ).format(count=len(run), first=short_date(run[0]), last=short_date(run[-1]))
    return f"{days_text} {_(TELL_THERAPIST)} {medicine_sign}"


def _highest(back: float | None, leg: float | None) -> float | None:
    present = [v for v in (back, leg) if v is not None]
    return max(present) if present else None


def adherence_sentence(progress: Progress) -> str | None:
    planned, done = progress.last_week
    if not planned:
        return None
    return ngettext(
        "In the last {days} days you did {done} of {count} planned session ({percent}%).",
        "In the last {days} days you did {done} of {count} planned sessions ({percent}%).",
        planned,
    ).format(days=RECENT_DAYS, done=done, count=planned, percent=round(100 * done / planned))


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
        return _("No walks logged in the last {days} days (your goal: {goal} a day).").format(
            days=RECENT_DAYS, goal=minutes_text(goal)
        )
    average = round(sum(logged) / len(logged))
    return ngettext(
        "You walked on {walked} of the last {count} day, {average} a day on average "
        "(your goal: {goal} a day).",
        "You walked on {walked} of the last {count} days, {average} a day on average "
        "(your goal: {goal} a day).",
        len(days),
    ).format(
        walked=len(logged),
        count=len(days),
        average=minutes_text(average),
        goal=minutes_text(goal),
    )


def psfs_sentence(progress: Progress) -> str | None:
    if not progress.psfs:
        return None
    first, last = progress.psfs[0], progress.psfs[-1]
    if first is last:
        return _(
            "Your activity score (PSFS) was {score} out of 10 on {day}. Rate your activities "
            "again at the next check-in."
        ).format(score=_score(first.score), day=short_date(first.day))
    change = psfs_change(first.score, last.score)
    return _verdict(
        change,
        (
            _(
                "Your activity score (PSFS, higher is better) went from {first} to {last}: "
                "no change."
            ),
            _(
                "Your activity score (PSFS, higher is better) went from {first} to {last}: "
                "a meaningful improvement."
            ),
            _(
                "Your activity score (PSFS, higher is better) went from {first} to {last}: "
                "not yet a meaningful change."
            ),
            _(
                "Your activity score (PSFS, higher is better) went from {first} to {last}: "
                "worse: please tell your therapist."
            ),
            _(
                "Your activity score (PSFS, higher is better) went from {first} to {last}: "
                "a little worse."
            ),
        ),
    ).format(first=_score(first.score), last=_score(last.score))


def odi_sentence(progress: Progress) -> str | None:
    if not progress.odi:
        return None
    first, last = progress.odi[0], progress.odi[-1]
    if first is last:
        return _("Your therapist recorded a disability score (ODI) of {score} out of 100.").format(
            score=first.total
        )
    change = odi_change(first.total, last.total)
    return _verdict(
        change,
        (
            _(
                "Your disability score (ODI, lower is better) went from {first} to {last}: "
                "no change."
            ),
            _(
                "Your disability score (ODI, lower is better) went from {first} to {last}: "
                "a meaningful improvement."
            ),
            _(
                "Your disability score (ODI, lower is better) went from {first} to {last}: "
                "not yet a meaningful change."
            ),
            _(
                "Your disability score (ODI, lower is better) went from {first} to {last}: "
                "worse: please tell your therapist."
            ),
            _(
                "Your disability score (ODI, lower is better) went from {first} to {last}: "
                "a little worse."
            ),
        ),
    ).format(first=first.total, last=last.total)


def _verdict(change: Change, sentences: tuple[str, str, str, str, str]) -> str:
    """The one of five whole sentences that says this change (each is translated whole)."""
    same, meaningful_better, better, meaningful_worse, worse = sentences
    if change.direction == "same":
        return same
    if change.direction == "better":
        return meaningful_better if change.meaningful else better
    return meaningful_worse if change.meaningful else worse


def red_flag_sentence(progress: Progress) -> str | None:
    since = progress.end - timedelta(weeks=4)
    recent = [e for e in progress.red_flags if e.day >= since]
    if not recent:
        return None
    last = recent[-1]
    if last.outcome == "emergency":
        text = _(
            "On {day} you answered yes to a warning-sign question and were advised to call "
            "emergency services."
        )
    elif last.outcome == "surgeon-today":
        text = _(
            "On {day} you answered yes to a warning-sign question and were advised to call the "
            "surgeon's office the same day."
        )
    elif last.outcome == "call-24h":
        text = _(
            "On {day} you answered yes to a warning-sign question and were advised to call the "
            "therapist or surgeon within 24 hours."
        )
    else:
        text = _(
            "On {day} you answered yes to a warning-sign question and were advised to call your "
            "care team."
        )
    return text.format(day=short_date(last.day))


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
    parts = [f"{formats.short_day(day)} {day.year}"]
    for region in ("back", "leg"):
        before = progress.pain[region, "before"].on(day)
        after = progress.pain[region, "after"].on(day)
        if before is None and after is None:
            continue
        parts.append(_pain_readout(region, before, after))
    no_walk = False
    index = (day - progress.walking.start).days
    if 0 <= index < len(progress.walking.minutes):
        walked, goal = progress.walking.minutes[index], progress.walking.goal[index]
        no_walk = not walked
        if walked and goal is not None:
            text = _("walked {minutes} min (goal {goal})")
        elif walked:
            text = _("walked {minutes} min")
        elif goal is not None:
            text = _("no walk logged (goal {goal})")
        else:
            text = _("no walk logged")
        parts.append(text.format(minutes=walked, goal=goal))
    if len(parts) == 1 or (len(parts) == 2 and no_walk):
        parts.insert(1, _("no pain scores"))
    # Translators: the chart readout: "Tue 3 Mar 2026: back pain before 4, walked 20 min".
    return _("{day}: {numbers}").format(day=parts[0], numbers=_list_separator().join(parts[1:]))


def _list_separator() -> str:
    # Translators: between the parts of the chart readout ("back pain before 4, walked 20 min").
    return _(", ")


def _pain_readout(region: str, before: float | None, after: float | None) -> str:
    """'back pain before 4 and after 2' (either may be missing)."""
    if region == "back":
        if before is not None and after is not None:
            text = _("back pain before {before} and after {after}")
        elif before is not None:
            text = _("back pain before {before}")
        else:
            text = _("back pain after {after}")
    elif before is not None and after is not None:
        text = _("leg pain before {before} and after {after}")
    elif before is not None:
        text = _("leg pain before {before}")
    else:
        text = _("leg pain after {after}")
    return text.format(before=_number(before), after=_number(after))


def _number(value: float | None) -> str:
    """'4', '4.5' ('4,5'): the ``:g`` of a pain score."""
    if value is None:
        return ""
    return localised_number(f"{value:g}")
