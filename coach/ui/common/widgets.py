"""Small building blocks shared by screens: labelled text, cards, big buttons.

These build the first screen, so they stay off PySide6's ``Qt`` namespace (see appearance).
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from coach.domain.i18n import _


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


def button(
    text: str, parent: QWidget | None = None, *, primary: bool = False, wrap: bool = False
) -> QPushButton:
    """A push button at least 44 px high; the primary one is filled with the accent colour.
    ``wrap``: its words wrap onto more lines (one that names something long)."""
    if wrap:
        from coach.ui.common.wrapping import WrapPushButton

        widget: QPushButton = WrapPushButton(text, parent)
    else:
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


def fill_with_card(owner: QWidget) -> tuple[QFrame, QVBoxLayout]:
    """Make ``owner`` one card from edge to edge (a widget that is a card); returns the card
    and its column."""
    frame, column = card(owner)
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(frame)
    return frame, column


def width_floor(layout: QBoxLayout, width: int) -> None:
    """Make ``layout``'s window at least ``width`` px wide *and* as wide as its contents need.

    ``setMinimumWidth`` on a dialog would replace the layout's own minimum, so at big text a
    row of buttons could be squeezed and cut off; an invisible spacer only adds a floor."""
    layout.addSpacerItem(QSpacerItem(width, 0))


def fit_to_screen(window: QWidget, width: int, height: int) -> bool:
    """Size ``window`` to ``width`` x ``height``, never larger than the screen's free area.
    True when the free area is not comfortably larger (a 1366x768 laptop): then show the
    window maximised (``showMaximized``; the ``Qt`` enum would slow the start)."""
    free = window.screen().availableGeometry()
    window.resize(min(width, free.width()), min(height, free.height()))
    return free.width() < width + 80 or free.height() < height + 80


def size_to_contents(dialog: QWidget) -> None:
    """Give a dialog the height its wrapped text needs at its width (Qt sizes a new window
    by its size hint, which does not know how many lines a label will wrap to)."""
    dialog.adjustSize()
    layout = dialog.layout()
    if layout is not None and layout.hasHeightForWidth():
        height = layout.totalHeightForWidth(dialog.width())
        dialog.resize(dialog.width(), max(dialog.height(), height))


def dialog_buttons(
    dialog: QDialog, action: str, *, default: bool = True
) -> tuple[QHBoxLayout, QPushButton, QPushButton]:
    """A dialog's last row: Cancel (it closes the dialog) on the left, the one action on the
    right. ``default``: Enter presses the action (not for what cannot be undone)."""
    row = QHBoxLayout()
    cancel = button(_("Cancel"), dialog)
    go = button(action, dialog, primary=True)
    go.setDefault(default)
    row.addWidget(cancel)
    row.addStretch(1)
    row.addWidget(go)
    cancel.clicked.connect(dialog.reject)
    return row, cancel, go


def ask_to_leave(parent: QWidget, title: str, text: str, leave: str) -> bool:
    """A question whose safe answer, "Keep going", is the default; True if ``leave`` is chosen."""
    from PySide6.QtWidgets import QMessageBox  # only when asked: slow to load at start

    box = message_box(parent, title, text, question=True)
    chosen = box.addButton(leave, QMessageBox.ButtonRole.AcceptRole)
    stay = box.addButton(_("Keep going"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.exec()
    return box.clickedButton() is chosen


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as written. Qt guesses rich text for tooltips (there is
    no format to set), so text that could look like a tag is escaped inside a rich-text
    paragraph; other text is left as it is."""
    return f"<p>{escape(text)}</p>" if "<" in text else text


def message_box(parent: QWidget | None, title: str, text: str, *, question: bool = False) -> Any:
    """A QMessageBox whose text is plain text (names and notes may hold markup); no buttons."""
    from PySide6.QtCore import Qt  # only when asked: slow to load at start
    from PySide6.QtWidgets import QMessageBox

    icon = QMessageBox.Icon.Question if question else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Tell something, with an OK button; the text is shown as written."""
    from PySide6.QtWidgets import QMessageBox

    box = message_box(parent, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def ask_yes_no(parent: QWidget | None, title: str, text: str, *, default_no: bool = False) -> bool:
    """A Yes/No question (plain text); True for Yes."""
    from PySide6.QtWidgets import QMessageBox

    box = message_box(parent, title, text, question=True)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if default_no:
        box.setDefaultButton(QMessageBox.StandardButton.No)
    return bool(box.exec() == QMessageBox.StandardButton.Yes)


def scroll_area(parent: QWidget) -> QScrollArea:
    """A frameless scroll area whose content takes its width (at 200% text, pages scroll)."""
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    # Not a Tab stop of its own (an invisible one); it scrolls to the control Tab reaches.
    scroll.setProperty("focusPolicy", "NoFocus")  # Qt.FocusPolicy.NoFocus, by its name
    return scroll


def scroll_page(parent: QWidget, spacing: int) -> tuple[QScrollArea, QWidget, QVBoxLayout]:
    """A whole screen that scrolls: the area, its body, and the body's column (screen margins).

    The caller fills the column, then calls ``scroll.setWidget(body)``.
    """
    scroll = scroll_area(parent)
    body = QWidget(scroll)
    column = QVBoxLayout(body)
    column.setContentsMargins(32, 28, 32, 28)
    column.setSpacing(spacing)
    return scroll, body, column


def breakable_path(path: object) -> str:
    """A file path that a wrapping label may break after any separator (a long path is one
    word to Qt, so at big text it ran off the screen)."""
    return str(path).replace("/", "/\u200b").replace("\\", "\\\u200b")


def elide_right(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` shortened with '…' to fit ``width`` pixels (like ``QFontMetrics.elidedText``,
    which takes a ``Qt`` enum)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    while text and metrics.horizontalAdvance(text + "…") > width:
        text = text[:-1]
    return text + "…"
