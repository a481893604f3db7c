"""The Warning signs page: the three tiers as statements with their own actions, reachable from
the rail at any time, and a check that is recorded and stops the day on Today."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.profile import Profile, Surgery
from coach.ui.context import AppContext
from coach.ui.main_window import MainWindow
from coach.ui.safety.screen import WarningSignsScreen
from coach.ui.screens import build_screens
from coach.ui.today.screen import TodayScreen

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def profile(ctx: AppContext) -> Profile:
    saved = ctx.repo.add_profile(
        Profile("Ann", Surgery.LAMINECTOMY, date(2025, 12, 20), emergency_number="911"),
        ctx.clock.now(),
    )
    ctx.active.set(saved)
    return saved


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, profile: Profile) -> WarningSignsScreen:
    screen = WarningSignsScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    return screen


def tier_texts(page: WarningSignsScreen, tier: str) -> list[str]:
    frame = page.findChild(QFrame, f"tier-{tier}")
    assert frame is not None
    return [w.text() for w in frame.findChildren(QLabel)]


def test_three_tiers_as_statements_each_with_its_own_action(page: WarningSignsScreen) -> None:
    emergency = tier_texts(page, "emergency")
    surgeon = tier_texts(page, "surgeon-today")
    call = tier_texts(page, "call-24h")
    assert emergency[0] == "Call emergency services now if you have any of these:"
    assert emergency[-1] == "Call emergency services now: 911"
    assert "•  Chest pain or sudden shortness of breath" in emergency
    assert surgeon[0] == "Call your surgeon's office today if you have any of these:"
    assert "•  Pain, tenderness or swelling in the calf of one leg" in surgeon
    assert call[0].startswith("Call your therapist or surgeon within 24 hours")
    assert not any("Chest pain" in t or "both legs" in t for t in surgeon + call)
    assert page.status.text() == "You have not done today's check yet."


def test_the_check_here_is_recorded_and_stops_the_day_on_today(
    qtbot: QtBot, ctx: AppContext, page: WarningSignsScreen, profile: Profile, clock: FakeClock
) -> None:
    assert profile.id is not None
    today = TodayScreen(ctx)
    qtbot.addWidget(today)
    today.show()
    assert not today.safety.isVisibleTo(today)
    qtbot.mouseClick(page.check_button, LEFT)
    check = page.check
    assert page.current_page() is check
    assert check.count.text() == "Part 1 of 3"  # always the whole check on this page
    qtbot.mouseClick(check.yes_button, LEFT)
    qtbot.mouseClick(check.pick_buttons["both-legs"], LEFT)
    qtbot.mouseClick(check.done_button, LEFT)
    assert page.current_page() is page.result
    assert page.result.title.text() == "Please call for help now"
    assert page.result.huge.text() == "911"
    checks = ctx.stores.sessions.checks_on(profile.id, clock.now().date())
    assert [c.outcome for c in checks] == ["emergency"]
    assert today.safety.isVisibleTo(today)
    assert all(not c.start_button.isVisibleTo(today) for c in today.routine_cards())
    qtbot.mouseClick(page.result.buttons[-1], LEFT)
    assert page.current_page() is page.statements
    assert page.status.text() == "No exercise today: please call for help now."


def test_a_clear_check_is_saved_and_back_leaves_without_saving(
    qtbot: QtBot, ctx: AppContext, page: WarningSignsScreen, profile: Profile, clock: FakeClock
) -> None:
    assert profile.id is not None
    qtbot.mouseClick(page.check_button, LEFT)
    qtbot.mouseClick(page.check.cancel_button, LEFT)
    assert page.current_page() is page.statements
    assert ctx.stores.sessions.checks_on(profile.id, clock.now().date()) == []
    qtbot.mouseClick(page.check_button, LEFT)
    for _ in range(3):
        qtbot.mouseClick(page.check.no_button, LEFT)
    assert page.result.title.text() == "No warning signs now"
    assert [c.outcome for c in ctx.stores.sessions.checks_on(profile.id, clock.now().date())] == [
        "clear"
    ]
    qtbot.mouseClick(page.result.buttons[-1], LEFT)
    assert page.status.text() == "Today's check is done: no warning signs."


def test_without_a_profile_the_page_still_lists_the_signs(qtbot: QtBot, ctx: AppContext) -> None:
    screen = WarningSignsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    assert tier_texts(screen, "emergency")[-1] == "Call emergency services now: 112"
    assert not screen.check_button.isVisibleTo(screen)


def test_the_rail_opens_it_from_anywhere(
    qtbot: QtBot, ctx: AppContext, profile: Profile, restyle: Callable[[], None]
) -> None:
    window = MainWindow(build_screens(ctx, restyle))
    qtbot.addWidget(window)
    window.show_screen("history")
    nav = window.findChild(QPushButton, "nav-warning-signs")
    assert nav is not None and nav.text() == "Warning signs"
    nav.click()
    assert isinstance(window.screen_widget("warning-signs"), WarningSignsScreen)
    assert window.current_key() == "warning-signs"
