"""Every question therapist mode asks; tests replace these to answer without a person."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from coach.domain.allowed import PatientDay
from coach.domain.catalogue import Catalogue, Dosage, Exercise
from coach.domain.plan_edit import MAX_REASON
from coach.ui.common.widgets import button, label, width_floor
from coach.ui.therapist.dose_dialog import DoseDialog
from coach.ui.therapist.exercise_picker import ExercisePicker
from coach.ui.therapist.import_summary import ImportPreview, ImportSummary
from coach.ui.therapist.mode import TherapistMode
from coach.ui.therapist.pin_dialog import NewPinDialog, PinDialog


class ReasonDialog(QDialog):
    """Safety said no; the therapist may still add the exercise by writing why."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Not allowed in this phase")
        column = QVBoxLayout(self)
        width_floor(column, 600)
        column.addWidget(label(message, "heading", self))
        column.addWidget(
            label(
                "Your reason is saved with the plan and shown to the patient as "
                '"Your therapist added this: ..."',
                None,
                self,
            )
        )
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName("Your reason")
        self.reason.setPlaceholderText("For example: eases your leg pain; we tried it together.")
        self.reason.setTabChangesFocus(True)
        column.addWidget(self.reason)
        row = QHBoxLayout()
        cancel = button("Do not add it", self)
        self.add_button = button("Add with this reason", self, primary=True)
        row.addWidget(cancel)
        row.addStretch(1)
        row.addWidget(self.add_button)
        column.addLayout(row)
        cancel.clicked.connect(self.reject)
        self.add_button.clicked.connect(self.accept)
        self.reason.textChanged.connect(self._on_text_changed)
        self._on_text_changed()

    def _on_text_changed(self) -> None:
        text = self.reason.toPlainText()
        self.add_button.setEnabled(bool(text.strip()) and len(text) <= MAX_REASON)


def _message(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


class TherapistDialogs:
    """The dialogs, as static methods that tests swap for scripted answers."""

    @staticmethod
    def ask_pin(parent: QWidget, mode: TherapistMode) -> bool:
        return PinDialog(mode, parent).exec() == QDialog.DialogCode.Accepted

    @staticmethod
    def new_pin(parent: QWidget, mode: TherapistMode) -> bool:
        return NewPinDialog(mode, parent).exec() == QDialog.DialogCode.Accepted

    @staticmethod
    def ask_reason(parent: QWidget, message: str) -> str | None:
        dialog = ReasonDialog(message, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.toPlainText()

    @staticmethod
    def choose_exercise(parent: QWidget, catalogue: Catalogue, when: PatientDay) -> str | None:
        picker = ExercisePicker(catalogue, when, parent)
        return picker.chosen() if picker.exec() == QDialog.DialogCode.Accepted else None

    @staticmethod
    def edit_dose(parent: QWidget, exercise: Exercise, dosage: Dosage) -> Dosage | None:
        dialog = DoseDialog(exercise, dosage, parent)
        return dialog.dosage() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @staticmethod
    def confirm_import(parent: QWidget, preview: ImportPreview) -> bool:
        dialog = ImportSummary(preview, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted

    @staticmethod
    def confirm(parent: QWidget, title: str, text: str) -> bool:
        box = _message(parent, QMessageBox.Icon.Question, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    @staticmethod
    def inform(parent: QWidget, title: str, text: str) -> None:
        box = _message(parent, QMessageBox.Icon.Information, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    @staticmethod
    def progress(parent: QWidget, text: str) -> QProgressDialog:
        """A bar with a Cancel button that does not block: work goes on elsewhere. It appears
        only if the work takes longer than a moment. Not modal: a modal QProgressDialog runs
        the event loop inside setValue, which would nest with every progress signal."""
        dialog = QProgressDialog(text, "Cancel", 0, 100, parent)
        dialog.setWindowTitle("Rehab Coach")
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        return dialog

    @staticmethod
    def save_path(parent: QWidget, title: str, suggested: Path, pattern: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), pattern)
        return Path(name) if name else None

    @staticmethod
    def open_path(parent: QWidget, title: str, folder: Path, pattern: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), pattern)
        return Path(name) if name else None
