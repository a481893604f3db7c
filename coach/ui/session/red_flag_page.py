"""The warning-sign check before a session (REFERENCE section 3), one question at a time.

Questions come from exercises/safety.toml. The check stops at the first "yes" once no later
question could lead to a more serious outcome, so an emergency message is never delayed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from coach.domain.safety import TIERS, RedFlagScreen
from coach.ui.widgets import button, label


def _shortcut(widget: QWidget, keys: str, slot: object) -> None:
    shortcut = QShortcut(QKeySequence(keys), widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)


class RedFlagPage(QWidget):
    """Yes/no questions with big buttons; Y and N keys answer too."""

    answered = Signal(dict)  # question id -> True/False, in the order asked
    cancelled = Signal()

    def __init__(self, screen: RedFlagScreen, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._screen = screen
        self._answers: dict[str, bool] = {}
        self._index = 0
        column = QVBoxLayout(self)
        column.setContentsMargins(40, 32, 40, 32)
        column.setSpacing(18)
        column.addWidget(label("Before you start: safety questions", "title", self))
        self.count = label("", "heading", self)
        column.addWidget(self.count)
        column.addStretch(1)
        self.question = label("", "big", self)
        self.question.setMinimumHeight(120)
        column.addWidget(self.question)
        column.addStretch(1)
        answers = QHBoxLayout()
        answers.setSpacing(24)
        self.yes_button = self._answer_button("Yes", "Y")
        self.no_button = self._answer_button("No", "N")
        answers.addWidget(self.yes_button, 1)
        answers.addWidget(self.no_button, 1)
        column.addLayout(answers)
        column.addWidget(
            label("Answer with the buttons, or press Y for yes and N for no.", "hint", self)
        )
        row = QHBoxLayout()
        self.back_button = button("Back", self)
        self.back_button.setAccessibleName("Go back to the last question")
        self.cancel_button = button("Not now", self)
        self.cancel_button.setAccessibleName("Do not start the session now")
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        column.addLayout(row)
        self.yes_button.clicked.connect(lambda: self._on_answer_clicked(True))
        self.no_button.clicked.connect(lambda: self._on_answer_clicked(False))
        self.back_button.clicked.connect(self._on_back_clicked)
        self.cancel_button.clicked.connect(self.cancelled.emit)
        _shortcut(self, "Y", lambda: self._on_answer_clicked(True))
        _shortcut(self, "N", lambda: self._on_answer_clicked(False))
        self.setTabOrder(self.yes_button, self.no_button)
        self.setTabOrder(self.no_button, self.back_button)
        self.setTabOrder(self.back_button, self.cancel_button)
        self._show()

    def _answer_button(self, text: str, key: str) -> QPushButton:
        answer = button(text, self, primary=True)
        answer.setMinimumHeight(88)
        answer.setAccessibleName(f"{text} (key {key})")
        return answer

    def take_focus(self) -> None:
        self.no_button.setFocus()

    def restart(self) -> None:
        self._answers.clear()
        self._index = 0
        self._show()

    def _on_answer_clicked(self, yes: bool) -> None:
        question = self._screen.questions[self._index]
        self._answers[question.id] = yes
        if self._index + 1 >= len(self._screen.questions) or (yes and self._settled(question.tier)):
            self.answered.emit(dict(self._answers))
            return
        self._index += 1
        self._show()

    def _settled(self, tier: str) -> bool:
        """True when no question still to come is about a more serious tier."""
        rank = TIERS.index(tier)
        later = self._screen.questions[self._index + 1 :]
        return all(TIERS.index(q.tier) >= rank for q in later)

    def _on_back_clicked(self) -> None:
        if self._index > 0:
            self._index -= 1
            self._answers.pop(self._screen.questions[self._index].id, None)
            self._show()

    def _show(self) -> None:
        total = len(self._screen.questions)
        self.count.setText(f"Question {self._index + 1} of {total}")
        self.question.setText(self._screen.questions[self._index].text)
        self.back_button.setEnabled(self._index > 0)
        self.no_button.setFocus()
