"""How a finished session is recorded and named: one rule and one set of words, so Today,
History, the response after a session, adherence and the CSV all say the same."""

from __future__ import annotations

from coach.domain.i18n import N_, _, ngettext
from coach.domain.progress import ExerciseTally
from coach.domain.records import BLOCKED, DISCARDED, DONE, IN_PROGRESS, PARTIAL, SKIPPED
from coach.domain.words import exercises_text

RESULT_WORDS = {  # marked for translation; shown with result_words()
    DONE: N_("Done"),
    PARTIAL: N_("Partly done"),
    SKIPPED: N_("Skipped"),
    BLOCKED: N_("Stopped: warning sign"),
    IN_PROGRESS: N_("Not finished"),
    DISCARDED: N_("Discarded"),
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


def result_words(status: str) -> str:
    """'Partly done', 'Hecha en parte': a session's result as the patient reads it."""
    return _(RESULT_WORDS[status]) if status in RESULT_WORDS else status


def exercises_words(count: int) -> str:
    return exercises_text(count)


def saved_sentence(status: str, tally: ExerciseTally) -> str:
    """What was kept, in one plain sentence (after "Save what I did" or an early stop)."""
    if status == SKIPPED:
        return _("No exercise was done, so the session is saved as skipped.")
    done, planned = len(tally.done), len(tally.planned)
    if status == DONE:
        return ngettext(
            "Saved as done: you did all {count} exercise.",
            "Saved as done: you did all {count} exercises.",
            done,
        ).format(count=done)
    if planned >= done:
        return ngettext(
            "Saved as partly done: you did {done} of {count} exercise.",
            "Saved as partly done: you did {done} of {count} exercises.",
            planned,
        ).format(done=done, count=planned)
    return ngettext(
        "Saved as partly done: you did {count} exercise.",
        "Saved as partly done: you did {count} exercises.",
        done,
    ).format(count=done)
