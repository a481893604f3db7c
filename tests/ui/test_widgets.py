"""Shared building blocks: the leave-or-keep-going question answers safely by default."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from coach.ui.common.widgets import ask_to_leave


@pytest.mark.parametrize(("press", "left"), [("Keep going", False), ("Stop", True)])
def test_ask_to_leave(qtbot: QtBot, press: str, left: bool) -> None:
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)  # not open yet
            return
        default = box.defaultButton()
        seen.append(default.text() if default is not None else "")
        next(b for b in box.buttons() if b.text() == press).click()

    QTimer.singleShot(0, answer)
    assert ask_to_leave(None, "Stop setting up?", "Nothing has been saved yet.", "Stop") is left
    assert seen == ["Keep going"]
