"""The Journal page (in the rail) and Today's journal card: one tap to a pain entry or a
medicine, "took it again" for the medicines used before, and what was written today.

The lists are read from the store on every change; History has every day with edit and delete.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from coach.domain import formats
from coach.domain.i18n import _
from coach.domain.journal import REGION_BY_ID, JournalEntry, daily_extent
from coach.domain.journal_rules import JournalNote, extent_notes, leg_baseline
from coach.domain.medicines import NO_DOSE_ADVICE, MedicineEntry, remembered_names
from coach.ui.common.blocks import clear
from coach.ui.common.flow_layout import FlowLayout
from coach.ui.common.screen_stack import guarded_refresh
from coach.ui.common.widgets import button, card, label, scroll_page
from coach.ui.context import AppContext
from coach.ui.journal import actions

AGAIN_SHOWN = 4
AGAIN_DAYS = 14  # "took it again" only for medicines taken in the last two weeks


def entry_line(entry: JournalEntry, now: datetime) -> str:
    """'09:40  Left calf 6, left buttock 3 (note: after the walk)'."""
    when = formats.clock(entry.at.astimezone(now.tzinfo))
    places = ", ".join(
        # Translators: a place on the body and its pain 0-10: "Left calf 6".
        _("{region} {score}").format(region=_(REGION_BY_ID[m.region].name), score=m.intensity)
        for m in entry.marks
    )
    places = places or _("No place marked")
    note = entry.note.strip()
    if note:
        return _("{time}  {places} (note: {note})").format(time=when, places=places, note=note)
    return _("{time}  {places}").format(time=when, places=places)


def medicine_line(entry: MedicineEntry, now: datetime) -> str:
    when = formats.clock(entry.at.astimezone(now.tzinfo))
    if entry.amount:
        # Translators: when a medicine was taken, its name and amount: "09:40  Ibuprofen, 1 tablet".
        return _("{time}  {name}, {amount}").format(time=when, name=entry.name, amount=entry.amount)
    return _("{time}  {name}").format(time=when, name=entry.name)


def journal_notes(ctx: AppContext, profile_id: int) -> list[JournalNote]:
    """What the journal shows about the leg (section 8's sentences), with the leg baseline
    Progress uses (the therapist's, else the first three sessions', else the journal's)."""
    from coach.domain.progress import pain_baseline

    entries = ctx.stores.journal.entries(profile_id)
    therapist = ctx.stores.outcomes.pain_baseline(profile_id)
    sessions = ctx.stores.sessions.sessions(profile_id)
    start = pain_baseline(sessions, "leg", therapist["leg"] if therapist else None)
    baseline = leg_baseline(start.value if start else None, entries)
    return extent_notes(daily_extent(entries), entries, baseline, ctx.clock.now().date())


class JournalButtons(QWidget):
    """'Add a pain entry', 'I took a medicine' and a 'took it again' button per name used
    lately. Shared by the Journal page and Today's card."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = FlowLayout(spacing=10)
        self.entry_button = button(_("Add a pain entry"), self, primary=True)
        self.entry_button.setMinimumHeight(56)
        self.entry_button.clicked.connect(self._on_entry_clicked)
        self.medicine_button = button(_("I took a medicine"), self)
        self.medicine_button.setMinimumHeight(56)
        self.medicine_button.clicked.connect(self._on_medicine_clicked)
        row.addWidget(self.entry_button)
        row.addWidget(self.medicine_button)
        column.addLayout(row)
        self._again = FlowLayout(spacing=10)
        column.addLayout(self._again)
        self.again_buttons: list[QPushButton] = []
        self.message = label("", None, self)
        self.message.setObjectName("journal-saved")
        self.message.hide()
        column.addWidget(self.message)

    def refresh(self) -> None:
        profile = self._ctx.active.profile
        pid = profile.id if profile is not None else None
        draft = self._ctx.stores.journal.draft(pid) if pid is not None else None
        self.entry_button.setText(_("Carry on with my entry") if draft else _("Add a pain entry"))
        since = self._ctx.clock.now().date() - timedelta(days=AGAIN_DAYS)
        recent = self._ctx.stores.medicines.entries(pid, since=since) if pid else []
        names = remembered_names(recent)
        clear(self._again)
        self.again_buttons = []
        for name in names[:AGAIN_SHOWN]:
            again = button(_("Took {name} again").format(name=name), self)
            again.setAccessibleName(_("I took {name} again now").format(name=name))
            again.clicked.connect(lambda _=False, n=name: self._on_again_clicked(n))
            self._again.addWidget(again)
            self.again_buttons.append(again)

    def _on_entry_clicked(self) -> None:
        actions.open_entry(self._ctx, self)
        self.refresh()  # a draft left open says "Carry on with my entry" (drafts are quiet)

    def _on_medicine_clicked(self) -> None:
        actions.open_medicine(self._ctx, self)

    def _on_again_clicked(self, name: str) -> None:
        saved = actions.took_again(self._ctx, name)
        if saved is not None:
            line = medicine_line(saved, self._ctx.clock.now())
            self.message.setText(_("Saved: {medicine}.").format(medicine=line))
            self.message.show()


class JournalCard(QFrame):
    """Today's card: the journal one tap away."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setProperty("role", "card")
        self.setObjectName("journal-card")
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.addWidget(label(_("Pain journal"), "heading", self))
        column.addWidget(label(_("Write down leg or back pain when it happens."), None, self))
        self.buttons = JournalButtons(ctx, self)
        column.addWidget(self.buttons)
        ctx.active.changed.connect(self.refresh)
        ctx.active.data_changed.connect(self.refresh)
        self.refresh()

    @guarded_refresh
    def refresh(self) -> None:
        self.setVisible(self._ctx.active.profile is not None)
        self.buttons.refresh()


class JournalScreen(QWidget):
    """The journal page: the buttons, the no-dose sentence, and today's entries."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        scroll, body, column = scroll_page(self, spacing=14)
        column.addWidget(label(_("Pain journal"), "title", body))
        column.addWidget(
            label(
                _(
                    "Write down where you feel pain, how strong it is and what it feels like, "
                    "as often as you like. Your therapist can see how it changes."
                ),
                None,
                body,
            )
        )
        self.buttons = JournalButtons(ctx, body)
        column.addWidget(self.buttons)
        advice = label(_(NO_DOSE_ADVICE), "hint", body)
        advice.setObjectName("no-dose-advice")
        column.addWidget(advice)
        self.changes_title = label(_("How your leg pain is changing"), "heading", body)
        column.addWidget(self.changes_title)
        self.changes = label("", None, body)
        self.changes.setObjectName("journal-changes")
        column.addWidget(self.changes)
        frame, self._today = card(body)
        column.addWidget(frame)
        column.addWidget(label(_("Older entries are in History."), "hint", body))
        column.addStretch(1)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        ctx.active.changed.connect(self.refresh)
        ctx.active.data_changed.connect(self.refresh)
        self.refresh()

    @guarded_refresh
    def refresh(self) -> None:
        self.buttons.refresh()
        clear(self._today)
        parent = self._today.parentWidget()
        self._today.addWidget(label(_("Today"), "heading", parent))
        profile = self._ctx.active.profile
        if profile is None or profile.id is None:
            self._today.addWidget(label(_("Set up your profile to keep a journal."), None, parent))
            self.changes.hide()
            self.changes_title.hide()
            return
        now = self._ctx.clock.now()
        notes = journal_notes(self._ctx, profile.id)
        self.changes.setText("\n".join(n.text for n in notes))
        self.changes.setVisible(bool(notes))
        self.changes_title.setVisible(bool(notes))
        entries = self._ctx.stores.journal.entries(profile.id, since=now.date())
        medicines = self._ctx.stores.medicines.entries(profile.id, since=now.date())
        lines = sorted(
            [(e.at, _("Pain: {entry}").format(entry=entry_line(e, now))) for e in entries]
            + [
                (m.at, _("Medicine: {entry}").format(entry=medicine_line(m, now)))
                for m in medicines
            ]
        )
        if not lines:
            self._today.addWidget(label(_("Nothing written today yet."), None, parent))
        for _at, text in lines:
            self._today.addWidget(label(text, None, parent))

    def take_focus(self) -> None:
        self.buttons.entry_button.setFocus()
