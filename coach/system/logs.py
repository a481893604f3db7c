"""Logging to a file in the data folder's logs/, rotated at start.

Logs are for fixing bugs, so they record what the program did (events, errors), never health
data: no pain scores, notes, names or answers. Callers log ids and kinds only.
Rotation happens once at start (keep 3 old files of about 1 MB); this avoids
``logging.handlers``, which drags in the socket module and costs startup time.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from coach.system.paths import ensure_private_dir

LOG_FILE = "coach.log"
MAX_BYTES = 1_000_000
KEEP = 3


def rotate_logs(path: Path, max_bytes: int = MAX_BYTES, keep: int = KEEP) -> None:
    """coach.log -> coach.log.1 -> ... -> coach.log.<keep>, when coach.log is too big."""
    if not path.exists() or path.stat().st_size < max_bytes:
        return
    for index in range(keep, 0, -1):
        older = path.with_name(f"{path.name}.{index}")
        newer = path if index == 1 else path.with_name(f"{path.name}.{index - 1}")
        if newer.exists():
            newer.replace(older)


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send the root logger to logs/coach.log. Returns the file's path."""
    ensure_private_dir(log_dir)
    path = log_dir / LOG_FILE
    rotate_logs(path)
    with contextlib.suppress(FileExistsError):
        path.touch(mode=0o600, exist_ok=False)
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == "coach-file"]:
        root.removeHandler(old)
        with contextlib.suppress(OSError):  # its last lines may not fit on a full disk
            old.close()
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.set_name("coach-file")
    root.addHandler(handler)
    root.setLevel(level)
    # A log that cannot be written (full disk, folder gone) must never print a traceback or
    # stop the app: logging then drops the line quietly.
    logging.raiseExceptions = False
    return path
