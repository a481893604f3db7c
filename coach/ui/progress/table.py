"""The charts' numbers as a table, week by week (for screen readers and for people who prefer
numbers to lines). The columns are the charts' own (``Chart.columns``)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from coach.domain.i18n import _
from coach.domain.progress import Progress, WeekRow
from coach.reports import progress_charts
from coach.reports.chart_spec import NO_DATA, Chart, table_cells, table_headers

Index = QModelIndex | QPersistentModelIndex


class ProgressTableModel(QAbstractTableModel):
    """Weeks newest first; a dash where there is no data (read aloud as 'no data')."""

    def __init__(
        self, parent: QObject | None = None, charts: Sequence[Chart] | None = None
    ) -> None:
        super().__init__(parent)
        self._charts = tuple(progress_charts.CHARTS if charts is None else charts)
        self._headers = table_headers(self._charts)
        self._rows: list[list[str]] = []

    def set_rows(self, progress: Progress, rows: Sequence[WeekRow]) -> None:
        self.beginResetModel()
        self._rows = [table_cells(self._charts, progress, r) for r in reversed(rows)]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        text = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _("no data") if text == NO_DATA else text
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None
