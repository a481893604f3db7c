"""Unexpected errors and Qt's own messages end up in the log, and the user sees a kind dialog."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QWidget

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


def error_text(log_file: Path | None) -> str:
    where = f"\n\nDetails were saved for support in:\n{log_file}" if log_file else ""
    return (
        "Something went wrong in Rehab Coach.\n\n"
        "What you recorded before this is saved. If this keeps happening, "
        f"please restart the app.{where}"
    )


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
        from PySide6.QtWidgets import QMessageBox  # only when something went wrong

        try:
            QMessageBox.critical(parent(), "Rehab Coach", error_text(log_file))
        finally:
            showing = False

    sys.excepthook = hook
    return hook
