"""The Reminders card of Settings: on or off, the times for each routine of this phase, the
evening follow-up, starting at login, and saving the plan as a calendar file.

Times and switches are the profile's (stored, m014); "start at login" is this computer's (the
login item itself is the setting, so it is read back from the system every time).
"""

from __future__ import annotations

import logging
from datetime import time
from pathlib import Path

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QTimeEdit,
    QWidget,
)

from coach.domain.i18n import _, pgettext
from coach.domain.reminder_times import routine_times
from coach.domain.schedule import phase_on
from coach.platform.autostart import Autostart, AutostartError, app_command, for_this_computer
from coach.reports.atomic import ExportError, atomic_write_bytes
from coach.reports.calendar_export import profile_calendar
from coach.store.plans import resolve_plan
from coach.store.reminders import MAX_TIMES_PER_ROUTINE, ReminderSettings
from coach.system.paths import default_data_dir
from coach.ui.active_plan import load_active_plan
from coach.ui.common.screen_stack import guarded_refresh
from coach.ui.common.widgets import button, fill_with_card, label
from coach.ui.common.wrapping import WrapCheckBox
from coach.ui.context import AppContext

log = logging.getLogger(__name__)


def _qtime(at: time) -> QTime:
    return QTime(at.hour, at.minute)


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


class RemindersCard(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        autostart: Autostart | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._dialogs = ctx.dialogs
        self._autostart = autostart if autostart is not None else for_this_computer()
        self._store = ctx.stores.reminders
        self.time_edits: dict[str, list[QTimeEdit]] = {}
        frame, layout = fill_with_card(self)
        self._frame = frame
        layout.addWidget(label(_("Reminders"), "heading", frame))
        self.enabled = WrapCheckBox(_("Remind me when it is time for my exercises"), frame)
        layout.addWidget(self.enabled)
        self.times_grid = QGridLayout()
        self.times_grid.setHorizontalSpacing(12)
        self.times_grid.setColumnStretch(MAX_TIMES_PER_ROUTINE + 1, 1)  # times stay compact
        layout.addLayout(self.times_grid)
        self.follow_up = WrapCheckBox(_("If they are not done, remind me again"), frame)
        layout.addWidget(self.follow_up)
        follow = QHBoxLayout()  # a row of its own: fits at 200% text on a small screen
        self.follow_up_at = QTimeEdit(frame)
        self.follow_up_at.setDisplayFormat("HH:mm")
        self.follow_up_at.setAccessibleName(_("Time of the evening reminder"))
        # Translators: stands before a time field, under "If they are not done, remind me again".
        follow.addWidget(label(pgettext("before a time", "at"), None, frame, wrap=False))
        follow.addWidget(self.follow_up_at)
        follow.addStretch(1)
        layout.addLayout(follow)
        self.at_login = WrapCheckBox(_("Start Rehab Coach when I log in"), frame)
        layout.addWidget(self.at_login)
        self.note = label(
            _(
                "Reminders come while Rehab Coach is open, as a message from its icon and a "
                "card on Today. For reminders when it is closed, start it at login or add your "
                "plan to your calendar."
            ),
            "hint",
            frame,
        )
        layout.addWidget(self.note)
        row = QHBoxLayout()
        self.calendar = button(_("Add to my calendar…"), frame)
        self.calendar.setAccessibleName(_("Save your exercise times as a calendar file"))
        row.addWidget(self.calendar)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = label("", "hint", frame)
        layout.addWidget(self.status)

        self.enabled.toggled.connect(lambda _on: self._save_settings())
        self.follow_up.toggled.connect(lambda _on: self._save_settings())
        self.follow_up_at.editingFinished.connect(self._save_settings)
        self.at_login.toggled.connect(self._on_login_toggled)
        self.calendar.clicked.connect(self.save_calendar)
        ctx.active.changed.connect(self.refresh)
        self.refresh()

    # -- showing -------------------------------------------------------------------------------
    @guarded_refresh
    def refresh(self) -> None:
        active = load_active_plan(self._ctx)
        widgets = (self.enabled, self.follow_up, self.follow_up_at, self.calendar)
        for widget in widgets:
            widget.setEnabled(active is not None)
        self._clear_times()
        self.at_login.blockSignals(True)
        self.at_login.setChecked(self._autostart.enabled())
        self.at_login.blockSignals(False)
        if active is None:
            return
        settings = self._store.settings(active.profile_id)
        for widget, value in (
            (self.enabled, settings.enabled),
            (self.follow_up, settings.follow_up),
        ):
            widget.blockSignals(True)
            widget.setChecked(value)
            widget.blockSignals(False)
        self.follow_up_at.setTime(_qtime(settings.follow_up_at))
        chosen = self._store.times(active.profile_id)
        today = self._ctx.clock.now().date()
        phase = phase_on(active.plan, active.profile.surgery_date, today)
        for row, routine in enumerate(phase.routines):
            name = label(_("{routine}:").format(routine=routine.name), None, self._frame)
            self.times_grid.addWidget(name, row, 0)
            edits = []
            times = routine_times(routine.id, routine.times_per_day, chosen)
            for column, at in enumerate(times, start=1):
                edit = QTimeEdit(_qtime(at), self._frame)
                edit.setDisplayFormat("HH:mm")
                edit.setAccessibleName(
                    _("{routine}, time {number}").format(routine=routine.name, number=column)
                )
                edit.editingFinished.connect(lambda rid=routine.id: self._save_times(rid))
                self.times_grid.addWidget(edit, row, column)
                edits.append(edit)
            self.time_edits[routine.id] = edits
        self._show_enabled()

    def _clear_times(self) -> None:
        while self.times_grid.count():
            item = self.times_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.time_edits = {}

    def _show_enabled(self) -> None:
        on = self.enabled.isChecked()
        for edits in self.time_edits.values():
            for edit in edits:
                edit.setEnabled(on)
        self.follow_up.setEnabled(on)
        self.follow_up_at.setEnabled(on and self.follow_up.isChecked())

    # -- changes -------------------------------------------------------------------------------
    def _profile_id(self) -> int | None:
        profile = self._ctx.active.profile
        return profile.id if profile is not None else None

    def _save_settings(self) -> None:
        profile_id = self._profile_id()
        if profile_id is None:
            return
        settings = ReminderSettings(
            self.enabled.isChecked(), self.follow_up.isChecked(), _time(self.follow_up_at.time())
        )
        self._store.save_settings(profile_id, settings)
        self._show_enabled()
        self.status.setText(_("Saved."))

    def _save_times(self, routine_id: str) -> None:
        profile_id = self._profile_id()
        if profile_id is None:
            return
        times = [_time(edit.time()) for edit in self.time_edits.get(routine_id, [])]
        self._store.set_times(profile_id, routine_id, times)
        self.status.setText(_("Saved. Reminders come at the new times."))

    def _on_login_toggled(self, on: bool) -> None:
        # a folder other than the usual one is named (COACH_DATA_DIR is not set at login)
        custom = self._ctx.paths.root if self._ctx.paths.root != default_data_dir() else None
        try:
            if on:
                self._autostart.enable(app_command(custom))
            else:
                self._autostart.disable()
        except AutostartError as exc:
            self.status.setText(str(exc))
        else:
            self.status.setText(
                _("Rehab Coach starts when you log in ({where}).").format(
                    where=self._autostart.where
                )
                if on
                else _("Rehab Coach no longer starts when you log in.")
            )
        self.at_login.blockSignals(True)
        self.at_login.setChecked(self._autostart.enabled())  # the truth, whatever happened
        self.at_login.blockSignals(False)

    def save_calendar(self) -> None:
        """Ask where, then write the coming weeks as an .ics file (atomically, never into the
        data folder or over a link); say plainly what happened."""
        profile = self._ctx.active.profile
        if profile is None:
            return
        suggested = Path.home() / "rehab-coach-plan.ics"
        path = self._dialogs.save_path(
            self,
            _("Save a calendar file"),
            suggested,
            # Translators: a file-dialog filter; keep "(*.ics)" as it is.
            _("Calendar files (*.ics)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        try:
            current = resolve_plan(self._ctx.db, self._ctx.content, profile)
            times = self._store.times(current.profile_id)
            data = profile_calendar(current, times, self._ctx.clock.now())
            atomic_write_bytes(path, data, data_folder=self._ctx.paths.root)
        except ExportError as exc:
            self._dialogs.inform(self, _("Not saved"), str(exc))
            return
        log.info("calendar file written")
        self._dialogs.inform(
            self,
            pgettext("title", "Saved"),
            _(
                "Saved to:\n{file}\n\nOpen it with your calendar (or send it to your phone) to "
                "add your exercise times. Saving it again later updates the same events."
            ).format(file=path),
        )
