"""The gentle form of a session (after a warning sign that allows it, or when pain is high):
walking and breathing only, REFERENCE sections 3 and 4."""

from __future__ import annotations

from dataclasses import replace

from coach.domain.catalogue import Catalogue
from coach.domain.protocol import Prescription, Routine
from coach.domain.safety import GENTLE_CATEGORIES
from coach.domain.steps import BREATHING_ID, WALKING_ID


def gentle_items(
    routine: Routine, catalogue: Catalogue, walk_minutes: int
) -> tuple[Prescription, ...]:
    """The gentle form (after a warning sign, or when pain is high): walking and breathing only.

    Keeps the routine's own walking and relaxation items; adds a walk of ``walk_minutes`` and
    belly breathing when the routine has none."""
    kept = [i for i in routine.items if catalogue[i.exercise_id].category in GENTLE_CATEGORIES]
    categories = {catalogue[i.exercise_id].category for i in kept}
    if "aerobic" not in categories and WALKING_ID in catalogue:
        walk = replace(catalogue[WALKING_ID].dosage, minutes=max(1, walk_minutes))
        kept.insert(0, Prescription(WALKING_ID, walk))
    if "relaxation" not in categories and BREATHING_ID in catalogue:
        kept.append(Prescription(BREATHING_ID, catalogue[BREATHING_ID].dosage))
    return tuple(kept)
