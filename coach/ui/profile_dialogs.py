"""Making a new patient profile and deleting one (only after typing its name)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coach.domain.profile import MAX_NICKNAME, Profile, ProfileError, Surgery
from coach.ui.widgets import button, label


class NewProfileDialog(QDialog):
    """The few facts a plan needs: a name, the surgery and its date."""

    def __init__(self, taken: list[str], today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._taken = {name.casefold() for name in taken}
        self.setWindowTitle("New patient")
        self.setMinimumWidth(560)
        column = QVBoxLayout(self)
        column.setSpacing(10)
        column.addWidget(label("A new patient profile", "heading", self))
        column.addWidget(label("Name or nickname", None, self))
        self.nickname = QLineEdit(self)
        self.nickname.setMaxLength(MAX_NICKNAME)
        self.nickname.setAccessibleName("Name or nickname")
        column.addWidget(self.nickname)
        column.addWidget(label("Which operation?", None, self))
        self.surgery = QButtonGroup(self)
        for index, surgery in enumerate(Surgery):
            radio = QRadioButton(surgery.label.capitalize(), self)
            radio.setObjectName(f"surgery-{surgery.value}")
            radio.setChecked(index == 0)
            self.surgery.addButton(radio, index)
            column.addWidget(radio)
        column.addWidget(label("Date of the operation", None, self))
        self.surgery_date = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.surgery_date.setCalendarPopup(True)
        self.surgery_date.setDisplayFormat("d MMMM yyyy")
        self.surgery_date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.surgery_date.setAccessibleName("Date of the operation")
        column.addWidget(self.surgery_date)
        self.message = label("", None, self)
        column.addWidget(self.message)
        row = QHBoxLayout()
        cancel = button("Cancel", self)
        self.create_button = button("Make the profile", self, primary=True)
        self.create_button.setDefault(True)
        row.addWidget(cancel)
        row.addStretch(1)
        row.addWidget(self.create_button)
        column.addLayout(row)
        cancel.clicked.connect(self.reject)
        self.create_button.clicked.connect(self._on_create_clicked)
        self.profile: Profile | None = None

    def _on_create_clicked(self) -> None:
        name = self.nickname.text().strip()
        if name.casefold() in self._taken:
            self.message.setText(f"There is already a profile called {name}.")
            return
        value = self.surgery_date.date()
        try:
            self.profile = Profile(
                name,
                list(Surgery)[self.surgery.checkedId()],
                date(value.year(), value.month(), value.day()),
            )
        except ProfileError as exc:
            self.message.setText(str(exc))
            return
        self.accept()


class DeleteProfileDialog(QDialog):
    """Deleting is for good: the button works only once the name is typed exactly."""

    def __init__(self, nickname: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._nickname = nickname
        self.setWindowTitle("Delete a profile")
        self.setMinimumWidth(600)
        column = QVBoxLayout(self)
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
