"""The session's own questions, asked through the one dialog service (``ctx.dialogs``)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coach.domain.i18n import _
from coach.ui.common.dialogs import Dialogs
from coach.ui.session.change_dialog import ChangeDialog


def confirm_stop(dialogs: Dialogs, parent: QWidget) -> bool:
    """Stop the session? "Keep going" is the safe default."""
    return dialogs.confirm_leave(
        parent,
        _("Stop the session?"),
        _("Do you want to stop now?\nWhat you have done so far is saved."),
        _("Stop the session"),
    )


def choose_change(
    dialogs: Dialogs, parent: QWidget, exercise_name: str, easier_name: str | None
) -> str | None:
    """'easier', a skip reason ('pain', 'tired', 'other'), or None to keep going."""
    dialog = ChangeDialog(exercise_name, easier_name, parent)
    return dialog.choice if dialogs.ask(dialog) else None
