"""Composing screenshots for ``rehab-coach screenshot``: a dialog over its dimmed window."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPixmap


def over_window(base: QPixmap, top: QPixmap) -> QPixmap:
    """A dialog drawn over the dimmed window, as a person sees it."""
    picture = QPixmap(base)
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 110))
    x = (picture.width() - top.width()) // 2
    y = (picture.height() - top.height()) // 2
    painter.setPen(QColor("#444444"))
    painter.drawRect(x - 1, y - 1, top.width() + 1, top.height() + 1)
    painter.drawPixmap(x, y, top)
    painter.end()
    return picture
