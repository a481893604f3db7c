"""Screenshots for issue 17: the reminder card on Today, and the Voice and Reminders cards of
Settings (``rehab-coach screenshot DIR``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtWidgets import QScrollArea

from coach.shots.compose import save_grab
from coach.ui.context import AppContext
from coach.ui.main_window import MainWindow


def render_reminder_screens(
    ctx: AppContext, window: MainWindow, out_dir: Path, settle: Callable[[], None]
) -> list[Path]:
    written = _today_card_shot(ctx, window, out_dir, settle)
    written += _settings_shots(window, out_dir, settle)
    return written


def _today_card_shot(
    ctx: AppContext, window: MainWindow, out_dir: Path, settle: Callable[[], None]
) -> list[Path]:
    """A reminder due five minutes ago for a routine not yet done today, as the app shows it."""
    from coach.ui.reminders.card import ReminderCard
    from coach.ui.reminders.service import FakeNotifier, ReminderService
    from coach.ui.reminders.state import load_day

    profile = ctx.active.profile
    state = load_day(ctx)
    if profile is None or profile.id is None or state is None or not state.reminders:
        return []
    store = ctx.stores.reminders
    kept_times = store.times(profile.id)
    now = ctx.clock.now()
    moment = max(datetime.combine(now.date(), time(0, 0), now.tzinfo), now - timedelta(minutes=5))
    routine = state.reminders[0].routine_ids[0]
    store.set_times(profile.id, routine, [moment.time().replace(second=0, microsecond=0)])
    ReminderService(ctx, FakeNotifier()).check()
    written: list[Path] = []
    try:
        window.show_screen("today")
        settle()
        today = window.screen_widget("today")
        card = today.findChild(ReminderCard)
        scroll = today.findChild(QScrollArea)
        if card is not None and scroll is not None:
            card.refresh()
            settle()
            scroll.ensureWidgetVisible(card)
        settle()
        written.append(save_grab(window, out_dir / "today-reminder.png"))
    finally:
        ctx.db.execute("DELETE FROM reminder_log WHERE profile_id = ?", [profile.id])
        store.set_times(profile.id, routine, list(kept_times.get(routine, ())))
        settle()
    return written


def _settings_shots(window: MainWindow, out_dir: Path, settle: Callable[[], None]) -> list[Path]:
    from coach.ui.reminders.settings_card import RemindersCard
    from coach.ui.session.voice_settings import VoiceCard

    written: list[Path] = []
    window.show_screen("settings")
    settle()
    screen = window.screen_widget("settings")
    scroll = screen.findChild(QScrollArea)
    for kind, name in (
        (VoiceCard, "settings-voice.png"),
        (RemindersCard, "settings-reminders.png"),
    ):
        card = screen.findChild(kind)
        if card is None or scroll is None:
            continue
        scroll.ensureWidgetVisible(card, 0, 0)
        settle()
        written.append(save_grab(window, out_dir / name))
    if scroll is not None:
        scroll.verticalScrollBar().setValue(0)
    return written
