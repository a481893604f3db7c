"""Reading a plan file off the GUI thread, with progress and a cancel.

A plan file comes from outside: it may sit on a slow network drive or be crafted to be slow.
The window must stay alive meanwhile, so the file is read and checked on a worker thread; the
GUI only shows the progress and may cancel. Nothing here touches the database.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from coach.domain.catalogue import Catalogue
from coach.domain.fields import DataError
from coach.domain.i18n import _
from coach.domain.plan_file import PlanFile, check_fits, read_plan_bytes, read_plan_file
from coach.domain.profile import Profile
from coach.domain.safety import RedFlagScreen

log = logging.getLogger(__name__)

READ_SHARE = 80  # percent of the bar for reading the bytes; the checks take the rest


@dataclass(frozen=True)
class ReadResult:
    """What came of a read: a checked plan file, or an error sentence, or a cancel."""

    plan_file: PlanFile | None = None
    error: str = ""
    cancelled: bool = False


class _Worker(QObject):
    progressed = Signal(int)
    done = Signal(object)  # ReadResult

    def __init__(
        self,
        source: Path,
        catalogue: Catalogue,
        profile: Profile,
        cancel: threading.Event,
        red_flags: RedFlagScreen | None,
    ) -> None:
        super().__init__()  # no parent: it moves to the worker thread
        self._source = source
        self._catalogue = catalogue
        self._red_flags = red_flags
        self._profile = profile
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        self.done.emit(self._read())

    def _read(self) -> ReadResult:
        try:
            raw = read_plan_bytes(
                self._source,
                progress=lambda share: self.progressed.emit(int(share * READ_SHARE)),
                cancelled=self._cancel.is_set,
            )
            if raw is None or self._cancel.is_set():
                return ReadResult(cancelled=True)
            plan_file = read_plan_file(raw, self._catalogue, self._red_flags)
            check_fits(plan_file, self._profile)
        except DataError as exc:
            return ReadResult(error=str(exc))
        except Exception:  # never a traceback from a file; the log has it
            log.exception("could not read a plan file")
            return ReadResult(
                error=_("{path} could not be read as a plan file.").format(path=self._source)
            )
        self.progressed.emit(100)
        return ReadResult(plan_file=plan_file)


class PlanReadTask(QObject):
    """One read on its own thread. ``finished`` comes exactly once, on the GUI thread: with the
    result, or at once with ``cancelled`` when ``cancel()`` is called first."""

    progressed = Signal(int)
    finished = Signal(object)  # ReadResult

    def __init__(
        self,
        source: Path,
        catalogue: Catalogue,
        profile: Profile,
        parent: QObject,
        red_flags: RedFlagScreen | None = None,
    ) -> None:
        """``red_flags``: the warning signs a custom exercise's stop-if may name."""
        super().__init__(parent)
        self._cancel = threading.Event()
        self._reported = False
        self._thread = QThread(self)
        self._worker = _Worker(source, catalogue, profile, self._cancel, red_flags)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progressed)
        self._worker.done.connect(self._on_done)

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Stop waiting for the read: the result, if it still comes, is thrown away."""
        self._cancel.set()
        self._report(ReadResult(cancelled=True))

    def _on_progressed(self, percent: int) -> None:
        if not self._reported:
            self.progressed.emit(percent)

    def _on_done(self, result: ReadResult) -> None:
        self._thread.quit()
        self._thread.wait()  # the worker has returned: this is immediate
        self._report(result)

    def _report(self, result: ReadResult) -> None:
        if not self._reported:
            self._reported = True
            self.finished.emit(result)
