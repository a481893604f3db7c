"""Counts in plain words, singular when it is one ("1 minute", not "1 minutes").

Plurals come from the catalogue (``ngettext``): each language has its own rules, so a count is
never built by adding an "s".
"""

from __future__ import annotations

from coach.domain.i18n import ngettext


def minutes_text(count: int) -> str:
    """'1 minute', '5 minutes' / '1 minuto', '5 minutos'."""
    return ngettext("{count} minute", "{count} minutes", count).format(count=count)


def seconds_text(count: int) -> str:
    """'1 second', '30 seconds' / '1 segundo', '30 segundos'."""
    return ngettext("{count} second", "{count} seconds", count).format(count=count)


def days_text(count: int) -> str:
    """'1 day', '5 days' / '1 día', '5 días'."""
    return ngettext("{count} day", "{count} days", count).format(count=count)


def exercises_text(count: int) -> str:
    """'1 exercise', '6 exercises' / '1 ejercicio', '6 ejercicios'."""
    return ngettext("{count} exercise", "{count} exercises", count).format(count=count)


def sessions_text(count: int) -> str:
    """'1 session', '3 sessions' / '1 sesión', '3 sesiones'."""
    return ngettext("{count} session", "{count} sessions", count).format(count=count)


def localised_number(text: str) -> str:
    """'4.5' written with the active language's decimal sign ('4,5'); digits as given."""
    from coach.domain.i18n import current

    if current().format_locale == "en_GB" or "." not in text:
        return text
    from babel.numbers import get_decimal_symbol

    return text.replace(".", get_decimal_symbol(current().format_locale))


def one_decimal(value: float) -> str:
    """'4.0', '4.5' / '4,0', '4,5': a score with one decimal, as the app always showed it."""
    return localised_number(f"{value:.1f}")
