"""Therapist mode's own questions, asked through the one dialog service (``ctx.dialogs``).

Yes/no questions in therapist mode default to No: they guard plan changes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coach.domain.allowed import PatientDay
from coach.domain.catalogue import Catalogue, Dosage, Exercise
from coach.domain.i18n import _
from coach.domain.protocol import MAX_REASON
from coach.ui.common.dialogs import Dialogs
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
        self.message = message
        self.setWindowTitle(_("Not allowed in this phase"))
        column = QVBoxLayout(self)
        width_floor(column, 600)
        column.addWidget(label(message, "heading", self))
        column.addWidget(
            label(
                _(
                    "Your reason is saved with the plan and shown to the patient as "
                    '"Your therapist added this: ..."'
                ),
                None,
                self,
            )
        )
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName(_("Your reason"))
        self.reason.setPlaceholderText(_("For example: eases your leg pain; we tried it together."))
        self.reason.setTabChangesFocus(True)
        column.addWidget(self.reason)
        row = QHBoxLayout()
        cancel = button(_("Do not add it"), self)
        self.add_button = button(_("Add with this reason"), self, primary=True)
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


def ask_pin(dialogs: Dialogs, parent: QWidget, mode: TherapistMode) -> bool:
    """The PIN, checked by ``mode``; True when therapist mode is open."""
    return dialogs.ask(PinDialog(mode, parent))


def new_pin(dialogs: Dialogs, parent: QWidget, mode: TherapistMode) -> bool:
    """A new PIN, typed twice and saved by ``mode``."""
    return dialogs.ask(NewPinDialog(mode, parent))


def ask_reason(dialogs: Dialogs, parent: QWidget, message: str) -> str | None:
    """The therapist's written reason to add an exercise the rules refuse, or None."""
    dialog = ReasonDialog(message, parent)
    return dialog.reason.toPlainText() if dialogs.ask(dialog) else None


def choose_exercise(
    dialogs: Dialogs, parent: QWidget, catalogue: Catalogue, when: PatientDay
) -> str | None:
    """An exercise id from the picker, or None."""
    picker = ExercisePicker(catalogue, when, parent)
    return picker.chosen() if dialogs.ask(picker) else None


def edit_dose(
    dialogs: Dialogs, parent: QWidget, exercise: Exercise, dosage: Dosage
) -> Dosage | None:
    """The changed dose, or None."""
    dialog = DoseDialog(exercise, dosage, parent)
    return dialog.dosage() if dialogs.ask(dialog) else None


def confirm_import(dialogs: Dialogs, parent: QWidget, preview: ImportPreview) -> bool:
    """Import this plan file, after seeing what it changes?"""
    return dialogs.ask(ImportSummary(preview, parent))
