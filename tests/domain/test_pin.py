"""The therapist PIN: hashed with a salt, checked in constant time, slowed after wrong tries,
and locked again after idle minutes (all driven by given times; nothing sleeps)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from coach.domain.pin import (
    BACKOFF_S,
    IdleLock,
    PinAttempts,
    PinError,
    check_pin_format,
    describe_wait,
    hash_pin,
    verify_pin,
)

FAST = 2**10  # a cheap scrypt cost keeps the tests quick; the app uses 2**14
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def test_the_hash_is_salted_and_never_holds_the_pin() -> None:
    first = hash_pin("482915", n=FAST)
    second = hash_pin("482915", n=FAST)
    assert first != second  # a fresh salt each time
    assert "482915" not in first
    assert first.startswith("scrypt$1024$8$1$")
    assert verify_pin("482915", first)
    assert verify_pin("482915", second)
    assert not verify_pin("482916", first)
    assert not verify_pin("", first)


def test_the_default_cost_is_real_scrypt() -> None:
    stored = hash_pin("1234")
    assert stored.split("$")[1] == str(2**14)
    assert verify_pin("1234", stored)


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "plain1234",
        "scrypt$x$8$1$AAAA$AAAA",
        "scrypt$1024$8$1$!!$AAAA",
        "md5$1$1$1$a$b",
        "scrypt$1000$8$1$AAAA$AAAA",
        "scrypt$1048576000$8$1$AAAA$AAAA",
        "scrypt$1024$8$1$AAAA$",
    ],
)
def test_a_damaged_stored_hash_never_matches(stored: str) -> None:
    assert not verify_pin("1234", stored)


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", " 1234", "١٢٣٤", ""])
def test_pin_format_is_four_to_eight_digits(pin: str) -> None:
    with pytest.raises(PinError, match="4 to 8 digits"):
        check_pin_format(pin)
    with pytest.raises(PinError):
        hash_pin(pin, n=FAST)


def test_wrong_tries_wait_longer_and_longer() -> None:
    attempts = PinAttempts()
    waits = []
    for _ in range(len(BACKOFF_S) + 2):
        attempts = attempts.failed(NOW)
        waits.append(attempts.wait_seconds(NOW))
    assert waits[:2] == [0, 0]  # two slips are free
    assert waits[2:] == sorted(waits[2:])
    assert waits[2] == 5
    assert waits[-1] == waits[-2] == 300  # capped at five minutes


def test_the_wait_runs_out_with_time_and_success_resets_it() -> None:
    attempts = PinAttempts().failed(NOW).failed(NOW).failed(NOW).failed(NOW)
    assert attempts.wait_seconds(NOW) == 15
    assert attempts.wait_seconds(NOW + timedelta(seconds=10)) == 5
    assert attempts.wait_seconds(NOW + timedelta(seconds=15)) == 0
    assert attempts.succeeded().wait_seconds(NOW) == 0
    assert attempts.succeeded().failures == 0


def test_setting_the_clock_back_cannot_lengthen_the_wait() -> None:
    attempts = PinAttempts().failed(NOW).failed(NOW).failed(NOW)
    assert attempts.wait_seconds(NOW - timedelta(days=365)) == 5


def test_idle_lock_closes_after_the_idle_time_and_activity_keeps_it_open() -> None:
    lock = IdleLock(timeout_s=300)
    assert not lock.unlocked
    assert not lock.expired(0)
    lock.unlock(1000)
    assert not lock.expired(1299)
    lock.touch(1200)
    assert not lock.expired(1499)
    assert lock.seconds_left(1400) == 100
    assert lock.expired(1500)
    lock.touch(900)  # an older time never shortens the idle span
    assert lock.expired(1500)
    lock.lock()
    assert not lock.unlocked
    assert not lock.expired(5000)


def test_touch_does_nothing_while_locked() -> None:
    lock = IdleLock(timeout_s=60)
    lock.touch(100)
    assert not lock.unlocked


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0.2, "Please wait 1 second before trying again."),
        (4.1, "Please wait 5 seconds before trying again."),
        (120, "Please wait 2 minutes before trying again."),
        (300, "Please wait 5 minutes before trying again."),
    ],
)
def test_wait_in_plain_words(seconds: float, text: str) -> None:
    assert describe_wait(seconds) == text
