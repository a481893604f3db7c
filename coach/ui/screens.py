"""Which screens the rail shows, in order. Only screens that work are listed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from coach.domain.i18n import _
from coach.ui.context import AppContext
from coach.ui.main_window import ScreenEntry
from coach.ui.today.screen import TodayScreen


def build_screens(ctx: AppContext, restyle: Callable[[], None]) -> list[ScreenEntry]:
    """Create every screen with its dependencies (no screen finds its own)."""
    return [
        ScreenEntry("today", _("Today"), lambda: _today_screen(ctx)),
        ScreenEntry("journal", _("Journal"), lambda: _journal_screen(ctx)),
        ScreenEntry("warning-signs", _("Warning signs"), lambda: _warning_signs_screen(ctx)),
        ScreenEntry("library", _("Exercises"), lambda: _library_screen(ctx)),
        ScreenEntry("learn", _("Learn"), lambda: _learn_screen(ctx)),
        ScreenEntry("progress", _("Progress"), lambda: _progress_screen(ctx)),
        ScreenEntry("history", _("History"), lambda: _history_screen(ctx)),
        ScreenEntry("plan", _("Therapist"), lambda: _therapist_screen(ctx)),
        ScreenEntry("settings", _("Settings"), lambda: _settings_screen(ctx, restyle)),
    ]


def _today_screen(ctx: AppContext) -> QWidget:
    """Today, with the outcome-measure reminder card (shown only at the suggested weeks)."""
    screen = TodayScreen(ctx)
    screen.add_card_after_first_paint(lambda: _exercise_reminder_card(ctx, screen), above=True)
    screen.add_card_after_first_paint(lambda: _reminder_card(ctx, screen))
    screen.add_card_after_first_paint(lambda: _learn_hint_card(ctx, screen))
    screen.add_card_after_first_paint(lambda: _journal_card(ctx, screen))
    screen.add_card_after_first_paint(lambda: _calm_card(ctx, screen))
    screen.start_requested.connect(lambda routine_id: _start_session(ctx, screen, routine_id))
    return screen


def _exercise_reminder_card(ctx: AppContext, today: TodayScreen) -> QWidget:
    """The reminder showing now (from the tray service), with Start and snooze."""
    from coach.ui.reminders.card import ReminderCard

    card = ReminderCard(ctx, today)
    card.start_requested.connect(today.start_requested.emit)
    return card


def _reminder_card(ctx: AppContext, today: QWidget) -> QWidget:
    from coach.ui.progress.outcomes import OutcomeReminderCard

    return OutcomeReminderCard(ctx, today)


def _learn_hint_card(ctx: AppContext, today: QWidget) -> QWidget:
    """At most one Learn topic that fits the patient's day (hidden when none does)."""
    from coach.ui.learn.cards import LearnHintCard

    return LearnHintCard(ctx, today)


def _journal_card(ctx: AppContext, today: QWidget) -> QWidget:
    """The pain journal and the medicines log, one tap from Today (REFERENCE 8 and 9)."""
    from coach.ui.journal.journal_screen import JournalCard

    return JournalCard(ctx, today)


def _journal_screen(ctx: AppContext) -> QWidget:
    """Imported when first shown, like every screen but Today."""
    from coach.ui.journal.journal_screen import JournalScreen

    return JournalScreen(ctx)


def _calm_card(ctx: AppContext, today: QWidget) -> QWidget:
    """Slow breathing, relaxing the body and writing it down, one tap from Today."""
    from coach.ui.learn.cards import CalmCard

    card = CalmCard(ctx, today)
    card.tool_requested.connect(lambda tool: _open_tool(ctx, tool, today))
    return card


def _open_tool(ctx: AppContext, tool: str, parent: QWidget) -> None:
    from coach.ui.learn.coping_tools import open_tool  # only when a tool is opened

    open_tool(ctx, tool, parent)


def _start_session(ctx: AppContext, today: QWidget, routine_id: str) -> None:
    """Today's Start opens the guided session (imported at the first Start, not at startup)."""
    from coach.ui.session.launcher import SessionLauncher

    launcher = today.findChild(SessionLauncher)
    if launcher is None:
        launcher = SessionLauncher(ctx, today, open_topic=lambda topic: _open_topic(today, topic))
    launcher.start(routine_id)


def _open_topic(widget: QWidget, topic_id: str) -> None:
    """A Learn topic the session asks for, on the Learn page (session never imports learn)."""
    from coach.ui.learn.cards import open_learn_topic

    open_learn_topic(widget, topic_id)


def _warning_signs_screen(ctx: AppContext) -> QWidget:
    """Imported when first shown; reachable from the rail at any time (REFERENCE 3)."""
    from coach.ui.safety.screen import WarningSignsScreen

    return WarningSignsScreen(ctx)


def _progress_screen(ctx: AppContext) -> QWidget:
    """Imported when first shown: the charts load pyqtgraph, which the start must not pay for."""
    from coach.ui.progress.screen import ProgressScreen

    return ProgressScreen(ctx)


def _history_screen(ctx: AppContext) -> QWidget:
    from coach.ui.history.screen import HistoryScreen

    return HistoryScreen(ctx)


def _library_screen(ctx: AppContext) -> QWidget:
    """Imported when first shown (Today is the screen painted at start)."""
    from coach.ui.library.screen import LibraryScreen

    return LibraryScreen(ctx)


def _learn_screen(ctx: AppContext) -> QWidget:
    """Imported when first shown, like every screen but Today."""
    from coach.ui.learn.screen import LearnScreen

    screen = LearnScreen(ctx)
    screen.enable_tools()
    screen.tool_requested.connect(lambda tool: _open_tool(ctx, tool, screen))
    return screen


def _settings_screen(ctx: AppContext, restyle: Callable[[], None]) -> QWidget:
    """Imported when first shown, like every screen but Today (it brings the sound settings)."""
    from coach.ui.settings.screen import SettingsScreen

    return SettingsScreen(ctx, restyle)


def _therapist_screen(ctx: AppContext) -> QWidget:
    """Imported when first shown: the editor brings PDF and SVG code the start does not need."""
    from coach.ui.therapist.screen import TherapistScreen

    return TherapistScreen(ctx)
