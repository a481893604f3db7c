"""Which patient profile the app is showing. Screens subscribe to ``changed``."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from coach.domain.profile import Profile


class ActiveProfile(QObject):
    """Holds the current profile (None before onboarding); emits ``changed`` on every switch
    and ``data_changed`` when that profile's records change (session saved, restore, ...)."""

    changed = Signal()
    data_changed = Signal()

    def __init__(self, profile: Profile | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile = profile

    @property
    def profile(self) -> Profile | None:
        return self._profile

    def require(self) -> Profile:
        """The current profile; screens that need one are only shown after onboarding."""
        if self._profile is None:
            raise RuntimeError("no profile yet")
        return self._profile

    def set(self, profile: Profile | None) -> None:
        self._profile = profile
        self.changed.emit()

    def notify_data_changed(self) -> None:
        self.data_changed.emit()
