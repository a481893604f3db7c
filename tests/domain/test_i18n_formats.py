"""Dates and numbers in the language shown (coach.domain.formats, Babel's CLDR data): English
stays as the app has always written it ('14 March', day first), Spanish is Spanish, and the
pseudo-language accents them like every other word."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from coach.domain import formats
from coach.domain.i18n import in_language

DAY = date(2026, 3, 14)  # a Saturday


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            ["14 March", "14 March 2026", "Sat 14 Mar", "14 Mar", "Saturday", "March 2026"],
        ),
        (
            "es",
            [
                "14 de marzo",
                "14 de marzo de 2026",
                "sáb, 14 mar",
                "14 mar",
                "sábado",
                "marzo de 2026",
            ],
        ),
    ],
)
def test_dates_in_each_language(language: str, expected: list[str]) -> None:
    with in_language(language):
        shown = [
            formats.day_month(DAY),
            formats.day_month_year(DAY),
            formats.short_day(DAY),
            formats.short_date(DAY),
            formats.weekday(DAY),
            formats.month_year(DAY),
        ]
    assert shown == expected


def test_times_and_decimals() -> None:
    with in_language("en"):
        assert formats.clock(time(7, 30)) == "07:30"
        assert formats.clock(datetime(2026, 3, 14, 18, 5)) == "18:05"
        assert formats.decimal(2.5) == "2.5"
        assert formats.decimal(2.0) == "2"
        assert formats.decimal(1234.56, 2) == "1,234.56"
        assert formats.decimal(3.14159, 0) == "3"
    with in_language("es"):
        assert formats.decimal(2.5) == "2,5"
        assert formats.decimal(4.25, 2) == "4,25"
        assert formats.clock(time(18, 5)) == "18:05"


def test_a_new_format_by_skeleton() -> None:
    with in_language("es"):
        assert formats.skeleton(DAY, "MMMMEd") == "sáb, 14 de marzo"


def test_pseudo_dates_are_accented_and_keep_their_numbers() -> None:
    with in_language("qps"):
        text = formats.day_month(DAY)
    assert text.startswith("[14 Ṁåŕçĥ") and text.endswith("]")
