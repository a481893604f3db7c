"""What screens are given: built once in ``run_app`` and passed down through constructors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from coach.domain.clock import Clock
from coach.paths import DataPaths
from coach.store.repository import Repository
from coach.ui.preferences import Preferences


@dataclass(frozen=True)
class AppContext:
    """The app's dependencies. Not a global: each screen receives it from its creator."""

    paths: DataPaths
    db: Database
    repo: Repository
    clock: Clock
    prefs: Preferences
    log_file: Path | None = None
