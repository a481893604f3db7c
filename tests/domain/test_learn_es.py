"""The Learn library in Spanish: all twelve topics are translated with the same shape as the
English (same ids, same number of paragraphs and list items, the same {emergency_number} in the
same places), pass the same loader checks, read as plainly in Spanish (INFLESZ) as the English
does in English (grade 6), keep each topic's key message, and send the patient to "Señales de
alarma"; the Learn words in the code (hints, tool buttons, headings) come out in Spanish, and a
patient who types without accents still finds the topic."""

from __future__ import annotations

import re
import tomllib
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from coach.domain.fields import DataError
from coach.domain.i18n import in_language
from coach.domain.learn import LearnLibrary, Topic, load_learn, parse_topic, tool_label, tool_labels
from coach.domain.learn_hints import HintInput, suggest_topic
from coach.domain.pain import Pain, PastSession
from coach.domain.readability import count_syllables_es, inflesz, words_es
from coach.system.paths import exercises_dir

ENGLISH = exercises_dir() / "learn"
SPANISH = exercises_dir() / "es" / "learn"
# exercises/es/learn/<id>.toml holds only the words a person reads (COMMON format).
TEXT_KEYS = {"id", "title", "summary", "paragraphs", "what_you_can_do", "when_to_get_help"}
# REFERENCE section 7's key message of each topic, in the Spanish words (test_learn's TWELVE).
TWELVE_ES = {
    "leg-pain": "se cura despacio",
    "nerves-and-scar-tissue": "tejido de cicatriz",
    "your-operation": "lámina",
    "problems-to-watch-for": "coágulo de sangre",
    "what-affects-recovery": "fumar",
    "pain-medicines": "opioides",
    "moving-and-exercise": "caminar es la parte más importante",
    "coping-with-pain": "respiración lenta",
    "mood-and-worry": "tcc",
    "sticking-with-it": "casi todos los días",
    "will-it-come-back": "volver",
    "tests-and-treatments": "resonancia magnética",
}


def _read(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def spanish_topic(english_path: Path) -> Topic:
    """The English file's numbers and links with the Spanish words, through the same parser."""
    words = _read(SPANISH / english_path.name)
    return parse_topic({**_read(english_path), **words}, f"es/learn/{english_path.name}")


ENGLISH_LIBRARY = load_learn(ENGLISH)
SPANISH_LIBRARY = LearnLibrary(
    tuple(sorted((spanish_topic(p) for p in ENGLISH.glob("*.toml")), key=lambda topic: topic.order))
)
PAIRS = [(t, SPANISH_LIBRARY.get(t.id)) for t in ENGLISH_LIBRARY]


def test_every_english_topic_and_only_those_has_a_spanish_file() -> None:
    assert sorted(p.name for p in SPANISH.glob("*.toml")) == sorted(
        p.name for p in ENGLISH.glob("*.toml")
    )
    assert [t.id for t in SPANISH_LIBRARY] == list(TWELVE_ES)


@pytest.mark.parametrize(("en", "es"), PAIRS, ids=lambda t: t.id)
def test_a_spanish_topic_has_the_english_shape_and_only_words(en: Topic, es: Topic) -> None:
    data = _read(SPANISH / f"{en.id}.toml")
    assert set(data) == TEXT_KEYS  # order, related, sources and tools stay in English only
    assert data["id"] == en.id
    assert len(es.paragraphs) == len(en.paragraphs)
    assert len(es.what_you_can_do) == len(en.what_you_can_do)
    for mine, theirs in zip(
        (*es.paragraphs, *es.what_you_can_do, es.when_to_get_help),
        (*en.paragraphs, *en.what_you_can_do, en.when_to_get_help),
        strict=True,
    ):
        assert re.findall(r"\{\w+\}", mine) == re.findall(r"\{\w+\}", theirs), mine
        assert mine != theirs  # translated, not copied


@pytest.mark.parametrize(("en", "es"), PAIRS, ids=lambda t: t.id)
def test_a_spanish_topic_reads_as_plainly_as_the_english(en: Topic, es: Topic) -> None:
    with in_language("es"):
        text = es.plain_text()
    assert inflesz(text) >= 65  # "bastante fácil", like a plain patient leaflet
    for paragraph in es.paragraphs:  # one hard paragraph must not hide among easy ones
        assert inflesz(paragraph) >= 55, paragraph
        assert len(words_es(paragraph)) <= 90, paragraph
    # The same length as the English, give or take what Spanish needs (about a tenth more).
    english_words = len(words_es(en.reading_text()))
    assert english_words <= len(words_es(es.reading_text())) <= english_words * 1.25
    assert 150 <= len(words_es(es.reading_text())) <= 450


@pytest.mark.parametrize(("en", "es"), PAIRS, ids=lambda t: t.id)
def test_a_spanish_topic_keeps_its_message_and_its_help_line(en: Topic, es: Topic) -> None:
    text = es.plain_text().lower()
    assert TWELVE_ES[es.id] in text
    assert "Señales de alarma" in es.when_to_get_help  # the line names the page it links to
    assert not re.search(r"\d\s*(mg|mcg|ml|g|comprimidos?|pastillas?|gotas?)\b", text)
    diagnosing = (
        r"\b(usted tiene (un|una)\b|probablemente tiene|su dolor se debe a|esto significa que)"
    )
    assert not re.search(diagnosing, text)
    # Whom to tell: the same people as the English help line names.
    for english, spanish in (("therapist", "fisioterapeuta"), ("surgeon", "cirujano")):
        assert (english in en.when_to_get_help) == (spanish in es.when_to_get_help)


def test_the_danger_sentences_say_call_now_as_the_english_does() -> None:
    mood = " ".join(SPANISH_LIBRARY.get("mood-and-worry").body("112"))
    assert "Si alguna vez piensa en hacerse daño, llame ahora al 112 o a una línea de ayuda" in mood
    problems = SPANISH_LIBRARY.get("problems-to-watch-for").body("911")
    english = ENGLISH_LIBRARY.get("problems-to-watch-for").body("911")
    for mine, theirs in zip(problems, english, strict=True):
        assert ("Llame ahora al 911." in mine) == ("Call 911 now." in theirs), mine
        assert ("Llame a su cirujano el mismo día." in mine) == (
            "Call your surgeon the same day." in theirs
        ), mine
    medicines = SPANISH_LIBRARY.get("pain-medicines")
    assert "Nunca cambie la cantidad que toma" in medicines.paragraphs[-1]
    assert "nunca le dice qué tomar" in medicines.paragraphs[-1]


# -- the loader's wording checks know Spanish ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Recuerde: el dolor no es daño.", "a slogan"),
        ("Doler no significa dañar.", "a slogan"),
        ("Tome 2 comprimidos de ibuprofeno.", "a dose"),
        ("Tome 400 mg de ibuprofeno.", "a dose"),
        ("Unas 20 gotas por la noche.", "a dose"),
        ("Tome 1,5 cápsulas.", "a dose"),
    ],
)
def test_a_spanish_slogan_or_dose_is_refused(text: str, what: str) -> None:
    data = {**_read(ENGLISH / "leg-pain.toml"), **_read(SPANISH / "leg-pain.toml")}
    data["paragraphs"] = [text, *data["paragraphs"][1:]]
    with pytest.raises(DataError, match=f"paragraphs\\[0\\] must not contain {what}"):
        parse_topic(data, "es/learn/leg-pain.toml")


# -- search ---------------------------------------------------------------------------------------


def test_spanish_search_ignores_accents_and_case() -> None:
    assert "your-operation" in [t.id for t in SPANISH_LIBRARY.search("operacion")]
    assert [t.id for t in SPANISH_LIBRARY.search("laminectomia")] == ["your-operation"]
    assert SPANISH_LIBRARY.search("OPERACIÓN") == SPANISH_LIBRARY.search("operacion")
    assert [t.id for t in SPANISH_LIBRARY.search("opioi")] == ["pain-medicines"]
    assert SPANISH_LIBRARY.search("cicatriz")[0].id == "nerves-and-scar-tissue"
    assert [t.id for t in SPANISH_LIBRARY.search("acetaminofen")] == ["pain-medicines"]
    assert SPANISH_LIBRARY.search("cebra") == ()


# -- the Learn words in the code ------------------------------------------------------------------


def test_headings_tools_and_hints_come_out_in_the_language_in_use() -> None:
    topic = SPANISH_LIBRARY.get("coping-with-pain")
    with in_language("es"):
        text = topic.plain_text()
        assert tool_label("breathing") == "Respiración lenta"
        assert list(tool_labels().values()) == [
            "Respiración lenta",
            "Relajar el cuerpo",
            "Escribir en el diario",
        ]
        surgery = date(2026, 1, 5)
        today = surgery + timedelta(days=10)
        hint = suggest_topic(
            HintInput(today, surgery, 1, surgery, (PastSession(today, Pain(2, 5), None),))
        )
    assert "Lo que puede hacer" in text.splitlines() and "Cuándo pedir ayuda" in text.splitlines()
    assert hint is not None and hint.text.startswith("Le duele más la pierna que la espalda.")
    assert tool_label("breathing") == "Slow breathing"  # English again outside the block
    assert "What you can do" in ENGLISH_LIBRARY.get("coping-with-pain").plain_text()


# -- the Spanish reading measure itself -----------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("pierna", 2),  # ie: a diphthong
        ("día", 2),  # an accented weak vowel breaks it
        ("leer", 2),  # two strong vowels
        ("operación", 4),
        ("fisioterapeuta", 6),
        ("que", 1),  # silent u
        ("guía", 2),
        ("muy", 1),
        ("y", 1),
        ("38", 1),
        ("cognitivo-conductual", 7),
    ],
)
def test_spanish_syllables_are_counted_by_vowel_nuclei(word: str, syllables: int) -> None:
    assert count_syllables_es(word) == syllables


def test_inflesz_tells_plain_spanish_from_hard_spanish() -> None:
    plain = "Camine un poco cada día. Descanse si le duele. Hable con su fisioterapeuta."
    hard = (
        "La radiculopatía postoperatoria frecuentemente requiere una evaluación multidisciplinar "
        "exhaustiva, que comprende investigaciones electrodiagnósticas y técnicas de neuroimagen."
    )
    assert inflesz(plain) >= 70
    assert inflesz(hard) < 40
