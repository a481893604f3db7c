"""The therapist PIN: how it is hashed, checked, slowed down after wrong tries, and re-locked.

The PIN only stops a patient changing their plan by accident. It is not encryption: the data
files stay readable to anyone who can open them, and the UI says so. Still, the PIN itself is
never kept in clear: a salted scrypt hash is stored, and it is compared in constant time.
Every time-dependent rule takes the time as an argument (from the injected clock); nothing sleeps.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from coach.domain.errors import UserError
from coach.domain.i18n import _, ngettext

PIN_MIN = 4
PIN_MAX = 8
SCHEME = "scrypt"
# scrypt cost: about 30-60 ms per check on a laptop; slow to guess offline, quick for a person.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
MAX_N = 2**20  # refuse absurd stored parameters (they could stall the app)

# Seconds to wait after the n-th wrong try in a row (the last value repeats).
BACKOFF_S = (0, 0, 5, 15, 30, 60, 120, 300)
IDLE_LOCK_S = 5 * 60


class PinError(UserError, ValueError):
    """A PIN that cannot be used, in plain words."""


def check_pin_format(pin: str) -> None:
    """A PIN is 4 to 8 digits (easy to type on any keyboard, hard to guess by accident)."""
    if not (PIN_MIN <= len(pin) <= PIN_MAX) or not all("0" <= ch <= "9" for ch in pin):
        raise PinError(
            _("The PIN must be {low} to {high} digits.").format(low=PIN_MIN, high=PIN_MAX)
        )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, *, salt: bytes | None = None, n: int = SCRYPT_N) -> str:
    """The stored form: ``scrypt$N$r$p$salt$key`` (base64). A fresh random salt each time."""
    check_pin_format(pin)
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    key = hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P, dklen=KEY_BYTES
    )
    return f"{SCHEME}${n}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches ``stored``; a damaged stored value never matches."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return False
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        expected = base64.b64decode(parts[5], validate=True)
    except ValueError:
        return False
    if not (2 <= n <= MAX_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
        return False
    if not expected or len(pin) > 64:
        return False
    try:
        key = hashlib.scrypt(
            pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=len(expected), maxmem=2**28
        )
    except ValueError:
        return False
    return hmac.compare_digest(key, expected)


@dataclass(frozen=True)
class PinAttempts:
    """Wrong tries in a row and when the last one was (kept in the store across restarts)."""

    failures: int = 0
    last_failure: datetime | None = None

    def wait_seconds(self, now: datetime) -> float:
        """How long before the next try is allowed; 0 when it is allowed now."""
        if self.failures == 0 or self.last_failure is None:
            return 0.0
        delay = BACKOFF_S[min(self.failures, len(BACKOFF_S)) - 1]
        remaining = (self.last_failure + timedelta(seconds=delay) - now).total_seconds()
        return max(0.0, min(remaining, float(delay)))  # a clock set back cannot lengthen it

    def failed(self, now: datetime) -> PinAttempts:
        return replace(self, failures=self.failures + 1, last_failure=now)

    def succeeded(self) -> PinAttempts:
        return PinAttempts()


class IdleLock:
    """Therapist mode stays open while used, and closes after ``timeout_s`` idle seconds.

    Times are monotonic seconds from the injected clock; a QTimer only asks ``expired``.
    """

    def __init__(self, timeout_s: float = IDLE_LOCK_S) -> None:
        self.timeout_s = timeout_s
        self._last_activity: float | None = None

    @property
    def unlocked(self) -> bool:
        return self._last_activity is not None

    def unlock(self, monotonic: float) -> None:
        self._last_activity = monotonic

    def touch(self, monotonic: float) -> None:
        """Something was done in therapist mode: the idle time starts again."""
        if self._last_activity is not None:
            self._last_activity = max(self._last_activity, monotonic)

    def lock(self) -> None:
        self._last_activity = None

    def expired(self, monotonic: float) -> bool:
        """True when unlocked and idle for ``timeout_s`` or longer."""
        last = self._last_activity
        return last is not None and monotonic - last >= self.timeout_s

    def seconds_left(self, monotonic: float) -> float:
        last = self._last_activity
        if last is None:
            return 0.0
        return max(0.0, self.timeout_s - (monotonic - last))


def describe_wait(seconds: float) -> str:
    """'Please wait 15 seconds before trying again.' in plain words."""
    whole = max(1, math.ceil(seconds))
    if whole < 90:
        return ngettext(
            "Please wait {count} second before trying again.",
            "Please wait {count} seconds before trying again.",
            whole,
        ).format(count=whole)
    minutes = math.ceil(whole / 60)
    return ngettext(
        "Please wait {count} minute before trying again.",
        "Please wait {count} minutes before trying again.",
        minutes,
    ).format(count=minutes)
