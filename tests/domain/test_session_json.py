"""What a session stores: its exercises as started, event details, where to resume
(coach.domain.session_json)."""

from __future__ import annotations

import pytest

from coach.domain.catalogue import Dosage
from coach.domain.content import Content
from coach.domain.fields import DataError
from coach.domain.protocol import Prescription
from coach.domain.session_json import event_detail, items_from_json, items_to_json, resume_index
from coach.domain.steps import Step, StepKind
from coach.domain.timer import RECORDED_KINDS, Event, EventKind


def test_items_round_trip_through_json_and_unknown_exercises_are_refused(
    content: Content,
) -> None:
    items = (Prescription("bridge", Dosage(sets=2, hold_s=7)), Prescription("walking", Dosage()))
    assert items_from_json(items_to_json(items), content.catalogue) == items
    bad = items_to_json(items)
    bad[0]["exercise"] = "moon-walk"
    with pytest.raises(DataError, match=r"items\[0\]\.exercise"):
        items_from_json(bad, content.catalogue)


def test_resume_index_follows_done_skipped_and_back_events() -> None:
    assert resume_index([], 10) == 0
    events = [("step-done", 0), ("paused", 1), ("step-skipped", 1), ("step-done", 2)]
    assert resume_index(events, 10) == 3
    assert resume_index([*events, ("went-back", 2)], 10) == 2
    assert resume_index([("step-done", 9)], 10) == 10


def test_recorded_events_carry_the_steps_rep_set_and_side() -> None:
    step = Step(
        StepKind.HOLD, 5, 0, "x", "X", "Hold", "", rep=2, reps=5, set=1, sets=1, side="right"
    )
    event = Event(EventKind.TIME_ADDED, 0.0, 4, 15)
    assert event_detail(step, event) == {
        "kind": "hold",
        "rep": 2,
        "set": 1,
        "side": "right",
        "value": 15,
    }
    assert EventKind.COUNTDOWN not in RECORDED_KINDS  # cues are sound, not records


@pytest.mark.parametrize("stored", [None, [], {"exercise": "bridge"}, "bridge"])
def test_stored_items_that_are_not_a_list_of_exercises_are_refused(
    content: Content, stored: object
) -> None:
    with pytest.raises(DataError, match="stored session: items must be a non-empty list"):
        items_from_json(stored, content.catalogue)
