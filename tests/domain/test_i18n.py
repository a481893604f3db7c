"""The translation core (coach.domain.i18n): gettext with plurals and context, the language
process-wide or for one block in one thread, picking a shipped language, the pseudo-language."""

from __future__ import annotations

import io
import re
import threading
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from coach.domain import i18n
from coach.domain.i18n import (
    LANGUAGES,
    N_,
    LanguageError,
    _,
    current,
    in_language,
    ngettext,
    npgettext,
    pgettext,
    pick,
    pseudo,
    use,
)


@pytest.fixture
def spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A small Spanish catalogue in place of the shipped one, with a plural and contexts."""
    catalog = Catalog(locale="es", domain="coach")
    catalog._num_plurals, catalog._plural_expr = 2, "(n != 1)"  # type: ignore[assignment]
    catalog.add("Start", "Empezar")
    catalog.add(("{count} minute", "{count} minutes"), ("{count} minuto", "{count} minutos"))
    catalog.add("Back", "Espalda", context="body part")
    catalog.add("Back", "Atrás", context="button")
    catalog.add(("{count} set", "{count} sets"), ("{count} serie", "{count} series"), context="x")
    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    (folder / "coach.mo").write_bytes(buffer.getvalue())
    monkeypatch.setitem(i18n._cache, "es", i18n.load("es", tmp_path))


def test_english_is_the_source_text(spanish: None) -> None:
    assert _("Start") == "Start"
    assert ngettext("{count} minute", "{count} minutes", 2).format(count=2) == "2 minutes"
    assert pgettext("button", "Back") == "Back"


def test_spanish_words_plurals_and_contexts(spanish: None) -> None:
    use("es")
    assert _("Start") == "Empezar"
    assert _("Not in the catalogue") == "Not in the catalogue"
    assert ngettext("{count} minute", "{count} minutes", 1).format(count=1) == "1 minuto"
    assert ngettext("{count} minute", "{count} minutes", 5).format(count=5) == "5 minutos"
    assert pgettext("body part", "Back") == "Espalda"
    assert pgettext("button", "Back") == "Atrás"
    assert npgettext("x", "{count} set", "{count} sets", 3).format(count=3) == "3 series"


def test_constants_are_marked_and_translated_where_shown(spanish: None) -> None:
    label = N_("Start")
    assert label == "Start"  # marking changes nothing
    with in_language("es"):
        assert _(label) == "Empezar"


def test_in_language_is_one_block_in_one_thread(spanish: None) -> None:
    seen: list[str] = []
    with in_language("es") as language:
        assert language.code == "es" and current().code == "es" and _("Start") == "Empezar"
        other = threading.Thread(target=lambda: seen.append(current().code))
        other.start()
        other.join()
        with in_language("en"):
            assert _("Start") == "Start"
        assert _("Start") == "Empezar"
    assert seen == ["en"]  # the window's thread stays in its own language
    assert current().code == "en"
    with pytest.raises(RuntimeError), in_language("es"):
        raise RuntimeError
    assert current().code == "en"  # restored after an error too


def test_use_is_for_the_whole_app_and_refuses_what_we_do_not_ship() -> None:
    use("es")
    assert current().code == "es" and current().format_locale == "es"
    with pytest.raises(LanguageError, match="en, es"):
        use("fr")
    assert current().code == "es"  # a refused code changes nothing
    use("en")
    assert current().format_locale == "en_GB"  # English dates stay '14 March'


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (["es_MX"], "es"),
        (["es-419", "en"], "es"),
        (["en-US", "es"], "en"),
        (["fr-FR", "de", "es_ES.UTF-8"], "es"),
        (["ES"], "es"),
        (["fr"], "en"),
        ([], "en"),
        (["C"], "en"),
    ],
)
def test_pick_takes_the_first_shipped_language(wanted: list[str], expected: str) -> None:
    assert pick(wanted) == expected


def test_every_shipped_language_has_a_compiled_catalogue() -> None:
    for code in LANGUAGES:
        assert i18n.load(code).code == code


@pytest.mark.parametrize(
    "text",
    [
        "Start",
        "Phase {number}: {name}",
        "%(count)s sessions, %s left",
        "<b>Stop</b> if it hurts &amp; call {who}",
        "Take {count} steps",
    ],
)
def test_pseudo_keeps_fields_tags_and_entities_and_is_longer(text: str) -> None:
    out = pseudo(text)
    assert out.startswith("[") and out.endswith("]")
    for kept in ("{number}", "{name}", "%(count)s", "%s", "<b>", "</b>", "&amp;", "{who}"):
        assert (kept in out) == (kept in text)
    readable, shown = i18n._KEEP.sub("", text), i18n._KEEP.sub("", out)
    assert len(shown) >= len(readable) * 1.3  # room for longer languages is tested
    assert not re.search("[A-Za-z]", shown)  # every letter a person reads is accented
    assert pseudo("   ") == "   "


def test_pseudo_translations_accent_every_kind_of_message() -> None:
    with in_language("qps"):
        assert current().pseudo and current().format_locale == "en_GB"
        assert _("Start").startswith("[Šţåŕţ")
        assert "{count}" in ngettext("{count} minute", "{count} minutes", 2)
        assert "ɱîñûţéš" in ngettext("{count} minute", "{count} minutes", 2)
        assert "ɱîñûţé " in npgettext("x", "{count} minute", "{count} minutes", 1)
        assert pgettext("button", "Back").startswith("[Ɓåçķ")


def test_pseudo_leaves_a_message_no_translator_could_see_in_english() -> None:
    """A message built at run time (``_(variable)`` with text not in the template) stays
    English in the pseudo-language, so the every-screen test finds it on screen."""
    built = "A change counts as meaningful when it is at least 2 points"
    with in_language("qps"):
        assert _(built) == built
        assert _("Start") != "Start"
