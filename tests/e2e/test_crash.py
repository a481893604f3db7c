"""Kill -9 a process while it writes session events, at many points, and check that the
database is intact and that every write the process acknowledged is there."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from coach.domain.pain import Pain
from coach.domain.profile import Profile, Surgery
from coach.store import open_db
from coach.store.db import integrity_problems
from coach.store.repository import Repository
from coach.store.session_log import SessionStart, begin_session
from coach.store.sessions import SessionStore

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

# The child writes as the app does (one transaction per call) and prints an acknowledgement
# only after the call has returned, i.e. after the commit.
CHILD = """
import sys
from datetime import UTC, datetime
from coach.store import open_db
from coach.store.session_log import SessionStart, begin_session
from coach.store.sessions import Pain, SessionStore

db = open_db(__import__("pathlib").Path(sys.argv[1]))
store = SessionStore(db)
session_id, profile_id, run = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
print("ready", flush=True)
for n in range(100000):
    if n % 9 == 8:
        start = SessionStart(profile_id, None, "daily", "Daily", [{"exercise": "bridge"}], 3, False)
        new_id = begin_session(store, start, Pain(2, 1), now)
        print(f"session {new_id}", flush=True)
    else:
        detail = {"run": run, "n": n, "pad": "x" * 200}
        seq = store.record_event(session_id, "step-done", now, step_index=n, detail=detail)
        print(f"event {seq} {run} {n}", flush=True)
"""


def setup_db(path: Path) -> tuple[int, int]:
    db = open_db(path)
    try:
        profile = Repository(db).add_profile(Profile("Ann", Surgery.FUSION, date(2026, 2, 1)), NOW)
        assert profile.id is not None
        start = SessionStart(profile.id, None, "daily", "Daily", [], 0, False)
        return begin_session(SessionStore(db), start, Pain(1, 1), NOW), profile.id
    finally:
        db.close()


def run_and_kill(db_path: Path, session_id: int, profile_id: int, run: int, acks: int) -> list[str]:
    """Start the writer, let it acknowledge ``acks`` writes, SIGKILL it mid-stream, and return
    every acknowledgement it printed (including ones still in the pipe)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path), str(session_id), str(profile_id), str(run)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert child.stdout is not None
    lines: list[str] = []
    try:
        assert child.stdout.readline().strip() == "ready"
        while len(lines) < acks:
            line = child.stdout.readline()
            assert line, "the writer stopped early"
            lines.append(line.strip())
    finally:
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    return lines + [line for line in rest.splitlines() if line.strip()]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_kill_9_while_writing_loses_nothing_acknowledged(tmp_path: Path) -> None:
    db_path = tmp_path / "data" / "coach.db"
    session_id, profile_id = setup_db(db_path)
    rng = random.Random(20260302)
    acked_events: list[tuple[int, int, int]] = []
    acked_sessions: list[int] = []
    for run in range(12):
        for line in run_and_kill(db_path, session_id, profile_id, run, rng.randint(1, 400)):
            kind, *values = line.split()
            if kind == "event":
                acked_events.append((int(values[0]), int(values[1]), int(values[2])))
            else:
                acked_sessions.append(int(values[0]))

        db = open_db(db_path)  # refuses a damaged file (quick_check)
        try:
            assert integrity_problems(db) == []
            store = SessionStore(db)
            stored = {
                e.seq: (e.detail["run"], e.detail["n"])
                for e in store.events(session_id)
                if e.kind == "step-done"
            }
            for seq, acked_run, n in acked_events:
                assert stored.get(seq) == (acked_run, n), f"acknowledged event {seq} is missing"
            for new_id in acked_sessions:
                assert store.session(new_id) is not None
            # A session is begun in one transaction: row, exercises and pain, or nothing.
            for record in store.sessions(profile_id):
                kinds = [e.kind for e in store.events(record.id)]
                assert kinds[:1] == ["started"]
                assert record.pain_before is not None
                json.dumps(store.events(record.id)[0].detail)
        finally:
            db.close()
    assert len(acked_events) > 100
