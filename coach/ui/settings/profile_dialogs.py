"""Deleting a patient profile, only after its name is typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coach.domain.i18n import _
from coach.ui.common.widgets import button, label, width_floor


class DeleteProfileDialog(QDialog):
    """Deleting is for good: the button works only once the name is typed exactly."""

    def __init__(self, nickname: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._nickname = nickname
        self.setWindowTitle(_("Delete a profile"))
        column = QVBoxLayout(self)
        width_floor(column, 600)
        column.setSpacing(12)
        column.addWidget(
            label(_("Delete {name} and all their data?").format(name=nickname), "heading", self)
        )
        column.addWidget(
            label(
                _(
                    "This removes {name}'s plan, sessions, pain scores, walking and notes "
                    "from this computer. A backup copy of all data is saved first, in the data "
                    "folder's backups."
                ).format(name=nickname),
                None,
                self,
            )
        )
        column.addWidget(
            label(_("To confirm, type the name: {name}").format(name=nickname), None, self)
        )
        self.typed = QLineEdit(self)
        self.typed.setAccessibleName(_("Type the profile's name to confirm"))
        column.addWidget(self.typed)
        row = QHBoxLayout()
        cancel = button(_("Keep the profile"), self)
        self.delete_button = button(_("Delete for good"), self, primary=True)
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
