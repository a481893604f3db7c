"""Days in plain words: '14 March', 'in 3 weeks', 'yesterday'.

Formatted by hand (not ``strftime``) where the words matter, so the patient's sentences do not
change language with the desktop.
"""

from __future__ import annotations

from datetime import date

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def when_text(day: date, target: date) -> str:
    """'today', 'tomorrow', 'in 5 days', 'in 3 weeks', 'in about 3 weeks', '2 weeks ago'."""
    days = (target - day).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    span = abs(days)
    if span < 14:
        amount = f"{span} days"
    else:
        weeks = round(span / 7)
        amount = f"{'' if span % 7 == 0 else 'about '}{weeks} weeks"
    return f"in {amount}" if days > 0 else f"{amount} ago"


def date_text(target: date, today: date) -> str:
    """'14 March', with the year when it is not this year."""
    text = f"{target.day} {MONTHS[target.month - 1]}"
    return text if target.year == today.year else f"{text} {target.year}"
