"""Choosing an exercise to add, from the whole catalogue with the library's filters.

Exercises the phase restricts are listed too, marked with the reason, so that a therapist can
knowingly add one (with a stated reason); therapist-only exercises can be shown or hidden.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coach.domain.catalogue import (
    CATEGORY_LABELS,
    POSITION_LABELS,
    TAG_LABELS,
    Catalogue,
    Exercise,
)
from coach.domain.protocol import Phase
from coach.domain.safety import blocked_movements
from coach.ui.widgets import button, label

ALL = ""


def matches(
    exercise: Exercise,
    *,
    category: str = ALL,
    position: str = ALL,
    text: str = "",
    blocked: frozenset[str] = frozenset(),
    allowed_only: bool = False,
    therapist_only: bool = True,
) -> bool:
    """The library's filters: kind, position, words in the name or summary, allowed now."""
    if category and exercise.category != category:
        return False
    if position and exercise.position != position:
        return False
    if allowed_only and blocked:
        return False
    if exercise.therapist_only and not therapist_only:
        return False
    words = text.casefold().split()
    haystack = f"{exercise.name} {exercise.summary}".casefold()
    return all(word in haystack for word in words)


class ExercisePicker(QDialog):
    """Pick one exercise for a phase; the restricted ones say why."""

    def __init__(
        self,
        catalogue: Catalogue,
        phase: Phase,
        extra_restrictions: frozenset[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._phase = phase
        self._extra = extra_restrictions
        self.setWindowTitle("Add an exercise")
        self.resize(760, 640)
        column = QVBoxLayout(self)
        column.addWidget(label(f"Add an exercise to {phase.title}", "heading", self))
        grid = QGridLayout()
        self.category = QComboBox(self)
        self.category.setAccessibleName("Kind of exercise")
        self.category.addItem("All kinds", ALL)
        for key, text in CATEGORY_LABELS.items():
            self.category.addItem(text, key)
        self.position = QComboBox(self)
        self.position.setAccessibleName("Position")
        self.position.addItem("All positions", ALL)
        for key, text in POSITION_LABELS.items():
            self.position.addItem(text, key)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search by name")
        self.search.setAccessibleName("Search by name")
        self.allowed_only = QCheckBox("Only what this phase allows", self)
        self.therapist_only = QCheckBox("Show therapist-only exercises", self)
        self.therapist_only.setChecked(True)
        grid.addWidget(self.category, 0, 0)
        grid.addWidget(self.position, 0, 1)
        grid.addWidget(self.search, 1, 0, 1, 2)
        grid.addWidget(self.allowed_only, 2, 0)
        grid.addWidget(self.therapist_only, 2, 1)
        column.addLayout(grid)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Exercises")
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        column.addWidget(self.list, 1)
        row = QHBoxLayout()
        cancel = button("Cancel", self)
        self.add_button = button("Add this exercise", self, primary=True)
        row.addWidget(cancel)
        row.addStretch(1)
        row.addWidget(self.add_button)
        column.addLayout(row)
        cancel.clicked.connect(self.reject)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.list.itemDoubleClicked.connect(lambda _item: self._on_add_clicked())
        self.list.currentItemChanged.connect(lambda *_: self._update_button())
        for box in (self.category, self.position):
            box.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.allowed_only.toggled.connect(self.refresh)
        self.therapist_only.toggled.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for exercise in self._catalogue:
            blocked = blocked_movements(exercise, self._phase, self._extra)
            if not matches(
                exercise,
                category=self.category.currentData(),
                position=self.position.currentData(),
                text=self.search.text(),
                blocked=blocked,
                allowed_only=self.allowed_only.isChecked(),
                therapist_only=self.therapist_only.isChecked(),
            ):
                continue
            lines = [f"{exercise.name}  ·  {exercise.category_label}, {exercise.position_label}"]
            if exercise.therapist_only:
                lines.append("Therapist only")
            if blocked:
                words = ", ".join(TAG_LABELS[t] for t in sorted(blocked))
                lines.append(f"Not allowed in this phase: {words} (needs your reason)")
            item = QListWidgetItem("\n".join(lines), self.list)
            item.setData(Qt.ItemDataRole.UserRole, exercise.id)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_button()

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _update_button(self) -> None:
        self.add_button.setEnabled(self.list.currentItem() is not None)

    def _on_add_clicked(self) -> None:
        if self.chosen() is not None:
            self.accept()
