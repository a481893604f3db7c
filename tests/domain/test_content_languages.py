"""Clinical content in every shipped language: the translation overlay and its checks.

A patient who chose Spanish must read every exercise, precaution and warning sign in Spanish,
with nothing lost on the way: the overlay refuses a translation that drops a question, an entry
of a list or a braced field, and never falls back to English.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from coach.domain import i18n
from coach.domain.content import Content, load_content
from coach.domain.coping import body_scan_steps, breathing_steps, load_coping
from coach.domain.fields import DataError
from coach.domain.overlay import Overlay, braced, shipped_content_languages
from coach.domain.records import TIERS
from coach.domain.safety import check_stop_if_signs
from coach.system.paths import exercises_dir
from tests.content_overlays import complete_tree, edit

SPANISH = exercises_dir() / "es"


@pytest.fixture(scope="module")
def spanish_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return complete_tree(tmp_path_factory.mktemp("es"))


@pytest.fixture(scope="module")
def spanish(spanish_tree: Path) -> Content:
    return load_content(spanish_tree, "es")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A complete tree each test may break."""
    return complete_tree(tmp_path)


def refusal(folder: Path, language: str = "es") -> str:
    with pytest.raises(DataError) as caught:
        load_content(folder, language)
    return str(caught.value)


# -- every shipped language ------------------------------------------------------------------------


@pytest.mark.parametrize("language", shipped_content_languages())
def test_every_shipped_language_loads_completely(language: str, content: Content) -> None:
    """The shipped files themselves: every exercise, topic, protocol and question is there and
    (for a real language) in that language's words, not the English ones."""
    loaded = load_content(exercises_dir(), language)
    assert loaded.language == language
    assert sorted(loaded.catalogue.ids()) == sorted(content.catalogue.ids())
    assert [q.id for q in loaded.red_flags.questions] == [q.id for q in content.red_flags.questions]
    assert [t.id for t in loaded.learn.topics] == [t.id for t in content.learn.topics]
    for exercise in content.catalogue:
        # a stop-if names the same warning signs in every language: a translation that lost
        # "new numbness" or "chest pain" would lose the sign's action after it
        english = {q.id for q in content.red_flags.signs_named(exercise.stop_if)}
        theirs = loaded.red_flags.signs_named(loaded.catalogue[exercise.id].stop_if)
        assert {q.id for q in theirs} == english, exercise.id
    if language == i18n.SOURCE:
        assert list(loaded.catalogue) == list(content.catalogue)
        assert (loaded.protocols, loaded.red_flags, loaded.learn, loaded.coping) == (
            content.protocols,
            content.red_flags,
            content.learn,
            content.coping,
        )
        return
    for exercise in content.catalogue:
        theirs = loaded.catalogue[exercise.id]
        assert theirs.name != exercise.name and theirs.stop_if != exercise.stop_if, exercise.id
        assert len(theirs.steps) == len(exercise.steps)
    for english, translated in zip(
        content.red_flags.questions, loaded.red_flags.questions, strict=True
    ):
        assert translated.text != english.text and translated.sign != english.sign
    for english_topic, topic in zip(content.learn.topics, loaded.learn.topics, strict=True):
        assert topic.title != english_topic.title


def test_english_is_read_as_before(content: Content) -> None:
    assert content.language == "en"
    assert content.red_flags.ask == "Right now or in the last 24 hours, have you had any of these?"
    assert content.coping.breathe_in == "Breathe in"
    assert [p.title for p in content.coping.body_scan_parts][:2] == ["Get comfortable", "Your feet"]


def test_a_language_we_do_not_ship_is_refused() -> None:
    with pytest.raises(i18n.LanguageError, match="'fr'"):
        load_content(exercises_dir(), "fr")


# -- the Spanish content ---------------------------------------------------------------------------


def test_spanish_warning_signs_keep_every_question_tier_and_field(
    spanish: Content, content: Content
) -> None:
    english, translated = content.red_flags, spanish.red_flags
    assert [(q.id, q.tier) for q in translated.questions] == [
        (q.id, q.tier) for q in english.questions
    ]
    assert translated.ask.startswith("Ahora mismo o en las últimas 24 horas")
    assert "{when}" in translated.recheck
    for tier in TIERS:
        assert translated.tiers[tier].allows == english.tiers[tier].allows
        assert braced(translated.tiers[tier].action) == braced(english.tiers[tier].action)
    assert translated.tiers["emergency"].action_text("112") == (
        "Llame ahora a los servicios de emergencia: 112"
    )
    # the most severe "yes" still wins, with the Spanish words
    answers = {"fall": True, "chest-breathing": True}
    outcome = translated.outcome(answers)
    assert outcome is not None and outcome.title == "Llame ahora para pedir ayuda"
    assert spanish.medicine_sign.startswith("Si su medicamento para el dolor no controla")


def test_spanish_keywords_catch_a_spanish_stop_if_that_hides_a_sign(spanish: Content) -> None:
    walking = spanish.catalogue["walking"]
    hidden = type(walking)(
        **{
            **vars(walking),
            "stop_if": "Pare si siente dolor en el pecho o adormecimiento nuevo.",
            "stop_if_signs": ("numbness-tingling",),
        }
    )
    problem = check_stop_if_signs(hidden, spanish.red_flags)
    assert problem is not None and problem.startswith("must name 'chest-breathing'")
    # the English keywords play no part in Spanish: "fall" is not a Spanish word
    plain = type(walking)(**{**vars(walking), "stop_if": "Pare si fall.", "stop_if_signs": ()})
    assert check_stop_if_signs(plain, spanish.red_flags) is None


def test_every_shipped_spanish_stop_if_names_its_signs_in_spanish(spanish: Content) -> None:
    """The common stop-if says "adormecimiento nuevo", which the Spanish keywords catch."""
    named = {e.id for e in spanish.catalogue if spanish.red_flags.signs_named(e.stop_if)}
    with_signs = {e.id for e in spanish.catalogue if e.stop_if_signs}
    assert named <= with_signs


def test_spanish_protocols_keep_every_phase_goal_and_precaution(
    spanish: Content, content: Content
) -> None:
    for surgery, english in content.protocols.items():
        translated = spanish.protocols[surgery]
        assert len(translated.phases) == len(english.phases)
        for en_phase, es_phase in zip(english.phases, translated.phases, strict=True):
            assert len(es_phase.goals) == len(en_phase.goals)
            assert len(es_phase.precautions) == len(en_phase.precautions)
            assert es_phase.restricted == en_phase.restricted  # rules stay English-only data
            assert es_phase.lift_limit_kg == en_phase.lift_limit_kg
            assert [r.id for r in es_phase.routines] == [r.id for r in en_phase.routines]
        assert translated.phases[0].precautions[0].startswith("Lo que le indique su cirujano")


def test_the_coping_words_are_spanish_and_the_timing_is_the_same(
    spanish: Content, content: Content
) -> None:
    english_steps = breathing_steps(2, content.coping)
    steps = breathing_steps(2, spanish.coping)
    assert [s.seconds for s in steps] == [s.seconds for s in english_steps]
    assert (steps[0].title, steps[1].title) == ("Tome aire", "Suelte el aire")
    scan = body_scan_steps(5, spanish.coping)
    assert len(scan) == len(content.coping.body_scan_parts)
    assert scan[0].title == "Acomódese"
    assert spanish.coping.journal_prompts[0] == "¿Qué salió bien hoy?"


# -- the pseudo-language ---------------------------------------------------------------------------


def test_the_pseudo_language_shows_every_content_text_as_translated(content: Content) -> None:
    pseudo = load_content(exercises_dir(), i18n.PSEUDO)
    bridge, english = pseudo.catalogue["bridge"], content.catalogue["bridge"]
    assert bridge.name == i18n.pseudo(english.name)
    assert all(step.startswith("[") for step in bridge.steps)
    assert bridge.dosage == english.dosage and bridge.movements == english.movements
    assert pseudo.red_flags.tiers["emergency"].action_text("999") == (
        "[Çåļļ éɱéŕĝéñçý šéŕṽîçéš ñöŵ: 999 ẋẋẋẋẋ ẋẋ]"
    )
    fall = pseudo.red_flags.question("fall")
    assert fall is not None and fall.keywords == ("ƒåļļ", "ƒéļļ")
    assert pseudo.coping.breathe_in == i18n.pseudo("Breathe in")
    assert pseudo.protocols.keys() == content.protocols.keys()
    # the keyword rule still works in the pseudo-language
    walking = pseudo.catalogue["walking"]
    hidden = type(walking)(**{**vars(walking), "stop_if_signs": ("numbness-tingling",)})
    problem = check_stop_if_signs(hidden, pseudo.red_flags)
    assert problem is not None and "'chest-breathing'" in problem


# -- the overlay's checks --------------------------------------------------------------------------


def test_a_missing_translation_file_is_refused(tree: Path) -> None:
    (tree / "es" / "catalogue" / "bridge.toml").unlink()
    assert refusal(tree).startswith("es/catalogue/bridge.toml: is missing")


def test_a_missing_question_is_refused_never_shown_in_english(tree: Path) -> None:
    path = tree / "es" / "safety.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('[[questions]]\nid = "fall"')
    path.write_text(text[:start], encoding="utf-8")
    assert refusal(tree) == (
        "es/safety.toml: questions must have 13 entries, in the same order as the English file"
    )


def test_questions_in_another_order_are_refused(tree: Path) -> None:
    path = tree / "es" / "safety.toml"
    edit(path, 'id = "fever"', 'id = "wound-x"')
    edit(path, 'id = "wound"', 'id = "fever"')
    edit(path, 'id = "wound-x"', 'id = "wound"')
    assert refusal(tree).startswith(
        "es/safety.toml: questions[5].id must be fever, as in the English file"
    )


def test_a_missing_tier_is_refused(tree: Path) -> None:
    path = tree / "es" / "safety.toml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("[tiers.call-24h]"), text.index("[[questions]]")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert refusal(tree) == "es/safety.toml: tiers.call-24h is missing"


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "safety.toml",
            "servicios de emergencia: {emergency_number}",
            "servicios de emergencia: {numero}",
            "tiers.emergency.action must keep the braced fields of the English exactly "
            "({emergency_number})",
        ),
        (
            "safety.toml",
            'keywords = ["fiebre", "temperatura"]',
            "keywords = []",
            "questions[5].keywords must have at least one entry",
        ),
        (
            "safety.toml",
            'id = "fall"\ntext',
            'id = "fall"\nreminder = "Llame."\ntext',
            "questions[12].reminder is not in the English file",
        ),
        (
            "safety.toml",
            'id = "fall"\ntext',
            'id = "fall"\ntier = "emergency"\ntext',
            "questions[12].tier is not a field a translation has",
        ),
        (
            "protocols/fusion.toml",
            '  "No se acueste boca abajo.",\n',
            "",
            "phases[0].precautions must have 7 entries, as in the English file",
        ),
        (
            "protocols/fusion.toml",
            'id = "moving"',
            'id = "walking"',
            "phases[0].routines[1].id must be moving, as in the English file",
        ),
        (
            "protocols/fusion.toml",
            "number = 2",
            "number = 3",
            "phases[1].number must be 2, as in the English file",
        ),
        ("coping.toml", 'id = "feet"', 'id = "toes"', "body_scan.parts[1].id must be feet"),
        ("coping.toml", 'title = "Sus pies"\n', "", "body_scan.parts[1].title is missing"),
    ],
)
def test_a_translation_that_does_not_match_the_english_is_refused(
    tree: Path, file: str, old: str, new: str, message: str
) -> None:
    edit(tree / "es" / file, old, new)
    assert refusal(tree).startswith(f"es/{file}: {message}")


def test_a_translated_text_goes_through_the_same_field_checks(tree: Path) -> None:
    """A line break in a Spanish sign is refused by the safety parser, as in English."""
    edit(tree / "es" / "safety.toml", 'sign = "Una caída"', 'sign = "Una\\ncaída"')
    assert refusal(tree).startswith(
        "safety.toml + es/safety.toml: questions[12].sign must be on one line"
    )


def test_a_spanish_stop_if_that_hides_a_sign_stops_the_load(tree: Path) -> None:
    path = tree / "es" / "catalogue" / "bridge.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    edit(path, f"stop_if = {_toml_string(data['stop_if'])}", 'stop_if = "Pare si se cae."')
    assert refusal(tree) == (
        "catalogue/bridge.toml + es/catalogue/bridge.toml: stop_if_signs must name 'fall': "
        "the stop-if text mentions una caída"
    )


def _toml_string(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def test_a_translation_file_without_an_english_file_is_refused(tree: Path) -> None:
    extra = tree / "es" / "catalogue" / "bridges.toml"
    extra.write_bytes((tree / "es" / "catalogue" / "bridge.toml").read_bytes())
    assert (
        refusal(tree)
        == "es/catalogue/bridges.toml: has no English file catalogue/bridges.toml to translate"
    )


def test_the_overlay_never_changes_english_numbers_or_ids(spanish_tree: Path) -> None:
    english = load_coping(spanish_tree / "coping.toml")
    spanish = load_coping(spanish_tree / "coping.toml", Overlay(spanish_tree, "es"))
    assert [p.id for p in spanish.body_scan_parts] == [p.id for p in english.body_scan_parts]
    assert len(spanish.journal_prompts) == len(english.journal_prompts)


# -- the coping words as data ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('id = "feet"', 'id = "settle"', "coping.toml: body_scan.parts must not repeat a part id"),
        (
            'breathe_in = "Breathe in"',
            'breathe_in = "Breathe in {name}"',
            "coping.toml: must not contain braces",
        ),
        ("prompts = [", "prompts = [\n  5,", "coping.toml: journal.prompts[0] must be text"),
        ('title = "Relax your body"\n', "", "coping.toml: body_scan.title is missing"),
    ],
)
def test_a_broken_coping_file_is_refused(tmp_path: Path, old: str, new: str, message: str) -> None:
    path = tmp_path / "coping.toml"
    path.write_text((exercises_dir() / "coping.toml").read_text(encoding="utf-8"))
    edit(path, old, new)
    with pytest.raises(DataError) as caught:
        load_coping(path)
    assert str(caught.value).startswith(message)


def test_a_stored_plan_reads_in_each_language_and_back(spanish: Content, content: Content) -> None:
    from coach.domain.plan import plan_from_protocol
    from coach.domain.plan_language import plan_in_language
    from coach.domain.profile import Surgery

    for surgery in Surgery:
        english = plan_from_protocol(content.protocols[surgery])
        in_spanish = plan_in_language(english, spanish.phrases)
        assert in_spanish == plan_from_protocol(spanish.protocols[surgery])
        assert plan_in_language(in_spanish, content.phrases) == english
