"""Settings: text size and theme apply at once and are remembered; backup and restore work."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from coach.domain.profile import Profile, Surgery
from coach.ui.common.appearance import SYSTEM_DARK_PROPERTY
from coach.ui.common.preferences import Preferences
from coach.ui.context import AppContext
from coach.ui.settings.screen import SettingsScreen
from tests.scripted_dialogs import scripted


def make_screen(qtbot: QtBot, ctx: AppContext, restyle: Callable[[], None]) -> SettingsScreen:
    screen = SettingsScreen(ctx, restyle)
    qtbot.addWidget(screen)
    return screen


def test_larger_text_grows_the_app_font_and_is_remembered(
    qtbot: QtBot, ctx: AppContext, restyle: Callable[[], None], qapp: QApplication
) -> None:
    screen = make_screen(qtbot, ctx, restyle)
    restyle()
    before = qapp.font().pointSizeF()
    qtbot.mouseClick(screen.larger, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.larger, Qt.MouseButton.LeftButton)
    assert qapp.font().pointSizeF() > before
    assert screen.scale_label.text() == "175%"
    assert Preferences(ctx.paths.settings).text_scale == 175


def test_text_size_stops_at_200_percent(
    qtbot: QtBot, ctx: AppContext, restyle: Callable[[], None]
) -> None:
    screen = make_screen(qtbot, ctx, restyle)
    for _ in range(6):
        screen.larger.click()
    assert ctx.prefs.text_scale == 200
    assert not screen.larger.isEnabled()
    for _ in range(6):
        screen.smaller.click()
    assert ctx.prefs.text_scale == 100
    assert not screen.smaller.isEnabled()


def test_dark_theme_darkens_the_window(
    qtbot: QtBot, ctx: AppContext, restyle: Callable[[], None], qapp: QApplication
) -> None:
    screen = make_screen(qtbot, ctx, restyle)
    screen.findChild(QWidget, "theme-dark").click()  # type: ignore[union-attr]
    assert qapp.palette().color(QPalette.ColorRole.Window).value() < 100
    assert Preferences(ctx.paths.settings).theme == "dark"
    screen.findChild(QWidget, "theme-light").click()  # type: ignore[union-attr]
    assert qapp.palette().color(QPalette.ColorRole.Window).value() > 200


def test_same_as_my_computer_follows_a_dark_desktop(
    qtbot: QtBot, ctx: AppContext, restyle: Callable[[], None], qapp: QApplication
) -> None:
    """The desktop's palette, as Qt got it before ours, decides "Same as my computer"."""
    before = qapp.palette()
    qapp.setProperty(SYSTEM_DARK_PROPERTY, None)  # forget what the first start saw
    desktop = QPalette(before)
    desktop.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    qapp.setPalette(desktop)  # as a dark desktop theme hands it over
    try:
        screen = make_screen(qtbot, ctx, restyle)
        screen.findChild(QWidget, "theme-light").click()  # type: ignore[union-attr]
        assert qapp.palette().color(QPalette.ColorRole.Window).value() > 200
        screen.findChild(QWidget, "theme-system").click()  # type: ignore[union-attr]
        assert qapp.palette().color(QPalette.ColorRole.Window).value() < 100
        assert Preferences(ctx.paths.settings).theme == "system"
    finally:
        qapp.setProperty(SYSTEM_DARK_PROPERTY, False)
        restyle()


def test_shows_the_data_folder(qtbot: QtBot, ctx: AppContext, restyle: Callable[[], None]) -> None:
    screen = make_screen(qtbot, ctx, restyle)
    folder = screen.findChild(QWidget, "data-folder")
    shown = folder.text().replace("\u200b", "")  # type: ignore[union-attr]
    assert str(ctx.paths.root) in shown  # may break after any "/" at big text


def test_back_up_now_writes_a_backup(
    qtbot: QtBot, ctx: AppContext, restyle: Callable[[], None]
) -> None:
    screen = make_screen(qtbot, ctx, restyle)
    qtbot.mouseClick(screen.backup_button, Qt.MouseButton.LeftButton)
    assert len(list(ctx.paths.backups.glob("coach-*.db"))) == 1
    assert scripted(ctx).informed[-1][0] == "Backup done"


def test_restore_asks_first_and_replaces_the_data(
    qtbot: QtBot, ctx: AppContext, restyle: Callable[[], None]
) -> None:
    screen = make_screen(qtbot, ctx, restyle)
    ctx.repo.add_profile(Profile("Ann", Surgery.FUSION, date(2026, 1, 1)), ctx.clock.now())
    screen.backup_button.click()
    scripted(ctx).path = next(ctx.paths.backups.glob("coach-*.db"))
    ctx.repo.add_profile(Profile("Bob", Surgery.FUSION, date(2026, 1, 1)), ctx.clock.now())

    scripted(ctx).confirm_answer = False
    screen.restore_button.click()
    assert len(ctx.repo.profiles()) == 2  # said no: nothing changed

    scripted(ctx).confirm_answer = True
    with qtbot.waitSignal(screen.database_replaced, timeout=1000):
        screen.restore_button.click()
    assert [p.nickname for p in ctx.repo.profiles()] == ["Ann"]
    assert list(ctx.paths.backups.glob("before-restore-*.db"))


def test_restore_of_a_bad_file_changes_nothing(
    qtbot: QtBot, ctx: AppContext, restyle: Callable[[], None], tmp_path: Path
) -> None:
    screen = make_screen(qtbot, ctx, restyle)
    ctx.repo.add_profile(Profile("Ann", Surgery.FUSION, date(2026, 1, 1)), ctx.clock.now())
    bad = tmp_path / "holiday.db"
    bad.write_text("not a database")
    scripted(ctx).path = bad
    screen.restore_button.click()
    assert scripted(ctx).informed[-1][0] == "Nothing was changed"
    assert len(ctx.repo.profiles()) == 1
