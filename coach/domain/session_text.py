"""The player's words for where the patient is and what comes next (pure, so tests read them)."""

from __future__ import annotations

from coach.domain.steps import Step
from coach.domain.timer import Session, State

PAUSED_TEXT = "Paused. Press Space or Resume when you are ready."


def position_text(step: Step) -> str:
    """'Rep 3 of 10  ·  Set 1 of 2  ·  Left side', leaving out what does not apply."""
    parts = []
    if step.rep:
        parts.append(f"Rep {step.rep} of {step.reps}")
    if step.sets > 1:
        parts.append(f"Set {step.set} of {step.sets}")
    if step.side:
        parts.append(f"{step.side.capitalize()} side")
    return "  ·  ".join(parts)


def duration_words(seconds: float) -> str:
    """'3 seconds', '1 minute', '12 minutes'."""
    if seconds < 60:
        return f"{round(seconds)} seconds"
    minutes = round(seconds / 60)
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


def next_text(session: Session) -> str:
    """The line under the countdown: what comes next, or how to go on when paused."""
    if session.state == State.PAUSED:
        return PAUSED_TEXT
    if session.state == State.FINISHED:
        return "All done."
    following = session.next_step
    if following is None:
        return "Next: the end of the session."
    if following.exercise_index != session.step.exercise_index:
        return f"Next exercise: {following.exercise_name}"
    return f"Next: {following.title}, {duration_words(following.seconds)}"


def exercise_count_text(step: Step, exercises: int) -> str:
    return f"Exercise {step.exercise_index + 1} of {exercises}"
