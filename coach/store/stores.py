"""The one place that makes the store objects of a database, so they share its events.

Screens take ``ctx.stores.sessions`` and friends instead of making a ``SessionStore(db)`` of
their own: every write then reaches every subscriber of ``stores.changes``.
"""

from __future__ import annotations

from coach.store.coping import CopingStore
from coach.store.db import Database
from coach.store.events import StoreEvents
from coach.store.outcomes import OutcomesStore
from coach.store.progress_data import ProgressData
from coach.store.repository import Repository
from coach.store.sessions import SessionStore
from coach.store.therapist import TherapistStore


class Stores:
    """Every store object of ``db``, made once, announcing through one ``StoreEvents``."""

    def __init__(self, db: Database, changes: StoreEvents | None = None) -> None:
        self.db = db
        self.changes = changes if changes is not None else StoreEvents()
        self.repo = Repository(db, self.changes)
        self.sessions = SessionStore(db, self.changes)
        self.outcomes = OutcomesStore(db, self.changes)
        self.coping = CopingStore(db, self.changes)
        self.therapist = TherapistStore(db, self.changes)
        self.progress = ProgressData(db)  # reads only
