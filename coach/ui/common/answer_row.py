"""Big answer buttons side by side while they fit, one under the other when they do not.

A row of buttons is as wide as all their words: in a longer language at 200% text, the
warning-sign check's "None of these" and "Yes, one of these" made the window wider than a
1366 px screen. This row asks only for its widest button; when the width it is given is less
than the buttons need side by side, it stacks them (as Today does with its two columns).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QWidget


class AnswerRow(QWidget):
    """Add buttons with ``add``; each gets an equal share of a row that fits."""

    def __init__(self, parent: QWidget, spacing: int) -> None:
        super().__init__(parent)
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(spacing)
        self._buttons: list[QWidget] = []

    def add(self, widget: QWidget) -> None:
        self._buttons.append(widget)
        self._row.addWidget(widget, 1)

    def side_by_side_width(self) -> int:
        """What the buttons need in one row (the hidden ones need nothing)."""
        shown = [b for b in self._buttons if not b.isHidden()]
        needed = sum(b.minimumSizeHint().width() for b in shown)
        return needed + self._row.spacing() * max(0, len(shown) - 1)

    def minimumSizeHint(self) -> QSize:
        """Only as wide as the widest button: the rest is asked for by stacking."""
        hint = super().minimumSizeHint()
        widest = max((b.minimumSizeHint().width() for b in self._buttons), default=0)
        return QSize(widest, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fits = self.width() >= self.side_by_side_width()
        direction = QBoxLayout.Direction.LeftToRight if fits else QBoxLayout.Direction.TopToBottom
        if self._row.direction() != direction:
            self._row.setDirection(direction)
            self.updateGeometry()  # the height it needs has changed
