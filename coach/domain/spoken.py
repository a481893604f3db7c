"""What the voice says at each moment of a session or a coping tool, in short plain words.

At the start of each exercise: its name, what to stop for, and its first step (the patient may
be on the floor and cannot read the screen). Then "Hold", "Relax", "Change sides", "Rest", the
count 3-2-1 and the end. The priority says what may cut what: the exercise start (with its
"stop if") is never cut by a later word; a count is dropped when the voice is still talking
(the tone carries the beat instead); a step word cuts anything but an exercise start.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum

from coach.domain.i18n import N_, _
from coach.domain.steps import Step, StepKind
from coach.domain.timer import Event, EventKind

BODY_SCAN_ID = "body-scan"
END_WORDS = N_("That is the end of your session. Well done.")
COUNT_WORDS = {3: "3", 2: "2", 1: "1"}


class Priority(IntEnum):
    COUNT = 1  # dropped if the voice is busy
    STEP = 2  # cuts a count or an older step word
    INTRO = 3  # an exercise start or the end: said in full


@dataclass(frozen=True)
class Utterance:
    text: str
    priority: Priority


def words_for(
    event: Event, steps: Sequence[Step], stop_if: Callable[[str], str]
) -> Utterance | None:
    """The words for one timer event (None: nothing to say). ``stop_if`` gives an exercise's
    "stop if" text by id (its first line is said)."""
    if event.kind == EventKind.COUNTDOWN:
        text = COUNT_WORDS.get(event.value)
        return Utterance(text, Priority.COUNT) if text else None
    if event.kind == EventKind.SESSION_FINISHED:
        return Utterance(_(END_WORDS), Priority.INTRO)
    if event.kind != EventKind.STEP_STARTED or not 0 <= event.step_index < len(steps):
        return None
    return step_words(steps[event.step_index], stop_if)


def step_words(step: Step, stop_if: Callable[[str], str]) -> Utterance | None:
    kind = step.kind
    if kind == StepKind.READY:
        if step.exercise_index == 0:
            opening = _("Get ready: {name}.").format(name=step.exercise_name)
        else:
            opening = _("Next exercise: {name}.").format(name=step.exercise_name)
        parts = [opening, _sentence(step.instruction)]
        warning = stop_if(step.exercise_id).split("\n", 1)[0].strip()
        if warning:
            parts.insert(1, _sentence(warning))
        return Utterance(" ".join(parts), Priority.INTRO)
    if kind == StepKind.REP:
        if step.exercise_id == BODY_SCAN_ID:
            return Utterance(_titled(step), Priority.INTRO)
        # "2 of 10", never a bare number, which a 3-2-1 count just before would blur
        if not step.rep:
            return None
        # Translators: spoken during a set: "2 of 10." (repetition 2 of 10).
        return Utterance(
            _("{number} of {reps}.").format(number=step.rep, reps=step.reps), Priority.STEP
        )
    if kind == StepKind.SWITCH:
        text = _("Change sides. {instruction}").format(instruction=_sentence(step.instruction))
        return Utterance(text, Priority.STEP)
    if kind == StepKind.REST:
        return Utterance(_sentence(step.instruction), Priority.STEP)
    if kind == StepKind.WALK:
        return Utterance(_titled(step), Priority.STEP)
    if kind == StepKind.HOLD:
        return Utterance(_hold_words(step), Priority.STEP)
    return Utterance(_sentence(step.title), Priority.STEP)  # Relax, Breathe in, Breathe out


def _hold_words(step: Step) -> str:
    """'Hold.' and, on the first and last of several, which one it is."""
    if step.reps > 1 and step.rep in (1, step.reps):
        # Translators: spoken at a hold: "Hold. 1 of 10." (repetition 1 of 10).
        return _("Hold. {number} of {reps}.").format(number=step.rep, reps=step.reps)
    return _("Hold.")


def _titled(step: Step) -> str:
    """'Walk. Go at an easy pace.': a step's title said before its instruction."""
    return _("{title}. {instruction}").format(
        title=step.title, instruction=_sentence(step.instruction)
    )


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else f"{text}."
