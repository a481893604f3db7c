"""sqlite-utils loads without numpy, so the app's start does not pay for the charts' maths."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

START_THEN_CHARTS = """
import sys, tempfile
from pathlib import Path
import coach.ui.app, coach.ui.screens
from coach.store import open_db
from coach.store.repository import Repository
db = open_db(Path(tempfile.mkdtemp()) / "coach.db")
print("numpy at start:", "numpy" in sys.modules, "profiles:", len(Repository(db).profiles()))
import numpy, pyqtgraph
print("numpy later:", numpy.arange(3).sum())
"""


@pytest.mark.slow
def test_the_start_path_leaves_numpy_for_the_charts() -> None:
    out = subprocess.run(
        [sys.executable, "-c", START_THEN_CHARTS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert out.stdout.splitlines() == ["numpy at start: False profiles: 0", "numpy later: 3"]
