"""The questions the session asks in dialogs; tests replace this class."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class Dialogs:
    """Static methods so a test can pass a subclass that answers without a person."""

    @staticmethod
    def confirm_stop(parent: QWidget) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Stop the session?")
        box.setText("Do you want to stop now?\nWhat you have done so far is saved.")
        stop = box.addButton("Stop the session", QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton("Keep going", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is stop

    @staticmethod
    def inform(parent: QWidget, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)
