"""Today's banner after a warning sign (REFERENCE section 3): whom to call, and what today allows.

An emergency or surgeon-today answer stops exercise for the rest of the day: the banner says whom
to call and replaces Start until the next day. A call-24h answer keeps the day to the gentle form.
What the day allows is decided by ``coach.domain.warning_signs.day_safety``; this only shows it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from coach.domain.i18n import N_, _
from coach.domain.warning_signs import DaySafety
from coach.ui.common.widgets import label

STOPPED = N_("No exercise for the rest of today. Start comes back tomorrow.")
GENTLE = N_("Today: only gentle walking and breathing.")
_STYLE = """
QFrame[role="stop-banner"] { background: palette(alternate-base); border: 3px solid #b3261e;
    border-left: 12px solid #b3261e; border-radius: 10px; }
QFrame[role="gentle-banner"] { background: palette(alternate-base); border: none;
    border-left: 12px solid #c98a00; border-radius: 10px; }
"""


class SafetyBanner(QFrame):
    """Hidden on a day without warning signs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safety-banner")
        self.setStyleSheet(_STYLE)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 16, 20, 16)
        column.setSpacing(8)
        self.title = label("", "title", self)
        self.today = label("", "heading", self)
        self.message = label("", None, self)
        self.action = label("", "big", self)
        self.action.setObjectName("safety-banner-action")
        for widget in (self.title, self.today, self.message, self.action):
            column.addWidget(widget)
        self.hide()

    def show_day(self, day: DaySafety, emergency_number: str) -> None:
        tier = day.tier
        if tier is None:
            self.hide()
            return
        self.setProperty("role", "stop-banner" if day.stopped else "gentle-banner")
        self.setStyleSheet(_STYLE)  # the new role's look
        self.title.setText(tier.title)
        self.today.setText(_(STOPPED if day.stopped else GENTLE))
        self.message.setText(tier.message)
        self.action.setText(tier.action_text(emergency_number))  # with the number to call
        # Translators: what a screen reader says for the banner: the tier's title, what today
        # allows, whom to call.
        self.setAccessibleName(
            _("{title}. {today} {action}").format(
                title=tier.title, today=self.today.text(), action=self.action.text()
            )
        )
        self.show()
