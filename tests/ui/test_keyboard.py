"""A keyboard path you can see: a visible focus ring on every control in both themes, Tab in
reading order starting at the first routine's Start, Enter on every page, Tab leaving the
History table, no value changed by a stray mouse-wheel notch, and a whole first start to a
stored session by keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.profile import Profile, Surgery
from coach.ui.common.appearance import apply_appearance
from coach.ui.common.wheel_guard import install_wheel_guard
from coach.ui.context import AppContext
from coach.ui.main_window import MainWindow
from coach.ui.onboarding.wizard import OnboardingWizard
from coach.ui.screens import build_screens
from coach.ui.session.launcher import SessionLauncher
from coach.ui.session.sounds import SilentBackend
from coach.ui.today.routine_card import RoutineCard


@pytest.fixture
def window(
    qtbot: QtBot, ctx: AppContext, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    monkeypatch.setattr("coach.ui.session.sounds.find_backend", lambda _parent: SilentBackend())
    install_wheel_guard(qapp)
    saved = ctx.repo.add_profile(
        Profile("Ann", Surgery.DISCECTOMY, ctx.clock.now().date() - timedelta(weeks=7)),
        ctx.clock.now(),
    )
    ctx.active.set(saved)
    main = MainWindow(build_screens(ctx, lambda: None))
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    yield main


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _tab_chain(qtbot: QtBot, limit: int = 60) -> list[QWidget]:
    """Tab from the focused control until it comes back round: each control once."""
    seen = [_focused()]
    for _ in range(limit):
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
        if _focused() is seen[0]:
            return seen
        seen.append(_focused())
    raise AssertionError("Tab never came back to where it started")


def _changed_pixels(before: QImage, after: QImage) -> int:
    if before.size() != after.size():
        return before.width() * before.height()
    return sum(
        before.pixel(x, y) != after.pixel(x, y)
        for x in range(0, before.width())
        for y in (0, 1, 2, before.height() // 2, before.height() - 3, before.height() - 2)
    )


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("key", ["today", "library", "history", "plan", "settings"])
def test_tab_walks_each_screen_and_the_focus_is_visible(
    qtbot: QtBot, window: MainWindow, qapp: QApplication, theme: str, key: str
) -> None:
    apply_appearance(qapp, 125, theme)
    window.show_screen(key)
    screen = window.screen_widget(key)
    QApplication.processEvents()  # the screen is laid out and polished
    chain = _tab_chain(qtbot)
    in_screen = [w for w in chain if screen.isAncestorOf(w)]
    assert in_screen, f"Tab never reaches the {key} screen"
    if key == "today":
        first = screen.findChildren(RoutineCard)[0].start_button
        assert chain[0] is first  # the keyboard starts at the first routine's Start
        starts = [c.start_button for c in screen.findChildren(RoutineCard)]
        assert in_screen[: len(starts)] == starts  # then each Start, top to bottom
    focused_look: dict[int, QImage] = {}
    for widget in chain:
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        focused_look[id(widget)] = widget.grab().toImage()
    window.setFocus()  # nothing of the screen has the focus now
    blank = QWidget(window)
    blank.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    blank.setFocus()
    qtbot.waitUntil(lambda: not any(w.hasFocus() for w in chain))
    for widget in chain:
        plain = widget.grab().toImage()
        changed = _changed_pixels(plain, focused_look[id(widget)])
        name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
        assert changed >= widget.width() // 2, (
            f"no visible focus on {type(widget).__name__} {name!r}"
        )


def test_tab_leaves_the_history_table_without_changing_the_session(
    qtbot: QtBot, window: MainWindow, ctx: AppContext
) -> None:
    store = ctx.stores.sessions
    profile = ctx.active.require()
    assert profile.id is not None
    for hour in (8, 9, 10):
        sid = store.start_session(
            profile.id, None, "daily", "Daily", ctx.clock.now().replace(hour=hour)
        )
        store.finish_session(sid, "done", ctx.clock.now().replace(hour=hour))
    window.show_screen("history")
    table = window.screen_widget("history").findChild(QTableView)
    assert table is not None
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    assert table.selectionModel().selectedRows()[0].row() == 0
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the arrows still choose a session
    assert table.selectionModel().selectedRows()[0].row() == 1


def _wheel(target: QWidget, notches: int) -> None:
    centre = QPointF(target.width() / 2, target.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(target.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(target, event)


def test_a_stray_wheel_notch_scrolls_the_page_not_the_number(
    qtbot: QtBot, qapp: QApplication
) -> None:
    install_wheel_guard(qapp)
    scroll = QScrollArea()
    qtbot.addWidget(scroll)
    body = QWidget()
    column = QVBoxLayout(body)
    spin = QSpinBox(body)
    spin.setRange(1, 7)
    spin.setValue(3)  # a therapist's "3 days a week"
    column.addSpacing(600)
    column.addWidget(spin)
    column.addSpacing(600)
    other = QSpinBox(body)
    column.addWidget(other)
    scroll.setWidget(body)
    scroll.resize(300, 400)
    scroll.show()
    scroll.activateWindow()
    qtbot.waitUntil(scroll.isActiveWindow)
    other.setFocus()
    assert other.hasFocus()
    scroll.verticalScrollBar().setValue(400)
    _wheel(spin, -1)
    assert spin.value() == 3
    assert scroll.verticalScrollBar().value() != 400  # the page scrolled instead
    spin.setFocus()  # chosen on purpose: now the wheel changes it
    assert spin.hasFocus()
    _wheel(spin, -1)
    assert spin.value() == 2


def test_first_start_to_a_stored_session_by_keyboard_only(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tab, Enter, Space, digits and arrows only (and the letters of the patient's name)."""
    monkeypatch.setattr("coach.ui.session.sounds.find_backend", lambda _parent: SilentBackend())
    keys: list[str] = []

    def press(key: Qt.Key, name: str) -> None:
        keys.append(name)
        qtbot.keyClick(_focused(), key)

    wizard = OnboardingWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.resize(1000, 760)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    press(Qt.Key.Key_Return, "Enter")  # welcome
    qtbot.keyClicks(_focused(), "Ann")  # the name: the only letters typed
    press(Qt.Key.Key_Return, "Enter")
    press(Qt.Key.Key_Space, "Space")  # the first surgery tile
    press(Qt.Key.Key_Return, "Enter")
    for _ in range(10):  # ten days ago
        press(Qt.Key.Key_Down, "Down")
    press(Qt.Key.Key_Return, "Enter")
    while wizard.current_index() < len(wizard.pages) - 1:  # approach, rules, number: as they are
        press(Qt.Key.Key_Return, "Enter")
    with qtbot.waitSignal(wizard.profile_created):
        press(Qt.Key.Key_Return, "Enter")  # "Create my plan"
    wizard.close()

    main = MainWindow(build_screens(ctx, lambda: None))
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    today = main.screen_widget("today")
    assert _focused() is today.findChildren(RoutineCard)[0].start_button
    press(Qt.Key.Key_Space, "Space")  # Start
    launcher = today.findChild(SessionLauncher)
    assert launcher is not None and launcher.window is not None
    flow = launcher.window.flow
    qtbot.waitUntil(lambda: launcher.window is not None and launcher.window.isActiveWindow())
    while flow.current_page() is flow.red_flags:
        assert _focused() is flow.red_flags.no_button
        press(Qt.Key.Key_Space, "Space")  # "No"
    press(Qt.Key.Key_2, "2")
    press(Qt.Key.Key_Tab, "Tab")
    press(Qt.Key.Key_1, "1")
    press(Qt.Key.Key_Return, "Enter")
    if flow.current_page() is flow.message:  # advice before: its default goes on
        press(Qt.Key.Key_Return, "Enter")
    player = flow.player
    assert player is not None
    while flow.current_page() is player:  # the exercises take their time: no keys
        clock.advance(0.5)
        player.tick()
    press(Qt.Key.Key_2, "2")
    press(Qt.Key.Key_Tab, "Tab")
    press(Qt.Key.Key_1, "1")
    press(Qt.Key.Key_Return, "Enter")
    feedback = flow.feedback
    assert feedback is not None
    press(Qt.Key.Key_Right, "Right")  # first exercise: to "About right"
    press(Qt.Key.Key_Space, "Space")  # chosen
    press(Qt.Key.Key_Return, "Enter")  # Save (no hidden Ctrl+Return)
    with qtbot.waitSignal(launcher.session_closed):
        press(Qt.Key.Key_Return, "Enter")  # Close
    profile = ctx.active.require()
    assert profile.id is not None
    stored = ctx.stores.sessions.sessions(profile.id)
    assert [s.status for s in stored] == ["done"]
    ratings = ctx.db.execute("SELECT rating FROM exercise_feedback").fetchall()
    assert [r[0] for r in ratings] == ["about-right"]
    assert set(keys) <= {"Enter", "Space", "Tab", "Down", "Right", "1", "2"}
    print(f"keyboard-only first start to a stored session: {len(keys)} keys + 3 letters")
    assert len(keys) < 50
