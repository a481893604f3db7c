"""Opening the data for one named profile, the same way for every command that needs one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from coach.commands.base import CommandError
from coach.domain.profile import Profile
from coach.system.instance_lock import InstanceLock
from coach.system.paths import DataPaths


@contextmanager
def named_profile(paths: DataPaths, name: str | None) -> Iterator[tuple[Database, Profile]]:
    """The database (under the instance lock) and the profile called ``name`` (or the only
    one); a missing data folder or profile is one plain sentence (CommandError)."""
    from coach.store import open_db
    from coach.store.progress_data import ProgressData

    with InstanceLock(paths.lock):
        if not paths.database.exists():
            raise CommandError(f"There is no Rehab Coach data in {paths.root}.")
        db = open_db(paths.database)
        try:
            try:
                profile = ProgressData(db).profile_named(name)
            except LookupError as exc:
                raise CommandError(str(exc)) from None
            yield db, profile
        finally:
            db.close()
