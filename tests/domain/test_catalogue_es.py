"""The Spanish exercises say what the English ones say, as safely.

A translated exercise is read by a patient in pain, often alone: a stop-if that loses a warning
sign, a step that loses "5 cm" or a different wording of the common stop-if would change what
the patient does. The overlay loader checks the shape (same ids, fields and list lengths); these
tests check the meaning that a shape check cannot see.
"""

from __future__ import annotations

import re

import pytest

from coach.domain.content import Content, load_content
from coach.system.paths import exercises_dir

# The team glossary fixes this sentence (GLOSSARY-es.md, COMMON.md), so every exercise, the
# handout and the player say it the same way.
COMMON_STOP_IF = (
    "Stop if you feel sharp or spreading leg pain, new numbness, or pain that does not settle.",
    "Pare si siente dolor fuerte en la pierna o que se extiende, adormecimiento nuevo o dolor "
    "que no se calma.",
)


@pytest.fixture(scope="module")
def spanish() -> Content:
    return load_content(exercises_dir(), "es")


def test_every_spanish_stop_if_names_the_same_warning_signs_as_the_english(
    spanish: Content, content: Content
) -> None:
    """A sign the English stop-if mentions (chest pain, a calf) is mentioned in Spanish too, so
    the patient reads it and the app adds its action ("pare y llame hoy a su cirujano")."""
    for english in content.catalogue:
        translated = spanish.catalogue[english.id]
        in_english = {q.id for q in content.red_flags.signs_named(english.stop_if)}
        in_spanish = {q.id for q in spanish.red_flags.signs_named(translated.stop_if)}
        assert in_spanish == in_english, (english.id, translated.stop_if)


def test_the_common_stop_if_is_the_glossary_sentence(spanish: Content, content: Content) -> None:
    english_sentence, spanish_sentence = COMMON_STOP_IF
    common = [e.id for e in content.catalogue if e.stop_if == english_sentence]
    assert len(common) >= 15  # about half the exercises share it
    for exercise_id in common:
        assert spanish.catalogue[exercise_id].stop_if == spanish_sentence, exercise_id


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def test_every_amount_in_a_step_is_kept(spanish: Content, content: Content) -> None:
    """'Lift one foot about 5 cm (2 inches)' must not become a different height."""
    for english in content.catalogue:
        translated = spanish.catalogue[english.id]
        pairs = [
            (english.name, translated.name),
            (english.summary, translated.summary),
            (english.stop_if, translated.stop_if),
            *zip(english.steps, translated.steps, strict=True),
            *zip(english.cues, translated.cues, strict=True),
        ]
        for source, words in pairs:
            assert _numbers(words) == _numbers(source), (english.id, words)


def test_the_spanish_words_are_spanish_throughout(spanish: Content, content: Content) -> None:
    """Not one step or cue left in English (the loader compares only the name and stop-if)."""
    for english in content.catalogue:
        translated = spanish.catalogue[english.id]
        texts = zip(
            (english.summary, *english.steps, *english.cues),
            (translated.summary, *translated.steps, *translated.cues),
            strict=True,
        )
        for source, words in texts:
            assert words != source, (english.id, words)
