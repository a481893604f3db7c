"""The profile switcher at the top of the rail: whose plan and records every screen shows.

Several patients can share one computer (a therapist's laptop). Switching sets the active
profile, and every screen follows ``ctx.active.changed``. Deleting a profile needs its name typed
and makes a backup first.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile
from coach.store import StoreError
from coach.store.backup import make_backup
from coach.store.therapist import TherapistStore
from coach.ui.context import AppContext
from coach.ui.profile_dialogs import DeleteProfileDialog, NewProfileDialog
from coach.ui.widgets import button, label

log = logging.getLogger(__name__)


class ProfileDialogs:
    """The switcher's questions; tests replace these."""

    @staticmethod
    def new_profile(parent: QWidget, taken: list[str], today: date) -> Profile | None:
        dialog = NewProfileDialog(taken, today, parent)
        return dialog.profile if dialog.exec() == QDialog.DialogCode.Accepted else None

    @staticmethod
    def confirm_delete(parent: QWidget, nickname: str) -> bool:
        return DeleteProfileDialog(nickname, parent).exec() == QDialog.DialogCode.Accepted

    @staticmethod
    def inform(parent: QWidget, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()


class ProfileSwitcher(QWidget):
    """A list of profiles with New and Delete; keeps in step with the active profile."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        dialogs: type[ProfileDialogs] = ProfileDialogs,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._dialogs = dialogs
        self._profiles: list[Profile] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 6, 0, 0)
        column.setSpacing(6)
        column.addWidget(label("Patient", "hint", self))
        self.choice = QComboBox(self)
        self.choice.setAccessibleName("Choose the patient")
        self.choice.setObjectName("profile-choice")
        column.addWidget(self.choice)
        self.new_button = button("New patient…", self)
        self.new_button.setAccessibleName("Make a new patient profile")
        self.delete_button = button("Delete patient…", self)
        self.delete_button.setAccessibleName("Delete this patient profile")
        column.addWidget(self.new_button)
        column.addWidget(self.delete_button)
        self.choice.currentIndexChanged.connect(self._on_choice_changed)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        ctx.active.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Reload the list and select the active profile (another screen may have changed it)."""
        self._profiles = self._ctx.repo.profiles()
        active = self._ctx.active.profile
        self.choice.blockSignals(True)
        self.choice.clear()
        for profile in self._profiles:
            self.choice.addItem(profile.nickname, profile.id)
        index = next(
            (i for i, p in enumerate(self._profiles) if active is not None and p.id == active.id),
            -1,
        )
        self.choice.setCurrentIndex(index)
        self.choice.blockSignals(False)
        self.choice.setEnabled(bool(self._profiles))
        self.delete_button.setEnabled(active is not None)

    def _on_choice_changed(self, index: int) -> None:
        if 0 <= index < len(self._profiles):
            chosen = self._profiles[index]
            current = self._ctx.active.profile
            if current is None or current.id != chosen.id:
                log.info("switched profile")
                self._ctx.active.set(chosen)

    def _on_new_clicked(self) -> None:
        taken = [p.nickname for p in self._profiles]
        profile = self._dialogs.new_profile(self, taken, self._ctx.clock.now().date())
        if profile is None:
            return
        plan = plan_from_protocol(self._ctx.content.protocols[profile.surgery])
        saved = self._ctx.repo.add_profile(profile, self._ctx.clock.now(), plan)
        log.info("profile created")
        self._ctx.active.set(saved)

    def _on_delete_clicked(self) -> None:
        profile = self._ctx.active.profile
        if profile is None or profile.id is None:
            return
        if not self._dialogs.confirm_delete(self, profile.nickname):
            return
        paths = self._ctx.paths
        try:
            backup = make_backup(paths.database, paths.backups, self._ctx.clock.now())
            TherapistStore(self._ctx.db).delete_profile(profile.id)
        except StoreError as exc:
            self._dialogs.inform(self, "Nothing was deleted", str(exc))
            return
        log.info("profile deleted")
        remaining = self._ctx.repo.profiles()
        self._ctx.active.set(remaining[0] if remaining else None)
        self._dialogs.inform(
            self,
            "Profile deleted",
            f"{profile.nickname} and their data were deleted. A backup made just before is "
            f"kept at\n{backup}",
        )
