"""Editing one exercise's dose: sets, times, hold, rest, minutes and pace."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import QDialog, QFormLayout, QSpinBox, QVBoxLayout, QWidget

from coach.domain.catalogue import DOSAGE_LIMITS, Dosage, Exercise
from coach.domain.i18n import N_, _
from coach.ui.common.widgets import dialog_buttons, label, width_floor

FIELD_LABELS = {
    "sets": N_("Sets"),
    "reps": N_("Times in each set"),
    "hold_s": N_("Hold each time (seconds, 0 = no hold)"),
    "rest_s": N_("Rest between sets (seconds)"),
    "minutes": N_("Minutes (walking or cycling; 0 = not timed)"),
    "tempo_s": N_("Seconds for each movement (when there is no hold)"),
}


class DoseDialog(QDialog):
    """Spin boxes limited to the allowed ranges, and the dose in words as it will be shown."""

    def __init__(self, exercise: Exercise, dosage: Dosage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._exercise = exercise
        self.setWindowTitle(_("Dose: {exercise}").format(exercise=exercise.name))
        column = QVBoxLayout(self)
        width_floor(column, 560)
        heading = _("How much {exercise}").format(exercise=exercise.name)
        column.addWidget(label(heading, "heading", self))
        form = QFormLayout()
        self.boxes: dict[str, QSpinBox] = {}
        for f in fields(Dosage):
            box = QSpinBox(self)
            box.setRange(*DOSAGE_LIMITS[f.name])
            box.setValue(getattr(dosage, f.name))
            box.setAccessibleName(_(FIELD_LABELS[f.name]))
            box.valueChanged.connect(self._on_value_changed)
            form.addRow(label(_(FIELD_LABELS[f.name]), None, self, wrap=True), box)
            self.boxes[f.name] = box
        column.addLayout(form)
        self.preview = label("", "big", self)
        column.addWidget(self.preview)
        row, _cancel, ok = dialog_buttons(self, _("Use this dose"))
        column.addLayout(row)
        ok.clicked.connect(self.accept)
        self._on_value_changed()

    def dosage(self) -> Dosage:
        return Dosage(**{name: box.value() for name, box in self.boxes.items()})

    def _on_value_changed(self) -> None:
        self.preview.setText(self.dosage().describe(self._exercise.per_side))
