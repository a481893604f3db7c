"""The charts' numbers as a table, week by week (for screen readers and for people who prefer
numbers to lines)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from coach.domain.progress import WeekRow
from coach.domain.progress_text import short_date

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    "Week",
    "Dates",
    "Back pain before",
    "Back pain after",
    "Leg pain before",
    "Leg pain after",
    "Sessions done",
    "Walking, minutes a day",
    "Walking goal",
)
NO_DATA = "–"


def _score(value: float | None) -> str:
    return NO_DATA if value is None else f"{value:.1f}"


def row_texts(row: WeekRow) -> list[str]:
    """The cells of one week, as shown."""
    sessions = NO_DATA if row.planned is None else f"{row.done} of {row.planned}"
    walk = (
        NO_DATA if row.walk_average is None else f"{row.walk_average:.0f} on {row.walked_days} days"
    )
    return [
        str(row.week),
        f"{short_date(row.start)} – {short_date(row.end)}",
        _score(row.pain["back", "before"]),
        _score(row.pain["back", "after"]),
        _score(row.pain["leg", "before"]),
        _score(row.pain["leg", "after"]),
        sessions,
        walk,
        NO_DATA if row.goal is None else str(row.goal),
    ]


class ProgressTableModel(QAbstractTableModel):
    """Weeks newest first; a dash where there is no data (read aloud as 'no data')."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []

    def set_rows(self, rows: Sequence[WeekRow]) -> None:
        self.beginResetModel()
        self._rows = [row_texts(r) for r in reversed(rows)]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        text = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return "no data" if text == NO_DATA else text
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None
