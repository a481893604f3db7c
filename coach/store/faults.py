"""Storage faults in plain words: a full disk, a read-only folder, a busy database, a date out
of range. The command line and the app both say the cause in one sentence (never a traceback)
and never claim that something was saved when the write failed.
"""

from __future__ import annotations

import errno
import sqlite3

from coach.domain.i18n import N_, _

BUSY = N_(
    "The database is busy: another program is using it. Wait a moment, close other programs "
    "that may use it, and try again"
)
FULL = N_("The disk is full. Free some space, then try again")
READ_ONLY = N_("The data folder cannot be written (it is read-only or not yours)")
IO = N_("The disk could not be read or written (an input/output error); it may be failing")
CANT_OPEN = N_(
    "The database file could not be opened; check that the data folder exists and is yours"
)
DATE = N_("A date is out of the range Rehab Coach can work with (check the computer's date)")

_SQLITE = {
    "SQLITE_BUSY": BUSY,
    "SQLITE_LOCKED": BUSY,
    "SQLITE_FULL": FULL,
    "SQLITE_READONLY": READ_ONLY,
    "SQLITE_IOERR": IO,
    "SQLITE_CANTOPEN": CANT_OPEN,
    "SQLITE_PERM": READ_ONLY,
    "SQLITE_AUTH": READ_ONLY,
}
_OS = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
    errno.EIO: IO,
}


def _sqlite_cause(exc: sqlite3.Error) -> str | None:
    name = getattr(exc, "sqlite_errorname", "") or ""
    for prefix, sentence in _SQLITE.items():
        if name.startswith(prefix):
            return sentence
    text = str(exc).lower()  # older SQLite builds: only the message tells
    if "locked" in text or "busy" in text:
        return BUSY
    if "full" in text:
        return FULL
    if "readonly" in text or "read-only" in text:
        return READ_ONLY
    if "disk i/o" in text:
        return IO
    return None


def fault_cause(exc: BaseException) -> str | None:
    """The cause of a storage fault as a plain clause (no full stop), or None if ``exc`` is not
    one. Looks through the exceptions an error was raised from (StoreError wraps sqlite3's)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sqlite3.Error):
            cause = _sqlite_cause(current)
            if cause is not None:
                return _(cause)
        elif isinstance(current, OSError) and current.errno in _OS:
            return _(_OS[current.errno])
        elif isinstance(current, OverflowError):
            return _(DATE)
        current = current.__cause__ or current.__context__
    return None


def fault_sentence(exc: BaseException, *, before: str = "") -> str | None:
    """The cause as a sentence, after ``before`` (e.g. "Your last change was not saved. ")."""
    cause = fault_cause(exc)
    # Translators: a fault's cause ends with this full stop (kept apart: causes are clauses).
    return None if cause is None else before + _("{cause}.").format(cause=cause)
