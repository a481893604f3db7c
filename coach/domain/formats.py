"""Dates, times and numbers in the active language, formatted by Babel (CLDR), never ``strftime``.

``strftime`` follows the C locale Qt sets from the desktop, so "%b" could print "Mär" inside an
English sentence; these follow the language the patient chose. Babel is imported on first use:
a plain start that formats no date does not pay for it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from coach.domain.i18n import current, pseudo

# en_GB's CLDR data shortens September to "Sept"; the English app has always written "Sep"
# (charts, lists, the PDF), and it must not change. Only the whole short word is replaced.
_SEPT = re.compile(r"\bSept\b")


def _finish(text: str) -> str:
    return pseudo(text) if current().pseudo else text


def skeleton(day: date | datetime | time, pattern: str) -> str:
    """``day`` by a CLDR skeleton ('MMMMd' -> '14 March' / '14 de marzo'); for new formats."""
    from babel.dates import format_skeleton

    locale = current().format_locale
    text = format_skeleton(pattern, day, locale=locale)
    if locale == "en_GB":
        text = _SEPT.sub("Sep", text)
    return _finish(text)


def day_month(day: date) -> str:
    """'14 March', '14 de marzo'."""
    return skeleton(day, "MMMMd")


def day_month_year(day: date) -> str:
    """'14 March 2026', '14 de marzo de 2026'."""
    return skeleton(day, "yMMMMd")


def short_day(day: date) -> str:
    """'Sat 14 Mar', 'sáb, 14 mar': a day in a list or on a chart's axis."""
    return skeleton(day, "MMMEd")


def short_date(day: date) -> str:
    """'14 Mar', '14 mar'."""
    return skeleton(day, "MMMd")


def weekday(day: date) -> str:
    """'Saturday', 'sábado'."""
    from babel.dates import format_date

    return _finish(format_date(day, "EEEE", locale=current().format_locale))


def month_year(day: date) -> str:
    """'March 2026', 'marzo de 2026'."""
    return skeleton(day, "yMMMM")


def clock(at: time | datetime) -> str:
    """'07:30' (24-hour, as the app has always shown times)."""
    return skeleton(at, "Hm")


def decimal(value: float, digits: int = 1) -> str:
    """'2.5' in English, '2,5' in Spanish; at most ``digits`` after the point."""
    from babel.numbers import format_decimal

    pattern = "#,##0." + "#" * digits if digits else "#,##0"
    return _finish(format_decimal(value, format=pattern, locale=current().format_locale))
