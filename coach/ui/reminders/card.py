"""The reminder card on Today: the reminder showing now, with Start, 'In 15 minutes',
'In 1 hour' and 'Dismiss'. Hidden when no reminder is showing (or its routines are done)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from coach.domain.i18n import _
from coach.domain.reminders import Reminder
from coach.ui.common.flow_layout import FlowLayout
from coach.ui.common.screen_stack import guarded_refresh
from coach.ui.common.widgets import button, label
from coach.ui.context import AppContext
from coach.ui.reminders.state import DayReminders, answer, load_day


class ReminderCard(QFrame):
    """``start_requested`` carries the first routine id of the reminder."""

    start_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._state: DayReminders | None = None
        self.reminder: Reminder | None = None
        self.setProperty("role", "card")
        self.setObjectName("reminder-card")
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(10)
        self.title = label("", "heading", self)
        self.text = label("", None, self)
        column.addWidget(self.title)
        column.addWidget(self.text)
        box = QWidget(self)
        row = FlowLayout(box, spacing=10)  # wraps at large text on a small screen
        self.start = button(_("Start now"), box, primary=True)
        self.later = button(_("In 15 minutes"), box)
        self.hour = button(_("In 1 hour"), box)
        self.dismiss = button(_("Dismiss"), box)
        self.later.setAccessibleName(_("Remind me again in 15 minutes"))
        self.hour.setAccessibleName(_("Remind me again in 1 hour"))
        for widget in (self.start, self.later, self.hour, self.dismiss):
            row.addWidget(widget)
        column.addWidget(box)
        self.start.clicked.connect(self._on_start)
        self.later.clicked.connect(lambda: self._answer(15))
        self.hour.clicked.connect(lambda: self._answer(60))
        self.dismiss.clicked.connect(lambda: self._answer(None))
        ctx.active.changed.connect(self.refresh)
        ctx.active.data_changed.connect(self.refresh)
        self.refresh()

    @guarded_refresh
    def refresh(self) -> None:
        self._state = load_day(self._ctx)
        self.reminder = self._state.showing if self._state is not None else None
        self.setVisible(self.reminder is not None)
        if self.reminder is not None:
            self.title.setText(self.reminder.title)
            self.text.setText(self.reminder.card_text)

    def _answer(self, minutes: int | None) -> None:
        if self._state is not None and self.reminder is not None:
            answer(self._ctx, self._state, self.reminder.key, minutes)  # refreshes this card

    def _on_start(self) -> None:
        if self.reminder is not None and self.reminder.routine_ids:
            self.start_requested.emit(self.reminder.routine_ids[0])
