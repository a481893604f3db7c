"""'Start Rehab Coach when I log in': written and removed by the app, one way per system.

- Linux (and other XDG desktops): ``$XDG_CONFIG_HOME/autostart/rehab-coach.desktop``.
- Windows: a value in the current user's Run key (no shortcut file, which needs COM to write).
- macOS: ``~/Library/LaunchAgents/org.rehabcoach.app.plist`` with RunAtLoad.
Each place is passed in (a folder, or a registry-like object), so tests use temp folders and
a dict; only ``for_this_computer`` looks at the real system.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import sys
import tempfile
from collections.abc import Iterator, MutableMapping, Sequence
from pathlib import Path
from typing import Protocol

from coach.domain.i18n import _
from coach.system.desktop_entry import exec_line, gui_command

APP_NAME = "Rehab Coach"
DESKTOP_FILE = "rehab-coach.desktop"
AGENT_LABEL = "org.rehabcoach.app"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


class AutostartError(Exception):
    """The login item could not be changed, in one plain sentence."""


class Autostart(Protocol):
    where: str  # for the settings text

    def enabled(self) -> bool: ...

    def enable(self, command: Sequence[str]) -> None: ...

    def disable(self) -> None: ...


def _write(path: Path, data: bytes) -> None:
    """Temp file + rename, so a half-written login item never exists; refuses a link."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise AutostartError(f"{path} is not a normal file, so it was left alone.")
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            Path(tmp).replace(path)
        except BaseException:
            with contextlib.suppress(OSError):
                Path(tmp).unlink()
            raise
    except OSError as exc:
        raise AutostartError(
            _("Could not write {path}: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from exc


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise AutostartError(
            _("Could not remove {path}: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from exc


class XdgAutostart:
    """A desktop entry in the XDG autostart folder."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / DESKTOP_FILE
        self.where = str(self.path)

    def enabled(self) -> bool:
        return self.path.is_file()

    def enable(self, command: Sequence[str]) -> None:
        text = (
            "[Desktop Entry]\n"
            "Type=Application\n"
            f"Name={APP_NAME}\n"
            "Comment=Reminders for your exercises after back surgery\n"
            f"Exec={exec_line(list(command))}\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n"
        )
        _write(self.path, text.encode("utf-8"))

    def disable(self) -> None:
        _remove(self.path)


class LaunchAgent:
    """macOS: a per-user launch agent that runs the app once at login."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / f"{AGENT_LABEL}.plist"
        self.where = str(self.path)

    def enabled(self) -> bool:
        return self.path.is_file()

    def enable(self, command: Sequence[str]) -> None:
        plist = {
            "Label": AGENT_LABEL,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
        _write(self.path, plistlib.dumps(plist))

    def disable(self) -> None:
        _remove(self.path)


class RunKey:
    """Windows: one value in HKCU's Run key. ``key`` is a mapping (a real registry key's
    wrapper, or a dict in tests)."""

    def __init__(self, key: MutableMapping[str, str]) -> None:
        self._key = key
        self.where = f"HKEY_CURRENT_USER\\{RUN_KEY}"

    def enabled(self) -> bool:
        return APP_NAME in self._key

    def enable(self, command: Sequence[str]) -> None:
        self._key[APP_NAME] = " ".join(f'"{a}"' if " " in a else a for a in command)

    def disable(self) -> None:
        self._key.pop(APP_NAME, None)


class _WinRegKey(MutableMapping[str, str]):
    """The Run key through winreg, as a mapping (Windows only)."""

    def __getitem__(self, name: str) -> str:
        if sys.platform != "win32":
            raise KeyError(name)
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                return str(winreg.QueryValueEx(key, name)[0])
        except OSError:
            raise KeyError(name) from None

    def __setitem__(self, name: str, value: str) -> None:
        if sys.platform != "win32":
            raise AutostartError("The Run key exists on Windows only.")
        import winreg

        try:
            with winreg.CreateKeyEx(
                winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
            ) as key:
                winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)
        except OSError as exc:
            raise AutostartError(
                _("Could not change the login items: {reason}.").format(reason=exc)
            ) from exc

    def __delitem__(self, name: str) -> None:
        if sys.platform != "win32":
            raise KeyError(name)
        import winreg

        try:
            with winreg.CreateKeyEx(
                winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
            ) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            raise KeyError(name) from None
        except OSError as exc:
            raise AutostartError(
                _("Could not change the login items: {reason}.").format(reason=exc)
            ) from exc

    def __iter__(self) -> Iterator[str]:
        return iter(())  # only single names are ever asked for

    def __len__(self) -> int:
        return 0


def for_this_computer() -> Autostart:
    """The login-item place of the system the app runs on."""
    if sys.platform == "win32":
        return RunKey(_WinRegKey())
    home = Path.home()
    if sys.platform == "darwin":
        return LaunchAgent(home / "Library" / "LaunchAgents")
    config = os.environ.get("XDG_CONFIG_HOME") or str(home / ".config")
    return XdgAutostart(Path(config) / "autostart")


def app_command(data_dir: Path | None = None) -> list[str]:
    """How to start this app: the same command as its launcher entry (``rehab-coach-gui``, the
    packaged program, or this Python with ``-m coach``), and the data folder when it is not the
    usual one."""
    command = gui_command()
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return command
