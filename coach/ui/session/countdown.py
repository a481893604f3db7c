"""The player's big seconds: as large as the text size asks, smaller when the window has less
room (a 720 px laptop at 200% text), never cut off."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QStyle, QStyleOption, QWidget

SMALLEST = 0.3  # of the asked-for size: still several times the body text


class CountdownLabel(QLabel):
    """A label whose text is drawn scaled down to fit its rectangle when it must be."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("textFormat", "PlainText")
        self.setProperty("role", "countdown")

    def minimumSizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(round(hint.width() * SMALLEST), round(hint.height() * SMALLEST))

    def fitted_point_size(self) -> float:
        """The point size the text is drawn at in the current rectangle."""
        font = self.font()
        metrics = QFontMetricsF(font)
        room = self.contentsRect()
        text = self.text() or "0"
        scale = min(
            1.0,
            room.height() / max(1.0, metrics.height()),
            room.width() / max(1.0, metrics.horizontalAdvance(text)),
        )
        return max(1.0, font.pointSizeF() * scale)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        font = self.font()
        font.setPointSizeF(self.fitted_point_size())
        painter.setFont(font)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment().value), self.text())
        painter.end()
