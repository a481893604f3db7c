"""The gentle form of a session: walking and breathing only (coach.domain.gentle)."""

from __future__ import annotations

from coach.domain.catalogue import Dosage
from coach.domain.content import Content
from coach.domain.gentle import gentle_items
from coach.domain.protocol import Prescription, Routine


def test_gentle_form_is_walking_and_breathing_only(content: Content) -> None:
    routine = Routine(
        "daily",
        "Daily",
        1,
        7,
        (Prescription("bridge", Dosage()), Prescription("ankle-pumps", Dosage())),
    )
    items = gentle_items(routine, content.catalogue, walk_minutes=7)
    assert [i.exercise_id for i in items] == ["walking", "diaphragmatic-breathing"]
    assert items[0].dosage.minutes == 7
    categories = {content.catalogue[i.exercise_id].category for i in items}
    assert categories <= {"aerobic", "relaxation"}


def test_gentle_form_keeps_the_routines_own_breathing_dose(content: Content) -> None:
    breathing = Prescription("diaphragmatic-breathing", Dosage(reps=9, tempo_s=8))
    routine = Routine("r", "R", 1, 7, (Prescription("glute-sets", Dosage()), breathing))
    items = gentle_items(routine, content.catalogue, walk_minutes=5)
    assert items == (Prescription("walking", items[0].dosage), breathing)
