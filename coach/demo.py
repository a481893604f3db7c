"""A throwaway demo data folder, so the app can be shown without touching real data."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from coach.domain.clock import Clock, SystemClock
from coach.domain.profile import Profile, Surgery
from coach.paths import DataPaths
from coach.store import open_db
from coach.store.repository import Repository

DEMO_NICKNAME = "Sam (demo)"


def seed_demo(paths: DataPaths, clock: Clock, weeks: int = 12) -> None:
    """Write a demo profile (and, with later issues, its history) through the normal store."""
    db = open_db(paths.database)
    try:
        repo = Repository(db)
        if not any(p.nickname == DEMO_NICKNAME for p in repo.profiles()):
            surgery_date = clock.now().date() - timedelta(weeks=weeks)
            repo.add_profile(Profile(DEMO_NICKNAME, Surgery.FUSION, surgery_date), clock.now())
    finally:
        db.close()


def demo_data_paths(base: Path | None = None, clock: Clock | None = None) -> DataPaths:
    """A fresh temporary data folder holding the demo profile."""
    root = Path(tempfile.mkdtemp(prefix="rehab-coach-demo-", dir=base))
    paths = DataPaths(root / "data")
    seed_demo(paths, clock or SystemClock())
    return paths
