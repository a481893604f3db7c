"""The pain journal entry, by mouse and by keyboard alone; drafts kept as the patient goes;
new or worse numbness opens the Warning signs check; the medicines log and "took it again"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.journal import JournalEntry, RegionMark
from coach.domain.profile import Profile, Surgery
from coach.store.journal import JournalStore
from coach.store.medicines import MedicineStore
from coach.ui.context import AppContext
from coach.ui.journal import actions
from coach.ui.journal.entry_dialog import JournalEntryDialog
from coach.ui.journal.journal_screen import JournalScreen
from coach.ui.journal.medicine_dialog import MedicineDialog
from coach.ui.main_window import MainWindow
from coach.ui.safety.screen import WarningSignsScreen
from coach.ui.screens import build_screens
from tests.scripted_dialogs import scripted

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def profile(ctx: AppContext) -> Profile:
    saved = ctx.repo.add_profile(
        Profile("Ann", Surgery.DISCECTOMY, date(2025, 12, 1)), ctx.clock.now()
    )
    ctx.active.set(saved)
    return saved


@pytest.fixture
def make_dialog(
    qtbot: QtBot, ctx: AppContext, profile: Profile
) -> Callable[..., JournalEntryDialog]:
    def make(entry: JournalEntry | None = None) -> JournalEntryDialog:
        assert profile.id is not None
        dialog = JournalEntryDialog(ctx, profile.id, entry)
        qtbot.addWidget(dialog)
        dialog.resize(1300, 760)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def click_region(qtbot: QtBot, dialog: JournalEntryDialog, region: str) -> None:
    dialog.map.ensurePolished()
    point = dialog.map.centre_of(region)
    assert dialog.map.region_at(point) == region
    qtbot.mouseClick(dialog.map, LEFT, pos=QPoint(round(point.x()), round(point.y())))


def stored(ctx: AppContext, profile: Profile) -> list[JournalEntry]:
    return JournalStore(ctx.db).entries(profile.id or 0)


def test_quick_entry_by_mouse_is_three_taps(
    qtbot: QtBot, ctx: AppContext, profile: Profile, make_dialog: Callable[..., JournalEntryDialog]
) -> None:
    dialog = make_dialog()
    click_region(qtbot, dialog, "calf-left")  # 1: where
    qtbot.mouseClick(dialog.findChild(QPushButton, "pain-7"), LEFT)  # 2: how strong
    assert dialog.editor.title.text() == "Left calf"
    qtbot.mouseClick(dialog.save_button, LEFT)  # 3: save
    [entry] = stored(ctx, profile)
    assert [(m.region, m.intensity) for m in entry.marks] == [("calf-left", 7)]
    assert entry.extent("left") == 3 and entry.extent("right") == 0
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_mouse_marks_qualities_ticks_and_removes_a_place(
    qtbot: QtBot, ctx: AppContext, profile: Profile, make_dialog: Callable[..., JournalEntryDialog]
) -> None:
    dialog = make_dialog()
    click_region(qtbot, dialog, "buttock-right")
    click_region(qtbot, dialog, "foot-top-right")
    qtbot.mouseClick(dialog.editor.quality_boxes["tingling"], LEFT)
    click_region(qtbot, dialog, "sole-left")
    click_region(qtbot, dialog, "sole-left")  # the chosen place again: removed
    dialog.factors.boxes["helped"]["lying"].click()
    dialog.factors.boxes["worse"]["sitting"].click()
    qtbot.keyClicks(dialog.note, "After the drive")
    qtbot.mouseClick(dialog.save_button, LEFT)
    [entry] = stored(ctx, profile)
    assert [m.region for m in entry.marks] == ["buttock-right", "foot-top-right"]
    foot = entry.mark("foot-top-right")
    assert foot is not None and foot.qualities == {"tingling"}
    assert (entry.helped, entry.worse, entry.note) == ({"lying"}, {"sitting"}, "After the drive")
    assert entry.extent("right") == 4


def test_entry_by_keyboard_alone(
    qtbot: QtBot, ctx: AppContext, profile: Profile, make_dialog: Callable[..., JournalEntryDialog]
) -> None:
    """Tab to the list, arrows to a body part, Space ticks it, Tab to a score, Space, then Tab
    on to Save and Enter: no mouse."""
    dialog = make_dialog()
    dialog.activateWindow()
    dialog.checklist.setFocus()
    assert dialog.checklist.accessibleName().startswith("Where it hurts")
    for _ in range(8):  # "Back of the body" is a heading: the arrows skip it
        qtbot.keyClick(dialog.checklist, Qt.Key.Key_Down)
    assert dialog.checklist.currentItem().text() == "Left calf"
    qtbot.keyClick(dialog.checklist, Qt.Key.Key_Space)
    assert dialog.entry().mark("calf-left") is not None
    eight = dialog.findChild(QPushButton, "pain-8")
    for _ in range(40):  # Tab on to the score 8
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        if dialog.focusWidget() is eight:
            break
    qtbot.keyClick(eight, Qt.Key.Key_Space)
    for _ in range(60):
        if dialog.focusWidget() is dialog.save_button:
            break
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.save_button
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    [entry] = stored(ctx, profile)
    assert [(m.region, m.intensity) for m in entry.marks] == [("calf-left", 8)]


def test_every_region_has_a_name_for_screen_readers(
    make_dialog: Callable[..., JournalEntryDialog],
) -> None:
    dialog = make_dialog()
    names = [dialog.checklist.item(i).text() for i in range(dialog.checklist.count())]
    assert "Left calf" in names and "Right top of foot" in names and "Lower back, middle" in names
    for value in range(11):
        number = dialog.findChild(QPushButton, f"pain-{value}")
        assert number is not None and number.accessibleName() == f"Pain {value} of 10"


def test_each_change_is_kept_as_a_draft_and_opened_again(
    qtbot: QtBot, ctx: AppContext, profile: Profile, make_dialog: Callable[..., JournalEntryDialog]
) -> None:
    dialog = make_dialog()
    click_region(qtbot, dialog, "thigh-back-left")
    qtbot.mouseClick(dialog.findChild(QPushButton, "pain-3"), LEFT)
    draft = JournalStore(ctx.db).draft(profile.id or 0)  # as if the app were killed now
    assert draft is not None and draft.mark("thigh-back-left") == RegionMark("thigh-back-left", 3)
    assert stored(ctx, profile) == []  # a draft is not an entry yet
    dialog.close()  # closing the window keeps it too
    again = make_dialog()
    assert again.entry().mark("thigh-back-left") is not None
    assert any(
        "Carry on where you left off" in w.text() for w in again.findChildren(type(again.message))
    )
    qtbot.mouseClick(again.cancel_button, LEFT)  # "Throw away"
    assert JournalStore(ctx.db).draft(profile.id or 0) is None


def test_editing_a_saved_entry_changes_it_only_on_save(
    qtbot: QtBot, ctx: AppContext, profile: Profile, make_dialog: Callable[..., JournalEntryDialog]
) -> None:
    now = ctx.clock.now()
    saved = JournalStore(ctx.db).save(
        profile.id or 0, JournalEntry(now, now.date(), (RegionMark("calf-right", 4),)), now
    )
    dialog = make_dialog(saved)
    qtbot.mouseClick(dialog.findChild(QPushButton, "pain-2"), LEFT)
    assert stored(ctx, profile)[0].mark("calf-right") == RegionMark("calf-right", 4)
    assert JournalStore(ctx.db).draft(profile.id or 0) is None
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert stored(ctx, profile)[0].mark("calf-right") == RegionMark("calf-right", 2)


def _numb_shin(dialog: JournalEntryDialog) -> bool:
    """Answers the entry dialog as a patient would: marks numbness in the shin and saves."""
    dialog.show()
    dialog.checklist.item_for("shin-left").setCheckState(Qt.CheckState.Checked)
    dialog.editor.quality_boxes["numbness"].click()
    dialog.save_button.click()
    return dialog.result() == QDialog.DialogCode.Accepted


def test_new_numbness_opens_the_warning_signs_check(
    qtbot: QtBot, ctx: AppContext, profile: Profile
) -> None:
    window = MainWindow(build_screens(ctx, lambda: None))
    qtbot.addWidget(window)
    window.show()
    scripted(ctx).on(JournalEntryDialog, _numb_shin)
    assert actions.open_entry(ctx, window)
    assert window.current_key() == "warning-signs"
    screen = window.screen_widget("warning-signs")
    assert isinstance(screen, WarningSignsScreen)
    page = screen.current_page()
    texts = " ".join(w.text() for w in page.findChildren(QLabel))
    assert "You marked new numbness in your left leg." in texts
    start = next(b for b in page.findChildren(QPushButton) if b.text() == "Start the check")
    qtbot.mouseClick(start, LEFT)
    assert screen.current_page() is screen.check


def test_the_same_numbness_again_does_not_open_the_check(
    qtbot: QtBot, ctx: AppContext, profile: Profile
) -> None:
    clock = ctx.clock
    assert isinstance(clock, FakeClock)
    earlier = clock.now() - timedelta(days=1)
    JournalStore(ctx.db).save(
        profile.id or 0,
        JournalEntry(
            earlier, earlier.date(), (RegionMark("shin-left", 5, frozenset({"numbness"})),)
        ),
        earlier,
    )
    window = MainWindow(build_screens(ctx, lambda: None))
    qtbot.addWidget(window)
    window.show()
    scripted(ctx).on(JournalEntryDialog, _numb_shin)
    assert actions.open_entry(ctx, window)
    assert window.current_key() == "today"


# -- medicines ---------------------------------------------------------------------------------
def test_a_medicine_is_saved_as_written_and_remembered(
    qtbot: QtBot, ctx: AppContext, profile: Profile
) -> None:
    dialog = MedicineDialog(ctx, profile.id or 0)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()  # no name yet
    qtbot.keyClicks(dialog.name, "Ibuprofen")
    dialog.kind.setCurrentIndex(dialog.kind.findData("anti-inflammatory"))
    qtbot.keyClicks(dialog.amount, "2 tablets (200 mg)")
    qtbot.mouseClick(dialog.save_button, LEFT)
    [saved] = MedicineStore(ctx.db).entries(profile.id or 0)
    assert (saved.name, saved.kind, saved.amount) == (
        "Ibuprofen",
        "anti-inflammatory",
        "2 tablets (200 mg)",
    )
    assert saved.day == ctx.clock.now().date()
    second = MedicineDialog(ctx, profile.id or 0)
    qtbot.addWidget(second)
    assert second.name.itemText(0) == "Ibuprofen"
    second.name.setCurrentText("ibuprofen")  # a remembered name brings its amount
    assert second.amount.text() == "2 tablets (200 mg)"


def test_took_it_again_is_one_tap_on_the_journal_page(
    qtbot: QtBot, ctx: AppContext, profile: Profile
) -> None:
    now = ctx.clock.now()
    from coach.domain.medicines import NO_DOSE_ADVICE, MedicineEntry

    MedicineStore(ctx.db).save(
        profile.id or 0,
        MedicineEntry("Tramadol", now - timedelta(hours=6), now.date(), "opioid", "1 capsule"),
    )
    page = JournalScreen(ctx)
    qtbot.addWidget(page)
    page.show()
    labels = [w.text() for w in page.findChildren(QLabel)]
    assert labels.count(NO_DOSE_ADVICE) == 1  # said once
    [again] = page.buttons.again_buttons
    assert again.text() == "Took Tramadol again"
    qtbot.mouseClick(again, LEFT)
    entries = MedicineStore(ctx.db).entries(profile.id or 0)
    assert [(e.name, e.amount, e.at) for e in entries][-1] == ("Tramadol", "1 capsule", now)
    assert "Saved: " in page.buttons.message.text()

    def tramadol_lines() -> int:
        shown = [w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page)]
        return sum("Medicine: " in t and "Tramadol" in t for t in shown)

    qtbot.waitUntil(lambda: tramadol_lines() == 2)


def test_the_journal_is_a_button_on_today_and_in_the_rail(
    qtbot: QtBot, ctx: AppContext, profile: Profile
) -> None:
    window = MainWindow(build_screens(ctx, lambda: None))
    qtbot.addWidget(window)
    window.show()
    assert "journal" in window.screen_keys
    today = window.screen_widget("today")
    qtbot.waitUntil(lambda: today.findChild(QWidget, "journal-card") is not None)
    card = today.findChild(QWidget, "journal-card")
    assert card is not None
    buttons = [b.text() for b in card.findChildren(QPushButton)]
    assert "Add a pain entry" in buttons and "I took a medicine" in buttons
    boxes = card.findChildren(QCheckBox)
    assert boxes == []


def test_the_journal_page_says_what_the_entries_show(
    qtbot: QtBot, ctx: AppContext, profile: Profile
) -> None:
    """Pain that reached the foot three weeks ago and stops above the knee now: a good sign."""
    now = ctx.clock.now()
    store = JournalStore(ctx.db)
    for days, region in ((22, "sole-right"), (1, "thigh-back-right")):
        at = now - timedelta(days=days)
        store.save(profile.id or 0, JournalEntry(at, at.date(), (RegionMark(region, 5),)), at)
    page = JournalScreen(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.changes.text() == (
        "Your right leg pain now stops above the knee; three weeks ago it reached your foot. "
        "That is a good sign."
    )
