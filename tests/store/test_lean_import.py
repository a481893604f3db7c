"""sqlite-utils loads without numpy, so the app's start does not pay for the charts' maths."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LEAN_IMPORT = ROOT / "coach" / "store" / "lean_import.py"

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


NEEDS_NUMPY = """
import importlib.util, sys
sys.path.insert(0, sys.argv[1])
spec = importlib.util.spec_from_file_location("lean_import", sys.argv[2])
spec.loader.exec_module(importlib.util.module_from_spec(spec))  # the module on its own
import sqlite_utils
print(sqlite_utils.loaded_with, "numpy" in sys.modules)
"""


@pytest.mark.slow
def test_a_sqlite_utils_that_needs_numpy_still_loads(tmp_path: Path) -> None:
    """If some future sqlite-utils cannot load without numpy, the store loads it as usual."""
    fake = tmp_path / "sqlite_utils"
    fake.mkdir()
    (fake / "__init__.py").write_text("import numpy\nloaded_with = numpy.__name__\n")
    out = subprocess.run(
        [sys.executable, "-c", NEEDS_NUMPY, str(tmp_path), str(LEAN_IMPORT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    assert out.stdout.split() == ["numpy", "True"]
