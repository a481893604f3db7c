"""The one dialog service: every question the app asks a person goes through it.

Screens reach it as ``ctx.dialogs``. Tests give the context a scripted subclass, so no test
ever waits on a modal dialog, and what the "person" answers is written in one place. A feature
with a dialog of its own builds the dialog and hands it to ``ask``; the dialog keeps the answer
(``choice``, a typed reason, a chosen exercise), so a script can fill in the same widget.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog, QWidget

from coach.domain.i18n import _
from coach.ui.common.widgets import ask_to_leave, ask_yes_no, inform


class Dialogs:
    """Plain questions (tell, yes/no, leave, file names), our own dialogs, and a progress bar."""

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        """Tell something, with an OK button; the text is shown as written."""
        inform(parent, title, text)

    def confirm(
        self, parent: QWidget | None, title: str, text: str, *, default_no: bool = False
    ) -> bool:
        """A Yes/No question; True for Yes."""
        return ask_yes_no(parent, title, text, default_no=default_no)

    def confirm_leave(self, parent: QWidget, title: str, text: str, leave: str) -> bool:
        """Leave something half done? ``leave`` names the button that leaves."""
        return ask_to_leave(parent, title, text, leave)

    def save_path(
        self, parent: QWidget | None, title: str, suggested: Path, pattern: str
    ) -> Path | None:
        """Where to save a file; None when the person cancels."""
        name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), pattern)
        return Path(name) if name else None

    def open_path(
        self, parent: QWidget | None, title: str, folder: Path, pattern: str
    ) -> Path | None:
        """Which file to open; None when the person cancels."""
        name, _filter = QFileDialog.getOpenFileName(parent, title, str(folder), pattern)
        return Path(name) if name else None

    def ask(self, dialog: QDialog) -> bool:
        """Show one of our own dialogs until it closes; True when it was accepted."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def progress(self, parent: QWidget | None, text: str) -> QProgressDialog:
        """A bar with a Cancel button that does not block: work goes on elsewhere. It appears
        only if the work takes longer than a moment. Not modal: a modal QProgressDialog runs
        the event loop inside setValue, which would nest with every progress signal."""
        from PySide6.QtCore import Qt  # only when asked: slow to load at start

        dialog = QProgressDialog(text, _("Cancel"), 0, 100, parent)
        dialog.setWindowTitle("Rehab Coach")
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        return dialog
