"""What screens are given: built once in ``run_app`` and passed down through constructors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from coach.domain.clock import Clock
from coach.domain.content import Content
from coach.domain.i18n import in_language
from coach.domain.profile import Profile
from coach.store import Database
from coach.store.repository import Repository
from coach.store.stores import Stores
from coach.system.languages import shown_language
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
    # The clinical content in another language, for a report in a profile's language that is
    # not the one shown (after a new choice, before the restart); None: only ``content``.
    content_loader: Callable[[str], Content] | None = None
    _contents: dict[str, Content] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.active.follow(self.stores.changes)

    @property
    def db(self) -> Database:
        return self.stores.db

    @property
    def repo(self) -> Repository:
        return self.stores.repo

    def content_in(self, language: str) -> Content:
        """The clinical content in ``language``: the content shown when it is in it, else
        loaded once (through the content cache) and kept."""
        if language == shown_language() or self.content_loader is None:
            return self.content
        if language not in self._contents:
            self._contents[language] = self.content_loader(language)
        return self._contents[language]

    @contextmanager
    def report_language(self, profile: Profile) -> Iterator[Content]:
        """Inside: words and dates in ``profile``'s language, and its content in it, for a
        report, handout or printed topic (the window stays in its own language)."""
        content = self.content_in(profile.language)  # first: compared with the one shown
        with in_language(profile.language):
            yield content
