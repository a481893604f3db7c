"""Easier or skip: what a patient can do when an exercise is too much today (REFERENCE 4).

One big button per choice, so it works with a finger, a mouse or the keyboard. The therapist's
plan does not change: the choice is recorded with this session and shown to the therapist.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from coach.domain.timer import SKIP_REASONS
from coach.ui.common.widgets import button, label

EASIER = "easier"
SKIP_WORDS = {
    "pain": "Skip it: it hurts",
    "tired": "Skip it: I am too tired",
    "other": "Skip it: another reason",
}


class ChangeDialog(QDialog):
    """Returns the choice in ``choice``: ``EASIER`` or one of ``SKIP_REASONS`` (None: keep on)."""

    def __init__(self, exercise_name: str, easier_name: str | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Easier or skip")
        self.choice: str | None = None
        self.exercise_name, self.easier_name = exercise_name, easier_name
        column = QVBoxLayout(self)
        column.setSpacing(10)
        column.addWidget(label(f"Is {exercise_name} too much today?", "heading", self))
        self.buttons: dict[str, QPushButton] = {}
        if easier_name is not None:
            self._add(column, EASIER, f"Do the easier one instead: {easier_name}", primary=True)
        else:
            column.addWidget(label("This exercise has no easier version.", "hint", self))
        for reason in SKIP_REASONS:
            self._add(column, reason, SKIP_WORDS[reason])
        keep = button("Keep going", self)
        keep.clicked.connect(self.reject)
        column.addWidget(keep)
        column.addWidget(label("Your choice is saved and your therapist can see it.", "hint", self))

    def _add(self, column: QVBoxLayout, key: str, text: str, *, primary: bool = False) -> None:
        choice = button(text, self, primary=primary)
        choice.setObjectName(f"change-{key}")
        choice.clicked.connect(lambda _=False, k=key: self._choose(k))
        column.addWidget(choice)
        self.buttons[key] = choice

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()
