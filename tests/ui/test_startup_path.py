"""The first paint waits only for what it shows: no charts, no numpy, no ``Qt`` namespace.

Each of these costs 15-60 ms at start (see bench/startup.py); a stray import or a
``style().polish()`` on the start path would quietly bring one back.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach.demo.folder import seed_demo
from coach.domain.clock import FakeClock
from coach.system.paths import DataPaths

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_first_paint_loads_nothing_slow(tmp_path: Path, clock: FakeClock) -> None:
    data = tmp_path / "data"
    seed_demo(DataPaths(data), clock, weeks=2)  # a patient, so the start shows Today
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "COACH_EXIT_AFTER_FIRST_PAINT": "1",
    }
    out = subprocess.run(
        [sys.executable, "-m", "coach", "--data-dir", str(data)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    line = next(line for line in out.stdout.splitlines() if line.startswith("first-paint "))
    assert line.split()[2:] == ["pyqtgraph=False", "numpy=False", "qt-namespace=False"]
