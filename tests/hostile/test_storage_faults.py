"""The truth under storage faults: a full disk, a read-only folder, a busy database, a date out
of range and a log that cannot be written each give one plain sentence naming the cause, in the
command line and in the app (a window, never a silent exit), and the data is left as it was."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from coach.cli import run
from coach.store import db as store_db
from coach.store.faults import BUSY, DATE, FULL, READ_ONLY
from coach.system.paths import DataPaths
from tests.hostile.databases import snapshot


def _wrap_connect(monkeypatch: pytest.MonkeyPatch, after: Callable[[Any], None]) -> None:
    real = store_db.connect

    def connect(path: Path, *, readonly: bool = False) -> Any:
        db = real(path, readonly=readonly)
        after(db)
        return db

    monkeypatch.setattr(store_db, "connect", connect)


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's own 'database or disk is full' (SQLITE_FULL), as on a full disk."""

    def cap(db: Any) -> None:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {max(pages, 1)}")

    _wrap_connect(monkeypatch, cap)


def read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writes refused with SQLITE_READONLY, as in a read-only folder (root ignores chmod)."""
    _wrap_connect(monkeypatch, lambda db: db.execute("PRAGMA query_only = ON"))


@pytest.fixture
def busy(live: DataPaths, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Another program holds the write lock; we wait a short while (not 5 s) in tests."""
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(live.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield
    other.execute("ROLLBACK")
    other.close()


@pytest.mark.parametrize(
    ("fault", "cause"),
    [(full_disk, FULL), (read_only, READ_ONLY)],
    ids=["full-disk", "read-only"],
)
def test_seed_demo_says_why_it_could_not_write(
    *,
    live: DataPaths,
    one_line: Callable[[], str],
    monkeypatch: pytest.MonkeyPatch,
    fault: Callable[[pytest.MonkeyPatch], None],
    cause: str,
) -> None:
    before = snapshot(live.database)
    fault(monkeypatch)
    assert run(["--data-dir", str(live.root), "seed-demo", "--weeks", "2"]) == 1
    message = one_line()
    assert cause in message
    assert "Added" not in message
    assert snapshot(live.database) == before


@pytest.mark.usefixtures("busy")
@pytest.mark.parametrize(
    "argv",
    [["seed-demo", "--weeks", "2"], ["restore", "{backup}"]],
    ids=["seed-demo", "restore"],
)
def test_a_busy_database_is_waited_for_then_named(
    *,
    live: DataPaths,
    tmp_path: Path,
    one_line: Callable[[], str],
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
) -> None:
    from tests.hostile.databases import healthy_database

    backup = healthy_database(tmp_path / "backup.db", "Other")
    argv = [a.replace("{backup}", str(backup)) for a in argv]
    assert run(["--data-dir", str(live.root), *argv]) == 1
    assert BUSY in one_line()
    assert "Added" not in capsys.readouterr().out


def test_a_date_out_of_range_is_one_sentence(one_line: Callable[[], str], tmp_path: Path) -> None:
    argv = ["--data-dir", str(tmp_path / "d"), "routine", "--surgery", "fusion"]
    assert run([*argv, "--surgery-date", "0001-01-01", "--date", "0001-01-02"]) == 1
    assert DATE in one_line()


def test_a_log_that_cannot_be_written_prints_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from coach.system.logs import setup_logging

    setup_logging(tmp_path / "logs")
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "coach-file")
    assert isinstance(handler, logging.FileHandler)
    handler.stream.close()
    handler.stream = Path("/dev/full").open("w", encoding="utf-8")  # noqa: SIM115 - a full disk
    logging.getLogger("coach.test").error("this cannot be written")
    setup_logging(tmp_path / "logs")  # closing the full log on the way must not fail either
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "Logging error" not in err


def test_a_command_runs_when_the_logs_folder_cannot_be_made(
    live: DataPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    live.logs.mkdir(exist_ok=True)
    for child in live.logs.iterdir():
        child.unlink()
    live.logs.rmdir()
    live.logs.write_text("not a folder", encoding="utf-8")
    assert run(["--data-dir", str(live.root), "check"]) == 0
    assert "healthy" in capsys.readouterr().out


# -- the app: a window that says why --------------------------------------------------------------
@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from coach.ui import app as app_module

    texts: list[str] = []
    monkeypatch.setattr(app_module, "show_error", lambda parent, title, text: texts.append(text))
    return texts


def _raising(exc: BaseException) -> Callable[..., Any]:
    def fail(*args: object, **kwargs: object) -> Any:
        raise exc

    return fail


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize(
    ("where", "exc", "cause"),
    [
        ("open_db", sqlite3.OperationalError("database is locked"), BUSY),
        ("open_db", sqlite3.OperationalError("database or disk is full"), FULL),
        ("lock", PermissionError(13, "Permission denied"), READ_ONLY),
        ("lock", OSError(28, "No space left on device"), FULL),
    ],
    ids=["busy", "full", "read-only-folder", "full-at-lock"],
)
def test_the_app_says_why_it_cannot_start_in_a_window(
    *,
    live: DataPaths,
    shown: list[str],
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    exc: BaseException,
    cause: str,
) -> None:
    from coach.system.instance_lock import InstanceLock
    from coach.ui import app as app_module

    if where == "open_db":
        monkeypatch.setattr(app_module, "open_db", _raising(exc))
    else:
        monkeypatch.setattr(InstanceLock, "acquire", _raising(exc))
    before = snapshot(live.database)
    assert app_module.run_app(live) == 1
    assert len(shown) == 1
    assert shown[0].startswith("Rehab Coach cannot start.")
    assert cause in shown[0]
    assert snapshot(live.database) == before


def test_a_storage_fault_while_running_is_named_and_never_called_saved(
    qapp: object, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from coach.ui.common import errors

    texts: list[str] = []
    monkeypatch.setattr(errors, "show_error", lambda parent, title, text: texts.append(text))
    hook = errors.install_excepthook(lambda: None, None)
    full = sqlite3.OperationalError("database or disk is full")
    hook(type(full), full, None)
    assert FULL in texts[-1]
    assert "may not be saved" in texts[-1]
    assert "is saved" not in texts[-1].split("\n")[0]
