"""Small layout pieces used by Today and the Library: a calm notice box and emptying a layout."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLayout, QVBoxLayout, QWidget

from coach.ui.common.widgets import label

NOTICE_STYLE = """
QFrame[role="notice"] { background: palette(alternate-base); border: none;
    border-left: 6px solid #c98a00; border-radius: 8px; }
"""


def notice(parent: QWidget, title: str) -> tuple[QFrame, QVBoxLayout]:
    """A calm box with an amber edge (not an alarm), for "stop if" and "not allowed now"."""
    frame = QFrame(parent)
    frame.setProperty("role", "notice")
    frame.setStyleSheet(NOTICE_STYLE)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 12, 16, 12)
    layout.addWidget(label(title, "heading", frame))
    return frame, layout


def clear(layout: QLayout, keep: int = 0) -> None:
    """Remove and delete every widget of ``layout`` after the first ``keep`` items."""
    while layout.count() > keep:
        item = layout.takeAt(keep)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()  # at once: deleteLater waits for the event loop
            widget.deleteLater()
