"""Tick boxes, round choices and buttons whose words wrap onto more lines, as a label's do.

Qt's QCheckBox, QRadioButton and QPushButton keep their text on one line, so a long sentence
(Spanish is often a third longer than English, and text may be 200%) makes the page wider than
the window. These draw Qt's own box, circle or bevel and then the words wrapped to the width
they are given, and ask their layout for the height that takes. Everything else (signals, keys,
the accessible text) is Qt's own: they are a QCheckBox, a QRadioButton and a QPushButton.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)


def _text_flags(centred: bool = False) -> int:
    """Wrapped words with their mnemonic underlined; Qt's namespace is loaded only when a
    wrapping widget is first measured, never on the way to the first paint."""
    from PySide6.QtCore import Qt

    place = Qt.AlignmentFlag.AlignCenter if centred else Qt.AlignmentFlag.AlignLeft
    return int(Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic) | int(
        place | Qt.AlignmentFlag.AlignVCenter
    )


class _Wrapping:
    """What the two share; ``_radio`` picks the circle or the box."""

    _radio = False

    def _me(self) -> QAbstractButton:
        return cast(QAbstractButton, self)

    def _setup(self) -> None:
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self._me().setSizePolicy(policy)

    def _indicator(self) -> tuple[int, int]:
        """The box's width plus the gap before the words, and the box's height."""
        metric = QStyle.PixelMetric
        if self._radio:
            sizes = (
                metric.PM_ExclusiveIndicatorWidth,
                metric.PM_RadioButtonLabelSpacing,
                metric.PM_ExclusiveIndicatorHeight,
            )
        else:
            sizes = (
                metric.PM_IndicatorWidth,
                metric.PM_CheckBoxLabelSpacing,
                metric.PM_IndicatorHeight,
            )
        me = self._me()
        width, gap, height = (me.style().pixelMetric(m, None, me) for m in sizes)
        return width + gap, height

    def _text_height(self, width: int) -> int:
        me = self._me()
        indent, _ = self._indicator()
        room = QRect(0, 0, max(1, width - indent), 100_000)
        return me.fontMetrics().boundingRect(room, _text_flags(), me.text()).height()

    def _base_height(self) -> int:
        """Qt's own one-line height, with the style sheet's padding (big targets)."""
        me = self._me()
        if self._radio:
            return int(QRadioButton.sizeHint(cast(QRadioButton, me)).height())
        return int(QCheckBox.sizeHint(cast(QCheckBox, me)).height())

    def _padding(self) -> int:
        me = self._me()
        _, box = self._indicator()
        return max(0, self._base_height() - (max(box, me.fontMetrics().height()) + 2))

    def heightForWidth(self, width: int) -> int:
        _, box = self._indicator()
        return max(box, self._text_height(width)) + 2 + self._padding()

    def hasHeightForWidth(self) -> bool:
        return True

    def sizeHint(self) -> QSize:
        """The words on one line, when there is room for that."""
        me = self._me()
        indent, box = self._indicator()
        line = me.fontMetrics().horizontalAdvance(me.text().replace("&", "")) + 2
        one_line = max(box, me.fontMetrics().height()) + 2
        return QSize(indent + line, max(one_line, self._base_height(), me.minimumHeight()))

    def minimumSizeHint(self) -> QSize:
        """Room for the longest word, at the height the words need at that width."""
        me = self._me()
        indent, _ = self._indicator()
        words = me.text().replace("&", "").split()
        longest = max((me.fontMetrics().horizontalAdvance(w) for w in words), default=0)
        width = indent + longest + 2
        return QSize(width, self.heightForWidth(width))

    def hitButton(self, pos: QPoint) -> bool:
        """A click on the words ticks it, on any of their lines."""
        return self._me().rect().contains(pos)

    def paintEvent(self, event: QPaintEvent) -> None:
        me = self._me()
        painter = QStylePainter(me)
        option = QStyleOptionButton()
        cast(QCheckBox, me).initStyleOption(option)
        text, option.text = option.text, ""
        indent, box = self._indicator()
        option.rect = QRect(0, (me.height() - box) // 2, indent, box)
        control = QStyle.ControlElement
        painter.drawControl(control.CE_RadioButton if self._radio else control.CE_CheckBox, option)
        words = QRect(indent, 0, me.width() - indent, me.height())
        painter.drawItemText(
            words, _text_flags(), option.palette, me.isEnabled(), text, me.foregroundRole()
        )
        if me.hasFocus():  # the app's focus ring (appearance.py), which painting by hand loses
            ring = QPen(me.palette().color(QPalette.ColorRole.WindowText), 3)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(me.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 6, 6)


class WrapCheckBox(_Wrapping, QCheckBox):
    """A QCheckBox whose words wrap."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        QCheckBox.__init__(self, text, parent)
        self._setup()


class WrapRadioButton(_Wrapping, QRadioButton):
    """A QRadioButton whose words wrap."""

    _radio = True

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        QRadioButton.__init__(self, text, parent)
        self._setup()


class WrapPushButton(QPushButton):
    """A QPushButton whose words wrap: for a button that names something long (an exercise,
    in a language a third longer) where cutting the name off would hide what it does."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _padding(self) -> QSize:
        """What the style adds around the words (bevel, margins)."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        line = self.fontMetrics().height()
        size = self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton, option, QSize(0, line), self
        )
        return QSize(size.width(), size.height() - line)

    def heightForWidth(self, width: int) -> int:
        pad = self._padding()
        room = QRect(0, 0, max(1, width - pad.width()), 100_000)
        flags = _text_flags(centred=True)
        words = self.fontMetrics().boundingRect(room, flags, self.text()).height()
        return max(words + pad.height(), super().sizeHint().height())

    def hasHeightForWidth(self) -> bool:
        return True

    def minimumSizeHint(self) -> QSize:
        words = self.text().replace("&", "").split()
        longest = max((self.fontMetrics().horizontalAdvance(w) for w in words), default=0)
        width = longest + self._padding().width() + 2
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        text, option.text = option.text, ""
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        option.text = text
        words = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        role = QPalette.ColorRole.ButtonText
        flags = _text_flags(centred=True)
        painter.drawItemText(words, flags, option.palette, self.isEnabled(), text, role)


def grow_to_fit(window: QWidget) -> None:
    """Make a dialog taller when its words now need more lines (a message that appeared after
    it opened): Qt does not grow a window whose layout wraps text. Never past the screen."""
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    needed = layout.totalHeightForWidth(window.width())
    screen = window.screen()
    if screen is not None:
        needed = min(needed, screen.availableGeometry().height())
    if needed > window.height():
        window.resize(window.width(), needed)
