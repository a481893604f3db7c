"""Opening the journal's dialogs from anywhere (Today's card, the Journal page, History),
through the one dialog service (``ctx.dialogs.ask``), and the one step after an entry: the
warning-signs check when numbness or weakness is new or worse."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coach.domain.journal import JournalEntry
from coach.domain.medicines import MedicineEntry, again, last_taken
from coach.ui.context import AppContext


def open_entry(
    ctx: AppContext,
    parent: QWidget,
    entry: JournalEntry | None = None,
) -> bool:
    """The entry dialog (a new entry, the draft, or an edit); True when saved."""
    from coach.ui.journal.entry_dialog import JournalEntryDialog

    profile = ctx.active.profile
    if profile is None or profile.id is None:
        return False
    dialog = JournalEntryDialog(ctx, profile.id, entry, parent)
    reasons: list[str] = []
    dialog.check_needed.connect(reasons.append)
    try:
        saved = ctx.dialogs.ask(dialog)
    finally:
        dialog.deleteLater()
    for reason in reasons:
        open_warning_check(parent, reason)
    return saved


def open_medicine(
    ctx: AppContext,
    parent: QWidget,
    entry: MedicineEntry | None = None,
) -> bool:
    from coach.ui.journal.medicine_dialog import MedicineDialog

    profile = ctx.active.profile
    if profile is None or profile.id is None:
        return False
    dialog = MedicineDialog(ctx, profile.id, entry, parent)
    try:
        return ctx.dialogs.ask(dialog)
    finally:
        dialog.deleteLater()


def took_again(ctx: AppContext, name: str) -> MedicineEntry | None:
    """'Took it again': the last entry of ``name`` copied at the current time (one tap)."""
    profile = ctx.active.profile
    if profile is None or profile.id is None:
        return None
    store = ctx.stores.medicines
    last = last_taken(store.entries(profile.id), name)
    if last is None:
        return None
    return store.save(profile.id, again(last, ctx.clock.now()))


def open_warning_check(widget: QWidget, reason: str) -> bool:
    """Show the Warning signs page of the window holding ``widget`` and start its check with
    ``reason``; False when there is no such window. The check and what it allows are the one
    safety rule's (``day_safety``), never the journal's."""
    from coach.ui.main_window import MainWindow
    from coach.ui.safety.screen import WarningSignsScreen

    window = widget.window()
    if not isinstance(window, MainWindow) or "warning-signs" not in window.screen_keys:
        return False
    window.show_screen("warning-signs")
    screen = window.screen_widget("warning-signs")
    if not isinstance(screen, WarningSignsScreen):
        return False
    screen.run_check(reason)
    return True
