"""Writing a file so that it is either completely new or completely untouched.

The bytes go to a temporary file in the same folder, are flushed to disk, and only then renamed
over the target (an atomic step on the same file system). A full disk, a read-only folder or a
crash halfway leaves the previous report as it was, and no half-written file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from coach.domain.errors import UserError
from coach.domain.i18n import _
from coach.system.targets import TargetRefusedError, check_target


class ExportError(UserError):
    """A report that could not be written, in one plain sentence."""


def atomic_write_bytes(path: Path, data: bytes, *, data_folder: Path) -> None:
    """Replace ``path`` by ``data`` atomically. The new file is private (0600): reports hold
    health data. Refuses a target inside ``data_folder`` or one that is not a regular file.
    Raises ExportError with a plain sentence on failure."""
    folder = path.parent if str(path.parent) else Path()
    try:
        check_target(path, data_folder)
    except TargetRefusedError as exc:
        raise ExportError(str(exc)) from None
    if not folder.is_dir():
        raise ExportError(_("The folder {folder} does not exist.").format(folder=folder))
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ExportError(
            _("Could not write in {folder}: {reason}.").format(
                folder=folder, reason=exc.strerror or exc
            )
        ) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise ExportError(
            _("Could not write {path}: {reason}. The previous file is unchanged.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
