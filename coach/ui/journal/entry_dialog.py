"""A leg-pain journal entry (REFERENCE 8): where on the body, how strong, what it feels like,
what helped or made it worse, and a note.

Quick: tap a place (it is marked at the last score used, 5 at first), tap a number, Save.
A new entry is saved as a draft at every change (``JournalStore.save_draft``), so closing the
window or a crash loses nothing: the journal opens the draft again next time. Editing a saved
entry changes it only on Save. After Save, new or worse numbness or weakness asks the owner to
open the warning-signs check (``check_needed``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QDialog, QPlainTextEdit, QVBoxLayout, QWidget

from coach.domain import formats
from coach.domain.i18n import _
from coach.domain.journal import MAX_NOTE, JournalEntry, RegionMark, with_region, without_region
from coach.domain.journal_rules import WINDOW_DAYS, check_prompt, nerve_changes
from coach.ui.common.widgets import button, dialog_buttons, fit_to_screen, label, scroll_area
from coach.ui.context import AppContext
from coach.ui.journal.body_map import BodyMap
from coach.ui.journal.region_parts import FactorTicks, RegionChecklist, RegionEditor

DEFAULT_SCORE = 5


class JournalEntryDialog(QDialog):
    """New entry (``entry`` None: the profile's draft, or a fresh one) or an edit of ``entry``."""

    check_needed = Signal(str)  # why the warning-signs check should open
    saved = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        profile_id: int,
        entry: JournalEntry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._profile_id = profile_id
        self._store = ctx.stores.journal
        self._editing = entry is not None and not entry.draft
        self._current: str | None = None
        self._last_score = DEFAULT_SCORE
        resumed = None if entry is not None else self._store.draft(profile_id)
        now = ctx.clock.now()
        self._entry = entry or resumed or JournalEntry(now, now.date())
        self.setWindowTitle(_("Edit pain entry") if self._editing else _("How is your pain?"))
        self._build(resumed is not None)
        fit_to_screen(self, 1100, 820)
        self._show_entry()

    # -- building ------------------------------------------------------------------------------
    def _build(self, resumed: bool) -> None:
        outer = QVBoxLayout(self)
        scroll = scroll_area(self)
        body = QWidget(scroll)
        column = QVBoxLayout(body)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(12)
        title = _("Edit this pain entry") if self._editing else _("Where do you feel it now?")
        column.addWidget(label(title, "title", body))
        if resumed:
            when = formats.clock(self._entry.at.astimezone(self._ctx.clock.now().tzinfo))
            column.addWidget(
                label(
                    _("You started this entry at {time}. Carry on where you left off.").format(
                        time=when
                    ),
                    None,
                    body,
                )
            )
        column.addWidget(
            label(
                _("Tap a place to mark it; tap it again to remove it. Then choose how strong."),
                "hint",
                body,
            )
        )
        self._build_map(body, column)
        self._build_rest(body, column)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.message = label("", None, self)
        self.message.setObjectName("journal-message")
        self.message.hide()
        outer.addWidget(self.message)
        row, self.cancel_button, self.save_button = dialog_buttons(self, _("Save entry"))
        if not self._editing:
            self.cancel_button.setText(_("Throw away"))
            self.cancel_button.clicked.disconnect()
            self.cancel_button.clicked.connect(self._on_throw_away)
        self.save_button.clicked.connect(self._on_save_clicked)
        outer.addLayout(row)

    def _build_map(self, body: QWidget, column: QVBoxLayout) -> None:
        self._top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.map = BodyMap(body)
        self.map.region_clicked.connect(self._on_map_clicked)
        self.checklist = RegionChecklist(body)
        self.checklist.region_toggled.connect(self._on_region_toggled)
        self.checklist.region_chosen.connect(self._on_region_chosen)
        self.editor = RegionEditor(body)
        self.editor.intensity_chosen.connect(self._on_intensity_chosen)
        self.editor.qualities_changed.connect(self._on_qualities_changed)
        self.remove_button = button(_("Remove this place"), body)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        middle = QVBoxLayout()
        middle.addWidget(self.editor)
        middle.addWidget(self.remove_button)
        middle.addStretch(1)
        self._top.addWidget(self.map, 4)
        self._top.addLayout(middle, 4)
        self._top.addWidget(self.checklist, 3)
        column.addLayout(self._top)

    def _build_rest(self, body: QWidget, column: QVBoxLayout) -> None:
        self.factors = FactorTicks(body)
        self.factors.changed.connect(self._on_factors_changed)
        column.addWidget(self.factors)
        column.addWidget(label(_("Note (if you like)"), None, body))
        self.note = QPlainTextEdit(body)
        self.note.setAccessibleName(_("Note for this entry"))
        self.note.setPlaceholderText(_("What were you doing? Anything else to remember?"))
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(80)
        self.note.textChanged.connect(self._on_note_changed)
        column.addWidget(self.note)

    # -- showing -------------------------------------------------------------------------------
    def entry(self) -> JournalEntry:
        return self._entry

    def _show_entry(self) -> None:
        entry = self._entry
        scores = {m.region: m.intensity for m in entry.marks}
        if self._current not in scores:
            self._current = entry.marks[-1].region if entry.marks else None
        self.map.show_marks(scores, self._current)
        self.checklist.show_marked(scores, self._current)
        mark = entry.mark(self._current) if self._current else None
        self.editor.show_region(
            self._current if mark else None,
            mark.intensity if mark else 0,
            mark.qualities if mark else frozenset(),
        )
        self.remove_button.setEnabled(mark is not None)
        self.factors.show_chosen(entry.helped, entry.worse)
        if self.note.toPlainText() != entry.note:
            self.note.blockSignals(True)
            self.note.setPlainText(entry.note)
            self.note.blockSignals(False)
        self.save_button.setEnabled(bool(entry.marks) or bool(entry.note.strip()))

    def _change(self, entry: JournalEntry) -> None:
        """Every change: shown at once, and a new entry kept as a draft in the store."""
        self._entry = entry
        self._show_entry()
        if not self._editing:
            self._write(draft=True)

    def _write(self, *, draft: bool) -> bool:
        """Save; on a storage fault say so in one sentence and keep everything on screen."""
        from coach.store.faults import fault_cause

        try:
            if draft:
                self._entry = self._store.save_draft(self._profile_id, self._entry, self._now())
            else:
                self._entry = self._store.save(self._profile_id, self._entry, self._now())
        except Exception as exc:
            cause = fault_cause(exc)
            if cause is None:
                raise
            self.message.setText(_("This entry was not saved: {cause}.").format(cause=cause))
            self.message.show()
            return False
        self.message.hide()
        return True

    def _now(self) -> datetime:
        return self._ctx.clock.now()

    # -- handlers ------------------------------------------------------------------------------
    def _on_map_clicked(self, region: str) -> None:
        if self._entry.mark(region) is None:
            self._mark(region)
        elif region == self._current:
            self._change(without_region(self._entry, region))
        else:
            self._current = region
            self._show_entry()

    def _on_region_toggled(self, region: str, on: bool) -> None:
        if on:
            self._mark(region)
        else:
            self._change(without_region(self._entry, region))

    def _on_region_chosen(self, region: str) -> None:
        if self._entry.mark(region) is not None and region != self._current:
            self._current = region
            self._show_entry()

    def _mark(self, region: str) -> None:
        self._current = region
        self._change(with_region(self._entry, RegionMark(region, self._last_score)))

    def _on_intensity_chosen(self, value: int) -> None:
        mark = self._entry.mark(self._current) if self._current else None
        if mark is not None:
            self._last_score = value
            self._change(with_region(self._entry, replace(mark, intensity=value)))

    def _on_qualities_changed(self, qualities: frozenset[str]) -> None:
        mark = self._entry.mark(self._current) if self._current else None
        if mark is not None:
            self._change(with_region(self._entry, replace(mark, qualities=qualities)))

    def _on_remove_clicked(self) -> None:
        if self._current is not None:
            self._change(without_region(self._entry, self._current))

    def _on_factors_changed(self) -> None:
        self._change(
            replace(
                self._entry,
                helped=self.factors.chosen("helped"),
                worse=self.factors.chosen("worse"),
            )
        )

    def _on_note_changed(self) -> None:
        text = self.note.toPlainText()[:MAX_NOTE]
        self._change(replace(self._entry, note=text))

    def _on_throw_away(self) -> None:
        if self._entry.id is not None:
            self._store.discard_draft(self._profile_id)
        self.reject()

    def _on_save_clicked(self) -> None:
        entry = self._entry
        since = entry.day - timedelta(days=WINDOW_DAYS + 1)
        earlier = self._store.entries(self._profile_id, since=since)
        if not self._write(draft=False):
            return
        changes = nerve_changes(self._entry, earlier)
        assert self._entry.id is not None
        self.saved.emit(self._entry.id)
        self.accept()
        if changes:
            self.check_needed.emit(check_prompt(changes))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Map, scores and list side by side when there is room, else one under another."""
        super().resizeEvent(event)
        wide = self.width() >= 150 * self.fontMetrics().averageCharWidth()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._top.direction() != direction:
            self._top.setDirection(direction)
