"""Medicines taken, as the patient wrote them (table from m013). One transaction per entry."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlite_utils import Database

from coach.domain.clock import utc_iso
from coach.domain.i18n import _
from coach.domain.medicines import MedicineEntry
from coach.store.day_range import day_range
from coach.store.events import MEDICINES, StoreEvents, announces


class MedicineStore:
    def __init__(self, db: Database, events: StoreEvents | None = None) -> None:
        self.db = db
        self.changes = events if events is not None else StoreEvents()

    @announces(MEDICINES)
    def save(self, profile_id: int, entry: MedicineEntry) -> MedicineEntry:
        """Add a new entry, or replace the one with ``entry.id`` (an edit)."""
        values = [entry.name, entry.kind, entry.amount, utc_iso(entry.at), entry.day.isoformat()]
        with self.db.atomic():
            if entry.id is None:
                cursor = self.db.execute(
                    "INSERT INTO medicines_taken (name, kind, amount, taken_at, local_date,"
                    " profile_id) VALUES (?, ?, ?, ?, ?, ?)",
                    [*values, profile_id],
                )
                return replace(entry, id=int(cursor.lastrowid or 0))
            cursor = self.db.execute(
                "UPDATE medicines_taken SET name = ?, kind = ?, amount = ?, taken_at = ?,"
                " local_date = ? WHERE id = ? AND profile_id = ?",
                [*values, entry.id, profile_id],
            )
            if cursor.rowcount != 1:
                raise LookupError(_("That medicine entry is no longer there."))
        return entry

    @announces(MEDICINES)
    def delete(self, entry_id: int) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM medicines_taken WHERE id = ?", [entry_id])

    def entries(
        self, profile_id: int, since: date | None = None, until: date | None = None
    ) -> list[MedicineEntry]:
        """Oldest first."""
        sql = (
            "SELECT id, name, kind, amount, taken_at, local_date FROM medicines_taken"
            " WHERE profile_id = ?"
        )
        params: list[object] = [profile_id]
        between, bounds = day_range("local_date", since, until)
        sql += between
        params += bounds
        rows = self.db.execute(sql + " ORDER BY taken_at, id", params).fetchall()
        return [
            MedicineEntry(
                str(name),
                datetime.fromisoformat(str(at)),
                date.fromisoformat(str(day)),
                str(kind),
                str(amount),
                int(entry_id),
            )
            for entry_id, name, kind, amount, at, day in rows
        ]
