"""The store: SQLite through sqlite-utils. No Qt here; callers get dataclasses, never rows."""

from coach.store.db import CorruptDatabaseError, NewerDatabaseError, StoreError, open_db

__all__ = ["CorruptDatabaseError", "NewerDatabaseError", "StoreError", "open_db"]
