"""Editing and deleting a journal entry or a medicine from History."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coach.domain.i18n import _
from coach.domain.medicines import MedicineEntry
from coach.ui.common.widgets import label
from coach.ui.context import AppContext
from coach.ui.journal import actions
from coach.ui.journal.rows import JournalItem, item_details, item_title


def edit_item(ctx: AppContext, parent: QWidget, item: JournalItem) -> bool:
    """Its own dialog, filled in; True when saved (the store announces the change)."""
    if isinstance(item, MedicineEntry):
        return actions.open_medicine(ctx, parent, item)
    return actions.open_entry(ctx, parent, item)


def show_item(title: QLabel, box: QVBoxLayout, item: JournalItem, this_year: int) -> None:
    """The details panel for a journal entry or medicine: a title and its lines."""
    title.setText(item_title(item, this_year))
    for line in item_details(item):
        box.addWidget(label(line, None, title.parentWidget()))
    box.addStretch(1)


def delete_question(item: JournalItem) -> str:
    if isinstance(item, MedicineEntry):
        return _("Delete the medicine {name} for good? It cannot be brought back.").format(
            name=item.name
        )
    return _("Delete this pain entry for good? It cannot be brought back.")


def delete_item(ctx: AppContext, parent: QWidget, item: JournalItem) -> bool:
    """After a question (No is the default), in one transaction (an entry's places and ticks
    go with it); True when deleted."""
    if item.id is None or not ctx.dialogs.confirm(
        parent, _("Delete this?"), delete_question(item), default_no=True
    ):
        return False
    if isinstance(item, MedicineEntry):
        ctx.stores.medicines.delete(item.id)
    else:
        ctx.stores.journal.delete(item.id)
    return True
