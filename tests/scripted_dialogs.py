"""The "person" who answers the app's questions in tests: one object on ``ctx.dialogs``.

Plain questions are answered from attributes (``confirm_answer``, ``leave_answer``, ``path``);
our own dialogs are answered by a handler for their class, which fills in the real dialog as
a person would (types a PIN, clicks a choice) and says whether it was accepted. A dialog the
test did not expect fails the test instead of waiting for a click that never comes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from coach.ui.common.dialogs import Dialogs

Handler = Callable[[Any], bool]


class ScriptedDialogs(Dialogs):
    """Answers from a script, and a record of what was asked."""

    def __init__(self) -> None:
        self.confirm_answer = True
        self.leave_answer = True
        self.path: Path | None = None
        self.handlers: dict[type[QDialog], Handler] = {}
        self.informed: list[tuple[str, str]] = []
        self.confirmed: list[str] = []  # the texts of the yes/no questions
        self.asked: list[str] = []  # every question, in order: titles and dialog class names

    def on(self, kind: type[QDialog], handler: Handler) -> None:
        """Answer every dialog of class ``kind`` with ``handler(dialog) -> accepted``."""
        self.handlers[kind] = handler

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        self.asked.append(title)
        self.informed.append((title, text))

    def confirm(
        self, parent: QWidget | None, title: str, text: str, *, default_no: bool = False
    ) -> bool:
        self.asked.append(title)
        self.confirmed.append(text)
        return self.confirm_answer

    def confirm_leave(self, parent: QWidget, title: str, text: str, leave: str) -> bool:
        self.asked.append(title)
        return self.leave_answer

    def save_path(
        self, parent: QWidget | None, title: str, suggested: Path, pattern: str
    ) -> Path | None:
        self.asked.append(title)
        return self.path

    def open_path(
        self, parent: QWidget | None, title: str, folder: Path, pattern: str
    ) -> Path | None:
        self.asked.append(title)
        return self.path

    def ask(self, dialog: QDialog) -> bool:
        name = type(dialog).__name__
        self.asked.append(name)
        handler = self.handlers.get(type(dialog))
        if handler is None:
            dialog.deleteLater()
            raise AssertionError(f"the test did not expect the dialog {name}")
        try:
            return handler(dialog)
        finally:
            dialog.deleteLater()


def scripted(ctx: Any) -> ScriptedDialogs:
    """The scripted dialogs of a test's app context (the ``ctx`` fixture sets them)."""
    assert isinstance(ctx.dialogs, ScriptedDialogs)
    return ctx.dialogs
