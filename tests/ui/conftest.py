"""Fixtures for screens: a real store in a temp folder, the shipped content, a fake clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from coach.domain.clock import FakeClock
from coach.domain.content import Content
from coach.paths import DataPaths
from coach.store import open_db
from coach.store.repository import Repository
from coach.ui.active_profile import ActiveProfile
from coach.ui.appearance import apply_appearance
from coach.ui.context import AppContext
from coach.ui.preferences import Preferences


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def ctx(
    data_paths: DataPaths, clock: FakeClock, qapp: QApplication, content: Content
) -> Iterator[AppContext]:
    """An app context on an empty temp data folder (no profile yet)."""
    db = open_db(data_paths.database)
    context = AppContext(
        paths=data_paths,
        db=db,
        repo=Repository(db),
        clock=clock,
        prefs=Preferences(data_paths.settings),
        content=content,
        active=ActiveProfile(None),
    )
    yield context
    db.close()
    apply_appearance(qapp, 100, "light")


@pytest.fixture
def restyle(ctx: AppContext, qapp: QApplication) -> Callable[[], None]:
    def apply() -> None:
        apply_appearance(qapp, ctx.prefs.text_scale, ctx.prefs.theme)

    return apply
