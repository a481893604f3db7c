"""Tick boxes and round choices whose words wrap: a long sentence at big text stays inside a
narrow window on several lines, still ticks on a click anywhere on its words, and the fit
check holds them to their wrapped height."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from coach.ui.common.fit_check import fit_problems
from coach.ui.common.wrapping import WrapCheckBox, WrapPushButton, WrapRadioButton, grow_to_fit

LONG = "Remind me again later in the day if the exercises are still not done by then"


def _window(qtbot: QtBot, *boxes: QWidget) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    for box in boxes:
        column.addWidget(box)
    column.addStretch(1)
    window.resize(260, 400)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_long_words_wrap_inside_a_narrow_window_and_still_tick(qtbot: QtBot) -> None:
    tick = WrapCheckBox(LONG)
    choice = WrapRadioButton(LONG)
    window = _window(qtbot, tick, choice)
    line = tick.fontMetrics().height()
    assert tick.width() <= window.width() and tick.height() >= 3 * line
    assert choice.height() >= 3 * line
    assert fit_problems(window) == []
    qtbot.mouseClick(
        tick, Qt.MouseButton.LeftButton, pos=QPoint(tick.width() - 20, tick.height() - 8)
    )
    assert tick.isChecked()
    assert isinstance(tick, QCheckBox) and tick.text() == LONG


def test_the_fit_check_still_finds_a_box_cut_off(qtbot: QtBot) -> None:
    squeezed = WrapCheckBox(LONG)
    window = _window(qtbot, squeezed)
    squeezed.setFixedHeight(squeezed.fontMetrics().height())
    window.resize(260, 400)
    problems = "\n".join(fit_problems(window))
    assert f"button {LONG!r}: needs" in problems and "px high" in problems


def test_a_button_naming_a_long_exercise_wraps_and_still_clicks(qtbot: QtBot) -> None:
    link = WrapPushButton("Easier: Buttock squeezes lying on your back (not allowed now)")
    window = _window(qtbot, link)
    assert link.width() <= window.width()
    assert link.height() >= 2 * link.fontMetrics().height()
    assert fit_problems(window) == []
    with qtbot.waitSignal(link.clicked):
        qtbot.mouseClick(link, Qt.MouseButton.LeftButton)


def test_a_dialog_grows_when_a_message_needs_more_lines(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDialog, QLabel

    dialog = QDialog()
    qtbot.addWidget(dialog)
    column = QVBoxLayout(dialog)
    message = QLabel("")
    message.setWordWrap(True)
    column.addWidget(message)
    dialog.resize(300, 60)
    dialog.show()
    message.setText(LONG * 3)
    grow_to_fit(dialog)
    assert fit_problems(dialog) == []
    assert dialog.height() > 60
