"""The store: SQLite through sqlite-utils. No Qt here; callers get dataclasses, never rows.

Other layers take ``Database`` from here, never from sqlite_utils: ``lean_import`` must run
before sqlite-utils is first imported.
"""

from coach.store import lean_import  # noqa: F401  # first: sqlite-utils without numpy
from coach.store.db import (
    CorruptDatabaseError,
    Database,
    NewerDatabaseError,
    StoreError,
    open_db,
)

__all__ = ["CorruptDatabaseError", "Database", "NewerDatabaseError", "StoreError", "open_db"]
