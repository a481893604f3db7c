"""The clinic report's pain journal and medicines part (REFERENCE 8 and 9): how far leg pain
reached and what that means in plain sentences, where pain was marked (a body-map picture with
how often each place was marked, drawn by the caller), and medicines taken by week.

The report never judges a dose; it counts what the patient wrote.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from PySide6.QtGui import QImage

from coach.domain.i18n import _, ngettext
from coach.domain.journal import REGION_BY_ID, REGION_IDS, region_label
from coach.domain.medicines import WeekRow
from coach.domain.progress_text import short_date
from coach.reports.html_table import html_table as _table

WEEKS_SHOWN = 26


@dataclass(frozen=True)
class JournalSection:
    """What the report shows of the journal and medicines; built by the caller."""

    entries: int  # finished journal entries in the report's span
    notes: Sequence[str]  # the extent sentences (journal_rules.extent_notes)
    region_counts: dict[str, int]  # how many entries marked each region
    medicine_weeks: Sequence[WeekRow]
    images: Sequence[tuple[str, QImage]] = field(default_factory=tuple)
    medicines_taken: int = 0


def journal_html(section: JournalSection | None, image_prefix: str = "journal") -> list[str]:
    if section is None:
        return []
    parts = ["<h2>" + escape(_("Pain journal")) + "</h2>"]
    if not section.entries:
        parts.append("<p>" + escape(_("No pain journal entries.")) + "</p>")
    else:
        text = ngettext(
            "{count} entry. How far leg pain reached: 0 none, 1 buttock, 2 thigh, 3 below the "
            "knee, 4 foot.",
            "{count} entries. How far leg pain reached: 0 none, 1 buttock, 2 thigh, 3 below the "
            "knee, 4 foot.",
            section.entries,
        ).format(count=section.entries)
        parts.append(f"<p>{escape(text)}</p>")
        if section.notes:
            parts += ["<ul>", *(f"<li>{escape(n)}</li>" for n in section.notes), "</ul>"]
        for index, (title, _image) in enumerate(section.images):
            parts.append(f"<h3>{escape(title)}</h3>")
            parts.append(f'<p><img src="{image_prefix}{index}.png" width="{{W}}"></p>')
        marked = [(r, n) for r, n in section.region_counts.items() if n]
        marked.sort(key=lambda rn: (-rn[1], REGION_IDS.index(rn[0])))
        if marked:
            rows = [[region_label(REGION_BY_ID[r]), str(n)] for r, n in marked]
            parts.append(_table([_("Where"), _("Entries that marked it")], rows))
    parts.append("<h2>" + escape(_("Medicines taken (as written by the patient)")) + "</h2>")
    text = _("Counts of what the patient wrote down; Rehab Coach never suggests or checks a dose.")
    parts.append(f"<p>{escape(text)}</p>")
    weeks = list(section.medicine_weeks)[-WEEKS_SHOWN:]
    if not weeks:
        parts.append("<p>" + escape(_("None written down.")) + "</p>")
        return parts
    rows = [
        [
            short_date(w.week_start),
            "; ".join(f"{name} ×{n}" for name, n in w.counts),
            str(w.total),
        ]
        for w in reversed(weeks)
    ]
    by_week = _("By week, newest first (up to {count} weeks).").format(count=WEEKS_SHOWN)
    parts.append(f"<p>{escape(by_week)}</p>")
    parts.append(_table([_("Week from"), _("Medicines (times taken)"), _("Total")], rows))
    return parts
