"""History: every past session, pain journal entry and medicine in one table; the details of
the chosen one beside it, with its note (editable; a journal entry or medicine opens its own
dialog to edit) and a delete that asks first."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coach.domain.catalogue import Catalogue
from coach.domain.coping import coping_summary
from coach.domain.i18n import _
from coach.domain.learn import tool_labels
from coach.store.sessions import SessionRecord
from coach.ui.active_plan import plan_of_profile
from coach.ui.common.blocks import clear
from coach.ui.common.screen_stack import guarded_refresh
from coach.ui.common.widgets import button, card, label, scroll_area
from coach.ui.context import AppContext
from coach.ui.history.details import session_details
from coach.ui.history.model import HistoryModel, when_text
from coach.ui.journal.history_items import delete_item, edit_item, show_item
from coach.ui.journal.rows import JournalItem

MAX_NOTE = 4000


class HistoryScreen(QWidget):
    """Sessions newest first; choose one to see and change its details."""

    session_deleted = Signal(int)
    note_saved = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._dialogs = ctx.dialogs
        self._store = ctx.stores.sessions
        self._current: int | None = None
        self._item: JournalItem | None = None  # a journal entry or medicine is chosen
        self._stale = False
        self._announcing = False  # our own change: no reload needed

        column = QVBoxLayout(self)
        column.setContentsMargins(32, 28, 32, 28)
        column.setSpacing(14)
        column.addWidget(label(_("History"), "title", self))
        self.empty = label("", "big", self)
        column.addWidget(self.empty)
        column.addWidget(
            label(
                _(
                    "Pain is shown before → after each session (0 = no pain, 10 = worst); a "
                    "pain journal entry shows the strongest back and leg pain marked."
                ),
                "hint",
                self,
            )
        )
        self.coping = label("", None, self)
        self.coping.setObjectName("history-coping")
        column.addWidget(self.coping)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableView(splitter)
        self.model = HistoryModel(self.table, ctx.clock.now().year)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Your sessions, newest first"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The routine's name takes the room left and wraps, so at big text the table does not
        # scroll sideways (the result and the pain columns stay in view).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # a journal row's reach
        header.setMinimumSectionSize(40)
        # The date as wide as it is, up to a quarter of the table (then it wraps).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.model.modelReset.connect(self._fit_date_column_soon)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows choose a session
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        splitter.addWidget(self.table)
        splitter.addWidget(self._details_panel(splitter))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([420, 320])
        column.addWidget(splitter, 1)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self._on_delete_clicked)

        ctx.active.changed.connect(self._on_data_changed)
        ctx.active.data_changed.connect(self._on_data_changed)
        self.reload()

    def _details_panel(self, parent: QWidget) -> QWidget:
        """The chosen session: what happened on the left, its note and actions on the right."""
        scroll = scroll_area(parent)
        frame, layout = card(scroll)
        self.details_title = label(_("Choose a session to see its details."), "heading", frame)
        layout.addWidget(self.details_title)
        columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(24)
        self._columns = columns
        self.details_box = QVBoxLayout()
        columns.addLayout(self.details_box, 3)
        note_column = QVBoxLayout()
        self.note_label = label(_("Your note"), None, frame)
        note_column.addWidget(self.note_label)
        self.note = QPlainTextEdit(frame)
        self.note.setAccessibleName(_("Note for this session"))
        self.note.setPlaceholderText(_("How did it go? Anything to tell your therapist?"))
        self.note.setMinimumHeight(90)
        self.note.setTabChangesFocus(True)
        self.note.textChanged.connect(self._on_note_changed)
        note_column.addWidget(self.note)
        row = QHBoxLayout()
        self.edit_button = button(_("Edit…"), frame, primary=True)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        row.addWidget(self.edit_button)
        self.save_note_button = button(_("Save note"), frame, primary=True)
        self.delete_button = button(_("Delete…"), frame)
        self.delete_button.setAccessibleName(_("Delete what is chosen"))
        self.save_note_button.clicked.connect(self._on_save_note_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        row.addWidget(self.save_note_button)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        note_column.addLayout(row)
        columns.addLayout(note_column, 2)
        layout.addLayout(columns)
        layout.addStretch(1)
        scroll.setWidget(frame)
        self._show_details(None)
        return scroll

    # -- data ----------------------------------------------------------------------------------
    @guarded_refresh
    def reload(self) -> None:
        self._stale = False
        profile = self._ctx.active.profile
        pid = profile.id if profile is not None else None
        stores = self._ctx.stores
        sessions = self._store.sessions(pid) if pid else []
        journal = stores.journal.entries(pid) if pid else []
        medicines = stores.medicines.entries(pid) if pid else []
        self.model.set_sessions(sessions, journal, medicines)
        uses = stores.coping.uses(pid) if pid else []
        self.coping.setText(
            coping_summary([(u.tool, u.minutes, u.local_date) for u in uses], tool_labels())
        )
        self.coping.setVisible(bool(uses))
        anything = bool(sessions or journal or medicines)
        self.empty.setVisible(not anything)
        self.empty.setText(
            "" if anything else _("Your sessions show here once you have done your first one.")
        )
        if anything:
            self.table.selectRow(0)
        else:
            self._show_details(None)

    def _clear_details(self, item: JournalItem | None) -> None:
        self._item = item
        clear(self.details_box)
        for widget in (self.note_label, self.note, self.save_note_button):
            widget.setVisible(item is None)
        self.edit_button.setVisible(item is not None)

    def _show_item(self, item: JournalItem) -> None:
        """A journal entry or medicine: its lines, Edit and Delete."""
        self._current = None
        self._clear_details(item)
        show_item(self.details_title, self.details_box, item, self._ctx.clock.now().year)
        self.delete_button.setEnabled(True)

    def _show_details(self, session_id: int | None) -> None:
        self._current = session_id
        self._clear_details(None)
        session = self._store.session(session_id) if session_id is not None else None
        for widget in (self.note, self.save_note_button, self.delete_button):
            widget.setEnabled(session is not None)
        if session is None:
            self.details_title.setText(_("Choose a session to see its details."))
            self.note.setPlainText("")
            self.save_note_button.setEnabled(False)
            return
        self.details_title.setText(
            _("{routine}, {when}").format(routine=session.routine_name, when=when_text(session))
        )
        parent = self.details_title.parentWidget()
        details = session_details(
            session,
            self._ctx.stores.progress.session_tally(session.id),
            answers=self._store.red_flag_answers(session.id),
            feedback=self._store.feedback(session.id),
            catalogue=_catalogue(self._ctx, session.profile_id),
            red_flags=self._ctx.content.red_flags,
        )
        for detail in details:
            line = _("{title}: {text}").format(title=detail.title, text=detail.text)
            self.details_box.addWidget(label(line, None, parent))
        self.details_box.addStretch(1)
        self.note.blockSignals(True)
        self.note.setPlainText(session.note)
        self.note.blockSignals(False)
        self.save_note_button.setEnabled(False)

    # -- handlers ------------------------------------------------------------------------------
    def _on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {i.row() for i in selected.indexes()}
        item = self.model.item_at(min(rows)) if rows else None
        if item is None or isinstance(item, SessionRecord):
            self._show_details(item.id if item else None)
        else:
            self._show_item(item)

    def _on_note_changed(self) -> None:
        too_long = len(self.note.toPlainText()) > MAX_NOTE
        self.save_note_button.setEnabled(self._current is not None and not too_long)

    def _on_save_note_clicked(self) -> None:
        if self._current is None:
            return
        self._store.set_note(self._current, self.note.toPlainText().strip())
        saved = self._store.session(self._current)
        if saved is not None:
            self.model.replace_session(saved)
        self.save_note_button.setEnabled(False)
        self.note_saved.emit(self._current)

    def _on_edit_clicked(self) -> None:
        if self._item is not None:
            edit_item(self._ctx, self, self._item)

    def _delete_item(self, item: JournalItem) -> None:
        row = self.model.row_of(item.id or 0, type(item))
        self._announcing = True  # the store announces it; this screen updates itself below
        try:
            deleted = delete_item(self._ctx, self, item)
        finally:
            self._announcing = False
        if deleted:
            self.model.remove_session(item.id or 0, type(item))
            self._after_delete(row)

    def _after_delete(self, row: int) -> None:
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        else:
            self._show_details(None)

    def _on_delete_clicked(self) -> None:
        if self._item is not None:
            self._delete_item(self._item)
            return
        session = self._store.session(self._current) if self._current is not None else None
        if session is None:
            return
        if not self._dialogs.confirm(
            self,
            _("Delete this session?"),
            _(
                "The session of {when} ({routine}) and its pain scores will be deleted for "
                "good. Delete it?"
            ).format(when=when_text(session), routine=session.routine_name),
            default_no=True,
        ):
            return
        row = self.model.row_of(session.id)
        self._announcing = True  # the store announces it; this screen updates itself below
        try:
            self._store.delete_session(session.id)
        finally:
            self._announcing = False
        self.model.remove_session(session.id)
        self.session_deleted.emit(session.id)
        self._after_delete(row)

    def _on_data_changed(self) -> None:
        if self._announcing:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Details beside the note when there is room (about 90 characters), else above it."""
        super().resizeEvent(event)
        self._fit_date_column_soon()
        wide = self.width() > 90 * self.fontMetrics().averageCharWidth()
        self._columns.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )

    def _fit_date_column_soon(self) -> None:
        """Once the table has its new width (its viewport is resized after this screen)."""
        QTimer.singleShot(0, self._fit_date_column)

    def _fit_date_column(self) -> None:
        """The date column as wide as its dates, but at most a fifth of the table (never
        narrower than its longest word): in a long language at big text the date wraps and the
        session's name keeps its room."""
        header = self.table.horizontalHeader()
        wanted = max(self.table.sizeHintForColumn(0), header.sectionSizeHint(0))
        metrics = self.table.fontMetrics()
        words = [
            word
            for row in range(self.model.rowCount())
            for word in str(self.model.index(row, 0).data() or "").split()
        ]
        longest = max((metrics.horizontalAdvance(word) for word in words), default=0) + 24
        cap = max(40, longest, self.table.viewport().width() // 5)
        self.table.setColumnWidth(0, min(wanted, cap))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()


def _catalogue(ctx: AppContext, profile_id: int) -> Catalogue:
    """The exercises of the session's profile, its therapist's own included."""
    current = plan_of_profile(ctx, profile_id)
    return current.catalogue if current is not None else ctx.content.catalogue
