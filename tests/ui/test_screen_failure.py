"""A screen that fails to build or refresh shows a plain message with "Try again" (never a
blank page), the error is logged with its traceback and without health data, and Try again
shows the real screen."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from coach.domain.profile import Profile, Surgery
from coach.ui.common.screen_stack import ScreenFailure
from coach.ui.context import AppContext
from coach.ui.main_window import MainWindow
from coach.ui.screens import build_screens
from coach.ui.today.routine_card import RoutineCard

NAME = "Zelda Quill"  # must never reach the log


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, restyle: Callable[[], None]) -> Iterator[MainWindow]:
    profile = ctx.repo.add_profile(
        Profile(NAME, Surgery.DISCECTOMY, date(2025, 12, 1)), ctx.clock.now()
    )
    ctx.active.set(profile)
    main = MainWindow(build_screens(ctx, restyle))
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    yield main
    main.close()


def walk_logged(ctx: AppContext) -> None:
    """A change made elsewhere: five minutes of walking, written through the store."""
    profile = ctx.active.require()
    assert profile.id is not None
    now = ctx.clock.now()
    ctx.stores.repo.log_walking(profile.id, now.date(), 5, now)


def fail_once(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[int]:
    """Make ``owner.name`` raise on its next call only; returns the list of calls made."""
    real = getattr(owner, name)
    calls: list[int] = []

    def flaky(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("the database said no")
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, flaky)
    return calls


def shown(window: MainWindow) -> QWidget:
    widget = window.screen_widget(window.current_key())
    assert widget.isVisible()
    return widget


def words(widget: QWidget) -> str:
    return " ".join(w.text() for w in widget.findChildren(QLabel))


def check_logged(caplog: pytest.LogCaptureFixture, what: str) -> None:
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert what in errors[0].getMessage()
    assert errors[0].exc_info is not None  # with its traceback
    assert "RuntimeError: the database said no" in caplog.text
    assert NAME not in caplog.text


def test_a_screen_that_fails_to_build_shows_try_again(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from coach.ui.progress.screen import ProgressScreen

    fail_once(monkeypatch, ProgressScreen, "reload")
    with caplog.at_level(logging.INFO):
        window.show_screen("progress")
    failure = shown(window)
    assert isinstance(failure, ScreenFailure)
    assert failure.heading.text() == "Progress could not be shown"
    assert "What you recorded is still saved" in words(failure)
    assert failure.retry_button.text() == "Try again" and failure.retry_button.isVisible()
    assert window.current_key() == "progress"
    check_logged(caplog, "the progress screen could not be built")

    qtbot.mouseClick(failure.retry_button, Qt.MouseButton.LeftButton)
    screen = shown(window)
    assert isinstance(screen, ProgressScreen)
    assert screen.csv_button.isEnabled()  # the real screen, with the patient's data
    qtbot.waitUntil(lambda: not failure.isVisible())
    window.show_screen("today")
    window.show_screen("progress")
    assert shown(window) is screen  # built once, kept


def test_a_screen_whose_constructor_fails_twice_keeps_the_message(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import coach.ui.settings.screen as settings

    real = settings.SettingsScreen
    tries: list[int] = []

    def flaky(*args: Any, **kwargs: Any) -> QWidget:
        tries.append(1)
        if len(tries) <= 2:
            raise OSError("settings.ini is locked")
        return real(*args, **kwargs)

    monkeypatch.setattr(settings, "SettingsScreen", flaky)
    window.show_screen("settings")
    first = shown(window)
    assert isinstance(first, ScreenFailure)
    first.retry_button.click()
    second = shown(window)
    assert isinstance(second, ScreenFailure) and second is not first
    assert second.heading.text() == "Settings could not be shown"
    second.retry_button.click()
    assert isinstance(shown(window), real)
    assert len(tries) == 3


def test_a_screen_that_fails_to_refresh_shows_try_again(
    qtbot: QtBot,
    window: MainWindow,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import coach.ui.today.screen as today_module

    today = shown(window)
    assert isinstance(today, today_module.TodayScreen)
    fail_once(monkeypatch, today_module, "load_active_plan")
    with caplog.at_level(logging.INFO):
        walk_logged(ctx)  # the store announces it: Today refreshes
    failure = shown(window)
    assert isinstance(failure, ScreenFailure)
    assert failure.heading.text() == "Today could not be shown"
    check_logged(caplog, "the TodayScreen screen could not refresh")

    qtbot.mouseClick(failure.retry_button, Qt.MouseButton.LeftButton)
    again = shown(window)
    assert isinstance(again, today_module.TodayScreen) and again is not today
    assert again.findChildren(RoutineCard)  # a real Today, with the day's routines


def test_the_first_screen_failing_at_start_is_not_a_blank_window(
    qtbot: QtBot, ctx: AppContext, restyle: Callable[[], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    import coach.ui.today.screen as today_module

    fail_once(monkeypatch, today_module.TodayScreen, "refresh")
    main = MainWindow(build_screens(ctx, restyle))
    qtbot.addWidget(main)
    main.show()
    failure = shown(main)
    assert isinstance(failure, ScreenFailure)
    assert failure.retry_button.hasFocus() or main.focusWidget() in (None, failure.retry_button)
    failure.retry_button.click()
    assert isinstance(shown(main), today_module.TodayScreen)


def test_a_refresh_outside_the_window_still_raises(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the window's stack turns an error into the message; elsewhere nothing is hidden."""
    import coach.ui.today.screen as today_module

    screen = today_module.TodayScreen(ctx)
    qtbot.addWidget(screen)
    fail_once(monkeypatch, today_module, "load_active_plan")
    with pytest.raises(RuntimeError, match="the database said no"):
        screen.refresh()


def test_a_refresh_failing_as_the_screen_comes_into_view(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Progress refreshes when shown after a change made elsewhere: a failure then, in the
    middle of showing it, still ends on the message, and Try again on the real screen."""
    import coach.ui.progress.screen as progress_module

    window.show_screen("progress")
    assert isinstance(shown(window), progress_module.ProgressScreen)
    window.show_screen("today")
    fail_once(monkeypatch, progress_module, "resolve_plan")
    walk_logged(ctx)  # Progress is hidden: it refreshes when next shown
    window.show_screen("progress")
    failure = shown(window)
    assert isinstance(failure, ScreenFailure)
    failure.retry_button.click()
    assert isinstance(shown(window), progress_module.ProgressScreen)
