"""Walking today against the goal, with one-press buttons to log a walk and to undo the last."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QProgressBar, QWidget

from coach.domain.i18n import _, ngettext
from coach.domain.today import WalkingToday
from coach.ui.common.widgets import button, fill_with_card, label

QUICK_MINUTES = (5, 10, 15, 20)


class WalkingCard(QWidget):
    """Shows a ``WalkingToday``. It does not write: ``minutes_added`` and ``undo_clicked`` ask
    the screen to, and the screen shows the result with ``show_walking``/``show_message``."""

    minutes_added = Signal(int)
    undo_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame, column = fill_with_card(self)
        column.addWidget(label(_("Walking"), "heading", frame))
        self.goal = label("", None, frame)
        column.addWidget(self.goal)
        self.progress = QProgressBar(frame)
        self.progress.setTextVisible(False)
        self.progress.setMinimumHeight(24)
        self.progress.setAccessibleName(_("Walking today"))
        column.addWidget(self.progress)
        self.done = label("", "big", frame)
        self.done.setObjectName("walking-done")
        column.addWidget(self.done)

        column.addWidget(label(_("I walked:"), None, frame))
        quick = QGridLayout()  # two a row, so the card stays narrow beside the routines
        self.add_buttons = []
        for index, minutes in enumerate(QUICK_MINUTES):
            # Translators: a button that adds this many minutes of walking.
            add = button(_("+{minutes} min").format(minutes=minutes), frame)
            add.setAccessibleName(
                ngettext(
                    "Add {minutes} minute of walking", "Add {minutes} minutes of walking", minutes
                ).format(minutes=minutes)
            )
            add.setObjectName(f"walk-add-{minutes}")
            add.clicked.connect(lambda _=False, m=minutes: self.minutes_added.emit(m))
            quick.addWidget(add, index // 2, index % 2)
            self.add_buttons.append(add)
        quick.setColumnStretch(2, 1)
        column.addLayout(quick)
        undo_row = QHBoxLayout()
        self.undo_button = button(_("Undo last"), frame)
        self.undo_button.setAccessibleName(_("Undo the last walk I added"))
        self.undo_button.clicked.connect(self.undo_clicked.emit)
        undo_row.addWidget(self.undo_button)
        undo_row.addStretch(1)
        column.addLayout(undo_row)
        self.message = label("", "hint", frame)
        self.message.setObjectName("walking-message")
        column.addWidget(self.message)

    def show_walking(self, walking: WalkingToday) -> None:
        self.goal.setText(walking.goal_text)
        self.progress.setRange(0, max(1, walking.goal_minutes))
        self.progress.setValue(min(walking.done_minutes, max(1, walking.goal_minutes)))
        self.progress.setAccessibleDescription(walking.progress_text)
        text = walking.progress_text
        self.done.setText(
            _("✓ {progress}: goal reached!").format(progress=text) if walking.reached else text
        )
        self.undo_button.setEnabled(walking.done_minutes > 0)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
