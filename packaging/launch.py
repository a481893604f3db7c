"""The frozen program's entry: ``rehab-coach`` runs the console script's main(); on Windows the
windowed ``rehab-coach-gui.exe`` (same bundle) runs the GUI script's gui()."""

import sys
from pathlib import Path

from coach.__main__ import gui, main

sys.exit(gui() if Path(sys.executable).stem == "rehab-coach-gui" else main())
