"""Days in plain words: '14 March', 'in 3 weeks', 'yesterday', in the active language.

Dates go through ``formats`` (Babel, CLDR) and the words around them through the catalogue, never
``strftime``, so the patient's sentences do not change language with the desktop.
"""

from __future__ import annotations

from datetime import date

from coach.domain import formats
from coach.domain.i18n import _, ngettext


def when_text(day: date, target: date) -> str:
    """'today', 'tomorrow', 'in 5 days', 'in 3 weeks', 'in about 3 weeks', '2 weeks ago'."""
    days = (target - day).days
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days == -1:
        return _("yesterday")
    span = abs(days)
    if span < 14:
        if days > 0:
            return ngettext("in {count} day", "in {count} days", span).format(count=span)
        return ngettext("{count} day ago", "{count} days ago", span).format(count=span)
    weeks = round(span / 7)
    exact = span % 7 == 0
    if days > 0:
        if exact:
            return ngettext("in {count} week", "in {count} weeks", weeks).format(count=weeks)
        return ngettext("in about {count} week", "in about {count} weeks", weeks).format(
            count=weeks
        )
    if exact:
        return ngettext("{count} week ago", "{count} weeks ago", weeks).format(count=weeks)
    return ngettext("about {count} week ago", "about {count} weeks ago", weeks).format(count=weeks)


def date_text(target: date, today: date) -> str:
    """'14 March', with the year when it is not this year ('14 de marzo de 2026')."""
    if target.year == today.year:
        return formats.day_month(target)
    return formats.day_month_year(target)
