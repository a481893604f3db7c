"""PSFS entry (name the activities once, rate them), the therapist's ODI total, and the
reminder on Today at the suggested weeks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.profile import Profile, Surgery
from coach.ui.context import AppContext
from coach.ui.main_window import MainWindow
from coach.ui.progress.outcomes import OdiDialog, OutcomeReminderCard, PsfsDialog
from coach.ui.screens import build_screens


@pytest.fixture
def profile(ctx: AppContext, clock: FakeClock) -> Profile:
    """Surgery six weeks and two days ago: the week-6 reminder is open."""
    saved = ctx.repo.add_profile(
        Profile("Ann", Surgery.FUSION, clock.now().date() - timedelta(weeks=6, days=2)),
        clock.now(),
    )
    ctx.active.set(saved)
    return saved


def _rate_all(dialog: PsfsDialog, value: int) -> None:
    for group in dialog.groups.values():
        button = group.button(value)
        assert button is not None
        button.click()


def test_psfs_names_activities_then_rates_them(
    qtbot: QtBot, ctx: AppContext, profile: Profile
) -> None:
    dialog = PsfsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.pages.currentIndex() == 0
    dialog.name_edits[0].setText("Putting on socks")
    dialog.name_edits[1].setText("Walking to the shop")
    dialog.next_button.click()
    assert "3 to 5" in dialog.error.text()  # two are not enough
    dialog.name_edits[2].setText("Sitting through a film")
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == 1
    assert not dialog.save_button.isEnabled()
    _rate_all(dialog, 4)
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        dialog.save_button.click()
    entries = ctx.stores.outcomes.psfs_entries(profile.id or 0)
    assert [(e.score, len(e.ratings)) for e in entries] == [(4.0, 3)]


def test_psfs_second_time_goes_straight_to_the_same_activities(
    qtbot: QtBot, ctx: AppContext, profile: Profile
) -> None:
    store = ctx.stores.outcomes
    activities = store.set_psfs_activities(
        profile.id or 0, ["Walk", "Sit", "Socks"], ctx.clock.now()
    )
    store.record_psfs(
        profile.id or 0, ctx.clock.now().date(), {a.id: 3 for a in activities}, ctx.clock.now()
    )
    dialog = PsfsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.pages.currentIndex() == 1
    assert set(dialog.groups) == {a.id for a in activities}


def test_odi_total_and_date_are_stored(qtbot: QtBot, ctx: AppContext, profile: Profile) -> None:
    dialog = OdiDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.total.setValue(38)
    dialog.day.setDate(QDate(2026, 1, 2))
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        dialog._on_save_clicked()
    entries = ctx.stores.outcomes.odi_entries(profile.id or 0)
    assert [(e.day, e.total) for e in entries] == [(date(2026, 1, 2), 38)]


def test_reminder_shows_at_week_six_until_the_activities_are_rated(
    qtbot: QtBot, ctx: AppContext, profile: Profile
) -> None:
    card = OutcomeReminderCard(ctx)
    qtbot.addWidget(card)
    assert not card.isHidden()
    assert card.title.text() == "Check-in 6 weeks after surgery"
    store = ctx.stores.outcomes
    activities = store.set_psfs_activities(
        profile.id or 0, ["Walk", "Sit", "Socks"], ctx.clock.now()
    )
    store.record_psfs(
        profile.id or 0, ctx.clock.now().date(), {a.id: 5 for a in activities}, ctx.clock.now()
    )
    assert card.isHidden()  # the store announced the check-in; nobody told the card


def test_today_screen_carries_the_reminder(
    qtbot: QtBot, ctx: AppContext, profile: Profile, restyle: Callable[[], None]
) -> None:
    window = MainWindow(build_screens(ctx, restyle))
    qtbot.addWidget(window)
    window.show()
    today = window.screen_widget("today")
    qtbot.waitUntil(lambda: len(today.findChildren(OutcomeReminderCard)) == 1)
    card = today.findChildren(OutcomeReminderCard)[0]
    qtbot.waitUntil(lambda: not card.isHidden())
    del profile
