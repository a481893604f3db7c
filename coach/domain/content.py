"""All shipped clinical content, loaded and cross-checked once at start."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coach.domain.catalogue import Catalogue, load_catalogue
from coach.domain.fields import DataError
from coach.domain.learn import LearnLibrary, load_learn
from coach.domain.pain import MEDICINE_QUESTION
from coach.domain.profile import Surgery
from coach.domain.protocol import Protocol, load_protocols
from coach.domain.safety import RedFlagScreen, check_stop_if_signs, load_red_flags


@dataclass(frozen=True)
class Content:
    catalogue: Catalogue
    protocols: dict[Surgery, Protocol]
    red_flags: RedFlagScreen
    learn: LearnLibrary

    @property
    def medicine_sign(self) -> str:
        """What high pain scores point to (safety.toml, the sign's ``reminder``)."""
        return self.red_flags.reminder(MEDICINE_QUESTION)


def load_content(exercises: Path) -> Content:
    """Load catalogue, protocols, red flags and Learn topics.

    Raises DataError naming file, field and reason."""
    catalogue = load_catalogue(exercises / "catalogue")
    red_flags = load_red_flags(exercises / "safety.toml")
    for exercise in catalogue:
        problem = check_stop_if_signs(exercise, red_flags)
        if problem:
            raise DataError(f"catalogue/{exercise.id}.toml", "stop_if_signs", problem)
    question = red_flags.question(MEDICINE_QUESTION)
    if question is None or not question.reminder:
        raise DataError("safety.toml", "questions", f"{MEDICINE_QUESTION!r} needs a reminder")
    return Content(
        catalogue=catalogue,
        protocols=load_protocols(exercises / "protocols", catalogue),
        red_flags=red_flags,
        learn=load_learn(exercises / "learn"),
    )
