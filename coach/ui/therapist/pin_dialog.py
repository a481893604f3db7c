"""Asking for the therapist PIN, and setting a new one. Both say plainly what the PIN is not."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, QTimer
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget

from coach.domain.i18n import N_, _
from coach.domain.pin import PIN_MAX, describe_wait
from coach.ui.common.widgets import dialog_buttons, label, width_floor
from coach.ui.common.wrapping import grow_to_fit
from coach.ui.therapist.mode import TherapistMode

PIN_NOTE = N_(
    "The PIN only stops the plan being changed by mistake. It is not encryption: anyone who "
    "uses this computer can still open the data files. Exercises, charts and exports never "
    "need the PIN."
)


def pin_field(parent: QWidget, name: str) -> QLineEdit:
    """A masked field that takes digits only."""
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(PIN_MAX)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d*"), field))
    field.setAccessibleName(name)
    field.setPlaceholderText(_("4 to 8 digits"))
    return field


class PinDialog(QDialog):
    """Enter the PIN to open therapist mode; after wrong tries the button waits a while."""

    def __init__(self, mode: TherapistMode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mode = mode
        self.setWindowTitle(_("Therapist mode"))
        column = QVBoxLayout(self)
        width_floor(column, 520)
        column.setSpacing(14)
        column.addWidget(label(_("Enter the therapist PIN"), "heading", self))
        self.pin = pin_field(self, _("Therapist PIN"))
        column.addWidget(self.pin)
        self.message = label("", None, self)
        self.message.setObjectName("pin-message")
        column.addWidget(self.message)
        column.addWidget(label(_(PIN_NOTE), "hint", self))
        row, self.cancel_button, self.open_button = dialog_buttons(self, _("Open therapist mode"))
        column.addLayout(row)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.pin.returnPressed.connect(self._on_open_clicked)
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._waiting = False  # a wait is shown: say when it is over
        self.refresh()

    def refresh(self) -> None:
        """Disable the button while a wait is running and say how long is left."""
        wait = self._mode.wait_seconds()
        self.open_button.setEnabled(wait <= 0)
        if wait > 0:
            self.message.setText(f"{_('That PIN was not right.')} {describe_wait(wait)}")
            self._waiting = True
        elif self._waiting:
            self.message.setText(_("You can try again now."))
            self._waiting = False

    def _on_open_clicked(self) -> None:
        if not self.open_button.isEnabled():
            return
        problem = self._mode.try_unlock(self.pin.text())
        self.pin.clear()
        if problem is None:
            self.accept()
            return
        self.message.setText(problem)
        self.refresh()
        grow_to_fit(self)  # the message may need more lines than the dialog has


class NewPinDialog(QDialog):
    """Choose a new PIN (typed twice)."""

    def __init__(self, mode: TherapistMode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mode = mode
        changing = mode.has_pin()
        self.setWindowTitle(_("Change the PIN") if changing else _("Set a PIN"))
        column = QVBoxLayout(self)
        width_floor(column, 520)
        column.setSpacing(12)
        column.addWidget(
            label(
                _("Choose a new PIN") if changing else _("Choose a therapist PIN"), "heading", self
            )
        )
        column.addWidget(label(_("New PIN (4 to 8 digits)"), None, self))
        self.first = pin_field(self, _("New PIN"))
        column.addWidget(self.first)
        column.addWidget(label(_("Type it again"), None, self))
        self.second = pin_field(self, _("New PIN again"))
        column.addWidget(self.second)
        self.message = label("", None, self)
        self.message.setObjectName("pin-message")
        column.addWidget(self.message)
        column.addWidget(label(_(PIN_NOTE), "hint", self))
        row, self.cancel_button, self.save_button = dialog_buttons(self, _("Save PIN"))
        column.addLayout(row)
        self.save_button.clicked.connect(self._on_save_clicked)

    def _on_save_clicked(self) -> None:
        if self.first.text() != self.second.text():
            self.message.setText(_("The two PINs are not the same. Please type them again."))
            self.second.clear()
            return
        problem = self._mode.set_pin(self.first.text())
        if problem is not None:
            self.message.setText(problem)
            return
        self.accept()
