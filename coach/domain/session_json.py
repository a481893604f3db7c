"""What a session stores besides its rows: the exercises as started (so a resume rebuilds the
same steps), each recorded event's detail, and where to go on from after a crash."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from typing import Any

from coach.domain.catalogue import DOSAGE_LIMITS, Catalogue, Dosage
from coach.domain.fields import DataError, Fields
from coach.domain.protocol import Prescription
from coach.domain.serial import Shape, Shapes, to_data
from coach.domain.steps import Step
from coach.domain.timer import SKIP_REASONS, Event, EventKind

# The exercise and its dose; a therapist's reason is not needed to rebuild the steps.
ITEM_SHAPES: Shapes = {
    Prescription: Shape(
        keys={"exercise_id": "exercise"}, flatten=frozenset({"dosage"}), omit=frozenset({"reason"})
    )
}


def items_to_json(items: Sequence[Prescription]) -> list[dict[str, Any]]:
    """The exercises of a session as started, stored with it so a resume rebuilds the same steps."""
    return [to_data(item, ITEM_SHAPES) for item in items]


def items_from_json(data: object, catalogue: Catalogue) -> tuple[Prescription, ...]:
    """Read back ``items_to_json``; raises DataError if an exercise is no longer known."""
    if not isinstance(data, list) or not data:
        raise DataError("stored session", "items", "must be a non-empty list")
    items = []
    for n, raw in enumerate(data):
        f = Fields(raw, "stored session", f"items[{n}]")
        exercise_id = f.choice("exercise", catalogue.ids())
        dose = Dosage(**{d.name: f.integer(d.name, *DOSAGE_LIMITS[d.name]) for d in fields(Dosage)})
        f.finish()
        items.append(Prescription(exercise_id, dose))
    return tuple(items)


def resume_index(events: Iterable[tuple[str, int | None]], step_count: int) -> int:
    """The step to go on from, given the recorded (kind, step_index) events in order;
    ``step_count`` means every step was done."""
    position = 0
    for kind, index in events:
        if index is None:
            continue
        if kind in (EventKind.STEP_FINISHED, EventKind.STEP_SKIPPED, EventKind.EXERCISE_SKIPPED):
            position = index + 1
        elif kind in (EventKind.WENT_BACK, EventKind.EXERCISE_SWAPPED):
            position = index
    return min(max(position, 0), step_count)


def event_detail(step: Step, event: Event) -> dict[str, object]:
    """What is stored with a recorded event besides its kind and step: the step's kind, rep,
    set and side, and the number for countdowns and added time."""
    detail: dict[str, object] = {"kind": step.kind.value, "rep": step.rep, "set": step.set}
    if step.side:
        detail["side"] = step.side
    if event.value:
        detail["value"] = event.value
    if event.kind == EventKind.EXERCISE_SKIPPED:
        detail["reason"] = SKIP_REASONS[event.value]
    if event.swapped is not None:
        detail["from"], detail["to"] = event.swapped
    return detail
