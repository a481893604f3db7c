"""The medicines log (REFERENCE section 9): recorded as written, never judged."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from coach.domain.medicines import (
    NO_DOSE_ADVICE,
    MedicineEntry,
    MedicineError,
    again,
    daily_counts,
    last_taken,
    remembered_names,
    weekly_table,
)
from coach.domain.readability import grade


def med(name: str, day: int, hour: int = 8, amount: str = "", kind: str = "") -> MedicineEntry:
    return MedicineEntry(
        name, datetime(2026, 5, day, hour, tzinfo=UTC), date(2026, 5, day), kind, amount
    )


def test_the_amount_is_kept_as_written_and_the_name_is_one_tidy_line() -> None:
    entry = med("  Ibuprofen\n 400 ", 1, amount="2 tablets (200 mg each)")
    assert entry.name == "Ibuprofen 400" and entry.amount == "2 tablets (200 mg each)"


def test_bad_entries_are_refused_in_one_sentence() -> None:
    with pytest.raises(MedicineError, match="name"):
        med("   ", 1)
    with pytest.raises(MedicineError, match="too long"):
        med("x" * 81, 1)
    with pytest.raises(MedicineError, match="kind"):
        med("Aspirin", 1, kind="vitamin")
    with pytest.raises(MedicineError, match="characters"):
        med("Asp\x00irin", 1)


def test_remembered_names_are_most_recent_first_once_each() -> None:
    entries = [med("Paracetamol", 1), med("ibuprofen", 2), med("Ibuprofen", 3), med("Tramadol", 2)]
    assert remembered_names(entries) == ["Ibuprofen", "Tramadol", "Paracetamol"]


def test_took_it_again_copies_name_kind_and_amount_at_the_new_time() -> None:
    entries = [med("Tramadol", 1, amount="1 capsule", kind="opioid"), med("tramadol", 2, 7)]
    latest = last_taken(entries, "TRAMADOL")
    assert latest is not None and latest.at.day == 2
    now = datetime(2026, 5, 3, 14, tzinfo=UTC)
    repeat = again(entries[0], now)
    assert (repeat.name, repeat.kind, repeat.amount, repeat.day) == (
        "Tramadol",
        "opioid",
        "1 capsule",
        date(2026, 5, 3),
    )
    assert last_taken(entries, "Aspirin") is None


def test_daily_counts_and_the_weekly_table() -> None:
    entries = [med("A", 1), med("A", 1, 20), med("B", 2), med("a", 9)]
    assert daily_counts(entries) == {date(2026, 5, 1): 2, date(2026, 5, 2): 1, date(2026, 5, 9): 1}
    weeks = weekly_table(entries, first_day=date(2026, 5, 1))
    assert [(w.week_start, w.counts, w.total) for w in weeks] == [
        (date(2026, 5, 1), (("a", 2), ("B", 1)), 3),
        (date(2026, 5, 8), (("a", 1),), 1),
    ]


def test_the_no_dose_advice_sentence_is_plain() -> None:
    assert "never suggests or checks a dose" in NO_DOSE_ADVICE
    assert grade(NO_DOSE_ADVICE) <= 6
