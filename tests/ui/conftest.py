"""Fixtures for screens: a real store in a temp folder and a fake clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from coach.domain.clock import FakeClock
from coach.paths import DataPaths
from coach.store import open_db
from coach.store.repository import Repository
from coach.ui.appearance import apply_appearance
from coach.ui.context import AppContext
from coach.ui.preferences import Preferences


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def ctx(data_paths: DataPaths, clock: FakeClock, qapp: QApplication) -> Iterator[AppContext]:
    db = open_db(data_paths.database)
    context = AppContext(
        paths=data_paths,
        db=db,
        repo=Repository(db),
        clock=clock,
        prefs=Preferences(data_paths.settings),
    )
    yield context
    db.close()
    apply_appearance(qapp, 100, "light")


@pytest.fixture
def restyle(ctx: AppContext, qapp: QApplication) -> object:
    def apply() -> None:
        apply_appearance(qapp, ctx.prefs.text_scale, ctx.prefs.theme)

    return apply
