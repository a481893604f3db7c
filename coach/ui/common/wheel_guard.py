"""A stray mouse-wheel notch must not change a value: spin boxes, date boxes and drop-down
lists take the wheel only when they have the keyboard focus (clicked or tabbed to), and
charts never do; otherwise the wheel scrolls the page under them.

One filter on the application does this for every window and dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsView,
    QWidget,
)

INSTALLED = "coach-wheel-guard"


class WheelGuard(QObject):
    """Sends a wheel event meant for an unfocused value control (or a chart) to the page's
    scroll bar instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        target = _guarded(watched)
        if target is None:
            return False
        page = _scrolling_page(target)
        if page is not None:
            QApplication.sendEvent(page.verticalScrollBar(), event)
        return True  # never to the control itself


def _guarded(widget: QWidget) -> QWidget | None:
    """The spin box, list or chart the wheel landed on (or on a part of), when it must not
    take the wheel."""
    current: QWidget | None = widget
    while current is not None:
        if isinstance(current, QAbstractSpinBox | QComboBox):
            return None if current.hasFocus() else current
        if isinstance(current, QGraphicsView):
            return current
        if current.isWindow():
            return None
        current = current.parentWidget()
    return None


def _scrolling_page(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area around ``widget`` (not ``widget`` itself)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def install_wheel_guard(app: QApplication) -> None:
    """Once per application."""
    if app.property(INSTALLED):
        return
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    app.setProperty(INSTALLED, True)
