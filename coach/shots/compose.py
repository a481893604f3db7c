"""Composing screenshots for ``rehab-coach screenshot``: a dialog over its dimmed window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QWidget


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


def save_grab(widget: QWidget, path: Path) -> Path:
    """Save what ``widget`` shows now as a PNG; a picture that cannot be written is an error."""
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path
