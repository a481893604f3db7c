"""One warning sign to tick on the check's "which of these?" step, with its look."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QWidget

from coach.domain.safety import Question
from coach.ui.common.widgets import label

PICK_STYLE = """
QFrame[role="pick"] { border: 1px solid palette(mid); border-radius: 8px;
    background: palette(base); }
QFrame[role="pick"][chosen="true"] { border: 3px solid palette(highlight); }
QCheckBox::indicator { width: 32px; height: 32px; }
"""


class PickRow(QFrame):
    """One sign to choose: a big tick box and the sign's words, which wrap (a button's text
    cannot); a click anywhere on the row ticks it, Space on the box too."""

    def __init__(self, question: Question, parent: QWidget) -> None:
        super().__init__(parent)
        self.setProperty("role", "pick")
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 14, 8)
        row.setSpacing(14)
        self.box = QCheckBox(self)
        self.box.setAccessibleName(question.text)
        words = label(question.sign, "heading", self)
        words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row.addWidget(self.box)
        row.addWidget(words, 1)
        self.box.toggled.connect(self._on_toggled)

    def _on_toggled(self, on: bool) -> None:
        self.setProperty("chosen", "true" if on else "false")
        self.style().unpolish(self)
        self.style().polish(self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.box.toggle()
            self.box.setFocus()
        super().mouseReleaseEvent(event)


def key_shortcut(widget: QWidget, keys: str, slot: Callable[[], None]) -> None:
    shortcut = QShortcut(QKeySequence(keys), widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)
