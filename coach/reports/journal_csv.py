"""The pain journal and the medicines log as CSV (``rehab-coach export csv --table ...``).

Journal: one row per marked region (an entry with no region marked, only a note, is one row
with an empty region), oldest entry first. Medicines: one row per medicine taken. The columns
are documented in the README; formula-like text is defused as in the sessions CSV.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import tzinfo

from coach.domain.journal import FACTORS, QUALITIES, REGION_BY_ID, JournalEntry
from coach.domain.medicines import MedicineEntry
from coach.reports.csv_export import safe_cell

JOURNAL_COLUMNS = (
    "date",
    "time",
    "entry",
    "region",
    "side",
    "view",
    "intensity",
    *QUALITIES,
    "left_leg_reach",
    "right_leg_reach",
    "helped",
    "worse",
    "note",
)
MEDICINE_COLUMNS = ("date", "time", "name", "kind", "amount")


def _ticks(chosen: frozenset[str]) -> str:
    return "; ".join(f for f in FACTORS if f in chosen)


def journal_csv_text(entries: Sequence[JournalEntry], zone: tzinfo | None = None) -> str:
    """The whole file; times in ``zone`` (the computer's own by default)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(JOURNAL_COLUMNS)
    for number, entry in enumerate(sorted(entries, key=lambda e: e.at), start=1):
        if entry.draft:
            continue
        when = entry.at.astimezone(zone)
        shared = [entry.day.isoformat(), when.strftime("%H:%M"), str(number)]
        tail = [
            str(entry.extent("left")),
            str(entry.extent("right")),
            _ticks(entry.helped),
            _ticks(entry.worse),
            safe_cell(entry.note),
        ]
        if not entry.marks:
            writer.writerow([*shared, "", "", "", "", *("" for _ in QUALITIES), *tail])
        for mark in entry.marks:
            region = REGION_BY_ID[mark.region]
            flags = ("1" if q in mark.qualities else "0" for q in QUALITIES)
            writer.writerow(
                [*shared, region.id, region.side, region.view, str(mark.intensity), *flags, *tail]
            )
    return out.getvalue()


def medicines_csv_text(entries: Sequence[MedicineEntry], zone: tzinfo | None = None) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(MEDICINE_COLUMNS)
    for entry in sorted(entries, key=lambda e: e.at):
        when = entry.at.astimezone(zone)
        writer.writerow(
            [
                entry.day.isoformat(),
                when.strftime("%H:%M"),
                safe_cell(entry.name),
                entry.kind,
                safe_cell(entry.amount),
            ]
        )
    return out.getvalue()
