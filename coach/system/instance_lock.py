"""One writer: only one running Rehab Coach may open a data folder for writing.

The lock is an OS file lock (flock on POSIX, msvcrt on Windows), not a PID file: the kernel
releases it when the holder dies, even by kill -9, so a stale lock file is simply reused.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from types import TracebackType
from typing import IO

from coach.domain.errors import UserError
from coach.domain.i18n import _
from coach.system.paths import ensure_private_dir


class AlreadyRunningError(Exception):
    """Another Rehab Coach holds this data folder."""


class UnsafeLockFileError(UserError, ValueError):
    """The lock file is a link or not a regular file: someone put it there; do not follow."""


class InstanceLock:
    """Held for the life of the app (or of a CLI command that writes)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._file: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self) -> None:
        """Take the lock or raise AlreadyRunningError at once (never waits)."""
        ensure_private_dir(self._path.parent)
        # Never follow a link (a planted link would make us truncate the file it points to),
        # never block on a FIFO.
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(self._path, flags, 0o600)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise UnsafeLockFileError(
                    _(
                        "The lock file {path} is a link, which Rehab Coach never makes; remove it, "
                        "then try again."
                    ).format(path=self._path)
                ) from None
            raise
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise UnsafeLockFileError(
                _(
                    "The lock file {path} is not a regular file, which Rehab Coach never makes; "
                    "remove it, then try again."
                ).format(path=self._path)
            )
        handle = os.fdopen(fd, "r+b")
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise AlreadyRunningError(
                _("Rehab Coach is already open with this data folder.")
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode())  # for people reading the folder; not trusted
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            self._file.close()  # closing releases the OS lock
            self._file = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
