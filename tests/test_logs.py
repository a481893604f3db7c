"""The log file: private, rotated, and free of health data."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

from coach.system.logs import rotate_logs, setup_logging


def test_log_file_is_private_and_receives_records(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "logs")
    try:
        logging.getLogger("coach.test").warning("hello %s", "log")
        for handler in logging.getLogger().handlers:
            handler.flush()
        assert "hello log" in path.read_text()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    finally:
        for handler in [h for h in logging.getLogger().handlers if h.get_name() == "coach-file"]:
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_rotation_keeps_three_old_files(tmp_path: Path) -> None:
    path = tmp_path / "coach.log"
    for generation in range(5):
        path.write_text(f"gen{generation}" + "x" * 100)
        rotate_logs(path, max_bytes=50, keep=3)
    assert not path.exists()
    assert [p.name for p in sorted(tmp_path.iterdir())] == [
        "coach.log.1",
        "coach.log.2",
        "coach.log.3",
    ]
    assert path.with_name("coach.log.1").read_text().startswith("gen4")
