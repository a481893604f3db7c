"""The voice speaks the app's language: espeak-ng gets -v es for Spanish words, a voice picked
for another language is not used for them, macOS say finds a voice of the language, Windows
is told the culture, and the voice list puts the app's language first."""

from __future__ import annotations

import pytest

from coach.domain.i18n import in_language, use
from coach.platform.engines import ProcessEngine, SapiEngine, Voice, espeak_args, say_locales
from coach.ui.context import AppContext
from coach.ui.session.voice import set_voice, voice_of

ESPEAK = "/usr/bin/espeak-ng"
SAY_LIST = """Alex                en_US    # Most people recognize me by my voice.
Bad News            en_US    # The light you see at the end of the tunnel
Monica              es_ES    # Hola, me llamo Monica y soy una voz española.
Paulina             es_MX    # Hola, me llamo Paulina y soy una voz mexicana.
"""


def _espeak_line(voice: Voice) -> list[str]:
    engine = ProcessEngine(ESPEAK, espeak_args)
    return espeak_args(ESPEAK, "Mantenga.", engine.fitted(voice))


def test_espeak_says_spanish_words_with_a_spanish_voice() -> None:
    assert _espeak_line(Voice(language="es"))[-4:] == ["-v", "es", "--", "Mantenga."]
    # an English voice picked in Settings is not used for Spanish words...
    assert _espeak_line(Voice(name="en-gb", language="es"))[-4:-2] == ["-v", "es"]
    # ...a Spanish one is
    assert _espeak_line(Voice(name="es-419", language="es"))[-4:-2] == ["-v", "es-419"]
    # English is as it always was: the engine's own voice, or the one picked
    assert "-v" not in _espeak_line(Voice())
    assert _espeak_line(Voice(name="en-gb"))[-4:-2] == ["-v", "en-gb"]
    assert "-v" not in _espeak_line(Voice(name="es-419"))


def test_say_finds_a_voice_of_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = ProcessEngine("/usr/bin/say", lambda p, t, v: [p, v.name, t])
    monkeypatch.setattr(engine, "_say_locales", lambda: say_locales(SAY_LIST, "en"))
    assert engine.fitted(Voice(language="es")).name == "Monica"
    assert engine.fitted(Voice(name="Paulina", language="es")).name == "Paulina"
    assert engine.fitted(Voice(name="Alex", language="es")).name == "Monica"
    assert engine.fitted(Voice(name="Bad News")).name == "Bad News"
    assert list(say_locales(SAY_LIST, "es"))[:2] == ["Monica", "Paulina"]


def test_windows_is_told_the_culture(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = SapiEngine("powershell")
    lines: list[str] = []
    monkeypatch.setattr(engine, "_send", lines.append)
    engine.speak("Mantenga.", Voice(language="es"))
    assert lines[0].split("\t")[3].split("\x1f") == ["", "Mantenga.", "es"]


def test_the_voice_follows_the_language_shown(ctx: AppContext) -> None:
    set_voice(ctx.prefs, Voice(name="en-gb"))
    assert voice_of(ctx.prefs).language == "en"
    try:
        use("es")
        assert voice_of(ctx.prefs) == Voice(name="en-gb", language="es")
    finally:
        use("en")
    with in_language("qps"):  # the pseudo-language is English underneath
        assert voice_of(ctx.prefs).language == "en"
