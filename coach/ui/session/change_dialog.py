"""Easier or skip: what a patient can do when an exercise is too much today (REFERENCE 4).

One big button per choice, so it works with a finger, a mouse or the keyboard. The therapist's
plan does not change: the choice is recorded with this session and shown to the therapist.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from coach.domain.i18n import N_, _
from coach.domain.timer import SKIP_REASONS
from coach.ui.common.widgets import button, label

EASIER = "easier"
SKIP_WORDS = {
    "pain": N_("Skip it: it hurts"),
    "tired": N_("Skip it: I am too tired"),
    "other": N_("Skip it: another reason"),
}


class ChangeDialog(QDialog):
    """Returns the choice in ``choice``: ``EASIER`` or one of ``SKIP_REASONS`` (None: keep on)."""

    def __init__(self, exercise_name: str, easier_name: str | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Easier or skip"))
        self.choice: str | None = None
        self.exercise_name, self.easier_name = exercise_name, easier_name
        column = QVBoxLayout(self)
        column.setSpacing(10)
        column.addWidget(
            label(
                _("Is {exercise} too much today?").format(exercise=exercise_name), "heading", self
            )
        )
        self.buttons: dict[str, QPushButton] = {}
        if easier_name is not None:
            easier = _("Do the easier one instead: {easier}").format(easier=easier_name)
            self._add(column, EASIER, easier, primary=True)
        else:
            column.addWidget(label(_("This exercise has no easier version."), "hint", self))
        for reason in SKIP_REASONS:
            self._add(column, reason, _(SKIP_WORDS[reason]))
        keep = button(_("Keep going"), self)
        keep.clicked.connect(self.reject)
        column.addWidget(keep)
        column.addWidget(
            label(_("Your choice is saved and your therapist can see it."), "hint", self)
        )

    def _add(self, column: QVBoxLayout, key: str, text: str, *, primary: bool = False) -> None:
        choice = button(text, self, primary=primary)
        choice.setObjectName(f"change-{key}")
        choice.clicked.connect(lambda _=False, k=key: self._choose(k))
        column.addWidget(choice)
        self.buttons[key] = choice

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()
