"""The player's words for where the patient is and what comes next (pure, so tests read them)."""

from __future__ import annotations

from coach.domain.i18n import N_, _
from coach.domain.steps import Step
from coach.domain.timer import Session, State
from coach.domain.words import minutes_text, seconds_text

PAUSED_TEXT = N_("Paused. Press Space or Resume when you are ready.")


def position_text(step: Step) -> str:
    """'Rep 3 of 10  ·  Set 1 of 2  ·  Left side', leaving out what does not apply."""
    parts = []
    if step.rep:
        parts.append(_("Rep {number} of {reps}").format(number=step.rep, reps=step.reps))
    if step.sets > 1:
        parts.append(_("Set {number} of {sets}").format(number=step.set, sets=step.sets))
    if step.side:
        parts.append(_("Left side") if step.side == "left" else _("Right side"))
    return "  ·  ".join(parts)


def duration_words(seconds: float) -> str:
    """'3 seconds', '1 minute', '12 minutes'."""
    if seconds < 60:
        return seconds_text(round(seconds))
    return minutes_text(round(seconds / 60))


def next_text(session: Session) -> str:
    """The line under the countdown: what comes next, or how to go on when paused."""
    if session.state == State.PAUSED:
        return _(PAUSED_TEXT)
    if session.state == State.FINISHED:
        return _("All done.")
    following = session.next_step
    if following is None:
        return _("Next: the end of the session.")
    if following.exercise_index != session.step.exercise_index:
        return _("Next exercise: {name}").format(name=following.exercise_name)
    return _("Next: {step}, {duration}").format(
        step=following.title, duration=duration_words(following.seconds)
    )


def exercise_count_text(step: Step, exercises: int) -> str:
    return _("Exercise {number} of {count}").format(number=step.exercise_index + 1, count=exercises)
