"""Unexpected errors and Qt's own messages end up in the log, and the user sees a kind dialog."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QWidget

from coach.domain.i18n import _

log = logging.getLogger("coach")
qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def route_qt_messages() -> None:
    """Send qDebug/qWarning/... to Python logging instead of stderr."""

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        del context
        qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def error_text(log_file: Path | None, exc: BaseException | None = None) -> str:
    """What to tell the person: the cause of a storage fault in plain words, else that
    something went wrong. Never claims that the last step was saved."""
    from coach.store.faults import fault_sentence

    fault = fault_sentence(exc) if exc is not None else None
    if fault is not None:
        return _(
            "Rehab Coach could not use its data just now. {cause}\n\n"
            "What you did last may not be saved; what was saved before is safe."
        ).format(cause=fault)
    if log_file:
        return _(
            "Something went wrong in Rehab Coach.\n\n"
            "What you recorded before this is saved. If this keeps happening, "
            "please restart the app.\n\nDetails were saved for support in:\n{file}"
        ).format(file=log_file)
    return _(
        "Something went wrong in Rehab Coach.\n\n"
        "What you recorded before this is saved. If this keeps happening, "
        "please restart the app."
    )


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """A critical message box whose text is plain text (paths and file contents may hold
    markup). Tests replace this to see what would be shown."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox  # only when something went wrong

    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def install_excepthook(
    parent: Callable[[], QWidget | None], log_file: Path | None
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """Log uncaught exceptions with their traceback and show a plain dialog (never a traceback)."""
    showing = False

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        log.critical("uncaught exception", exc_info=(kind, value, tb))
        if showing:
            return
        showing = True
        try:
            show_error(parent(), "Rehab Coach", error_text(log_file, value))
        finally:
            showing = False

    sys.excepthook = hook
    return hook
