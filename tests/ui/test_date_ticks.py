"""The date axis never puts two labels on top of each other, and always says where it is."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from coach.ui.common.date_ticks import date_ticks


def stamp(day: date) -> float:
    return datetime.combine(day, time(12)).timestamp()


START = date(2026, 10, 31)


@pytest.mark.parametrize("days", [1, 6, 20, 35, 90, 200, 365, 800, 3650])
@pytest.mark.parametrize("room", [2, 4, 7, 12])
def test_labels_fit_the_room_are_in_order_and_of_one_kind(days: int, room: int) -> None:
    low, high = stamp(START) - 43200, stamp(START + timedelta(days=days)) + 43200
    ticks = date_ticks(low, high, room)
    assert 1 <= len(ticks) <= room
    values = [v for v, _ in ticks]
    assert values == sorted(values) and all(low <= v <= high for v in values)
    labels = [label for _, label in ticks]
    kinds = {
        ("year" if label.isdigit() else "month" if label[-4:].isdigit() else "day")
        for label in labels
    }
    assert len(kinds) == 1, labels  # never "28 Nov", "Dec 2026", "3 Dec" side by side


def test_the_finest_step_that_fits() -> None:
    low, high = stamp(START), stamp(START + timedelta(days=35))
    assert [label for _, label in date_ticks(low, high, 6)] == [
        "31 Oct",
        "7 Nov",
        "14 Nov",
        "21 Nov",
        "28 Nov",
        "5 Dec",
    ]
    year = date_ticks(stamp(date(2025, 12, 5)), stamp(date(2026, 12, 5)), 8, 5)
    assert [label for _, label in year] == ["Jan 2026", "Apr 2026", "Jul 2026", "Oct 2026"]
    assert date_ticks(high, low, 5) == []
