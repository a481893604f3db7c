"""The PIN's wait after wrong tries is kept in memory too: resetting the count in the database
while the app runs does not shorten it (the PIN is not encryption; this only keeps guessing
slow)."""

from __future__ import annotations

import sqlite3

import pytest

from coach.domain.clock import FakeClock
from coach.store.therapist import TherapistStore
from coach.ui.context import AppContext
from coach.ui.therapist.mode import TherapistMode

PIN = "4826"

# Ways to reset the stored wait behind the app's back (a growing list).
RESETS = {
    "count-to-zero": "UPDATE therapist_settings SET failures = 0, last_failure = NULL",
    "last-try-long-ago": "UPDATE therapist_settings SET last_failure = '2000-01-01T00:00:00+00:00'",
    "row-deleted-and-pin-set-again": None,
}


@pytest.mark.parametrize("reset", RESETS)
def test_editing_the_database_does_not_shorten_the_wait(
    ctx: AppContext, clock: FakeClock, reset: str
) -> None:
    store = TherapistStore(ctx.db)
    mode = TherapistMode(store, clock)
    mode.set_pin(PIN)
    mode.lock()
    for _ in range(4):
        mode.try_unlock("0000")
        clock.advance(mode.wait_seconds())
    assert (
        mode.try_unlock("0000")
        == "That PIN is not right. Please wait 30 seconds before trying again."
    )

    other = sqlite3.connect(ctx.paths.database)  # another program, while the app runs
    if RESETS[reset] is None:
        pin_hash = store.pin_hash()
        other.execute("DELETE FROM therapist_settings")
        other.execute(
            "INSERT INTO therapist_settings (id, pin_hash, updated_at) VALUES (1, ?, 'x')",
            [pin_hash],
        )
    else:
        other.execute(RESETS[reset])
    other.commit()
    other.close()
    assert store.attempts().wait_seconds(clock.now()) == 0  # the stored wait is gone

    assert mode.wait_seconds() == 30
    assert mode.try_unlock(PIN) == "Please wait 30 seconds before trying again."
    assert not mode.is_unlocked
    clock.advance(30)
    assert (
        mode.try_unlock("0000")
        == "That PIN is not right. Please wait 60 seconds before trying again."
    )
    clock.advance(60)
    assert mode.try_unlock(PIN) is None
    assert mode.is_unlocked
    assert mode.wait_seconds() == 0
