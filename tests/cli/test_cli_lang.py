"""--lang on the command line and the language from the environment: the choice for one run,
a code we do not ship refused in one sentence that lists the choices, help in the language."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.__main__ import gui
from coach.cli import run
from coach.domain.i18n import current
from coach.system.languages import env_languages, system_language
from coach.system.paths import DataPaths
from tests.cli.test_cli import one_line_error

CHOICES = "en (English), es (Español)"


def test_a_language_we_do_not_ship_is_one_sentence_with_the_choices(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(["--lang", "fr", "check"]) == 2
    assert one_line_error(capsys) == (
        f"rehab-coach: “fr” is not a language Rehab Coach has; choose one of: {CHOICES}."
    )
    assert gui(["--lang", "xx"]) == 2  # the app's own launcher refuses it the same way
    assert "choose one of" in one_line_error(capsys)


def test_the_environment_chooses_when_lang_is_not_given(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "es_MX:en")
    assert run(["--lang", "fr", "check"]) == 2  # the mistake is said in the person's language
    assert one_line_error(capsys) == (
        f"rehab-coach: Rehab Coach no tiene el idioma «fr»; elija uno de estos: {CHOICES}."
    )


def test_help_is_in_the_language_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--lang", "es", "--help"]) == 0
    assert "usar este idioma en esta ejecución" in capsys.readouterr().out
    assert run(["--help"]) == 0
    assert "use this language for this run" in capsys.readouterr().out


def test_lang_reaches_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from coach.ui import app as app_module

    seen: list[tuple[str | None, str]] = []

    def fake_run_app(paths: DataPaths, *, demo: bool = False, language: str | None = None) -> int:
        seen.append((language, current().code))
        return 0

    monkeypatch.setattr(app_module, "run_app", fake_run_app)
    assert run(["--data-dir", str(tmp_path / "d"), "--lang", "es"]) == 0
    assert run(["--data-dir", str(tmp_path / "d")]) == 0
    assert seen == [("es", "es"), (None, "en")]  # without --lang the app asks Qt and the profile


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANGUAGE": "fr:es", "LANG": "en_US.UTF-8"}, "es"),  # the first we ship, in order
        ({"LC_ALL": "es_ES.UTF-8", "LANG": "en_GB.UTF-8"}, "es"),
        ({"LC_MESSAGES": "es_AR", "LANG": "en_GB"}, "es"),
        ({"LANG": "es_CO.UTF-8"}, "es"),
        ({"LANG": "C.UTF-8", "LC_ALL": "POSIX"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # a language we do not ship: English
        ({}, "en"),
    ],
)
def test_the_system_language_from_the_environment(environ: dict[str, str], expected: str) -> None:
    assert system_language(environ) == expected


def test_c_and_posix_say_nothing_about_a_language() -> None:
    assert env_languages({"LANGUAGE": "", "LC_ALL": "C", "LANG": "es_ES.UTF-8"}) == ["es_ES.UTF-8"]
