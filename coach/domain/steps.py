"""A routine compiled to a flat list of timed steps (get ready, hold, relax, rep, change sides,
rest between sets, walk, breathe): what ``timer.Session`` walks through, and what a resumed
session rebuilds from the exercises stored with it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from coach.domain.catalogue import Catalogue, Dosage, Exercise
from coach.domain.i18n import _, pgettext
from coach.domain.protocol import Prescription

READY_S = 10.0  # get into position
RELAX_S = 3.0  # back to the start between holds
SWITCH_S = 10.0  # turn to the other side
MIN_REST_S = 5.0  # between sets, even when the dose says 0
WALKING_ID = "walking"
BREATHING_ID = "diaphragmatic-breathing"


class StepKind(StrEnum):
    READY = "ready"  # get into position; for later exercises this is the "next exercise" step
    HOLD = "hold"
    RELAX = "relax"
    REP = "rep"  # one rep at a tempo (exercises without a hold)
    SWITCH = "switch"  # change to the other side
    REST = "rest"  # between sets
    WALK = "walk"  # a timed activity (walking, cycling) for some minutes
    BREATHE_IN = "breathe-in"
    BREATHE_OUT = "breathe-out"


COUNTDOWN_KINDS = frozenset(
    {StepKind.READY, StepKind.HOLD, StepKind.SWITCH, StepKind.REST, StepKind.WALK}
)


@dataclass(frozen=True)
class Step:
    """One timed thing to do. ``rep``/``set`` are 1-based; 0 when they do not apply."""

    kind: StepKind
    seconds: float
    exercise_index: int
    exercise_id: str
    exercise_name: str
    title: str  # "Hold", "Relax", "Get ready", ...
    instruction: str  # one short line
    rep: int = 0
    reps: int = 0
    set: int = 0
    sets: int = 0
    side: str | None = None  # "left" or "right" for exercises done on each side

    @property
    def countdown(self) -> bool:
        return self.kind in COUNTDOWN_KINDS


# -- compiling a routine -----------------------------------------------------------------------
def compile_steps(items: Sequence[Prescription], catalogue: Catalogue) -> tuple[Step, ...]:
    """The flat list of steps for these exercises, in order."""
    steps: list[Step] = []
    for index, item in enumerate(items):
        steps.extend(_exercise_steps(index, catalogue[item.exercise_id], item.dosage))
    return tuple(steps)


def _exercise_steps(index: int, exercise: Exercise, dose: Dosage) -> list[Step]:
    def step(kind: StepKind, seconds: float, title: str, text: str, **kw: Any) -> Step:
        return Step(kind, seconds, index, exercise.id, exercise.name, title, text, **kw)

    title = _("Get ready") if index == 0 else _("Next exercise")
    steps = [step(StepKind.READY, READY_S, title, exercise.steps[0])]
    if dose.timed:
        title = pgettext("step", "Walk") if exercise.id == WALKING_ID else _("Keep going")
        text = _("{cue}. Go at an easy pace: you can still talk.").format(cue=exercise.cues[0])
        steps.append(step(StepKind.WALK, dose.minutes * 60.0, title, text))
        return steps
    sides: tuple[str | None, ...] = ("left", "right") if exercise.per_side else (None,)
    for set_no in range(1, dose.sets + 1):
        for side in sides:
            where: dict[str, Any] = {"set": set_no, "sets": dose.sets, "side": side}
            if side == "right":
                text = _("Get ready to do your right side.")
                steps.append(step(StepKind.SWITCH, SWITCH_S, _("Change sides"), text, **where))
            for rep in range(1, dose.reps + 1):
                for kind, seconds, title, text in _rep_parts(exercise, dose, rep):
                    steps.append(step(kind, seconds, title, text, rep=rep, reps=dose.reps, **where))
        if set_no < dose.sets:
            rest = max(MIN_REST_S, float(dose.rest_s))
            text = _("Rest. Next: set {number} of {sets}.").format(
                number=set_no + 1, sets=dose.sets
            )
            steps.append(
                step(
                    StepKind.REST, rest, pgettext("step", "Rest"), text, set=set_no, sets=dose.sets
                )
            )
    return steps


def _rep_parts(
    exercise: Exercise, dose: Dosage, rep: int
) -> list[tuple[StepKind, float, str, str]]:
    """One rep: hold then relax, a breath in and out, or one slow movement at the tempo."""
    cue = exercise.cues[(rep - 1) % len(exercise.cues)]
    if dose.hold_s:
        parts = [(StepKind.HOLD, float(dose.hold_s), pgettext("step", "Hold"), cue)]
        if rep < dose.reps:  # the last rep is followed by a side change, a rest or the next step
            parts.append((StepKind.RELAX, RELAX_S, _("Relax"), _("Slowly go back to the start.")))
        return parts
    if exercise.category == "relaxation":
        breathe_in = float(max(1, dose.tempo_s // 2))
        return [
            (StepKind.BREATHE_IN, breathe_in, _("Breathe in"), _("Slowly, through your nose.")),
            (
                StepKind.BREATHE_OUT,
                max(1.0, dose.tempo_s - breathe_in),
                _("Breathe out"),
                _("Slowly, and let go."),
            ),
        ]
    return [(StepKind.REP, float(dose.tempo_s), _("Move slowly"), cue)]
