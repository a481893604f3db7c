"""Choosing the language in the app: Settings saves the profile's language and says, in plain
words and in the language chosen, that it applies after a restart; "Restart now" closes the
app, which starts again only after it has let go of its data folder, on the same profile, in
the new language; onboarding makes the profile in the language shown; Qt's own buttons follow."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime

import pytest
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from coach.domain.content import Content
from coach.domain.i18n import current, use
from coach.domain.profile import Profile, Surgery
from coach.store import open_db
from coach.store.repository import Repository
from coach.system.instance_lock import AlreadyRunningError, InstanceLock
from coach.system.languages import RESTART_PROFILE_ENV
from coach.system.paths import DataPaths
from coach.ui import app as app_module
from coach.ui.context import AppContext
from coach.ui.language import apply_language
from coach.ui.restart import Restart, relaunch, restart_command
from coach.ui.settings.language_card import LanguageCard
from tests.ui.test_onboarding import fill_in, make_wizard

NOW = datetime(2026, 3, 2, 10, 0)


def _card(qtbot: QtBot, ctx: AppContext, language: str = "en") -> LanguageCard:
    profile = ctx.repo.add_profile(
        Profile("Ana", Surgery.FUSION, date(2026, 2, 1), language=language), NOW
    )
    ctx.active.set(profile)
    card = LanguageCard(ctx)
    qtbot.addWidget(card)
    card.show()
    return card


def test_choosing_spanish_saves_it_and_says_a_restart_is_needed(
    qtbot: QtBot, ctx: AppContext
) -> None:
    card = _card(qtbot, ctx)
    assert [r.text() for r in card.radios.values()] == ["English", "Español"]
    assert card.radios["en"].isChecked()
    assert not card.restart_button.isVisible() and not card.note.isVisible()
    changed: list[bool] = []
    ctx.active.changed.connect(lambda: changed.append(True))
    card.radios["es"].click()
    assert ctx.repo.profiles()[0].language == "es"
    assert ctx.active.require().language == "es"  # reports made from now on use it
    assert not changed  # the same patient: no screen rebuilds
    assert card.note.text() == "Rehab Coach will use this language after it restarts."
    assert card.chosen_note.text() == "Rehab Coach usará este idioma cuando se reinicie."
    assert card.restart_button.isVisible() and card.restart_button.text() == "Restart now"
    card.radios["en"].click()  # back to the language shown: nothing to restart for
    assert ctx.repo.profiles()[0].language == "en"
    assert not card.restart_button.isVisible() and not card.chosen_note.isVisible()


def test_restart_now_asks_to_close_and_names_the_profile(qtbot: QtBot, ctx: AppContext) -> None:
    closed: list[bool] = []
    object.__setattr__(ctx, "restart", Restart(close_app=lambda: closed.append(True)))
    card = _card(qtbot, ctx)
    card.radios["es"].click()
    card.restart_button.click()
    assert closed == [True]
    assert ctx.restart.requested and ctx.restart.profile_id == ctx.active.require().id


def test_the_card_in_spanish_ticks_the_profile_language(qtbot: QtBot, ctx: AppContext) -> None:
    use("es")
    card = _card(qtbot, ctx, language="es")
    assert card.radios["es"].isChecked() and not card.restart_button.isVisible()
    card.radios["en"].click()
    assert card.note.text() == "Rehab Coach usará este idioma cuando se reinicie."
    assert card.chosen_note.text() == "Rehab Coach will use this language after it restarts."
    assert card.restart_button.text() == "Reiniciar ahora"


def test_onboarding_makes_the_profile_in_the_language_shown(qtbot: QtBot, ctx: AppContext) -> None:
    use("es")
    wizard = make_wizard(qtbot, ctx)
    fill_in(wizard, qtbot)
    with qtbot.waitSignal(wizard.profile_created, timeout=1000):
        wizard.next_button.click()
    assert ctx.repo.profiles()[0].language == "es"


def test_qt_standard_buttons_follow_the_language(qapp: QApplication) -> None:
    buttons = QDialogButtonBox.StandardButton
    apply_language(qapp, "es")
    box = QDialogButtonBox(buttons.Ok | buttons.Cancel)
    assert sorted(b.text() for b in box.buttons()) == ["Aceptar", "Cancelar"]
    apply_language(qapp, "en")
    box = QDialogButtonBox(buttons.Ok | buttons.Cancel)
    assert sorted(b.text() for b in box.buttons()) == ["Cancel", "OK"]


def test_the_relaunch_is_the_same_data_folder_and_profile(data_paths: DataPaths) -> None:
    started: list[tuple[list[str], dict[str, str]]] = []

    def spawn(command: Sequence[str], env: dict[str, str]) -> None:
        started.append((list(command), env))

    assert not relaunch(Restart(), data_paths, spawn)  # nobody asked
    assert relaunch(Restart(requested=True, profile_id=7), data_paths, spawn)
    [(command, env)] = started
    assert command == restart_command(data_paths)
    assert command[-2:] == ["--data-dir", str(data_paths.root)] and "--lang" not in command
    assert env[RESTART_PROFILE_ENV] == "7"


class _Window(QWidget):
    first_painted = Signal()
    maximise = False

    def bring_forward(self) -> None:
        pass


def test_restart_now_starts_the_app_again_after_the_lock_is_free(
    monkeypatch: pytest.MonkeyPatch, data_paths: DataPaths, qapp: QApplication
) -> None:
    """The whole way: two profiles, the second in Spanish was open; the new start opens it,
    in Spanish, before any window is built; Restart now ends the app, and the new process is
    started only once this one has released the instance lock."""
    repo = Repository(open_db(data_paths.database))
    repo.add_profile(Profile("Ann", Surgery.FUSION, date(2026, 2, 1)), NOW)
    second = repo.add_profile(Profile("Ana", Surgery.FUSION, date(2026, 2, 1), language="es"), NOW)
    repo.db.close()
    built: list[tuple[str, str]] = []
    spawned: list[str] = []

    def build_window(_app: QApplication, ctx: AppContext) -> _Window:
        built.append((ctx.active.require().nickname, current().code))
        QTimer.singleShot(0, lambda: ctx.restart.request(ctx.active.require().id))
        return _Window()

    def spawn(command: Sequence[str], env: dict[str, str]) -> None:
        try:
            with InstanceLock(data_paths.lock):
                spawned.append(env[RESTART_PROFILE_ENV])
        except AlreadyRunningError:
            spawned.append("the lock was still held")

    monkeypatch.setattr(app_module, "setup_logging", lambda _logs: None)
    monkeypatch.setattr(app_module, "route_qt_messages", lambda: None)
    monkeypatch.setattr(app_module, "apply_appearance", lambda *_args: None)
    monkeypatch.setattr(app_module, "install_excepthook", lambda *_args: None)
    monkeypatch.setattr(app_module, "build_window", build_window)
    monkeypatch.setattr(app_module, "relaunch", lambda r, p: relaunch(r, p, spawn))
    loaded_in: list[str] = []
    real_load = app_module.load_content_cached

    def load(*args: object) -> Content:
        loaded_in.append(current().code)
        return real_load(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(app_module, "load_content_cached", load)
    monkeypatch.setenv(RESTART_PROFILE_ENV, str(second.id))
    assert app_module.run_app(data_paths) == 0
    assert built == [("Ana", "es")]
    assert loaded_in == ["es"]  # the content is loaded in the profile's language
    assert spawned == [str(second.id)]
    assert RESTART_PROFILE_ENV not in os.environ  # for that start only


def test_the_card_is_all_translated_in_the_pseudo_language(qtbot: QtBot, ctx: AppContext) -> None:
    """The language names are names (the same in every language); every other word on the
    card, the restart note included, goes through the catalogue. The one line left is the note
    in the language just chosen, which is Spanish on purpose."""
    from coach.ui.common.untranslated import untranslated_texts

    use("qps")
    card = _card(qtbot, ctx)
    assert untranslated_texts(card) == []
    card.radios["es"].click()
    assert card.restart_button.isVisible()
    assert [u.text for u in untranslated_texts(card)] == [card.chosen_note.text()]
    assert card.chosen_note.text() == "Rehab Coach usará este idioma cuando se reinicie."
