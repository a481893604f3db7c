"""Small building blocks shared by screens: labelled text, cards, big buttons.

These build the first screen, so they stay off PySide6's ``Qt`` namespace (see appearance).
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget


def label(
    text: str, role: str | None = None, parent: QWidget | None = None, *, wrap: bool = True
) -> QLabel:
    """A plain-text label (never rich text: text may come from files or users)."""
    widget = QLabel(text, parent)
    widget.setProperty("textFormat", "PlainText")  # Qt.TextFormat.PlainText, by its name
    widget.setWordWrap(wrap)
    if role:
        widget.setProperty("role", role)
    return widget


def button(text: str, parent: QWidget | None = None, *, primary: bool = False) -> QPushButton:
    """A push button at least 44 px high; the primary one is filled with the accent colour."""
    widget = QPushButton(text, parent)
    widget.setMinimumHeight(44)
    if primary:
        widget.setProperty("role", "primary")
    return widget


def card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    """A framed panel with a vertical layout."""
    frame = QFrame(parent)
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(20, 16, 20, 16)
    layout.setSpacing(10)
    return frame, layout


def elide_right(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` shortened with '…' to fit ``width`` pixels (like ``QFontMetrics.elidedText``,
    which takes a ``Qt`` enum)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    while text and metrics.horizontalAdvance(text + "…") > width:
        text = text[:-1]
    return text + "…"
