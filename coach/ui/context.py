"""What screens are given: built once in ``run_app`` and passed down through constructors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from coach.domain.clock import Clock
from coach.domain.content import Content
from coach.store import Database
from coach.store.repository import Repository
from coach.store.stores import Stores
from coach.system.paths import DataPaths
from coach.ui.active_profile import ActiveProfile
from coach.ui.common.dialogs import Dialogs
from coach.ui.common.preferences import Preferences
from coach.ui.restart import Restart


@dataclass(frozen=True)
class AppContext:
    """The app's dependencies. Not a global: each screen receives it from its creator.

    ``stores`` owns the store objects of the database; what they write reaches the screens
    through ``active.data_changed``, which follows ``stores.changes`` from here on."""

    paths: DataPaths
    stores: Stores
    clock: Clock
    prefs: Preferences
    content: Content
    active: ActiveProfile
    log_file: Path | None = None
    dialogs: Dialogs = field(default_factory=Dialogs)  # every question asked of a person
    restart: Restart = field(default_factory=Restart)  # "Restart now" (a new language)

    def __post_init__(self) -> None:
        self.active.follow(self.stores.changes)

    @property
    def db(self) -> Database:
        return self.stores.db

    @property
    def repo(self) -> Repository:
        return self.stores.repo
