"""How a finished session is recorded and named: one rule and one set of words, so Today,
History, the response after a session, adherence and the CSV all say the same."""

from __future__ import annotations

from coach.domain.progress import ExerciseTally
from coach.domain.records import BLOCKED, DISCARDED, DONE, IN_PROGRESS, PARTIAL, SKIPPED

RESULT_WORDS = {
    DONE: "Done",
    PARTIAL: "Partly done",
    SKIPPED: "Skipped",
    BLOCKED: "Stopped: warning sign",
    IN_PROGRESS: "Not finished",
    DISCARDED: "Discarded",
}


def session_status(tally: ExerciseTally, *, finished: bool) -> str:
    """ "done" only when the session ran to the end with every exercise it started with done;
    "skipped" when no exercise was done; otherwise "partial" (stopped early, or some
    exercises skipped)."""
    if not tally.done:
        return SKIPPED
    if not finished or set(tally.planned) - set(tally.done):
        return PARTIAL
    return DONE


def exercises_words(count: int) -> str:
    return "1 exercise" if count == 1 else f"{count} exercises"


def saved_sentence(status: str, tally: ExerciseTally) -> str:
    """What was kept, in one plain sentence (after "Save what I did" or an early stop)."""
    if status == SKIPPED:
        return "No exercise was done, so the session is saved as skipped."
    done, planned = len(tally.done), len(tally.planned)
    if status == DONE:
        return f"Saved as done: you did all {exercises_words(done)}."
    if planned >= done:
        return f"Saved as partly done: you did {done} of {exercises_words(planned)}."
    return f"Saved as partly done: you did {exercises_words(done)}."
