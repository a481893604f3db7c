"""The questions the session asks in dialogs; tests replace this class."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from coach.ui.common.widgets import ask_to_leave, inform
from coach.ui.session.change_dialog import ChangeDialog


class Dialogs:
    """Static methods so a test can pass a subclass that answers without a person."""

    @staticmethod
    def confirm_stop(parent: QWidget) -> bool:
        return ask_to_leave(
            parent,
            "Stop the session?",
            "Do you want to stop now?\nWhat you have done so far is saved.",
            "Stop the session",
        )

    @staticmethod
    def choose_change(parent: QWidget, exercise_name: str, easier_name: str | None) -> str | None:
        """'easier', a skip reason ('pain', 'tired', 'other'), or None to keep going."""
        dialog = ChangeDialog(exercise_name, easier_name, parent)
        return dialog.choice if dialog.exec() == QDialog.DialogCode.Accepted else None

    @staticmethod
    def inform(parent: QWidget, title: str, text: str) -> None:
        inform(parent, title, text)
