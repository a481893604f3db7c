"""Editing and deleting a journal entry or a medicine from History."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coach.domain.medicines import MedicineEntry
from coach.store.journal import JournalStore
from coach.store.medicines import MedicineStore
from coach.ui.context import AppContext
from coach.ui.journal import actions
from coach.ui.journal.rows import JournalItem


def edit_item(ctx: AppContext, parent: QWidget, item: JournalItem) -> bool:
    """Its own dialog, filled in; True when saved (the store announces the change)."""
    if isinstance(item, MedicineEntry):
        return actions.open_medicine(ctx, parent, item)
    return actions.open_entry(ctx, parent, item)


def delete_question(item: JournalItem) -> str:
    what = f"the medicine {item.name}" if isinstance(item, MedicineEntry) else "this pain entry"
    return f"Delete {what} for good? It cannot be brought back."


def delete_item(ctx: AppContext, item: JournalItem) -> None:
    """One transaction (an entry's places and ticks go with it)."""
    if item.id is None:
        return
    if isinstance(item, MedicineEntry):
        MedicineStore(ctx.db).delete(item.id)
    else:
        JournalStore(ctx.db).delete(item.id)
