"""Journal entries and medicines as History shows them: a table row beside the sessions
(date, what, result, back, leg) and the lines of the details panel."""

from __future__ import annotations

from datetime import datetime

from coach.domain import formats
from coach.domain.clock import utc_iso
from coach.domain.i18n import N_, _
from coach.domain.journal import EXTENT_WORDS, FACTORS, QUALITIES, REGION_BY_ID, JournalEntry
from coach.domain.medicines import KINDS, MedicineEntry

JournalItem = JournalEntry | MedicineEntry


def item_time(item: JournalItem) -> str:
    return utc_iso(item.at)


def when_words(at: datetime, this_year: int | None = None) -> str:
    """'Tue 24 Nov 2026, 09:16' in local time and the chosen language (no year when it is
    ``this_year``): how History writes the time of a session, an entry or a medicine."""
    local = at.astimezone()
    day = formats.short_day(local.date())
    if local.year != this_year:
        # Translators: a day in a list with its year, when it is not this year: "Tue 24 Nov 2026".
        day = _("{day} {year}").format(day=day, year=local.year)
    # Translators: a day and the time on it: "Tue 24 Nov, 09:16".
    return _("{day}, {time}").format(day=day, time=formats.clock(local))


# How far the pain reached, as the short History cell says it (level 1-4).
SHORT = {1: N_("buttock"), 2: N_("thigh"), 3: N_("below knee"), 4: N_("foot")}


def reach_words(entry: JournalEntry) -> str:
    """'Left: below knee, right: foot', or 'No leg pain' (how far each leg's pain reached)."""
    left, right = entry.extent("left"), entry.extent("right")
    if left and right:
        return _("Left: {left}, right: {right}").format(left=_(SHORT[left]), right=_(SHORT[right]))
    if left:
        return _("Left: {left}").format(left=_(SHORT[left]))
    if right:
        return _("Right: {right}").format(right=_(SHORT[right]))
    return _("No leg pain")


def reach_sentence(entry: JournalEntry) -> str:
    """'Leg pain reached: left leg none, right leg below the knee.'"""
    left, right = entry.extent("left"), entry.extent("right")
    return _("Leg pain reached: left leg {left}, right leg {right}.").format(
        left=_(EXTENT_WORDS[left]) if left else _("none"),
        right=_(EXTENT_WORDS[right]) if right else _("none"),
    )


def _back(entry: JournalEntry) -> int | None:
    values = [m.intensity for m in entry.marks if m.level == 0]
    return max(values) if values else None


def item_cells(item: JournalItem, this_year: int | None, *, spoken: bool) -> tuple[str, ...]:
    """The five History cells for a journal entry or a medicine."""
    when = when_words(item.at, this_year)
    if isinstance(item, MedicineEntry):
        what = _("Medicine: {name}").format(name=item.name)
        return when, what, item.amount or (_("no amount written") if spoken else "–"), "", ""
    back, leg = _back(item), item.leg_pain
    none = _("not marked") if spoken else "–"
    return (
        when,
        _("Pain journal"),
        reach_words(item),
        none if back is None else str(back),
        none if leg is None else str(leg),
    )


def item_title(item: JournalItem, this_year: int | None = None) -> str:
    when = when_words(item.at, this_year)
    if isinstance(item, MedicineEntry):
        return _("Medicine: {name}, {when}").format(name=item.name, when=when)
    return _("Pain journal, {when}").format(when=when)


def item_details(item: JournalItem) -> list[str]:
    """The details panel's lines."""
    if isinstance(item, MedicineEntry):
        kind = _(KINDS[item.kind]) if item.kind in KINDS else _("not given")
        return [
            _("Amount: {amount}").format(amount=item.amount or _("not written")),
            _("Kind: {kind}").format(kind=kind),
        ]
    lines = [reach_sentence(item)]
    for mark in item.marks:
        region = _(REGION_BY_ID[mark.region].name)
        feels = ", ".join(_(QUALITIES[q]).lower() for q in QUALITIES if q in mark.qualities)
        # Translators: a place on the body, its pain 0-10 and (below) how it felt.
        line = _("{region}: {score} of 10 ({feels})") if feels else _("{region}: {score} of 10")
        lines.append(line.format(region=region, score=mark.intensity, feels=feels))
    for effect, words in (("helped", _("Helped: {what}")), ("worse", _("Made it worse: {what}"))):
        chosen = getattr(item, effect)
        if chosen:
            what = ", ".join(_(FACTORS[f]).lower() for f in FACTORS if f in chosen)
            lines.append(words.format(what=what))
    if item.note.strip():
        lines.append(_("Note: {note}").format(note=item.note.strip()))
    return lines
