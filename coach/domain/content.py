"""All shipped clinical content, loaded and cross-checked once at start, in one language.

English is read from exercises/; another shipped language lays exercises/<language>/ over it
(``coach.domain.overlay``) before the same parsers check it, so Spanish content passes every
rule the English does, and the stop-if keyword rule runs with that language's keywords.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from coach.domain.catalogue import Catalogue, load_catalogue
from coach.domain.coping import CopingScripts, load_coping
from coach.domain.fields import DataError, longer_text
from coach.domain.i18n import PSEUDO, SOURCE
from coach.domain.learn import LearnLibrary, load_learn
from coach.domain.overlay import Overlay
from coach.domain.pain import MEDICINE_QUESTION
from coach.domain.plan_language import protocol_phrases
from coach.domain.profile import Surgery
from coach.domain.protocol import Protocol, load_protocols
from coach.domain.safety import RedFlagScreen, check_stop_if_signs, load_red_flags

# How much longer than the English limits translated text may be (``fields.longer_text``).
STRETCH = {SOURCE: 1.0, PSEUDO: 1.6}
TRANSLATION_STRETCH = 1.5


@dataclass(frozen=True)
class Content:
    catalogue: Catalogue
    protocols: dict[Surgery, Protocol]
    red_flags: RedFlagScreen
    learn: LearnLibrary
    coping: CopingScripts
    language: str = SOURCE  # the language of every word above
    # Other languages' protocol words -> this language's (``plan_language``), so a plan stored
    # in the language of the day it was made is read in this one.
    phrases: dict[str, str] = field(default_factory=dict)

    @property
    def medicine_sign(self) -> str:
        """What high pain scores point to (safety.toml, the sign's ``reminder``)."""
        return self.red_flags.reminder(MEDICINE_QUESTION)


def load_content(exercises: Path, language: str = SOURCE) -> Content:
    """Load catalogue, protocols, red flags, Learn topics and coping words in ``language``.

    Raises DataError naming file, field and reason (for a translation: the English file and
    the translation file), and LanguageError for a language we do not ship."""
    read = Overlay(exercises, language)
    with longer_text(STRETCH.get(language, TRANSLATION_STRETCH)):
        return _load(exercises, read)


def _load(exercises: Path, read: Overlay) -> Content:
    catalogue = load_catalogue(exercises / "catalogue", read)
    red_flags = load_red_flags(exercises / "safety.toml", read)
    for exercise in catalogue:
        problem = check_stop_if_signs(exercise, red_flags)
        if problem:
            raise DataError(read.name(f"catalogue/{exercise.id}.toml"), "stop_if_signs", problem)
    question = red_flags.question(MEDICINE_QUESTION)
    if question is None or not question.reminder:
        raise DataError(
            read.name("safety.toml"), "questions", f"{MEDICINE_QUESTION!r} needs a reminder"
        )
    protocols = load_protocols(exercises / "protocols", catalogue, read)
    content = Content(
        catalogue=catalogue,
        protocols=protocols,
        red_flags=red_flags,
        learn=load_learn(exercises / "learn", read),
        coping=load_coping(exercises / "coping.toml", read),
        language=read.language,
        phrases=protocol_phrases(exercises, read.language, protocols),
    )
    read.check_complete()
    return content
