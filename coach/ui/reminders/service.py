"""The reminder service: while the app runs, it checks the wall clock every ``CHECK_MS`` and
shows a due reminder as a system notification from the tray icon.

Checked by polling the wall clock (not by a timer set for the reminder's time): Linux's
monotonic clock stops in a suspend and the patient may change the clock, so a timer could fire
late or never. The rules in ``coach.domain.reminders`` make a missed reminder show once. A
failure to read or write the store is logged and tried again at the next check: a reminder is
never worth a crash.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from coach.domain.i18n import _
from coach.domain.reminders import Reminder, decide
from coach.system.paths import assets_dir
from coach.ui.context import AppContext
from coach.ui.reminders.state import load_day

log = logging.getLogger(__name__)

CHECK_MS = 20_000
SESSION_HOURS = timedelta(hours=2)  # a session started longer ago was left by a crash
SHOW_MS = 15_000  # how long the desktop keeps the notification up (where it lets us choose)


class Notifier(Protocol):
    available: bool

    def notify(self, title: str, text: str) -> None: ...


class FakeNotifier:
    """For tests and screenshots: keeps what would have been shown."""

    available = True

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def notify(self, title: str, text: str) -> None:
        self.shown.append((title, text))


class TrayNotifier(QObject):
    """A tray icon with a small menu; notifications are its balloon messages. Without a system
    tray (some desktops), ``available`` is False and the Today card is the reminder."""

    open_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self._tray: QSystemTrayIcon | None = None
        if not self.available:
            log.info("no system tray: reminders show on Today only")
            return
        tray = QSystemTrayIcon(QIcon(str(assets_dir() / "icons" / "app.svg")), self)
        tray.setToolTip("Rehab Coach")
        menu = QMenu()
        show = QAction(_("Open Rehab Coach"), menu)
        show.triggered.connect(self.open_requested.emit)
        menu.addAction(show)
        tray.setContextMenu(menu)
        self._menu = menu  # QSystemTrayIcon does not own its menu
        tray.activated.connect(lambda _reason: self.open_requested.emit())
        tray.messageClicked.connect(self.open_requested.emit)
        tray.show()
        self._tray = tray

    def notify(self, title: str, text: str) -> None:
        if self._tray is not None:
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, SHOW_MS)


class ReminderService(QObject):
    """Fires due reminders. ``shown`` carries each reminder shown (Today refreshes its card)."""

    shown = Signal(object)

    def __init__(self, ctx: AppContext, notifier: Notifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.notifier = notifier
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        ctx.active.changed.connect(self.check)

    def start(self) -> None:
        self._timer.start()
        self.check()

    def check(self) -> Reminder | None:
        """Show the reminder due now, if any; returns it."""
        try:
            state = load_day(self._ctx)
            if state is None:
                return None
            store = self._ctx.stores.reminders
            busy = store.exercising(state.profile_id, state.now - SESSION_HOURS)
            decision = decide(state.reminders, state.log, state.now, exercising=busy)
            if decision.record:
                store.record(state.profile_id, state.day, decision.record, state.now)
        except Exception:
            log.exception("reminders could not be checked; trying again at the next check")
            return None
        reminder = decision.show
        if reminder is not None:
            self.notifier.notify(reminder.title, reminder.text)
            self.shown.emit(reminder)
        return reminder


def start_reminders(ctx: AppContext, window: QWidget) -> ReminderService:
    """The app's service, with the tray; clicking the tray or a notification shows the window."""
    tray = TrayNotifier(window)
    if hasattr(window, "bring_forward"):
        tray.open_requested.connect(window.bring_forward)
    service = ReminderService(ctx, tray, window)
    service.start()
    return service
