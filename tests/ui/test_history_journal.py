"""History shows pain journal entries and medicines beside sessions, in time order, with their
details, an edit in their own dialog and a delete that asks first."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.journal import JournalEntry, RegionMark
from coach.domain.medicines import MedicineEntry
from coach.domain.profile import Profile, Surgery
from coach.store.journal import JournalStore
from coach.store.medicines import MedicineStore
from coach.store.sessions import Pain, SessionStore
from coach.ui.context import AppContext
from coach.ui.history.model import HistoryModel
from coach.ui.history.screen import HistoryScreen
from coach.ui.journal.entry_dialog import JournalEntryDialog
from coach.ui.journal.medicine_dialog import MedicineDialog
from tests.scripted_dialogs import scripted


def _edit(dialog: QDialog) -> bool:
    """Changes the dialog as a patient would, then saves."""
    dialog.show()
    if isinstance(dialog, JournalEntryDialog):
        dialog.findChild(QPushButton, "pain-2").click()
    elif isinstance(dialog, MedicineDialog):
        dialog.amount.setText("half a tablet")
    dialog.save_button.click()  # type: ignore[attr-defined]
    return dialog.result() == QDialog.DialogCode.Accepted


@pytest.fixture
def profile(ctx: AppContext, clock: FakeClock) -> Profile:
    saved = ctx.repo.add_profile(
        Profile("Ann", Surgery.DISCECTOMY, clock.now().date() - timedelta(weeks=3)), clock.now()
    )
    ctx.active.set(saved)
    assert saved.id is not None
    store = SessionStore(ctx.db)
    at = clock.now() - timedelta(hours=3)
    sid = store.start_session(saved.id, None, "daily", "Daily exercises", at)
    store.record_pain(sid, "before", Pain(5, 6), at)
    store.finish_session(sid, "done", at + timedelta(minutes=20))
    entry_at = clock.now() - timedelta(hours=2)
    JournalStore(ctx.db).save(
        saved.id,
        JournalEntry(
            entry_at,
            entry_at.date(),
            (
                RegionMark("lower-back-centre", 3),
                RegionMark("calf-left", 6, frozenset({"burning"})),
            ),
            helped=frozenset({"walking"}),
            note="After the drive",
        ),
        entry_at,
    )
    taken = clock.now() - timedelta(hours=1)
    MedicineStore(ctx.db).save(
        saved.id, MedicineEntry("Ibuprofen", taken, taken.date(), "anti-inflammatory", "1 tablet")
    )
    return saved


@pytest.fixture
def screen(qtbot: QtBot, ctx: AppContext, profile: Profile) -> HistoryScreen:
    person = scripted(ctx)
    person.on(JournalEntryDialog, _edit)
    person.on(MedicineDialog, _edit)
    widget = HistoryScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    return widget


def cells(model: HistoryModel, row: int) -> list[str]:
    return [str(model.index(row, c).data()) for c in range(model.columnCount())]


def detail_texts(screen: HistoryScreen) -> list[str]:
    return [w.text() for w in screen.findChildren(QLabel) if w.isVisibleTo(screen)]


def test_journal_and_medicines_sit_beside_sessions_newest_first(
    screen: HistoryScreen, qtmodeltester: object
) -> None:
    model = screen.model
    assert model.rowCount() == 3
    whats = [cells(model, r)[1] for r in range(3)]
    assert whats == ["Medicine: Ibuprofen", "Pain journal", "Daily exercises"]
    assert cells(model, 1)[2:] == ["Left: below knee", "3", "6"]
    assert cells(model, 0)[2] == "1 tablet"
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_choosing_an_entry_shows_its_details_and_edit(
    qtbot: QtBot, screen: HistoryScreen, ctx: AppContext, profile: Profile
) -> None:
    screen.table.selectRow(1)
    qtbot.waitUntil(lambda: "Left calf: 6 of 10 (burning)" in detail_texts(screen))
    texts = detail_texts(screen)
    assert "Helped: walking" in texts and "Note: After the drive" in texts
    assert screen.edit_button.isVisible() and not screen.note.isVisible()
    qtbot.mouseClick(screen.edit_button, qtbot_left())
    [entry] = JournalStore(ctx.db).entries(profile.id or 0)
    assert entry.mark("calf-left") == RegionMark("calf-left", 2, frozenset({"burning"}))
    qtbot.waitUntil(lambda: cells(screen.model, 1)[3:] == ["3", "2"])  # the table follows


def qtbot_left() -> object:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_a_medicine_is_edited_and_deleted_after_a_question(
    qtbot: QtBot, screen: HistoryScreen, ctx: AppContext, profile: Profile
) -> None:
    screen.table.selectRow(0)
    qtbot.waitUntil(lambda: "Amount: 1 tablet" in detail_texts(screen))
    qtbot.mouseClick(screen.edit_button, qtbot_left())
    [medicine] = MedicineStore(ctx.db).entries(profile.id or 0)
    assert medicine.amount == "half a tablet"
    qtbot.waitUntil(lambda: cells(screen.model, 0)[2] == "half a tablet")
    screen.table.selectRow(0)
    person = scripted(ctx)
    person.confirm_answer = False
    qtbot.mouseClick(screen.delete_button, qtbot_left())
    assert MedicineStore(ctx.db).entries(profile.id or 0) != []
    person.confirm_answer = True
    qtbot.mouseClick(screen.delete_button, qtbot_left())
    assert MedicineStore(ctx.db).entries(profile.id or 0) == []
    assert person.confirmed[-1].startswith("Delete the medicine Ibuprofen for good?")
    assert screen.model.rowCount() == 2


def test_deleting_a_journal_entry_removes_it(
    qtbot: QtBot, screen: HistoryScreen, ctx: AppContext, profile: Profile
) -> None:
    screen.table.selectRow(1)
    qtbot.mouseClick(screen.delete_button, qtbot_left())
    assert JournalStore(ctx.db).entries(profile.id or 0) == []
    assert [cells(screen.model, r)[1] for r in range(2)] == [
        "Medicine: Ibuprofen",
        "Daily exercises",
    ]
    screen.table.selectRow(1)  # a session again: its note can be edited
    assert screen.note.isVisibleTo(screen) and not screen.edit_button.isVisibleTo(screen)
