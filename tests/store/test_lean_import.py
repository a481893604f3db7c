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


PLAIN_IMPORT = """
import sys
import sqlite_utils
print("numpy" in sys.modules)
"""


@pytest.mark.slow
def test_the_trick_is_still_needed_and_still_works() -> None:
    """Fails when the trick stops mattering or stops working, on a new sqlite-utils (the
    upper bound in pyproject.toml is the last major version checked): imported plainly it
    still loads numpy (else lean_import.py is dead code, remove it); through the store it
    does not (the other tests here)."""
    plain = subprocess.run(
        [sys.executable, "-c", PLAIN_IMPORT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": ""},
    )
    assert plain.stdout.split() == ["True"], "sqlite-utils no longer imports numpy"
    lean = subprocess.run(
        [sys.executable, "-c", "import sys, coach.store; print('numpy' in sys.modules)"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    assert lean.stdout.split() == ["False"], "the store's import of sqlite-utils loads numpy"


def test_the_declared_bound_covers_the_installed_sqlite_utils() -> None:
    """lean_import is checked against the sqlite-utils that is installed; pyproject.toml's
    upper bound keeps an unchecked major version out."""
    import tomllib
    from importlib.metadata import version

    from packaging.requirements import Requirement

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = next(r for d in deps["dependencies"] if (r := Requirement(d)).name == "sqlite-utils")
    assert any(s.operator == "<" for s in wanted.specifier), "sqlite-utils needs an upper bound"
    assert wanted.specifier.contains(version("sqlite-utils"))
