"""Writing down a medicine taken (REFERENCE 9): the name (from the names used before, or new),
optionally its kind, the amount exactly as the patient writes it, and when.

One transaction on Save. The app never suggests or checks a dose; the Journal page says so.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from coach.domain.i18n import N_, _
from coach.domain.medicines import (
    KINDS,
    MAX_AMOUNT,
    MAX_NAME,
    MedicineEntry,
    MedicineError,
    remembered_names,
)
from coach.ui.common.widgets import dialog_buttons, label, size_to_contents, width_floor
from coach.ui.context import AppContext

DAYS = ((N_("Today"), 0), (N_("Yesterday"), 1))


class MedicineDialog(QDialog):
    """A new medicine entry, or an edit of ``entry``."""

    def __init__(
        self,
        ctx: AppContext,
        profile_id: int,
        entry: MedicineEntry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._profile_id = profile_id
        self._store = ctx.stores.medicines
        self._entry = entry
        self.saved_entry: MedicineEntry | None = None
        self.setWindowTitle(_("Edit medicine") if entry else _("I took a medicine"))
        column = QVBoxLayout(self)
        column.setSpacing(12)
        column.addWidget(
            label(_("Edit this medicine") if entry else _("I took a medicine"), "title", self)
        )
        column.addLayout(self._build_form(entry))
        self.message = label("", None, self)
        self.message.setObjectName("medicine-message")
        self.message.hide()
        column.addWidget(self.message)
        row, _cancel, self.save_button = dialog_buttons(self, _("Save"))
        self.save_button.clicked.connect(self._on_save_clicked)
        width_floor(row, 480)
        column.addLayout(row)
        self._fill(entry)
        size_to_contents(self)

    def _build_form(self, entry: MedicineEntry | None) -> QFormLayout:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.name = QComboBox(self)
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.addItems(remembered_names(self._store.entries(self._profile_id)))
        self.name.setCurrentText(entry.name if entry else "")
        self.name.setAccessibleName(_("Medicine name"))
        line = self.name.lineEdit()
        if line is not None:
            line.setMaxLength(MAX_NAME)
            line.setPlaceholderText(_("As written on the box"))
        self.name.currentTextChanged.connect(self._on_name_changed)
        form.addRow(_("Name"), self.name)
        self.kind = QComboBox(self)
        self.kind.addItem(_("Not sure, or I'd rather not say"), "")
        for key, words in KINDS.items():
            self.kind.addItem(_(words), key)
        self.kind.setAccessibleName(_("Kind of medicine (you can leave this)"))
        form.addRow(_("Kind (if you know)"), self.kind)
        self.amount = QLineEdit(self)
        self.amount.setMaxLength(MAX_AMOUNT)
        self.amount.setPlaceholderText(_("For example: 1 tablet"))
        self.amount.setAccessibleName(_("Amount, as you would write it"))
        form.addRow(_("How much (as you would write it)"), self.amount)
        self.day = QComboBox(self)
        for words, _days_ago in DAYS:
            self.day.addItem(_(words))
        self.day.setAccessibleName(_("Which day"))
        self.time = QTimeEdit(self)
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(_("What time"))
        form.addRow(_("Day"), self.day)
        form.addRow(_("Time"), self.time)
        return form

    def _fill(self, entry: MedicineEntry | None) -> None:
        now = self._ctx.clock.now()
        when = entry.at.astimezone(now.tzinfo) if entry else now
        if entry is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(entry.kind)))
            self.amount.setText(entry.amount)
        self.day.setCurrentIndex(1 if when.date() == now.date() - timedelta(days=1) else 0)
        self.time.setTime(QTime(when.hour, when.minute))
        self._on_name_changed(self.name.currentText())

    def _on_name_changed(self, text: str) -> None:
        """A remembered name brings its last kind and amount (the patient can change them)."""
        self.save_button.setEnabled(bool(text.strip()))
        if self._entry is not None:
            return
        from coach.domain.medicines import last_taken

        last = last_taken(self._store.entries(self._profile_id), text.strip()) if text else None
        if last is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(last.kind)))
            self.amount.setText(last.amount)

    def _when(self) -> datetime:
        now = self._ctx.clock.now()
        day = now.date() - timedelta(days=DAYS[self.day.currentIndex()][1])
        time = self.time.time()
        return datetime(day.year, day.month, day.day, time.hour(), time.minute(), tzinfo=now.tzinfo)

    def _on_save_clicked(self) -> None:
        from coach.store.faults import fault_cause

        at = self._when()
        try:
            entry = MedicineEntry(
                self.name.currentText(),
                at,
                at.date(),
                str(self.kind.currentData() or ""),
                self.amount.text(),
            )
            if self._entry is not None:
                entry = replace(entry, id=self._entry.id)
            self.saved_entry = self._store.save(self._profile_id, entry)
        except MedicineError as exc:
            self._say(str(exc))
            return
        except Exception as exc:
            cause = fault_cause(exc)
            if cause is None:
                raise
            self._say(_("The medicine was not saved: {cause}.").format(cause=cause))
            return
        self.accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
