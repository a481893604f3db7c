"""The one place that makes the store objects of a database, so they share its announcements.

Screens take ``ctx.stores.sessions`` and friends instead of making a ``SessionStore(db)`` of
their own: every write then reaches every subscriber of ``stores.changes``. The stores Today
does not need are made (and their modules imported) when first asked for, which keeps them off
the startup path.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from coach.store.db import Database
from coach.store.events import StoreEvents
from coach.store.repository import Repository
from coach.store.sessions import SessionStore

if TYPE_CHECKING:
    from coach.store.coping import CopingStore
    from coach.store.journal import JournalStore
    from coach.store.medicines import MedicineStore
    from coach.store.outcomes import OutcomesStore
    from coach.store.progress_data import ProgressData
    from coach.store.reminders import ReminderStore
    from coach.store.therapist import TherapistStore


class Stores:
    """Every store object of ``db``, made once, announcing through one ``StoreEvents``."""

    def __init__(self, db: Database, changes: StoreEvents | None = None) -> None:
        self.db = db
        self.changes = changes if changes is not None else StoreEvents()
        self.repo = Repository(db, self.changes)
        self.sessions = SessionStore(db, self.changes)

    @cached_property
    def outcomes(self) -> OutcomesStore:
        from coach.store.outcomes import OutcomesStore

        return OutcomesStore(self.db, self.changes)

    @cached_property
    def coping(self) -> CopingStore:
        from coach.store.coping import CopingStore

        return CopingStore(self.db, self.changes)

    @cached_property
    def journal(self) -> JournalStore:
        from coach.store.journal import JournalStore

        return JournalStore(self.db, self.changes)

    @cached_property
    def medicines(self) -> MedicineStore:
        from coach.store.medicines import MedicineStore

        return MedicineStore(self.db, self.changes)

    @cached_property
    def therapist(self) -> TherapistStore:
        from coach.store.therapist import TherapistStore

        return TherapistStore(self.db, self.changes)

    @cached_property
    def reminders(self) -> ReminderStore:
        from coach.store.reminders import ReminderStore

        return ReminderStore(self.db, self.changes)

    @cached_property
    def progress(self) -> ProgressData:
        """The read side of Progress, History and the exports (it writes nothing)."""
        from coach.store.progress_data import ProgressData

        return ProgressData(self.db)
