"""How a finished session is recorded and named: one rule and one set of words, so Today,
History, the response after a session, adherence and the CSV all say the same."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from coach.domain.i18n import _, ngettext, pgettext
from coach.domain.progress import ExerciseTally
from coach.domain.records import BLOCKED, DISCARDED, DONE, IN_PROGRESS, PARTIAL, SKIPPED
from coach.domain.words import exercises_text

_STATUSES = (DONE, PARTIAL, SKIPPED, BLOCKED, IN_PROGRESS, DISCARDED)


def _word(status: str) -> str:
    # Translators: a session's result ("la sesión"), e.g. in History's Result column.
    return {
        DONE: pgettext("session result", "Done"),
        PARTIAL: pgettext("session result", "Partly done"),
        SKIPPED: pgettext("session result", "Skipped"),
        BLOCKED: pgettext("session result", "Stopped: warning sign"),
        IN_PROGRESS: pgettext("session result", "Not finished"),
        DISCARDED: pgettext("session result", "Discarded"),
    }[status]


class _ResultWords(Mapping[str, str]):
    """status -> its words in the language of the moment. "Done" and "Skipped" also name
    buttons and exercises elsewhere, so a result has its own context; a caller that still
    wraps a value in ``_()`` gets it unchanged (the catalogue has no such msgid)."""

    def __getitem__(self, status: str) -> str:
        if status not in _STATUSES:
            raise KeyError(status)
        return _word(status)

    def __iter__(self) -> Iterator[str]:
        return iter(_STATUSES)

    def __len__(self) -> int:
        return len(_STATUSES)


RESULT_WORDS: Mapping[str, str] = _ResultWords()


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
    return RESULT_WORDS.get(status, status)


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
