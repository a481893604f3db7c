"""Whether therapist mode is open: PIN checks with growing waits, and locking after idle time.

Time comes from the injected clock; a QTimer only asks the clock now and then, so tests move a
FakeClock instead of sleeping. The PIN guards plan editing only, never the patient's own data.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from coach.domain.clock import Clock
from coach.domain.i18n import _
from coach.domain.pin import (
    IDLE_LOCK_S,
    IdleLock,
    PinAttempts,
    PinError,
    check_pin_format,
    describe_wait,
    hash_pin,
)
from coach.store.therapist import TherapistStore

CHECK_MS = 2000


class TherapistMode(QObject):
    """Open or closed therapist mode for this app window."""

    unlocked = Signal()
    locked = Signal()
    pin_changed = Signal()

    def __init__(
        self,
        store: TherapistStore,
        clock: Clock,
        parent: QObject | None = None,
        *,
        idle_s: float = IDLE_LOCK_S,
        check_ms: int = CHECK_MS,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._idle = IdleLock(idle_s)
        self._attempts = PinAttempts()  # wrong tries this run, beside the stored ones
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self._on_timer_ticked)

    # -- state ---------------------------------------------------------------------------------
    @property
    def is_unlocked(self) -> bool:
        return self._idle.unlocked

    def has_pin(self) -> bool:
        return self._store.pin_hash() is not None

    def wait_seconds(self) -> float:
        """Seconds before another PIN try is allowed (after wrong tries): the longer of the
        stored wait (kept across restarts) and the one kept in memory (which editing the
        database while the app runs cannot shorten)."""
        now = self._clock.now()
        return max(self._store.attempts().wait_seconds(now), self._attempts.wait_seconds(now))

    def seconds_left(self) -> float:
        return self._idle.seconds_left(self._clock.monotonic())

    @property
    def idle_s(self) -> float:
        return self._idle.timeout_s

    # -- actions -------------------------------------------------------------------------------
    def try_unlock(self, pin: str) -> str | None:
        """None when the PIN opened therapist mode; otherwise what to tell the person."""
        if self._store.pin_hash() is None:
            return _("No PIN has been set yet.")
        wait = self.wait_seconds()
        if wait > 0:
            return describe_wait(wait)
        now = self._clock.now()
        problem = self._store.try_pin(pin, now)  # no wait is due: right, or a counted wrong try
        if problem is None:
            self._attempts = PinAttempts()
            self._open()
            return None
        stored = self._store.attempts().failures
        self._attempts = PinAttempts(max(self._attempts.failures + 1, stored), now)
        wait = self._attempts.wait_seconds(now)
        wrong = _("That PIN is not right.")
        return f"{wrong} {describe_wait(wait)}" if wait > 0 else wrong

    def set_pin(self, new_pin: str) -> str | None:
        """Set or change the PIN; None on success, else a plain message. Changing is done from
        inside therapist mode (so it cannot skip the wrong-try waits); setting the first PIN
        opens therapist mode."""
        try:
            check_pin_format(new_pin)
        except PinError as exc:
            return str(exc)
        if self.has_pin() and not self.is_unlocked:
            return _("Open therapist mode first.")
        self._store.set_pin_hash(hash_pin(new_pin), self._clock.now())
        self.pin_changed.emit()
        if not self.is_unlocked:
            self._open()
        return None

    def remove_pin(self) -> str | None:
        """Remove the PIN (only from inside therapist mode); the mode locks again."""
        if not self.is_unlocked:
            return _("Open therapist mode first.")
        self._store.set_pin_hash(None, self._clock.now())
        self.pin_changed.emit()
        self.lock()
        return None

    def touch(self) -> None:
        """The therapist did something: the idle time starts again."""
        self._idle.touch(self._clock.monotonic())

    def lock(self) -> None:
        was_open = self.is_unlocked
        self._idle.lock()
        self._timer.stop()
        if was_open:
            self.locked.emit()

    def check_idle(self) -> None:
        if self._idle.expired(self._clock.monotonic()):
            self.lock()

    def _open(self) -> None:
        self._idle.unlock(self._clock.monotonic())
        self._timer.start()
        self.unlocked.emit()

    def _on_timer_ticked(self) -> None:
        self.check_idle()
