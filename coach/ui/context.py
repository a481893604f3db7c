"""What screens are given: built once in ``run_app`` and passed down through constructors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from coach.domain.clock import Clock
from coach.domain.content import Content
from coach.store import Database
from coach.store.repository import Repository
from coach.system.paths import DataPaths
from coach.ui.active_profile import ActiveProfile
from coach.ui.common.dialogs import Dialogs
from coach.ui.common.preferences import Preferences


@dataclass(frozen=True)
class AppContext:
    """The app's dependencies. Not a global: each screen receives it from its creator."""

    paths: DataPaths
    db: Database
    repo: Repository
    clock: Clock
    prefs: Preferences
    content: Content
    active: ActiveProfile
    log_file: Path | None = None
    dialogs: Dialogs = field(default_factory=Dialogs)  # every question asked of a person
