"""Deleting a patient profile, only after its name is typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coach.ui.common.widgets import button, label, width_floor


class DeleteProfileDialog(QDialog):
    """Deleting is for good: the button works only once the name is typed exactly."""

    def __init__(self, nickname: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._nickname = nickname
        self.setWindowTitle("Delete a profile")
        column = QVBoxLayout(self)
        width_floor(column, 600)
        column.setSpacing(12)
        column.addWidget(label(f"Delete {nickname} and all their data?", "heading", self))
        column.addWidget(
            label(
                f"This removes {nickname}'s plan, sessions, pain scores, walking and notes "
                "from this computer. A backup copy of all data is saved first, in the data "
                "folder's backups.",
                None,
                self,
            )
        )
        column.addWidget(label(f"To confirm, type the name: {nickname}", None, self))
        self.typed = QLineEdit(self)
        self.typed.setAccessibleName("Type the profile's name to confirm")
        column.addWidget(self.typed)
        row = QHBoxLayout()
        cancel = button("Keep the profile", self)
        self.delete_button = button("Delete for good", self, primary=True)
        self.delete_button.setEnabled(False)
        row.addWidget(cancel)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        column.addLayout(row)
        cancel.setDefault(True)
        cancel.clicked.connect(self.reject)
        self.delete_button.clicked.connect(self.accept)
        self.typed.textChanged.connect(self._on_text_changed)

    def _on_text_changed(self, text: str) -> None:
        self.delete_button.setEnabled(text.strip() == self._nickname.strip())
