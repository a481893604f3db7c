"""Choosing an exercise to add: the Library's list and filters (kind, position, search,
"allowed in this phase"), with therapist-only exercises included.

Exercises the phase restricts stay listed (greyed, "Not allowed now") unless the filter hides
them, so that a therapist can knowingly pick one and then give a reason.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from coach.domain.allowed import PatientDay
from coach.domain.catalogue import CATEGORY_LABELS, POSITION_LABELS, Catalogue
from coach.domain.i18n import _
from coach.ui.common.widgets import dialog_buttons, label
from coach.ui.common.wrapping import WrapCheckBox
from coach.ui.library.exercise_list_model import ID_ROLE, ExerciseFilterModel, ExerciseListModel


class ExercisePicker(QDialog):
    """Pick one exercise for a phase."""

    def __init__(
        self,
        catalogue: Catalogue,
        when: PatientDay,
        parent: QWidget | None = None,
    ) -> None:
        """``when``: the patient's plan on the first day of the phase being edited."""
        super().__init__(parent)
        self.setWindowTitle(_("Add an exercise"))
        self.resize(760, 640)
        self.model = ExerciseListModel(catalogue, self)
        self.filter = ExerciseFilterModel(self, therapist_only_allowed=True)
        self.filter.setSourceModel(self.model)
        self.filter.set_rules(when)
        phase = when.phase
        column = QVBoxLayout(self)
        heading = _("Add an exercise to {phase}").format(phase=phase.title)
        column.addWidget(label(heading, "heading", self))
        column.addLayout(self._filters())
        self.list = QListView(self)
        self.list.setModel(self.filter)
        self.list.setAccessibleName(_("Exercises"))
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        column.addWidget(self.list, 1)
        column.addWidget(
            label(
                _(
                    "Greyed exercises are not allowed at the start of this phase (a restricted "
                    "movement, too early after this surgery, or avoided after it): if you add "
                    "one, you will be asked for your reason."
                ),
                "hint",
                self,
            )
        )
        self.why_not = label("", "warning", self)
        self.why_not.setObjectName("picker-why-not")
        self.why_not.setVisible(False)
        column.addWidget(self.why_not)
        row, _cancel, self.add_button = dialog_buttons(self, _("Add this exercise"), default=False)
        column.addLayout(row)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.list.doubleClicked.connect(lambda _index: self._on_add_clicked())
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_why_not())
        self.category.currentIndexChanged.connect(
            lambda _i: self.filter.set_category(self.category.currentData())
        )
        self.position.currentIndexChanged.connect(
            lambda _i: self.filter.set_position(self.position.currentData())
        )
        self.search.textChanged.connect(self.filter.set_search)
        self.allowed_only.toggled.connect(self.filter.set_allowed_only)
        self.filter.modelReset.connect(self._select_first)
        self.filter.layoutChanged.connect(self._select_first)
        self.filter.rowsRemoved.connect(self._select_first)
        self.filter.rowsInserted.connect(self._select_first)
        self._select_first()

    def _filters(self) -> QGridLayout:
        grid = QGridLayout()
        self.category = QComboBox(self)
        self.category.setAccessibleName(_("Kind of exercise"))
        self.category.addItem(_("All kinds"), "")
        for key, text in CATEGORY_LABELS.items():
            self.category.addItem(_(text), key)
        self.position = QComboBox(self)
        self.position.setAccessibleName(_("Position"))
        self.position.addItem(_("All positions"), "")
        for key, text in POSITION_LABELS.items():
            self.position.addItem(_(text), key)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search by name"))
        self.search.setAccessibleName(_("Search by name"))
        self.allowed_only = WrapCheckBox(_("Only what this phase allows"), self)
        grid.addWidget(self.category, 0, 0)
        grid.addWidget(self.position, 0, 1)
        grid.addWidget(self.search, 1, 0, 1, 2)
        grid.addWidget(self.allowed_only, 2, 0, 1, 2)
        return grid

    def _select_first(self) -> None:
        if not self.list.currentIndex().isValid() and self.filter.rowCount():
            self.list.setCurrentIndex(self.filter.index(0, 0))
        self.add_button.setEnabled(self.list.currentIndex().isValid())
        self._show_why_not()

    def _show_why_not(self) -> None:
        """Say why the selected exercise is greyed, before the therapist tries to add it."""
        exercise = self.filter.exercise_at(self.list.currentIndex())
        why = self.filter.why_not_allowed(exercise) if exercise is not None else None
        self.why_not.setText(why or "")
        self.why_not.setVisible(bool(why))

    def choose(self, exercise_id: str) -> bool:
        """Select ``exercise_id`` in the list (False when the filters hide it)."""
        index = self.filter.index_of(exercise_id)
        if not index.isValid():
            return False
        self.list.setCurrentIndex(index)
        return True

    def chosen(self) -> str | None:
        index: QModelIndex = self.list.currentIndex()
        value = self.filter.data(index, ID_ROLE) if index.isValid() else None
        return str(value) if value else None

    def _on_add_clicked(self) -> None:
        if self.chosen() is not None:
            self.accept()
