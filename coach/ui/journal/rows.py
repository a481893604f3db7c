"""Journal entries and medicines as History shows them: a table row beside the sessions
(date, what, result, back, leg) and the lines of the details panel."""

from __future__ import annotations

from datetime import datetime

from coach.domain.clock import utc_iso
from coach.domain.journal import EXTENT_WORDS, FACTORS, QUALITIES, REGION_BY_ID, JournalEntry
from coach.domain.medicines import KINDS, MedicineEntry

JournalItem = JournalEntry | MedicineEntry


def item_time(item: JournalItem) -> str:
    return utc_iso(item.at)


def when_words(at: datetime, this_year: int | None = None) -> str:
    """'Tue 24 Nov 2026, 09:16' in local time, as History writes a session's time."""
    local = at.astimezone()
    year = "" if local.year == this_year else f" {local.year}"
    return f"{local:%a} {local.day} {local:%b}{year}, {local:%H:%M}"


SHORT = {1: "buttock", 2: "thigh", 3: "below knee", 4: "foot"}


def reach_words(entry: JournalEntry) -> str:
    """'Left: below knee, right: foot', or 'No leg pain' (how far each leg's pain reached)."""
    parts = [
        f"{side}: {SHORT[level]}" for side in ("left", "right") if (level := entry.extent(side))
    ]
    text = ", ".join(parts) or "no leg pain"
    return text[0].upper() + text[1:]


def reach_sentence(entry: JournalEntry) -> str:
    """'Leg pain reached: left leg none, right leg below the knee.'"""
    words = [
        f"{side} leg {EXTENT_WORDS[level] if (level := entry.extent(side)) else 'none'}"
        for side in ("left", "right")
    ]
    return f"Leg pain reached: {', '.join(words)}."


def _back(entry: JournalEntry) -> int | None:
    values = [m.intensity for m in entry.marks if m.level == 0]
    return max(values) if values else None


def item_cells(item: JournalItem, this_year: int | None, *, spoken: bool) -> tuple[str, ...]:
    """The five History cells for a journal entry or a medicine."""
    when = when_words(item.at, this_year)
    if isinstance(item, MedicineEntry):
        what = f"Medicine: {item.name}"
        return when, what, item.amount or ("no amount written" if spoken else "–"), "", ""
    back, leg = _back(item), item.leg_pain
    none = "not marked" if spoken else "–"
    return (
        when,
        "Pain journal",
        reach_words(item),
        none if back is None else str(back),
        none if leg is None else str(leg),
    )


def item_title(item: JournalItem, this_year: int | None = None) -> str:
    kind = f"Medicine: {item.name}" if isinstance(item, MedicineEntry) else "Pain journal"
    return f"{kind}, {when_words(item.at, this_year)}"


def item_details(item: JournalItem) -> list[str]:
    """The details panel's lines."""
    if isinstance(item, MedicineEntry):
        return [
            f"Amount: {item.amount or 'not written'}",
            f"Kind: {KINDS.get(item.kind, 'not given')}",
        ]
    lines = [reach_sentence(item)]
    for mark in item.marks:
        feels = ", ".join(QUALITIES[q].lower() for q in QUALITIES if q in mark.qualities)
        lines.append(
            f"{REGION_BY_ID[mark.region].name}: {mark.intensity} of 10"
            + (f" ({feels})" if feels else "")
        )
    for effect, words in (("helped", "Helped"), ("worse", "Made it worse")):
        chosen = getattr(item, effect)
        if chosen:
            lines.append(
                f"{words}: " + ", ".join(FACTORS[f].lower() for f in FACTORS if f in chosen)
            )
    if item.note.strip():
        lines.append(f"Note: {item.note.strip()}")
    return lines
