"""Writers never clobber: every file the app writes refuses a target inside the data folder or
one that is not a regular file, with one sentence, leaving the target and the data unchanged."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from coach.cli import run
from coach.reports.atomic import ExportError, atomic_write_bytes
from coach.store import StoreError
from coach.store.backup import make_backup
from coach.system.instance_lock import InstanceLock, UnsafeLockFileError
from coach.system.paths import DataPaths
from coach.ui.context import AppContext
from tests.hostile.databases import NOW, snapshot
from tests.hostile.targets import HOSTILE_TARGETS, VICTIM_TEXT, state, victim

WRITERS = {
    "export-csv": ["export", "csv", "--out", "{t}"],
    "export-pdf": ["export", "pdf", "--out", "{t}"],
    "plan-export": ["plan", "export", "{t}"],
    "plan-print": ["plan", "print", "--out", "{t}"],
    "calendar": ["calendar", "--out", "{t}"],
    "backup": ["backup", "{t}"],
}


def listing(folder: Path) -> list[tuple[str, object]]:
    """Every file below ``folder`` (the database's own files by name: SQLite may touch them)."""
    return sorted(
        (str(p.relative_to(folder)), None if p.name.startswith("coach.db") else state(p))
        for p in folder.rglob("*")
        if "logs" not in p.parts  # a command sets up its log before it runs
    )


CASES = [
    pytest.param(argv, build, phrase, id=f"{writer}-{name}")
    for writer, argv in WRITERS.items()
    for name, build, phrase, for_backup in HOSTILE_TARGETS
    if for_backup or writer != "backup"
]


@pytest.mark.parametrize(("argv", "build", "phrase"), CASES)
def test_every_writer_refuses_a_hostile_target(
    *,
    live: DataPaths,
    tmp_path: Path,
    one_line: Callable[[], str],
    argv: list[str],
    build: Callable[[Path, Path], Path],
    phrase: str,
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    victim(scratch)
    target = build(live.root, scratch)
    before = (snapshot(live.database), listing(live.root), listing(scratch), state(target))

    code = run(["--data-dir", str(live.root), *(a.replace("{t}", str(target)) for a in argv)])

    assert code == 1
    assert phrase in one_line()
    assert (snapshot(live.database), listing(live.root), listing(scratch), state(target)) == before
    assert (scratch / "precious.txt").read_text(encoding="utf-8") == VICTIM_TEXT


@pytest.mark.parametrize(
    ("build", "phrase"), [pytest.param(b, p, id=n) for n, b, p, _ in HOSTILE_TARGETS]
)
def test_the_shared_writer_refuses_too(
    live: DataPaths, tmp_path: Path, build: Callable[[Path, Path], Path], phrase: str
) -> None:
    """What the GUI's exports, plan export and handout go through."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    target = build(live.root, scratch)
    before = state(target)
    with pytest.raises(ExportError, match=phrase):
        atomic_write_bytes(target, b"health data", data_folder=live.root)
    assert state(target) == before


def test_the_progress_screen_says_why_it_did_not_save(qtbot: QtBot, ctx: AppContext) -> None:
    from coach.demo.history import seed_history
    from coach.ui.progress.screen import ProgressScreen
    from tests.scripted_dialogs import scripted

    target = ctx.paths.database.with_suffix(".csv")

    stats = seed_history(ctx.db, ctx.content, ctx.clock.now(), weeks=2)
    ctx.active.set(stats.profile)
    dialogs = scripted(ctx)
    dialogs.path = target
    screen = ProgressScreen(ctx)
    qtbot.addWidget(screen)
    screen.csv_button.click()
    assert dialogs.informed[-1][0] == "Not saved"
    assert "inside Rehab Coach's data folder" in dialogs.informed[-1][1]
    assert not target.exists()


def test_standard_output_is_dash(live: DataPaths, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--data-dir", str(live.root), "export", "csv", "--out", "-"]) == 0
    out = capsys.readouterr().out
    assert out.lstrip("\ufeff").startswith("date,start_time,routine,status")
    assert "Wrote" not in out
    assert run(["--data-dir", str(live.root), "plan", "export", "-"]) == 0
    assert '"format": "rehab-coach-plan"' in capsys.readouterr().out


def test_backup_leaves_the_mode_of_an_existing_folder_alone(
    live: DataPaths, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    made = make_backup(live.database, live.backups, NOW, shared)
    assert made.parent == shared
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    assert stat.S_IMODE(made.stat().st_mode) == 0o600


def test_backup_refusal_is_a_store_error(live: DataPaths, tmp_path: Path) -> None:
    link = tmp_path / "b.db"
    link.symlink_to(live.database)
    with pytest.raises(StoreError, match="is a link"):
        make_backup(live.database, live.backups, NOW, link)


@pytest.mark.parametrize("kind", ["link", "fifo"])
def test_the_lock_file_is_never_followed(
    live: DataPaths, tmp_path: Path, one_line: Callable[[], str], kind: str
) -> None:
    target = victim(tmp_path)
    live.lock.unlink(missing_ok=True)
    if kind == "link":
        live.lock.symlink_to(target)
    else:
        os.mkfifo(live.lock)
    with pytest.raises(UnsafeLockFileError):
        InstanceLock(live.lock).acquire()
    assert run(["--data-dir", str(live.root), "check"]) == 1
    assert "lock file" in one_line()
    assert target.read_text(encoding="utf-8") == VICTIM_TEXT


def test_an_empty_data_dir_is_refused(one_line: Callable[[], str]) -> None:
    assert run(["--data-dir", "", "check"]) == 2
    assert "--data-dir needs a folder" in one_line()
    assert run(["--data-dir", "  ", "backup"]) == 2
    one_line()
