"""A throwaway demo data folder, so the app can be shown without touching real data."""

from __future__ import annotations

import tempfile
from pathlib import Path

from coach.demo.history import seed_history
from coach.domain import i18n
from coach.domain.clock import Clock, SystemClock
from coach.domain.content import load_content
from coach.store import open_db
from coach.store.repository import Repository
from coach.system.paths import DataPaths, exercises_dir

DEMO_NICKNAME = "Sam (demo)"


def seed_demo(paths: DataPaths, clock: Clock, weeks: int = 12) -> None:
    """Write a demo profile with ``weeks`` of history (coach.demo.history) through the store."""
    db = open_db(paths.database)
    try:
        repo = Repository(db)
        if not any(p.nickname == DEMO_NICKNAME for p in repo.profiles()):
            content = load_content(exercises_dir(), i18n.current().code)
            seed_history(db, content, clock.now(), weeks=weeks, nickname=DEMO_NICKNAME)
    finally:
        db.close()


def demo_data_paths(base: Path | None = None, clock: Clock | None = None) -> DataPaths:
    """A fresh temporary data folder holding the demo profile."""
    root = Path(tempfile.mkdtemp(prefix="rehab-coach-demo-", dir=base))
    paths = DataPaths(root / "data")
    seed_demo(paths, clock or SystemClock())
    return paths
