"""Two launchers: ``rehab-coach`` (a console program: every command prints, on every system)
and ``rehab-coach-gui`` (no console window on Windows: it only opens the app)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from coach.__main__ import gui, main

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = Path(sys.executable).parent


def test_pyproject_declares_a_console_and_a_gui_script() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"] == {"rehab-coach": "coach.__main__:main"}
    assert project["gui-scripts"] == {"rehab-coach-gui": "coach.__main__:gui"}
    assert "pyinstaller" not in " ".join(project["dependencies"]).lower()  # build tool only
    assert any(dep.startswith("pyinstaller") for dep in project["optional-dependencies"]["package"])


def test_the_console_script_runs_commands(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["routine", "--surgery", "discectomy", "--surgery-date", "2025-01-06"]
    assert main([*args, "--date", "2025-01-20", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["days_since_surgery"] == 14


def test_the_gui_script_takes_only_what_opens_the_app(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert gui(["--data-dir", str(tmp_path), "check"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("rehab-coach-gui: ") and len(err.splitlines()) == 1
    assert not (tmp_path / "coach.db").exists()
    assert gui(["--help"]) == 0
    assert "rehab-coach-gui" in capsys.readouterr().out


def test_a_process_without_stdout_still_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Windows GUI script (and a windowed frozen app) has sys.stdout = None."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["learn", "list"]) == 0
    sinks = (sys.stdout, sys.stderr)
    assert all(sink is not None and sink.name == os.devnull for sink in sinks)
    for sink in sinks:
        sink.close()


def test_a_console_that_cannot_show_a_character_gets_a_question_mark(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    monkeypatch.setattr(sys, "stdout", stream)
    from coach.__main__ import _printable_streams

    _printable_streams()
    print("café")
    stream.flush()
    assert raw.getvalue() == b"caf?\n"


@pytest.mark.slow
@pytest.mark.skipif(
    not (SCRIPTS / "rehab-coach").exists(), reason="the package is not installed here"
)
def test_the_installed_scripts_print_and_open(tmp_path: Path) -> None:
    """The real launchers that pip wrote: commands print; the GUI one refuses commands."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    console = subprocess.run(
        [str(SCRIPTS / "rehab-coach"), "--data-dir", str(tmp_path / "d"), "check"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60, check=False,
    )  # fmt: skip
    assert console.returncode == 0 and "healthy" in console.stdout, console.stderr
    opened = subprocess.run(
        [str(SCRIPTS / "rehab-coach-gui"), "--demo"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path, check=False,
        env={**env, "COACH_EXIT_AFTER_FIRST_PAINT": "1"},
    )  # fmt: skip
    assert opened.returncode == 0 and opened.stdout.startswith("first-paint"), opened.stderr
