"""Shared by the hostile tests: a live data folder, and the one-line error every refusal is."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from coach.system.paths import DataPaths
from tests.hostile.databases import healthy_database


@pytest.fixture
def live(data_paths: DataPaths) -> DataPaths:
    """A data folder with a healthy database in it (profile "Live")."""
    healthy_database(data_paths.database, "Live")
    return data_paths


@pytest.fixture
def one_line(capsys: pytest.CaptureFixture[str]) -> Callable[[], str]:
    """The error printed since the last call: exactly one line, never a traceback."""

    def read() -> str:
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1, err
        assert "Traceback" not in err
        return err

    return read
