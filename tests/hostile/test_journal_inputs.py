"""Hostile journal and medicine input: markup shows as written (Journal page, History), control
characters and over-long text are refused in one sentence before anything is stored, and a
database that refuses the write (a full disk) is said in one sentence with the entry kept on
screen."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from coach.domain.journal import JournalEntry, JournalError, RegionMark
from coach.domain.medicines import MedicineEntry, MedicineError
from coach.domain.profile import Profile, Surgery
from coach.store.journal import JournalStore
from coach.store.medicines import MedicineStore
from coach.ui.context import AppContext
from coach.ui.history.screen import HistoryScreen
from coach.ui.journal.entry_dialog import JournalEntryDialog
from coach.ui.journal.journal_screen import JournalScreen
from coach.ui.journal.medicine_dialog import MedicineDialog

MARK = "<b>m</b><img src=x>"


@pytest.fixture
def profile(ctx: AppContext) -> Profile:
    saved = ctx.repo.add_profile(Profile("Ann", Surgery.FUSION, date(2025, 12, 1)), ctx.clock.now())
    ctx.active.set(saved)
    return saved


def test_markup_in_a_medicine_name_and_a_note_is_shown_as_written(
    qtbot: QtBot, ctx: AppContext, profile: Profile
) -> None:
    now = ctx.clock.now()
    MedicineStore(ctx.db).save(profile.id or 0, MedicineEntry(f"Pill {MARK}", now, now.date()))
    JournalStore(ctx.db).save(
        profile.id or 0,
        JournalEntry(now, now.date(), (RegionMark("calf-left", 3),), note=f"Note {MARK}"),
        now,
    )
    page = JournalScreen(ctx)
    history = HistoryScreen(ctx)
    for widget in (page, history):
        qtbot.addWidget(widget)
        widget.show()
    history.table.selectRow(1)
    labels = [*page.findChildren(QLabel), *history.findChildren(QLabel)]
    shown = [w for w in labels if MARK in w.text()]
    assert shown, "the markup text is shown somewhere"
    for widget in shown:
        assert widget.textFormat() == Qt.TextFormat.PlainText
    buttons = [b.text() for b in page.findChildren(QPushButton)]
    assert f"Took Pill {MARK} again" in buttons  # a button's text is never rich text


@pytest.mark.parametrize(
    "case",
    [
        ("Aspirin\x07", "", "characters"),
        ("Aspirin", "1\x1b[31m", "characters"),
        ("A" * 81, "", "too long"),
        ("Aspirin", "x" * 81, "too long"),
        ("   ", "", "name"),
    ],
)
def test_bad_medicine_text_is_refused_in_one_sentence(
    qtbot: QtBot, ctx: AppContext, profile: Profile, case: tuple[str, str, str]
) -> None:
    name, amount, words = case
    with pytest.raises(MedicineError, match=words):
        MedicineEntry(name, ctx.clock.now(), ctx.clock.now().date(), "", amount)
    dialog = MedicineDialog(ctx, profile.id or 0)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.lineEdit().setMaxLength(500)  # as if pasted past the field's own limit
    dialog.amount.setMaxLength(500)
    dialog.name.setCurrentText(name)
    dialog.amount.setText(amount)
    dialog.save_button.setEnabled(True)
    dialog.save_button.click()
    assert MedicineStore(ctx.db).entries(profile.id or 0) == []
    if words != "name":
        assert words in dialog.message.text()
        assert dialog.message.text().count(".") <= 2


def test_bad_journal_values_never_reach_the_store(ctx: AppContext, profile: Profile) -> None:
    now = ctx.clock.now()
    for bad in (
        lambda: RegionMark("calf-left", -1),
        lambda: RegionMark("calf-left; DROP TABLE x", 3),
        lambda: JournalEntry(now, now.date(), note="x" * 5000),
    ):
        with pytest.raises(JournalError):
            bad()
    assert JournalStore(ctx.db).entries(profile.id or 0) == []


def test_a_write_that_fails_is_said_and_the_entry_stays_on_screen(
    qtbot: QtBot, ctx: AppContext, profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = JournalEntryDialog(ctx, profile.id or 0)
    qtbot.addWidget(dialog)
    dialog.show()

    def full(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(JournalStore, "save_draft", full)
    dialog.checklist.item_for("calf-left").setCheckState(Qt.CheckState.Checked)
    assert dialog.message.isVisibleTo(dialog)
    assert "not saved" in dialog.message.text() and "full" in dialog.message.text()
    assert dialog.entry().mark("calf-left") is not None  # nothing typed is thrown away
    monkeypatch.undo()
    dialog.save_button.click()
    [saved] = JournalStore(ctx.db).entries(profile.id or 0)
    assert saved.mark("calf-left") is not None
