"""'Start at login': each system's login item is written and removed by the app (XDG autostart
file, macOS LaunchAgent, Windows Run key), tested on temp folders and a stand-in registry."""

from __future__ import annotations

import plistlib
import sys
from pathlib import Path

import pytest

from coach.platform.autostart import (
    APP_NAME,
    AutostartError,
    LaunchAgent,
    RunKey,
    XdgAutostart,
    app_command,
    for_this_computer,
)
from coach.system.desktop_entry import gui_command

COMMAND = ["/opt/my python/bin/python3", "-m", "coach", "--data-dir", "/home/ann/100% $data"]


def test_xdg_autostart_file_is_written_and_removed(tmp_path: Path) -> None:
    item = XdgAutostart(tmp_path / "config" / "autostart")
    assert not item.enabled()
    item.enable(COMMAND)
    text = item.path.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\nType=Application\nName=Rehab Coach\n")
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line == (
        'Exec="/opt/my python/bin/python3" -m coach --data-dir "/home/ann/100%% \\\\$data"'
    )
    assert item.enabled()
    item.enable(COMMAND)  # again: replaced, not duplicated
    assert [p.name for p in item.path.parent.iterdir()] == ["rehab-coach.desktop"]
    item.disable()
    assert not item.enabled()
    item.disable()  # nothing to remove is fine


def test_a_link_in_place_of_the_file_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "autostart"
    folder.mkdir()
    victim = tmp_path / "precious"
    victim.write_text("keep", encoding="utf-8")
    (folder / "rehab-coach.desktop").symlink_to(victim)
    with pytest.raises(AutostartError, match="not a normal file"):
        XdgAutostart(folder).enable(COMMAND)
    assert victim.read_text(encoding="utf-8") == "keep"


def test_launch_agent(tmp_path: Path) -> None:
    agent = LaunchAgent(tmp_path / "Library" / "LaunchAgents")
    agent.enable(COMMAND)
    data = plistlib.loads(agent.path.read_bytes())
    assert data["ProgramArguments"] == COMMAND and data["RunAtLoad"] is True
    assert data["Label"] == "org.rehabcoach.app"
    agent.disable()
    assert not agent.path.exists()


def test_run_key() -> None:
    registry: dict[str, str] = {"Other app": "other.exe"}
    key = RunKey(registry)
    key.enable(COMMAND)
    assert registry[APP_NAME].startswith('"/opt/my python/bin/python3" -m coach')
    assert key.enabled()
    key.disable()
    assert registry == {"Other app": "other.exe"}


def test_this_computer_and_the_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    item = for_this_computer()
    if sys.platform.startswith("linux"):
        assert isinstance(item, XdgAutostart)
        assert item.path == tmp_path / "autostart" / "rehab-coach.desktop"
    assert app_command() == gui_command()  # what the launcher entry starts
    assert app_command(Path("/d"))[-2:] == ["--data-dir", "/d"]
