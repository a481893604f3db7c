"""English dates stay as the app always wrote them: Babel's en_GB says "Sept", the app "Sep"."""

from __future__ import annotations

from datetime import date

from coach.domain import formats, i18n

SEPT_26 = date(2026, 9, 26)


def test_english_short_months_keep_sep() -> None:
    assert formats.short_date(SEPT_26) == "26 Sep"
    assert formats.short_day(SEPT_26) == "Sat 26 Sep"
    assert formats.skeleton(SEPT_26, "yMMM") == "Sep 2026"
    assert formats.day_month(SEPT_26) == "26 September"  # the long name is untouched


def test_spanish_short_months_are_babels() -> None:
    with i18n.in_language("es"):
        assert formats.short_date(SEPT_26) == "26 sept"
        assert formats.day_month(SEPT_26) == "26 de septiembre"
