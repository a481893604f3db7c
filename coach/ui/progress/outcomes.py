"""Outcome measures: the patient rates their own activities (PSFS), the therapist records an
ODI total, and Today shows a reminder at the suggested weeks.

The ODI questionnaire itself is never shown (its licence restricts electronic use): only the
total from the paper form is entered.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coach.domain.i18n import SOURCE, _, current
from coach.domain.outcomes import (
    PSFS_MAX_ACTIVITIES,
    OutcomeError,
    PsfsActivity,
    check_activity_names,
    latest_ratings,
    reminder_due,
)
from coach.ui.common.flow_layout import FlowLayout
from coach.ui.common.screen_stack import guarded_refresh
from coach.ui.common.widgets import button, label
from coach.ui.context import AppContext

RATING_BUTTON = 48


class PsfsDialog(QDialog):
    """Name 3-5 activities (once), then rate each from 0 (cannot do) to 10 (as before)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Rate your activities"))
        self._ctx = ctx
        self._store = ctx.stores.outcomes
        self._pid = ctx.active.require().id or 0
        self._activities: list[PsfsActivity] = self._store.psfs_activities(self._pid)
        self.groups: dict[int, QButtonGroup] = {}
        column = QVBoxLayout(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._names_page())
        self.rate_page = QWidget(self.pages)
        self.pages.addWidget(self.rate_page)
        column.addWidget(self.pages)
        self.error = label("", None, self)
        self.error.setObjectName("error")
        column.addWidget(self.error)
        if self._activities:
            self._build_rating_page()

    # -- naming --------------------------------------------------------------------------------
    def _names_page(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.addWidget(
            label(_("Which activities are hard because of your back?"), "heading", page)
        )
        column.addWidget(
            label(
                _(
                    "Name 3 to 5 everyday things you find hard, for example putting on socks "
                    "or walking to the shops. You will rate the same ones again later."
                ),
                None,
                page,
            )
        )
        self.name_edits: list[QLineEdit] = []
        for number in range(1, PSFS_MAX_ACTIVITIES + 1):
            edit = QLineEdit(page)
            edit.setMaxLength(60)
            name = _("Activity {number}").format(number=number)
            edit.setPlaceholderText(
                name if number <= 3 else _("Activity {number} (if you like)").format(number=number)
            )
            edit.setAccessibleName(name)
            self.name_edits.append(edit)
            column.addWidget(edit)
        for edit, activity in zip(self.name_edits, self._activities, strict=False):
            edit.setText(activity.name)
        self.next_button = button(_("Next"), page, primary=True)
        self.next_button.clicked.connect(self._on_next_clicked)
        column.addWidget(self.next_button)
        return page

    def _on_next_clicked(self) -> None:
        try:
            names = check_activity_names(e.text() for e in self.name_edits)
        except OutcomeError as exc:
            self.error.setText(str(exc))
            return
        self.error.setText("")
        self._activities = self._store.set_psfs_activities(self._pid, names, self._ctx.clock.now())
        self._build_rating_page()

    # -- rating --------------------------------------------------------------------------------
    def _build_rating_page(self) -> None:
        page = QWidget(self.pages)
        grid = QGridLayout(page)
        grid.addWidget(
            label(_("How well can you do each activity today?"), "heading", page), 0, 0, 1, 12
        )
        grid.addWidget(
            label(_("0 = cannot do it at all, 10 = as well as before the problem"), "hint", page),
            1,
            0,
            1,
            12,
        )
        last = latest_ratings(self._store.psfs_entries(self._pid))
        self.groups = {}
        for row, activity in enumerate(self._activities, start=2):
            name = activity.name
            before = last.get(name)
            text = (
                name
                if before is None
                else _("{activity}  (last time: {score})").format(activity=name, score=before)
            )
            grid.addWidget(label(text, None, page), row * 2, 0, 1, 12)
            group = QButtonGroup(page)
            for value in range(11):
                choice = QPushButton(str(value), page)
                choice.setCheckable(True)
                choice.setMinimumSize(RATING_BUTTON, RATING_BUTTON)  # grows with the text
                choice.setAccessibleName(
                    _("{activity}: {score}").format(activity=name, score=value)
                )
                group.addButton(choice, value)
                grid.addWidget(choice, row * 2 + 1, value)
            group.idClicked.connect(lambda _v: self._update_save())
            self.groups[activity.id] = group
        actions = QHBoxLayout()
        change = button(_("Change the activities"), page)
        change.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.save_button = button(_("Save"), page, primary=True)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._on_save_clicked)
        cancel = button(_("Cancel"), page)
        cancel.clicked.connect(self.reject)
        actions.addWidget(change)
        actions.addStretch(1)
        actions.addWidget(cancel)
        actions.addWidget(self.save_button)
        grid.addLayout(actions, 2 * (len(self._activities) + 2), 0, 1, 12)
        old = self.pages.widget(1)
        self.pages.insertWidget(1, page)
        if old is not None:
            self.pages.removeWidget(old)
            old.deleteLater()
        self.rate_page = page
        self.pages.setCurrentIndex(1)

    def _update_save(self) -> None:
        self.save_button.setEnabled(all(g.checkedId() >= 0 for g in self.groups.values()))

    def _on_save_clicked(self) -> None:
        ratings = {activity_id: g.checkedId() for activity_id, g in self.groups.items()}
        now = self._ctx.clock.now()
        self._store.record_psfs(self._pid, now.date(), ratings, now)
        self.accept()


class OdiDialog(QDialog):
    """For the therapist: the ODI total (0-100) from the paper form, and its date."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("ODI score"))
        self._ctx = ctx
        column = QVBoxLayout(self)
        column.addWidget(label(_("For your therapist: Oswestry Disability Index"), "heading", self))
        column.addWidget(
            label(
                _(
                    "Enter the total score (0 to 100) from the questionnaire your therapist "
                    "gave you, and the day it was filled in. Lower is better."
                ),
                None,
                self,
            )
        )
        grid = QGridLayout()
        self.total = QSpinBox(self)
        self.total.setRange(0, 100)
        self.total.setAccessibleName(_("ODI total score"))
        today = ctx.clock.now().date()
        self.day = QDateEdit(QDate(today.year, today.month, today.day), self)
        if current().code != SOURCE:  # month names in the language shown, not the desktop's
            self.day.setLocale(QLocale(current().format_locale))
        self.day.setCalendarPopup(True)
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day.setAccessibleName(_("Date of the questionnaire"))
        grid.addWidget(label(_("Total score"), None, self), 0, 0)
        grid.addWidget(self.total, 0, 1)
        grid.addWidget(label(_("Date"), None, self), 1, 0)
        grid.addWidget(self.day, 1, 1)
        column.addLayout(grid)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

    def _on_save_clicked(self) -> None:
        profile = self._ctx.active.require()
        store = self._ctx.stores.outcomes
        chosen = self.day.date()
        day = date(chosen.year(), chosen.month(), chosen.day())
        store.record_odi(profile.id or 0, day, self.total.value(), self._ctx.clock.now())
        self.accept()


class OutcomeButtons(QWidget):
    """'Rate my activities' and 'ODI score' buttons; data_changed is announced after a save."""

    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        row = FlowLayout(self, spacing=10)  # one under the other when the words are long
        self.psfs_button = button(_("&Rate my activities…"), self)
        self.psfs_button.setAccessibleName(_("Rate my activities (PSFS)"))
        self.odi_button = button(_("ODI score (therapist)…"), self)
        row.addWidget(self.psfs_button)
        row.addWidget(self.odi_button)
        self.psfs_button.clicked.connect(lambda: self._open(PsfsDialog(ctx, self)))
        self.odi_button.clicked.connect(lambda: self._open(OdiDialog(ctx, self)))
        self.dialog: QDialog | None = None

    def _open(self, dialog: QDialog) -> None:
        if self._ctx.active.profile is None:
            dialog.deleteLater()
            return
        self.dialog = dialog
        dialog.accepted.connect(self._on_saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_saved(self) -> None:
        self.saved.emit()


class OutcomeReminderCard(QFrame):
    """Shown on Today at 2, 6, 12, 26 and 52 weeks after surgery until the PSFS is rated."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setProperty("role", "card")
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        self.title = label("", "heading", self)
        self.text = label(
            _(
                "Please rate your everyday activities again. It takes about two minutes and "
                "shows you and your therapist how you are getting on."
            ),
            None,
            self,
        )
        self.buttons = OutcomeButtons(ctx, self)
        self.buttons.odi_button.hide()
        column.addWidget(self.title)
        column.addWidget(self.text)
        column.addWidget(self.buttons)
        ctx.active.changed.connect(self.refresh)
        ctx.active.data_changed.connect(self.refresh)
        self.refresh()

    @guarded_refresh
    def refresh(self) -> None:
        profile = self._ctx.active.profile
        reminder = None
        if profile is not None and profile.id is not None:
            days = [e.day for e in self._ctx.stores.outcomes.psfs_entries(profile.id)]
            reminder = reminder_due(profile.surgery_date, self._ctx.clock.now().date(), days)
        self.setVisible(reminder is not None)
        if reminder is not None:
            self.title.setText(reminder.title)
