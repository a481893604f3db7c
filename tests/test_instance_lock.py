"""One writer per data folder; a lock left by a killed process is taken back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from coach.system.instance_lock import AlreadyRunningError, InstanceLock

HOLD_LOCK = """
import sys, time
from pathlib import Path
from coach.system.instance_lock import InstanceLock
lock = InstanceLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
sys.stdin.read()
"""


def test_second_holder_is_refused(tmp_path: Path) -> None:
    with (
        InstanceLock(tmp_path / "coach.lock"),
        pytest.raises(AlreadyRunningError, match="already open"),
    ):
        InstanceLock(tmp_path / "coach.lock").acquire()
    with InstanceLock(tmp_path / "coach.lock") as again:
        assert again.held


def test_lock_held_by_another_process_then_killed_is_reclaimed(tmp_path: Path) -> None:
    lock_path = tmp_path / "coach.lock"
    root = Path(__file__).resolve().parents[1]
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(lock_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "locked"
        with pytest.raises(AlreadyRunningError):
            InstanceLock(lock_path).acquire()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert lock_path.exists()  # the stale file is still there ...
    with InstanceLock(lock_path) as lock:  # ... and is simply reused
        assert lock.held


def test_stale_lock_file_with_a_dead_pid_is_reused(tmp_path: Path) -> None:
    lock_path = tmp_path / "coach.lock"
    lock_path.write_text("999999")
    with InstanceLock(lock_path) as lock:
        assert lock.held
    assert lock_path.read_text() == str(os.getpid())
