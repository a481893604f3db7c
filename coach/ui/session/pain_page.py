"""Pain now: back and leg separately, 0-10 with big buttons (not a tiny slider).

Each scale is one keyboard stop: type a digit (1 then 0 makes 10), or use the arrow keys;
Tab or the down arrow moves to the next scale; Enter goes on once both are answered.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.domain.i18n import N_, _, pgettext
from coach.domain.pain import Pain
from coach.ui.common.widgets import button, label, scroll_page

WORDS = {0: N_("No pain"), 5: N_("Moderate pain"), 10: N_("Worst pain imaginable")}
_STYLE = """
QPushButton[role="score"] { min-width: 48px; min-height: 64px; padding: 4px;
    font-weight: 600; }
QPushButton[role="score"]:checked { background: palette(highlight);
    color: palette(highlighted-text); }
QFrame[role="scale"] { border: 3px solid transparent; border-radius: 10px; }
QFrame[role="scale"][focused="true"] { border: 3px solid palette(highlight); }
"""


class PainScale(QFrame):
    """One 0-10 scale. ``value`` is None until the patient picks a number."""

    changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "scale")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(
            _("{scale}, from 0 (no pain) to 10 (worst pain imaginable)").format(scale=title)
        )
        self._title = title
        self._value: int | None = None
        self._typed_one = False
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        column.addWidget(label(title, "heading", self))
        row = QHBoxLayout()
        row.setSpacing(8)
        self.group = QButtonGroup(self)
        for score in range(11):
            choice = QPushButton(str(score), self)
            choice.setProperty("role", "score")
            choice.setCheckable(True)
            choice.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scale is the keyboard stop
            # Translators: a screen reader's name for one number on a pain scale: "Pain in your
            # back 4".
            choice.setAccessibleName(_("{scale} {score}").format(scale=title, score=score))
            self.group.addButton(choice, score)
            row.addWidget(choice)
        column.addLayout(row)
        words = QHBoxLayout()
        for score, align in (
            (0, Qt.AlignmentFlag.AlignLeft),
            (5, Qt.AlignmentFlag.AlignHCenter),
            (10, Qt.AlignmentFlag.AlignRight),
        ):
            text = label(
                _("{score}: {words}").format(score=score, words=_(WORDS[score])),
                "hint",
                self,
                wrap=False,
            )
            text.setAlignment(align)
            words.addWidget(text, 1)
        column.addLayout(words)
        self.group.idClicked.connect(self._on_score_clicked)

    @property
    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        self._value = value
        self._typed_one = False
        if value is None:
            checked = self.group.checkedButton()
            if checked is not None:
                self.group.setExclusive(False)
                checked.setChecked(False)
                self.group.setExclusive(True)
        else:
            chosen = self.group.button(value)
            if chosen is not None:
                chosen.setChecked(True)
        if value is None:
            said = _("{scale}: not answered").format(scale=self._title)
        else:
            said = _("{scale}: {score}").format(scale=self._title, score=value)
        self.setAccessibleDescription(said)
        self.changed.emit()

    def _on_score_clicked(self, score: int) -> None:
        self.set_value(score)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            digit = key - Qt.Key.Key_0
            typed_ten = digit == 0 and self._typed_one and self._value == 1
            self.set_value(10 if typed_ten else digit)
            self._typed_one = digit == 1
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Plus):
            self.set_value(min(10, (self._value if self._value is not None else -1) + 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Minus):
            self.set_value(max(0, (self._value if self._value is not None else 1) - 1))
        elif key == Qt.Key.Key_Down:
            self.focusNextChild()
        elif key == Qt.Key.Key_Up:
            self.focusPreviousChild()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._show_focus(True)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._show_focus(False)
        super().focusOutEvent(event)

    def _show_focus(self, on: bool) -> None:
        self.setProperty("focused", "true" if on else "false")
        self.style().unpolish(self)
        self.style().polish(self)


class PainPage(QWidget):
    """Asks for back and leg pain; emits ``submitted`` with a ``Pain``."""

    submitted = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        *,
        next_text: str = "",
        cancel_text: str | None = None,
    ) -> None:
        """``next_text`` defaults to "Next"; no cancel button without ``cancel_text``."""
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 20)
        # The questions scroll if a small screen at big text has no room; the buttons stay.
        scroll, body, column = scroll_page(self, spacing=14)
        column.setContentsMargins(40, 24, 40, 8)
        column.addWidget(label(title, "title", body))
        column.addWidget(
            label(_("0 means no pain. 10 means the worst pain you can imagine."), "heading", body)
        )
        self.back = PainScale(_("Pain in your back"), body)
        self.leg = PainScale(_("Pain in your leg or legs"), body)
        column.addWidget(self.back)
        column.addWidget(self.leg)
        column.addWidget(
            # Translators: Tab is the key on the keyboard.
            label(_("Click a number, or type it. Tab goes to the next question."), "hint", body)
        )
        column.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        row = QHBoxLayout()
        row.setContentsMargins(40, 0, 40, 0)
        self.cancel_button = button(cancel_text or "", self)
        self.cancel_button.setVisible(cancel_text is not None)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        self.next_button = button(next_text or pgettext("button", "Next"), self, primary=True)
        row.addWidget(self.next_button)
        outer.addLayout(row)
        self.setTabOrder(self.back, self.leg)
        self.setTabOrder(self.leg, self.next_button)
        for scale in (self.back, self.leg):
            scale.changed.connect(self._update)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.cancel_button.clicked.connect(self.cancelled.emit)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._on_next_clicked)
        self._update()

    def reset(self, pain: Pain | None = None) -> None:
        self.back.set_value(None if pain is None else pain.back)
        self.leg.set_value(None if pain is None else pain.leg)
        self.back.setFocus()

    def take_focus(self) -> None:
        self.back.setFocus()

    def pain(self) -> Pain | None:
        if self.back.value is None or self.leg.value is None:
            return None
        return Pain(self.back.value, self.leg.value)

    def _update(self) -> None:
        self.next_button.setEnabled(self.pain() is not None)

    def _on_next_clicked(self) -> None:
        pain = self.pain()
        if pain is not None:
            self.submitted.emit(pain)
