"""Time, injected: the app passes a SystemClock, tests pass a FakeClock and never sleep."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """What the app needs to know about time."""

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (for timers and deadlines)."""
        ...

    def now(self) -> datetime:
        """The current moment, timezone-aware, in local time (for dates and records)."""
        ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC).astimezone()


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: datetime | None = None, monotonic_start: float = 1000.0) -> None:
        self._now = start or datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
        self._mono = monotonic_start

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> None:
        self._mono += seconds
        self._now += timedelta(seconds=seconds)

    def set_now(self, moment: datetime) -> None:
        self._now = moment


def utc_iso(moment: datetime) -> str:
    """How times are stored: UTC, ISO 8601, to the millisecond."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def local_date(moment: datetime) -> date:
    """The patient's own calendar day, for grouping by day."""
    return moment.date()
