"""PSFS and ODI rules, and when the outcome reminder shows on Today."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coach.domain.outcomes import (
    OutcomeError,
    PsfsEntry,
    check_activity_names,
    check_odi_total,
    check_rating,
    latest_ratings,
    reminder_due,
)

SURGERY = date(2026, 1, 5)


def test_activity_names_are_three_to_five_different_ones() -> None:
    assert check_activity_names(["  Walk  to the  shop", "Sit", "", "Socks"]) == (
        "Walk to the shop",
        "Sit",
        "Socks",
    )
    with pytest.raises(OutcomeError, match="3 to 5"):
        check_activity_names(["Walk", "Sit"])
    with pytest.raises(OutcomeError, match="3 to 5"):
        check_activity_names(["a", "b", "c", "d", "e", "f"])
    with pytest.raises(OutcomeError, match="different"):
        check_activity_names(["Walk", "walk", "Sit"])
    with pytest.raises(OutcomeError, match="60"):
        check_activity_names(["x" * 61, "Sit", "Walk"])


def test_ratings_and_odi_ranges() -> None:
    assert check_rating(0) == 0
    assert check_odi_total(100) == 100
    for bad in (-1, 11, True):
        with pytest.raises(OutcomeError):
            check_rating(bad)
    with pytest.raises(OutcomeError):
        check_odi_total(101)


def test_psfs_score_is_the_mean() -> None:
    assert PsfsEntry(SURGERY, (("a", 2), ("b", 3), ("c", 7))).score == 4.0


def test_latest_rating_of_each_activity() -> None:
    entries = [
        PsfsEntry(SURGERY + timedelta(days=9), (("a", 6), ("b", 7))),
        PsfsEntry(SURGERY, (("a", 2), ("b", 3), ("c", 1))),
    ]
    assert latest_ratings(entries) == {"a": 6, "b": 7, "c": 1}


@pytest.mark.parametrize(
    ("days_after_surgery", "week"),
    [(13, None), (14, 2), (34, 2), (35, None), (42, 6), (84, 12), (364, 52)],
)
def test_reminder_opens_at_the_suggested_weeks_for_three_weeks(
    days_after_surgery: int, week: int | None
) -> None:
    reminder = reminder_due(SURGERY, SURGERY + timedelta(days=days_after_surgery), [])
    assert (reminder.week if reminder else None) == week


def test_a_rating_from_the_week_before_counts() -> None:
    today = SURGERY + timedelta(weeks=6, days=2)
    assert reminder_due(SURGERY, today, [SURGERY + timedelta(weeks=5, days=1)]) is None
    assert reminder_due(SURGERY, today, [SURGERY + timedelta(weeks=2)]) is not None
    reminder = reminder_due(SURGERY, today, [])
    assert reminder is not None
    assert reminder.title == "Check-in 6 weeks after surgery"
    assert reminder.due == SURGERY + timedelta(weeks=6)
