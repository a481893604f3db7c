"""The medicines log (REFERENCE section 9): what the patient took, as they wrote it.

The app records; it never suggests, calculates, checks or judges a dose (``NO_DOSE_ADVICE`` is
said once, where the log is kept). Amounts are free text exactly as written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from coach.domain.i18n import N_, _
from coach.domain.schedule import week_index, week_start

# Section 7 topic 6's kinds; '' = not given.
KINDS: dict[str, str] = {
    "anti-inflammatory": N_("Anti-inflammatory"),
    "paracetamol": N_("Paracetamol (acetaminophen)"),
    "opioid": N_("Opioid"),
    "nerve-pain": N_("Nerve-pain medicine"),
    "other": N_("Other"),
}
MAX_NAME = 80
MAX_AMOUNT = 80
NO_DOSE_ADVICE = N_(
    "Rehab Coach only keeps a note of what you took. It never suggests or checks a dose. "
    "Ask your doctor or pharmacist about your medicines."
)


class MedicineError(ValueError):
    """A medicine entry the app cannot store, in one plain sentence."""


def _one_line(text: str, what: str, limit: int) -> str:
    cleaned = " ".join(text.split())
    name = what == "name"
    if any(ord(c) < 32 or ord(c) == 127 for c in text if c not in "\t\n\r"):
        raise MedicineError(
            _("The medicine's name has characters that cannot be shown.")
            if name
            else _("The amount has characters that cannot be shown.")
        )
    if len(cleaned) > limit:
        raise MedicineError(
            (
                _("The medicine's name is too long (at most {count} characters).")
                if name
                else _("The amount is too long (at most {count} characters).")
            ).format(count=limit)
        )
    return cleaned


@dataclass(frozen=True)
class MedicineEntry:
    """One medicine taken. ``at`` is timezone-aware; ``day`` the patient's own date."""

    name: str
    at: datetime
    day: date
    kind: str = ""
    amount: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        name = _one_line(self.name, "name", MAX_NAME)
        if not name:
            raise MedicineError(_("Write the medicine's name."))
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "amount", _one_line(self.amount, "amount", MAX_AMOUNT))
        if self.kind and self.kind not in KINDS:
            raise MedicineError(
                _("'{kind}' is not a kind of medicine the app knows.").format(kind=self.kind)
            )


def remembered_names(entries: Iterable[MedicineEntry]) -> list[str]:
    """Names used before, the most recently taken first, each once (case kept as last written,
    matched without case)."""
    latest: dict[str, tuple[datetime, str]] = {}
    for entry in entries:
        key = entry.name.casefold()
        if key not in latest or entry.at >= latest[key][0]:
            latest[key] = (entry.at, entry.name)
    return [name for _, name in sorted(latest.values(), key=lambda v: v[0], reverse=True)]


def last_taken(entries: Iterable[MedicineEntry], name: str) -> MedicineEntry | None:
    """The latest entry with this name (for "took it again")."""
    same = [e for e in entries if e.name.casefold() == name.casefold()]
    return max(same, key=lambda e: e.at) if same else None


def again(entry: MedicineEntry, now: datetime) -> MedicineEntry:
    """The same medicine, kind and amount, taken ``now``."""
    return MedicineEntry(entry.name, now, now.date(), entry.kind, entry.amount)


def daily_counts(entries: Iterable[MedicineEntry]) -> dict[date, int]:
    """How many medicines were taken each day (days without any are left out)."""
    return dict(sorted(Counter(e.day for e in entries).items()))


@dataclass(frozen=True)
class WeekRow:
    """One week of the report's table: times each medicine was taken."""

    week_start: date
    counts: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


def weekly_table(entries: Iterable[MedicineEntry], first_day: date) -> list[WeekRow]:
    """Weeks counted from ``first_day`` (e.g. the surgery date), oldest first; only weeks with
    any medicine. Names are grouped without case, shown as last written."""
    weeks: dict[date, Counter[str]] = {}
    names: dict[str, str] = {}
    for entry in sorted(entries, key=lambda e: e.at):
        start = week_start(first_day, week_index(first_day, entry.day))
        key = entry.name.casefold()
        names[key] = entry.name
        weeks.setdefault(start, Counter())[key] += 1
    return [
        WeekRow(start, tuple((names[k], counts[k]) for k in sorted(counts)))
        for start, counts in sorted(weeks.items())
    ]
