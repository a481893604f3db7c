"""A full-page message in large words with one to three big buttons.

Used for what a warning sign means, pain advice before a session and the response after it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from coach.ui.common.widgets import button, label

Choice = tuple[str, bool, Callable[[], None]]  # text, primary, what it does


class MessagePage(QWidget):
    """Title, lines of text, an optional huge line (a phone number), buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(48, 40, 48, 32)
        column.setSpacing(20)
        self.title = label("", "title", self)
        column.addWidget(self.title)
        self.body = QVBoxLayout()
        self.body.setSpacing(14)
        column.addLayout(self.body)
        self.huge = label("", "huge", self)
        self.huge.setObjectName("message-huge")
        column.addWidget(self.huge)
        column.addStretch(1)
        self.hint = label("", "hint", self)
        column.addWidget(self.hint)
        self.row = QHBoxLayout()
        self.row.setSpacing(16)
        column.addLayout(self.row)
        self.buttons: list[QPushButton] = []
        self._lines: list[QWidget] = []
        self._focus: QPushButton | None = None
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._on_enter_pressed)

    def show_message(
        self,
        title: str,
        lines: Sequence[tuple[str, str]],
        choices: Sequence[Choice],
        *,
        huge: str = "",
        hint: str = "",
    ) -> None:
        """``lines`` are (text, role) pairs. The primary choice gets the keyboard focus."""
        self.title.setText(title)
        for old in self._lines:
            old.deleteLater()
        self._lines = []
        for text, role in lines:
            line = label(text, role, self)
            self.body.addWidget(line)
            self._lines.append(line)
        self.huge.setText(huge)
        self.huge.setVisible(bool(huge))
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        for old_button in self.buttons:
            old_button.deleteLater()
        self.buttons = []
        while self.row.count():
            self.row.takeAt(0)
        self.row.addStretch(1)
        focus: QPushButton | None = None
        for text, primary, action in choices:
            choice = button(text, self, primary=primary)
            choice.setMinimumHeight(64 if primary else 52)
            choice.clicked.connect(action)
            self.row.addWidget(choice)
            self.buttons.append(choice)
            if primary or focus is None:
                focus = choice
        self._focus = focus
        self.take_focus()

    def take_focus(self) -> None:
        """Put the keyboard on the main choice (call after the page is shown)."""
        if self._focus is not None:
            self._focus.setFocus()

    def _on_enter_pressed(self) -> None:
        focused = self.focusWidget()
        if isinstance(focused, QAbstractButton) and focused.isEnabled():
            focused.click()
