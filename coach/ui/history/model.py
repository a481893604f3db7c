"""Past sessions as a table model: date, routine, result, pain before and after; journal
entries and medicines taken are rows beside them, in time order (``coach.ui.journal.rows``
says what their cells show)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from coach.domain.i18n import _, pgettext
from coach.domain.journal import JournalEntry
from coach.domain.medicines import MedicineEntry
from coach.domain.pain import Pain
from coach.domain.session_result import RESULT_WORDS
from coach.store.sessions import SessionRecord
from coach.ui.journal.rows import item_cells, item_time, when_words

Index = QModelIndex | QPersistentModelIndex

COLUMN_COUNT = 5  # date, what, result, back pain, leg pain
Item = SessionRecord | JournalEntry | MedicineEntry
SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def column_headers() -> tuple[str, ...]:
    """The table's headers in the current language (pain: the page says so above)."""
    return (
        _("Date"),
        _("What"),
        _("Result"),
        # Translators: a History column header: back pain before → after.
        pgettext("pain column", "Back"),
        # Translators: a History column header: leg pain before → after.
        pgettext("pain column", "Leg"),
    )


def when_text(session: SessionRecord, this_year: int | None = None) -> str:
    """'Tue 24 Nov 2026, 09:16' in the patient's local time (no year when it is
    ``this_year``)."""
    return when_words(datetime.fromisoformat(session.started_at), this_year)


def pain_text(pain: Pain | None) -> str:
    if pain is None:
        return "–"
    return _("back {back}, leg {leg}").format(back=pain.back, leg=pain.leg)


def change_text(before: int | None, after: int | None, *, spoken: bool = False) -> str:
    """'4 → 3' (before → after the session); spoken: 'before 4, after 3'."""
    if before is None and after is None:
        return _("not recorded") if spoken else "–"
    if spoken:
        if before is None:
            return _("after {after}").format(after=after)
        if after is None:
            return _("before {before}").format(before=before)
        return _("before {before}, after {after}").format(before=before, after=after)
    return f"{'–' if before is None else before} → {'–' if after is None else after}"


def result_text(session: SessionRecord) -> str:
    words = _(RESULT_WORDS.get(session.status, session.status))
    if session.gentle and session.status == "done":
        # Translators: a session's result, done in the gentle version.
        return _("{result} (gentle)").format(result=words)
    return words


class HistoryModel(QAbstractTableModel):
    """Sessions newest first. ``SESSION_ID_ROLE`` gives a row's session id."""

    def __init__(self, parent: QObject | None = None, this_year: int | None = None) -> None:
        super().__init__(parent)
        self._sessions: list[Item] = []
        self._this_year = this_year

    def set_sessions(
        self,
        sessions: Sequence[SessionRecord],
        journal: Sequence[JournalEntry] = (),
        medicines: Sequence[MedicineEntry] = (),
    ) -> None:
        """Sessions, journal entries and medicines, newest first."""
        self.beginResetModel()
        items: list[Item] = [*sessions, *journal, *medicines]
        self._sessions = sorted(items, key=_time, reverse=True)
        self.endResetModel()

    def session_at(self, row: int) -> SessionRecord | None:
        item = self.item_at(row)
        return item if isinstance(item, SessionRecord) else None

    def item_at(self, row: int) -> Item | None:
        return self._sessions[row] if 0 <= row < len(self._sessions) else None

    def row_of(self, session_id: int, kind: type = SessionRecord) -> int:
        for row, item in enumerate(self._sessions):
            if isinstance(item, kind) and item.id == session_id:
                return row
        return -1

    def remove_session(self, session_id: int, kind: type = SessionRecord) -> None:
        row = self.row_of(session_id, kind)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._sessions[row]
        self.endRemoveRows()

    def replace_session(self, session: SessionRecord) -> None:
        """After an edit (a note): the row shows the stored record again."""
        row = self.row_of(session.id)
        if row < 0:
            return
        self._sessions[row] = session
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sessions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None or not 0 <= index.column() < COLUMN_COUNT:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            spoken = role == Qt.ItemDataRole.AccessibleTextRole
            if not isinstance(item, SessionRecord):
                return item_cells(item, self._this_year, spoken=spoken)[index.column()]
            return self._text(item, index.column(), spoken=spoken)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 3:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == SESSION_ID_ROLE and isinstance(item, SessionRecord):
            return item.id
        return None

    def _text(self, session: SessionRecord, column: int, *, spoken: bool) -> str:
        if column == 0:
            return when_text(session, self._this_year)
        if column == 1:
            return session.routine_name
        if column == 2:
            return result_text(session)
        before, after = session.pain_before, session.pain_after
        if column == 3:
            pair = (before.back if before else None, after.back if after else None)
        else:
            pair = (before.leg if before else None, after.leg if after else None)
        return change_text(*pair, spoken=spoken)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return column_headers()[section] if 0 <= section < COLUMN_COUNT else None
        return None


def _time(item: Item) -> str:
    """Sort key: the UTC ISO time the item happened."""
    return item.started_at if isinstance(item, SessionRecord) else item_time(item)
