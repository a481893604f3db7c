"""'Restart now' after choosing a language: the app closes, lets go of its data folder, and
only then starts again with the same data folder and profile.

Screens are built in one language, so a new language needs a new start. The new process must
not start while this one still holds the instance lock (it would find "Rehab Coach is already
open" and stop): ``run_app`` calls ``relaunch`` after it has closed the database and released
the lock. The new process is detached (its own session on POSIX, a detached process on
Windows), so it outlives this one.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from coach.system.desktop_entry import gui_command
from coach.system.languages import RESTART_PROFILE_ENV
from coach.system.paths import DataPaths

log = logging.getLogger(__name__)

Spawn = Callable[[Sequence[str], dict[str, str]], None]


def _close_the_app() -> None:
    """End the app's event loop now. ``exit`` rather than ``quit`` or closing the windows:
    those post a Quit event, and one left over would end the next event loop too."""
    app = QApplication.instance()
    if app is not None:
        app.exit(0)


@dataclass
class Restart:
    """Whether the person asked to restart, and which profile to open again."""

    requested: bool = False
    profile_id: int | None = None
    close_app: Callable[[], None] = _close_the_app  # tests keep their windows

    def request(self, profile_id: int | None) -> None:
        """Close the app now; ``run_app`` starts it again once it has let go of its data."""
        self.requested = True
        self.profile_id = profile_id
        self.close_app()


def restart_command(paths: DataPaths) -> list[str]:
    """This installation's app on the same data folder (a demo folder too). No ``--lang``:
    the language just chosen for the profile is the one to show."""
    return [*gui_command(), "--data-dir", str(paths.root)]


def _spawn(command: Sequence[str], env: dict[str, str]) -> None:
    detached: dict[str, object] = {}
    if sys.platform == "win32":
        flags = subprocess.DETACHED_PROCESS | subprocess.CREATE_NEW_PROCESS_GROUP
        detached["creationflags"] = flags
    else:
        detached["start_new_session"] = True
    subprocess.Popen(  # our own program, its arguments as a list (no shell)
        list(command),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        close_fds=True,
        **detached,  # type: ignore[call-overload]
    )


def relaunch(restart: Restart, paths: DataPaths, spawn: Spawn = _spawn) -> bool:
    """Start the app again if it was asked for; call only after the lock is released."""
    if not restart.requested:
        return False
    env = dict(os.environ)
    env.pop(RESTART_PROFILE_ENV, None)
    if restart.profile_id is not None:
        env[RESTART_PROFILE_ENV] = str(restart.profile_id)
    command = restart_command(paths)
    try:
        spawn(command, env)
    except OSError:
        log.exception("could not start the app again")
        return False
    log.info("restarting")
    return True


def restart_profile(environ: dict[str, str] | os._Environ[str]) -> int | None:
    """The profile a restart asked for (taken out of the environment: it is for this start
    only, not for programs this app starts later)."""
    value = environ.pop(RESTART_PROFILE_ENV, None)
    return int(value) if value and value.isdigit() else None
