"""Coping tools used and Today hints dismissed (tables from m011).

Times are UTC ISO text; ``local_date`` groups a use by the patient's own day. Journal text is
private: it goes into the clinic report only when ``in_report`` is set by the patient.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlite_utils import Database

from coach.domain.clock import utc_iso
from coach.domain.i18n import _
from coach.store.day_range import day_range
from coach.store.events import COPING, StoreEvents, announces

TOOLS = ("breathing", "body-scan", "journal")
MAX_SECONDS = 7200
MAX_NOTE = 4000


@dataclass(frozen=True)
class CopingUse:
    id: int
    tool: str
    local_date: date
    started_at: str
    seconds: int
    note: str = ""
    in_report: bool = False

    @property
    def minutes(self) -> int:
        """Whole minutes, at least 1 for any use that lasted (a short try still counts)."""
        return max(1, round(self.seconds / 60)) if self.seconds else 0


class CopingStore:
    def __init__(self, db: Database, events: StoreEvents | None = None) -> None:
        self.db = db
        self.changes = events if events is not None else StoreEvents()

    @announces(COPING)
    def record_use(
        self,
        profile_id: int,
        tool: str,
        *,
        day: date,
        started: datetime,
        seconds: int,
        note: str = "",
        in_report: bool = False,
    ) -> int:
        """Store one use; raises ValueError with a plain sentence for values out of range."""
        if tool not in TOOLS:
            raise ValueError(f"{tool!r} is not a coping tool.")
        seconds = max(0, min(int(seconds), MAX_SECONDS))
        if len(note) > MAX_NOTE:
            raise ValueError(
                _("The note is too long (at most {count} characters).").format(count=MAX_NOTE)
            )
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO coping_uses (profile_id, tool, local_date, started_at, seconds,"
                " note, in_report) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [profile_id, tool, day.isoformat(), utc_iso(started), seconds, note, in_report],
            )
        return int(cursor.lastrowid or 0)

    def uses(
        self, profile_id: int, since: date | None = None, until: date | None = None
    ) -> list[CopingUse]:
        """A profile's uses, oldest first."""
        sql = (
            "SELECT id, tool, local_date, started_at, seconds, note, in_report"
            " FROM coping_uses WHERE profile_id = ?"
        )
        params: list[object] = [profile_id]
        between, bounds = day_range("local_date", since, until)
        sql += between
        params += bounds
        rows = self.db.execute(sql + " ORDER BY started_at, id", params).fetchall()
        return [
            CopingUse(int(i), str(t), date.fromisoformat(d), str(s), int(sec), str(n), bool(r))
            for i, t, d, s, sec, n, r in rows
        ]

    @announces(COPING)
    def delete_use(self, use_id: int) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM coping_uses WHERE id = ?", [use_id])

    # -- hints ---------------------------------------------------------------------------------
    @announces(COPING)
    def dismiss_hint(self, profile_id: int, key: str, now: datetime) -> None:
        with self.db.atomic():
            self.db.execute(
                "INSERT OR IGNORE INTO dismissed_hints (profile_id, hint_key, dismissed_at)"
                " VALUES (?, ?, ?)",
                [profile_id, key[:80], utc_iso(now)],
            )

    def dismissed_hints(self, profile_id: int) -> frozenset[str]:
        rows = self.db.execute(
            "SELECT hint_key FROM dismissed_hints WHERE profile_id = ?", [profile_id]
        ).fetchall()
        return frozenset(str(k) for (k,) in rows)
