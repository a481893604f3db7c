"""The command line: every command on --data-dir, errors as one plain line, never a traceback."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli import run
from coach.system.instance_lock import InstanceLock
from coach.system.paths import DataPaths

ROOT = Path(__file__).resolve().parents[2]


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def write_raw(data: Path, sql: str) -> None:
    """Change the database behind the app's back (to make it unhealthy or 'newer')."""
    conn = sqlite3.connect(data / "coach.db")
    conn.execute(sql)
    conn.commit()
    conn.close()


def test_check_creates_a_healthy_private_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "new"
    assert run(["--data-dir", str(data), "check"]) == 0
    assert "healthy" in capsys.readouterr().out
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "coach.db").stat().st_mode) == 0o600
    conn = sqlite3.connect(data / "coach.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_data_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "env"))
    assert run(["check"]) == 0
    assert (tmp_path / "env" / "coach.db").exists()


def test_backup_and_restore_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "d")
    assert run(["--data-dir", data, "check"]) == 0
    target = tmp_path / "copy.db"
    assert run(["--data-dir", data, "backup", str(target)]) == 0
    assert target.exists()
    assert run(["--data-dir", data, "restore", str(target)]) == 0
    assert "Restored" in capsys.readouterr().out


def test_check_reports_a_foreign_key_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    assert run(["--data-dir", str(data), "check"]) == 0
    write_raw(
        data,
        "INSERT INTO sessions (profile_id, routine_id, routine_name, started_at,"
        " local_date) VALUES (77, 'am', 'Morning', 'x', '2026-01-01')",
    )
    capsys.readouterr()
    assert run(["--data-dir", str(data), "check"]) == 3
    assert "problem" in one_line_error(capsys)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["bogus"], "invalid choice"),
        (["restore"], "required"),
        (["restore", "/no/such/file.db"], "There is no file at /no/such/file.db"),
        (["backup"], "no database"),
        (["--data-dir", "{file}", "check"], "Could not"),
    ],
)
def test_errors_are_one_plain_line_with_nonzero_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    a_file = tmp_path / "plain-file"
    a_file.write_text("x")
    argv = [a.replace("{file}", str(a_file)) for a in argv]
    if "--data-dir" not in argv:
        argv = ["--data-dir", str(tmp_path / "d"), *argv]
    assert run(argv) != 0
    assert expected in one_line_error(capsys)


def test_an_unexpected_error_opening_the_app_is_one_line_and_logged(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The app logs to its own file once it has started; what is logged here goes there."""
    from coach.ui import app as app_module

    def broken(paths: DataPaths, *, demo: bool = False, language: str | None = None) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(app_module, "run_app", broken)
    data = tmp_path / "data"
    assert run(["--data-dir", str(data)]) == 1
    log = data / "logs" / "coach.log"
    assert one_line_error(capsys) == (
        f"rehab-coach: Something went wrong. Details are in the log: {log}"
    )
    assert caplog.records[-1].message == "unexpected error in the app"
    assert caplog.records[-1].exc_text and "a bug" in caplog.records[-1].exc_text
    written = log.read_text(encoding="utf-8")
    assert "Traceback" in written and "RuntimeError: a bug" in written


def test_a_programming_error_in_a_command_is_not_passed_off_as_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bare ValueError is a bug (here: in the day's plan), not the user's mistake: its text
    is never shown; it is logged with its traceback and the exit code is 1."""
    from coach.commands import routine

    def broken(*args: object, **kwargs: object) -> object:
        raise ValueError("internal: step list out of order")

    monkeypatch.setattr(routine, "build_today", broken)
    data = tmp_path / "data"
    argv = ["--data-dir", str(data), "routine", "--surgery", "fusion"]
    assert run([*argv, "--surgery-date", "2025-03-03", "--date", "2025-03-20"]) == 1
    line = one_line_error(capsys)
    assert "internal" not in line
    log = data / "logs" / "coach.log"
    assert line == f"rehab-coach: Something went wrong. Details are in the log: {log}"
    written = log.read_text(encoding="utf-8")
    assert "unexpected error in routine" in written
    assert "ValueError: internal: step list out of order" in written


def test_a_bug_when_no_log_can_be_written_still_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from coach.commands import routine

    def broken(*args: object, **kwargs: object) -> object:
        raise KeyError("internal")

    monkeypatch.setattr(routine, "build_today", broken)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    argv = ["--data-dir", str(blocker / "data"), "routine", "--surgery", "fusion"]
    assert run([*argv, "--surgery-date", "2025-03-03", "--date", "2025-03-20"]) == 1
    assert one_line_error(capsys) == (
        "rehab-coach: Something went wrong, and the log could not be written."
    )


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        ("coach.domain.profile.ProfileError", "The nickname is too long."),
        ("coach.domain.pin.PinError", "The PIN must be 4 to 8 digits."),
        ("coach.commands.base.CommandError", "There is no plan to export."),
    ],
)
def test_our_own_errors_are_shown_as_they_are(
    error: str,
    shown: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib

    from coach.commands import routine

    module, name = error.rsplit(".", 1)
    kind = getattr(importlib.import_module(module), name)

    def refuses(*args: object, **kwargs: object) -> object:
        raise kind(shown)

    monkeypatch.setattr(routine, "build_today", refuses)
    argv = ["--data-dir", str(tmp_path / "d"), "routine", "--surgery", "fusion"]
    assert run([*argv, "--surgery-date", "2025-03-03", "--date", "2025-03-20"]) == 1
    assert one_line_error(capsys) == f"rehab-coach: {shown}"


def test_newer_database_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    assert run(["--data-dir", str(data), "check"]) == 0
    write_raw(
        data,
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('coach', 'm900_future', 'x')",
    )
    capsys.readouterr()
    assert run(["--data-dir", str(data), "check"]) == 1
    assert "newer version" in one_line_error(capsys)


def test_commands_refuse_while_the_app_holds_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = DataPaths(tmp_path / "d")
    with InstanceLock(paths.lock):
        assert run(["--data-dir", str(paths.root), "check"]) == 1
    assert "already open" in one_line_error(capsys)


def test_help_runs_as_a_module_from_another_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "coach", "--help"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for command in ("check", "backup", "restore", "screenshot"):
        assert command in result.stdout
