"""Does everything on screen fit? Finds text that is cut off and widgets that stick out.

Used by the fit test (every screen and dialog at laptop sizes and big text) and by
``rehab-coach screenshot --check``. A label needs the height its wrapped text takes at its
width (and its longest word must fit across); a button needs its text plus the style's padding
(its size hint); a widget must lie inside its parent, and a scrolling page must not need to
scroll sideways.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QStyle,
    QTableView,
    QWidget,
)

TOLERANCE = 1  # pixels: rounding in layouts


def fit_problems(window: QWidget, size: tuple[int, int] | None = None) -> list[str]:
    """Every problem found in ``window`` and its visible children, one line each."""
    problems: list[str] = []
    if size is not None and (window.width() > size[0] or window.height() > size[1]):
        problems.append(
            f"{_name(window)} is {window.width()}x{window.height()}, "
            f"larger than the screen {size[0]}x{size[1]}"
        )
    for widget in [window, *window.findChildren(QWidget)]:
        if (
            not widget.isVisible()
            or widget.window() is not window  # a dialog over it: checked on its own
            or _inside_complex_widget(widget, window)
        ):
            continue
        problem = _problem(widget, window)
        if problem:
            problems.append(f"{_name(window)}: {problem}")
    return problems


def _problem(widget: QWidget, window: QWidget) -> str | None:
    if isinstance(widget, QLabel):
        return _label_problem(widget)
    if isinstance(widget, QAbstractButton):
        return _button_problem(widget)
    if isinstance(widget, QScrollArea):
        return _sideways_problem(widget)
    if isinstance(widget, QAbstractItemView) and widget.horizontalScrollBar().maximum() > 0:
        return f"{_name(widget)} scrolls sideways"
    if isinstance(widget, QTableView):
        return _cell_problem(widget)
    if widget is not window:
        return _outside_problem(widget)
    return None


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    outside = _outside_problem(label)
    if outside:
        return outside
    if label.wordWrap():
        width = label.contentsRect().width()
        words = re.split(r"[\s\u200b]+", text)
        longest = max((label.fontMetrics().horizontalAdvance(w) for w in words), default=0)
        if longest > width + TOLERANCE:
            return f"label {text!r}: a word needs {longest} px, has {width}"
        needed = label.heightForWidth(label.width())
        if needed > label.height() + TOLERANCE:
            return f"label {text!r}: needs {needed} px high, has {label.height()}"
        return None
    hint = label.minimumSizeHint()  # the text's size, or less for one that scales to fit
    if hint.width() > label.width() + TOLERANCE or hint.height() > label.height() + TOLERANCE:
        return (
            f"label {text!r}: needs {hint.width()}x{hint.height()}, "
            f"has {label.width()}x{label.height()}"
        )
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    outside = _outside_problem(button)
    if outside:
        return outside
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text:
        return None
    if button.hasHeightForWidth():  # its words wrap (common/wrapping.py): as a label's
        least = button.minimumSizeHint().width()
        if least > button.width() + TOLERANCE:
            return f"button {text!r}: a word needs {least} px, has {button.width()}"
        needed = button.heightForWidth(button.width())
        if needed > button.height() + TOLERANCE:
            return f"button {text!r}: needs {needed} px high, has {button.height()}"
        return None
    hint = button.sizeHint()
    if isinstance(button, QPushButton):
        # The hint is the text plus the style's padding: half the padding may go before
        # the text shows cut off.
        slack = max(0, (hint.width() - button.fontMetrics().horizontalAdvance(text)) // 2)
    else:
        slack = 0
    if hint.width() - slack > button.width() + TOLERANCE:
        return f"button {text!r}: needs {hint.width()} px wide, has {button.width()}"
    high = button.fontMetrics().height()
    if high > button.height():
        return f"button {text!r}: needs {high} px high, has {button.height()}"
    return None


def _cell_problem(table: QTableView) -> str | None:
    """A column too narrow for a word of its cells (with wrapping), or for the whole text
    (without): Qt then shows "…" instead of the words."""
    model = table.model()
    if model is None:
        return None
    margin = 2 * (
        table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    )
    area = table.viewport().rect()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            text = model.data(index)
            if not isinstance(text, str) or not text or table.isColumnHidden(column):
                continue
            if not table.visualRect(index).intersects(area):
                continue
            font = model.data(index, Qt.ItemDataRole.FontRole)
            metrics = QFontMetrics(font) if isinstance(font, QFont) else table.fontMetrics()
            parts = re.split(r"\s+", text) if table.wordWrap() else text.splitlines()
            needed = max((metrics.horizontalAdvance(p) for p in parts), default=0) + margin
            if needed > table.columnWidth(column) + TOLERANCE:
                return (
                    f"{_name(table)}: cell {text!r} needs {needed} px wide, "
                    f"column {column} has {table.columnWidth(column)}"
                )
    return None


def _sideways_problem(scroll: QScrollArea) -> str | None:
    body = scroll.widget()
    if body is None:
        return None
    if body.width() > scroll.viewport().width() + TOLERANCE:
        return f"{_name(body)} scrolls sideways ({body.width()} px in {scroll.viewport().width()})"
    return None


def _outside_problem(widget: QWidget) -> str | None:
    parent = widget.parentWidget()
    if parent is None or widget.isWindow() or _is_viewport(parent):
        return None
    geometry = widget.geometry()
    inside = parent.rect().adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE)
    if inside.contains(geometry):
        return None
    return (
        f"{_name(widget)} at {geometry.x()},{geometry.y()} {geometry.width()}x"
        f"{geometry.height()} sticks out of {_name(parent)} ({parent.width()}x{parent.height()})"
    )


def _is_viewport(widget: QWidget) -> bool:
    owner = widget.parentWidget()
    return isinstance(owner, QAbstractScrollArea) and owner.viewport() is widget


def _inside_complex_widget(widget: QWidget, window: QWidget) -> bool:
    """Parts of item views, combo boxes, scroll bars and line edits (the clear button) are
    placed and clipped by Qt itself."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractItemView | QComboBox | QScrollBar | QLineEdit):
            return True
        parent = parent.parentWidget()
    return isinstance(widget, QScrollBar)


def _name(widget: QWidget) -> str:
    name = widget.objectName() or widget.accessibleName() or widget.windowTitle()
    kind = type(widget).__name__
    return f"{kind} {name!r}" if name else kind
