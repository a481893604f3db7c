"""The catalogue as a Qt list model, and a filter on top of it (kind, position, search words,
"allowed in this phase"). The Library shows it; the therapist's plan editor reuses both to pick
exercises "from the library, with its filters".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication

from coach.domain.allowed import PatientDay, Verdict, decide
from coach.domain.catalogue import Catalogue, Exercise
from coach.domain.i18n import N_, _

AnyIndex = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the exercise id (str)
EXERCISE_ROLE = Qt.ItemDataRole.UserRole + 2  # the Exercise itself
NAME_ROLE = Qt.ItemDataRole.UserRole + 3  # the name alone (DisplayRole has a second line)
NOT_NOW_TEXT = N_("Not allowed now")


class ExerciseListModel(QAbstractListModel):
    """One row per exercise, in the catalogue's (name) order. Display text is the name and, on a
    second line, its kind and position; ``icons`` may give a small picture per exercise id."""

    def __init__(
        self,
        catalogue: Catalogue,
        parent: QObject | None = None,
        icons: Callable[[str], QIcon | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._exercises = list(catalogue)
        self._icons = icons

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._exercises)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._exercises):
            return None
        exercise = self._exercises[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{exercise.name}\n{subtitle(exercise)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{exercise.name}, {subtitle(exercise)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return exercise.summary
        if role == Qt.ItemDataRole.DecorationRole and self._icons is not None:
            return self._icons(exercise.id)
        if role == ID_ROLE:
            return exercise.id
        if role == EXERCISE_ROLE:
            return exercise
        if role == NAME_ROLE:
            return exercise.name
        return None

    def exercise(self, row: int) -> Exercise:
        return self._exercises[row]

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """Show another catalogue (a profile's own exercises from an imported plan)."""
        exercises = list(catalogue)
        if exercises == self._exercises:
            return
        self.beginResetModel()
        self._exercises = exercises
        self.endResetModel()

    def row_of(self, exercise_id: str) -> int:
        """The row of ``exercise_id``, or -1."""
        for row, exercise in enumerate(self._exercises):
            if exercise.id == exercise_id:
                return row
        return -1

    def refresh_icons(self) -> None:
        """Ask views to fetch the pictures again (after a theme change)."""
        if self._exercises:
            last = self.index(len(self._exercises) - 1)
            self.dataChanged.emit(self.index(0), last, [Qt.ItemDataRole.DecorationRole])


def subtitle(exercise: Exercise) -> str:
    """'Stretch · Lying on your back': the exercise's kind and position, in the language shown."""
    return f"{_(exercise.category_label)} · {_(exercise.position_label)}"


class ExerciseFilterModel(QSortFilterProxyModel):
    """Filters an ExerciseListModel. ``coach.domain.allowed.decide`` says what "allowed" means
    for a patient on a day (earliest week, "avoid", therapist-only, restricted movements);
    exercises that are not allowed are shown greyed with a second line saying so, or hidden
    when ``allowed_only`` is on. Therapist-only exercises do not count against an exercise
    when ``therapist_only_allowed`` (the plan editor's picker sets it)."""

    def __init__(self, parent: QObject | None = None, *, therapist_only_allowed: bool = False):
        super().__init__(parent)
        self._category: str | None = None
        self._position: str | None = None
        self._words: list[str] = []
        self._allowed_only = False
        self._when: PatientDay | None = None
        self._verdicts: dict[str, Verdict] = {}
        self._therapist_only_allowed = therapist_only_allowed

    # -- settings ------------------------------------------------------------------------------
    def set_category(self, category: str | None) -> None:
        self._category = category or None
        self._refilter()

    def set_position(self, position: str | None) -> None:
        self._position = position or None
        self._refilter()

    def set_search(self, text: str) -> None:
        self._words = text.lower().split()
        self._refilter()

    def set_allowed_only(self, on: bool) -> None:
        self._allowed_only = on
        self._refilter()

    def allowed_only(self) -> bool:
        return self._allowed_only

    def set_rules(self, when: PatientDay | None) -> None:
        """Whose plan and which day (None: no rules, e.g. no profile yet)."""
        self._when = when
        self._verdicts = {}
        self._refilter()
        if self.rowCount():
            last = self.index(self.rowCount() - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last)

    def _refilter(self) -> None:
        self.beginFilterChange()
        self.endFilterChange()

    # -- answers -------------------------------------------------------------------------------
    def verdict(self, exercise: Exercise) -> Verdict | None:
        """The rules' answer for ``exercise`` (None when there are no rules yet)."""
        if self._when is None:
            return None
        found = self._verdicts.get(exercise.id)
        if found is None or found.exercise is not exercise:
            found = decide(exercise, self._when, by_therapist=self._therapist_only_allowed)
            self._verdicts[exercise.id] = found
        return found

    def why_not_allowed(self, exercise: Exercise) -> str | None:
        """Plain words for why ``exercise`` is not allowed now, or None when it is."""
        verdict = self.verdict(exercise)
        if verdict is None:
            if exercise.therapist_only and not self._therapist_only_allowed:
                return _("{exercise} is only done if your therapist adds it to your plan.").format(
                    exercise=exercise.name
                )
            return None
        return None if verdict.allowed else verdict.text

    def is_allowed(self, exercise: Exercise) -> bool:
        return self.why_not_allowed(exercise) is None

    def exercise_at(self, index: AnyIndex) -> Exercise | None:
        value = self.data(index, EXERCISE_ROLE)
        return value if isinstance(value, Exercise) else None

    def index_of(self, exercise_id: str) -> QModelIndex:
        """The proxy index of ``exercise_id`` (invalid when filtered out)."""
        source = self.sourceModel()
        if not isinstance(source, ExerciseListModel):
            return QModelIndex()
        row = source.row_of(exercise_id)
        return self.mapFromSource(source.index(row)) if row >= 0 else QModelIndex()

    # -- QSortFilterProxyModel ------------------------------------------------------------------
    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        source = self.sourceModel()
        if not isinstance(source, ExerciseListModel):
            return True
        exercise = source.exercise(source_row)
        if self._category and exercise.category != self._category:
            return False
        if self._position and exercise.position != self._position:
            return False
        if self._words:
            haystack = " ".join(
                (exercise.name, exercise.summary, subtitle(exercise), exercise.id)
            ).lower()
            if not all(word in haystack for word in self._words):
                return False
        return not (self._allowed_only and not self.is_allowed(exercise))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        value = super().data(index, role)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return value
        exercise = super().data(index, EXERCISE_ROLE)
        if not isinstance(exercise, Exercise) or self.is_allowed(exercise):
            return value
        if role == Qt.ItemDataRole.ForegroundRole:
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        separator = "\n" if role == Qt.ItemDataRole.DisplayRole else ", "
        return f"{value}{separator}{_(NOT_NOW_TEXT)}"
