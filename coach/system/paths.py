"""Where Rehab Coach keeps and finds things.

This is the only module that knows where the shipped data (``exercises/``, ``assets/``) and the
user's data folder live, so that a source checkout, an installed wheel and a test run with a temp
folder all resolve the same way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "rehab-coach"
DATA_DIR_ENV = "COACH_DATA_DIR"
DB_FILE_NAME = "coach.db"

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # coach/, not coach/system/


def _shipped(name: str) -> Path:
    """The shipped folder: in the wheel (coach/_data/...) or beside the package in a checkout."""
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def exercises_dir() -> Path:
    """The catalogue, protocols and safety questions."""
    return _shipped("exercises")


def assets_dir() -> Path:
    """Figures, icons and sounds."""
    return _shipped("assets")


def default_data_dir() -> Path:
    """The per-user data folder of this platform (e.g. ~/.local/share/rehab-coach)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


@dataclass(frozen=True)
class DataPaths:
    """The files of one data folder. Logs live inside it so that --data-dir keeps runs apart."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_FILE_NAME

    @property
    def lock(self) -> Path:
        return self.root / "coach.lock"

    @property
    def raise_request(self) -> Path:
        """Touched by a second start to ask the running window to come forward."""
        return self.root / "coach.raise"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def cache(self) -> Path:
        """Things that can be rebuilt at any time (the parsed exercise content)."""
        return self.root / "cache"

    @property
    def settings(self) -> Path:
        """UI preferences (QSettings, INI format). Health data never goes here."""
        return self.root / "settings.ini"


def resolve_data_paths(cli_value: str | None, environ: dict[str, str] | None = None) -> DataPaths:
    """--data-dir wins, then COACH_DATA_DIR, then the platform's folder. An empty --data-dir
    is refused (ValueError), never silently the real folder."""
    env = os.environ if environ is None else environ
    if cli_value is not None and not cli_value.strip():
        raise ValueError("--data-dir needs a folder; an empty name is not used.")
    if cli_value:
        return DataPaths(Path(cli_value).expanduser().resolve())
    if env.get(DATA_DIR_ENV):
        return DataPaths(Path(env[DATA_DIR_ENV]).expanduser().resolve())
    return DataPaths(default_data_dir())


def ensure_private_dir(path: Path) -> None:
    """Create a folder readable only by the user (0700), and tighten it if it already exists."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)
