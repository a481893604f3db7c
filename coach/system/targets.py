"""Where the app may write a file the user chose (exports, handouts, plan files, backups).

An atomic write (temp file + rename) replaces whatever is at the target: a symlink, a FIFO, a
device node, even the live database. So every writer asks here first: the target must be a new
name or an existing regular file, and must not be inside the data folder.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from coach.domain.errors import UserError


class TargetRefusedError(UserError, ValueError):
    """A target the app will not write to, in one plain sentence."""


def _kind(mode: int) -> str | None:
    """What an existing non-regular file is, in plain words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a link to another file"
    return "not a normal file (a device, pipe or socket)"


def is_inside(path: Path, folder: Path) -> bool:
    """True when ``path`` (followed through links) is ``folder`` or lies below it."""
    real = Path(os.path.realpath(path))
    return real.is_relative_to(Path(os.path.realpath(folder)))


def check_target(path: Path, data_folder: Path) -> None:
    """Raise TargetRefusedError unless writing ``path`` can only make or replace a regular file
    outside ``data_folder``."""
    try:
        mode: int | None = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise TargetRefusedError(f"{path} cannot be used: {exc.strerror or exc}.") from None
    kind = None if mode is None else _kind(mode)
    if kind is not None:
        raise TargetRefusedError(f"{path} is {kind}; choose a new file name.")
    if is_inside(path, data_folder):
        raise TargetRefusedError(
            f"{path} is inside Rehab Coach's data folder ({data_folder}); "
            "choose a place outside it."
        )
