"""A damaged or tampered translation file stops the content loading with one plain sentence that
names the file and the field; nothing is shown in English instead, and nothing half-loaded.

Each case breaks one Spanish file of a complete tree, then runs ``rehab-coach learn list`` in
Spanish against it (the command loads all the content, as the app does at start).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coach.cli import run
from coach.domain import i18n
from coach.domain.fields import DataError
from coach.system.content_cache import load_content_cached
from tests.content_overlays import complete_tree, edit


def _wrong_id(tree: Path) -> None:
    edit(tree / "es/catalogue/bridge.toml", 'id = "bridge"', 'id = "plank"')


def _extra_key(tree: Path) -> None:
    # a translation must not carry numbers: the dose stays in the English file
    path = tree / "es/catalogue/walking.toml"
    path.write_text(path.read_text(encoding="utf-8") + "sources = []\n", encoding="utf-8")


def _short_list(tree: Path) -> None:
    edit(
        tree / "es/protocols/fusion.toml",
        '  "No levante nada que pese más de 4,5 kg (10 lb).",\n  "No esté sentado',
        '  "No esté sentado',
    )


def _missing_question(tree: Path) -> None:
    path = tree / "es/safety.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('[[questions]]\nid = "saddle-numbness"')
    end = text.index('[[questions]]\nid = "urine-passing"')
    path.write_text(text[:start] + text[end:], encoding="utf-8")


def _broken_toml(tree: Path) -> None:
    edit(tree / "es/coping.toml", 'title = "Respiración lenta"', 'title = "Respiración lenta')


def _changed_field(tree: Path) -> None:
    edit(
        tree / "es/safety.toml",
        "los servicios de emergencia ({emergency_number})",
        "los servicios de emergencia (112)",
    )


# damage, the message in English, the message as a Spanish patient sees it
CASES: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "wrong id": (
        _wrong_id,
        "es/catalogue/bridge.toml: id must be bridge, as in the English file",
        "es/catalogue/bridge.toml: id debe ser bridge, como en el archivo en inglés",
    ),
    "extra key": (
        _extra_key,
        "es/catalogue/walking.toml: sources is not a field a translation has "
        "(only the words a person reads)",
        "es/catalogue/walking.toml: sources no es un campo de una traducción "
        "(una traducción solo tiene las palabras que lee una persona)",
    ),
    "short list": (
        _short_list,
        "es/protocols/fusion.toml: phases[0].precautions must have 7 entries, "
        "as in the English file",
        "es/protocols/fusion.toml: phases[0].precautions debe tener 7 entradas, "
        "como en el archivo en inglés",
    ),
    "missing question": (
        _missing_question,
        "es/safety.toml: questions must have 13 entries, in the same order as the English file",
        "es/safety.toml: questions debe tener 13 entradas, en el mismo orden que el archivo en "
        "inglés",
    ),
    "broken TOML": (
        _broken_toml,
        "es/coping.toml: is not valid TOML",
        "es/coping.toml: no es un archivo TOML válido",
    ),
    "changed field": (
        _changed_field,
        "es/safety.toml: tiers.emergency.stop_action must keep the braced fields of the "
        "English exactly ({emergency_number})",
        "es/safety.toml: tiers.emergency.stop_action debe conservar exactamente los campos "
        "entre llaves del inglés ({emergency_number})",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_broken_translation_file_stops_loading_with_one_sentence(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = complete_tree(tmp_path)
    assert _learn_list(tree, monkeypatch) == 0  # the complete tree loads
    capsys.readouterr()
    damage, _, message = CASES[case]
    damage(tree)
    assert _learn_list(tree, monkeypatch) != 0
    out, err = capsys.readouterr()
    assert out == ""  # no topic listed, in English or half-loaded Spanish
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert err.strip().startswith(f"rehab-coach: {message}")


def _learn_list(tree: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("coach.commands.learn.exercises_dir", lambda: tree)
    with i18n.in_language("es"):
        return run(["learn", "list"])


@pytest.mark.parametrize("case", CASES)
def test_a_cache_made_before_the_damage_is_not_used(case: str, tmp_path: Path) -> None:
    """The app reads the content cache at start: a translation edited after the cache was
    written is read again and refused, never served from the old cache."""
    tree = complete_tree(tmp_path)
    cache = tmp_path / "cache"
    assert load_content_cached(tree, cache, "es").language == "es"
    damage, message, _ = CASES[case]
    damage(tree)
    with pytest.raises(DataError) as caught:
        load_content_cached(tree, cache, "es")
    assert str(caught.value).startswith(message)
    assert load_content_cached(tree, cache, "en").language == "en"  # English is unharmed
