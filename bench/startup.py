"""Startup benchmark: process start to the first painted main window, against a floor.

The floor is the least any PySide6 + sqlite-utils app can do: a bare QMainWindow after
``import sqlite_utils``, measured the same way in the same run. Prints the medians and, on its
last line, the ratio (target <= 1.3). Also reports what slow-to-load code the app loaded before
its first paint, and fails if that includes pyqtgraph.

For reference it also measures the floor without numpy. sqlite-utils imports numpy whenever it
is installed (it is, for pyqtgraph); the app hides it during that import
(``coach/store/lean_import.py``), so part of its margin over the floor is numpy's import time.
The reference ratio shows the app's own cost without that margin.

    python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FLOOR = """
import sys, time
import sqlite_utils
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
from PySide6.QtCore import QTimer
app = QApplication(sys.argv)
class W(QMainWindow):
    done = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.done:
            self.done = True
            print(f"first-paint {time.monotonic():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
w = W(); w.setCentralWidget(QLabel("Rehab Coach")); w.resize(1200, 800); w.show()
app.exec()
"""
NUMPY_FREE_FLOOR = "import sys; sys.modules['numpy'] = sys.modules['pandas'] = None\n" + FLOOR


# A patient who has finished onboarding, so the app opens on its main window.
SEED_PROFILE = """
import sys
from pathlib import Path
from coach.demo.folder import seed_demo
from coach.domain.clock import SystemClock
from coach.system.paths import DataPaths
seed_demo(DataPaths(Path(sys.argv[1])), SystemClock())
"""


def time_to_first_paint(argv: list[str], env: dict[str, str]) -> tuple[float, set[str]]:
    """Seconds from start to the first paint, and what heavy code was loaded by then."""
    start = time.monotonic()
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120, check=False)
    for line in result.stdout.splitlines():
        if line.startswith("first-paint "):
            _, stamp, *flags = line.split()
            loaded = {flag.split("=")[0] for flag in flags if flag.endswith("=True")}
            return float(stamp) - start, loaded
    raise RuntimeError(f"no first paint reported by {argv}: {result.stderr[-2000:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(ROOT),
            "COACH_EXIT_AFTER_FIRST_PAINT": "1",
            "HOME": tmp,
        }
        data = str(Path(tmp) / "data")
        app_argv = [sys.executable, "-m", "coach", "--data-dir", data]
        subprocess.run(
            [sys.executable, "-c", SEED_PROFILE, data], env=env, check=True, capture_output=True
        )
        floor_argv = [sys.executable, "-c", FLOOR]
        lean_argv = [sys.executable, "-c", NUMPY_FREE_FLOOR]
        time_to_first_paint(floor_argv, env)  # warm the OS file cache for all three
        time_to_first_paint(lean_argv, env)
        time_to_first_paint(app_argv, env)
        floors: list[float] = []
        leans: list[float] = []
        apps: list[float] = []
        loaded: set[str] = set()
        for _ in range(args.runs):  # interleaved, so drift hits all alike
            floors.append(time_to_first_paint(floor_argv, env)[0])
            leans.append(time_to_first_paint(lean_argv, env)[0])
            elapsed, heavy = time_to_first_paint(app_argv, env)
            apps.append(elapsed)
            loaded |= heavy
    floor, lean, app = (statistics.median(x) for x in (floors, leans, apps))
    print(f"floor (bare QMainWindow + sqlite_utils): median {floor * 1000:.0f} ms")
    print(f"rehab-coach first paint:                 median {app * 1000:.0f} ms")
    heavy_text = ", ".join(sorted(loaded)) or "none of pyqtgraph, numpy, the Qt namespace"
    print(f"loaded before the first paint: {heavy_text}")
    print(
        f"reference: floor without numpy median {lean * 1000:.0f} ms, "
        f"app / that floor {app / lean:.2f}x"
    )
    ratio = app / floor
    print(f"startup ratio {ratio:.2f}x (target <= 1.30x)")
    return 1 if "pyqtgraph" in loaded else 0


if __name__ == "__main__":
    sys.exit(main())
