"""Journal entries in the store (tables from m013).

Crash safety (ARCHITECTURE 4): a new entry is written as a *draft* at every change the patient
makes (one transaction each: the entry row, its regions and ticks replaced together), and
becomes a finished entry when they press Save. A crash or kill -9 mid-entry leaves the draft,
which the journal opens again next time. Editing a finished entry writes the whole new version
in one transaction on Save, so the old version stays whole until then. Drafts are never shown
in History, charts or reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlite_utils import Database

from coach.domain.clock import utc_iso
from coach.domain.i18n import _
from coach.domain.journal import QUALITIES, JournalEntry, RegionMark
from coach.store.day_range import day_range
from coach.store.events import JOURNAL, StoreEvents, announces
from coach.store.migrations import quality_column

_QCOLS = [quality_column(q) for q in QUALITIES]


class JournalStore:
    """Finished entries are announced (``JOURNAL``); drafts, written at every tap, are not."""

    def __init__(self, db: Database, events: StoreEvents | None = None) -> None:
        self.db = db
        self.changes = events if events is not None else StoreEvents()

    # -- writing -------------------------------------------------------------------------------
    def save_draft(self, profile_id: int, entry: JournalEntry, now: datetime) -> JournalEntry:
        """Keep an unfinished new entry (replacing the profile's draft); returns it with its id."""
        return self._write(profile_id, entry, now, draft=True)

    @announces(JOURNAL)
    def save(self, profile_id: int, entry: JournalEntry, now: datetime) -> JournalEntry:
        """Store a finished entry: a draft becomes final, an edited entry is replaced whole."""
        return self._write(profile_id, entry, now, draft=False)

    def _write(
        self, profile_id: int, entry: JournalEntry, now: datetime, *, draft: bool
    ) -> JournalEntry:
        values = [utc_iso(entry.at), entry.day.isoformat(), entry.note, int(draft), utc_iso(now)]
        with self.db.atomic():
            entry_id = entry.id if entry.id is not None else self._draft_id(profile_id)
            if entry_id is None:
                cursor = self.db.execute(
                    "INSERT INTO journal_entries (noted_at, local_date, note, draft, updated_at,"
                    " profile_id) VALUES (?, ?, ?, ?, ?, ?)",
                    [*values, profile_id],
                )
                entry_id = int(cursor.lastrowid or 0)
            else:
                cursor = self.db.execute(
                    "UPDATE journal_entries SET noted_at = ?, local_date = ?, note = ?, draft = ?,"
                    " updated_at = ? WHERE id = ? AND profile_id = ?",
                    [*values, entry_id, profile_id],
                )
                if cursor.rowcount != 1:
                    raise LookupError(_("That journal entry is no longer there."))
            self._write_children(entry_id, entry)
        from dataclasses import replace

        return replace(entry, id=entry_id, draft=draft)

    def _draft_id(self, profile_id: int) -> int | None:
        row = self.db.execute(
            "SELECT id FROM journal_entries WHERE profile_id = ? AND draft = 1", [profile_id]
        ).fetchone()
        return int(row[0]) if row else None

    def _write_children(self, entry_id: int, entry: JournalEntry) -> None:
        self.db.execute("DELETE FROM journal_regions WHERE entry_id = ?", [entry_id])
        self.db.execute("DELETE FROM journal_factors WHERE entry_id = ?", [entry_id])
        columns = ", ".join(_QCOLS)
        marks = ", ".join("?" for _ in _QCOLS)
        for mark in entry.marks:
            self.db.execute(
                f"INSERT INTO journal_regions (entry_id, region, intensity, {columns})"
                f" VALUES (?, ?, ?, {marks})",
                [
                    entry_id,
                    mark.region,
                    mark.intensity,
                    *(int(q in mark.qualities) for q in QUALITIES),
                ],
            )
        for effect, factors in (("helped", entry.helped), ("worse", entry.worse)):
            for factor in sorted(factors):
                self.db.execute(
                    "INSERT INTO journal_factors (entry_id, factor, effect) VALUES (?, ?, ?)",
                    [entry_id, factor, effect],
                )

    @announces(JOURNAL)
    def delete(self, entry_id: int) -> None:
        """Remove an entry with its regions and ticks (one transaction)."""
        with self.db.atomic():
            self.db.execute("DELETE FROM journal_entries WHERE id = ?", [entry_id])

    @announces(JOURNAL)
    def discard_draft(self, profile_id: int) -> None:
        with self.db.atomic():
            self.db.execute(
                "DELETE FROM journal_entries WHERE profile_id = ? AND draft = 1", [profile_id]
            )

    # -- reading -------------------------------------------------------------------------------
    def draft(self, profile_id: int) -> JournalEntry | None:
        """The unfinished new entry left by a crash or a closed window, if any."""
        entries = self._read("profile_id = ? AND draft = 1", [profile_id])
        return entries[0] if entries else None

    def entries(
        self, profile_id: int, since: date | None = None, until: date | None = None
    ) -> list[JournalEntry]:
        """Finished entries, oldest first."""
        where = "profile_id = ? AND draft = 0"
        params: list[object] = [profile_id]
        between, bounds = day_range("local_date", since, until)
        where += between
        params += bounds
        return self._read(where, params)

    def entry(self, entry_id: int) -> JournalEntry | None:
        found = self._read("id = ?", [entry_id])
        return found[0] if found else None

    def _read(self, where: str, params: list[object]) -> list[JournalEntry]:
        rows = self.db.execute(
            "SELECT id, noted_at, local_date, note, draft FROM journal_entries"
            f" WHERE {where} ORDER BY noted_at, id",
            params,
        ).fetchall()
        if not rows:
            return []
        ids = [int(r[0]) for r in rows]
        marks = self._marks(ids)
        factors = self._factors(ids)
        result = []
        for entry_id, at, day, note, draft in rows:
            helped, worse = factors.get(int(entry_id), (set(), set()))
            result.append(
                JournalEntry(
                    datetime.fromisoformat(str(at)),
                    date.fromisoformat(str(day)),
                    tuple(marks.get(int(entry_id), ())),
                    frozenset(helped),
                    frozenset(worse),
                    str(note),
                    int(entry_id),
                    bool(draft),
                )
            )
        return result

    def _marks(self, ids: list[int]) -> dict[int, list[RegionMark]]:
        from coach.domain.journal import REGION_IDS

        found: dict[int, list[RegionMark]] = {}
        for chunk in _chunks(ids):
            rows = self.db.execute(
                f"SELECT entry_id, region, intensity, {', '.join(_QCOLS)} FROM journal_regions"
                f" WHERE entry_id IN ({', '.join('?' for _ in chunk)})",
                chunk,
            ).fetchall()
            for entry_id, region, intensity, *flags in rows:
                quals = frozenset(q for q, f in zip(QUALITIES, flags, strict=True) if f)
                found.setdefault(int(entry_id), []).append(
                    RegionMark(str(region), int(intensity), quals)
                )
        for marks in found.values():
            marks.sort(key=lambda m: REGION_IDS.index(m.region))
        return found

    def _factors(self, ids: list[int]) -> dict[int, tuple[set[str], set[str]]]:
        found: dict[int, tuple[set[str], set[str]]] = {}
        for chunk in _chunks(ids):
            rows = self.db.execute(
                "SELECT entry_id, factor, effect FROM journal_factors"
                f" WHERE entry_id IN ({', '.join('?' for _ in chunk)})",
                chunk,
            ).fetchall()
            for entry_id, factor, effect in rows:
                helped, worse = found.setdefault(int(entry_id), (set(), set()))
                (helped if effect == "helped" else worse).add(str(factor))
        return found


def _chunks(ids: Iterable[int], size: int = 500) -> list[list[int]]:
    """SQLite limits the number of ``?`` in one statement."""
    items = list(ids)
    return [items[i : i + size] for i in range(0, len(items), size)]
