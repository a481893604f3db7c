"""Which patient profile the app is showing. Screens subscribe to ``changed`` (another profile)
and ``data_changed`` (its records changed), never announcing changes themselves: the store
does (``coach.store.events``), and this bridges its announcements to the Qt signal."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from coach.domain.profile import Profile
from coach.store.events import PROFILES, SESSION_EVENTS, THERAPIST, Change, StoreEvents

# Changes no screen shows: a step recorded mid-session (the session window shows it live),
# the therapist's PIN and name, and profiles themselves (``set`` announces a switch).
QUIET_TOPICS = frozenset({SESSION_EVENTS, THERAPIST, PROFILES})


class ActiveProfile(QObject):
    """Holds the current profile (None before onboarding); emits ``changed`` on every switch
    and ``data_changed`` when the store announces a change to that profile's records."""

    changed = Signal()
    data_changed = Signal()

    def __init__(self, profile: Profile | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._unfollow: Callable[[], None] | None = None

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

    def refresh_record(self, profile: Profile) -> None:
        """The same patient's record as just saved (a new language): no screen needs to
        rebuild for it, so ``changed`` is not emitted."""
        if self._profile is None or profile.id != self._profile.id:
            raise ValueError("refresh_record is for the profile shown")
        self._profile = profile

    def follow(self, changes: StoreEvents) -> None:
        """Announce ``data_changed`` for the store's changes from now on (one store at a time)."""
        if self._unfollow is not None:
            self._unfollow()
        self._unfollow = changes.subscribe(self._on_store_changed)

    def _on_store_changed(self, change: Change) -> None:
        if change.topic in QUIET_TOPICS:
            return
        mine = self._profile.id if self._profile is not None else None
        if change.profile_id is None or mine is None or change.profile_id == mine:
            self.data_changed.emit()
