"""The profile switcher at the top of the rail: whose plan and records every screen shows.

Several patients can share one computer (a therapist's laptop). Switching sets the active
profile, and every screen follows ``ctx.active.changed``. Deleting a profile needs its name typed
and makes a backup first.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QAction, QActionGroup, QResizeEvent
from PySide6.QtWidgets import QMenu, QPushButton, QVBoxLayout, QWidget

from coach.domain.i18n import _
from coach.domain.profile import Profile
from coach.store import StoreError
from coach.ui.common.widgets import elide_right, label, plain_tooltip
from coach.ui.context import AppContext

log = logging.getLogger(__name__)


class ProfileSwitcher(QWidget):
    """One button in the rail: the patient shown, and a menu to switch, add or delete.

    A single control keeps the rail short at 200% text; the menu works with the keyboard
    (Enter or Space opens it, arrows move, Enter chooses).
    """

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._dialogs = ctx.dialogs
        self._profiles: list[Profile] = []
        self._name = ""
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 6, 0, 0)
        column.setSpacing(4)
        column.addWidget(label(_("Patient"), "hint", self))
        self.button = QPushButton(self)
        self.button.setMinimumHeight(44)
        self.button.setObjectName("profile-switcher")
        self.button.setStyleSheet("text-align: left; padding-left: 10px;")
        self.menu = QMenu(self.button)
        self.menu.setStyleSheet("QMenu::item { padding: 12px 28px 12px 36px; }")  # big targets
        self.button.setMenu(self.menu)
        column.addWidget(self.button)
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        ctx.active.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the menu and show the active profile (another screen may have changed it)."""
        self._profiles = self._ctx.repo.profiles()
        active = self._ctx.active.profile
        name = active.nickname if active is not None else _("No patient yet")
        self._name = name
        self._show_name()
        self.button.setToolTip(plain_tooltip(name))
        self.button.setAccessibleName(
            _("Patient: {name}. Switch, add or delete a patient").format(name=name)
        )
        for action in self._group.actions():
            self._group.removeAction(action)
        self.menu.clear()
        for profile in self._profiles:
            action = QAction(profile.nickname, self.menu)
            action.setCheckable(True)
            action.setChecked(active is not None and profile.id == active.id)
            action.setData(profile.id)
            action.triggered.connect(lambda _on=False, p=profile: self.choose(p))
            self._group.addAction(action)
            self.menu.addAction(action)
        if self._profiles:
            self.menu.addSeparator()
        self.new_action = self.menu.addAction(_("New patient…"))
        self.new_action.triggered.connect(self._on_new_triggered)
        self.delete_action = self.menu.addAction(
            _("Delete {name}…").format(name=active.nickname)
            if active is not None
            else _("Delete a patient…")
        )
        self.delete_action.setEnabled(active is not None)
        self.delete_action.triggered.connect(self._on_delete_triggered)

    def _show_name(self) -> None:
        """The name, shortened with '…' to what fits beside the menu arrow."""
        room = max(40, self.button.width() - 44)  # padding and the menu arrow
        metrics = self.button.fontMetrics()
        self.button.setText(elide_right(self._name, metrics, room))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_name()

    def profile_actions(self) -> list[QAction]:
        return [a for a in self.menu.actions() if a.isCheckable()]

    def choose(self, profile: Profile) -> None:
        current = self._ctx.active.profile
        if current is None or current.id != profile.id:
            log.info("switched profile")
            self._ctx.active.set(profile)

    def _on_new_triggered(self) -> None:
        from coach.ui.onboarding.wizard import OnboardingDialog  # only when asked for

        dialog = OnboardingDialog(self._ctx, self)  # it saves the profile and makes it active
        try:
            created = self._dialogs.ask(dialog)
        finally:
            dialog.deleteLater()
        if created:
            log.info("profile created")
            self.refresh()

    def _on_delete_triggered(self) -> None:
        profile = self._ctx.active.profile
        if profile is None or profile.id is None:
            return
        from coach.ui.settings.profile_dialogs import DeleteProfileDialog  # only when asked for

        if not self._dialogs.ask(DeleteProfileDialog(profile.nickname, self)):
            return
        from coach.store.backup import make_backup  # only when deleting: keeps the start quick

        paths = self._ctx.paths
        try:
            backup = make_backup(paths.database, paths.backups, self._ctx.clock.now())
            self._ctx.stores.therapist.delete_profile(profile.id)
        except StoreError as exc:
            self._dialogs.inform(self, _("Nothing was deleted"), str(exc))
            return
        log.info("profile deleted")
        remaining = self._ctx.repo.profiles()
        self._ctx.active.set(remaining[0] if remaining else None)
        self._dialogs.inform(
            self,
            _("Profile deleted"),
            _(
                "{name} and their data were deleted. A backup made just before is kept at\n{file}"
            ).format(name=profile.nickname, file=backup),
        )
