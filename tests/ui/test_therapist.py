"""Therapist mode as a therapist meets it: the PIN (wrong tries, waits, idle lock), the plan
editor's refusals and overrides, plan versions, and plan files from the UI."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDialog, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from coach.domain.allowed import phase_day
from coach.domain.catalogue import Dosage
from coach.domain.clock import FakeClock
from coach.domain.plan import Plan, plan_from_protocol
from coach.domain.profile import Profile, Surgery
from coach.store.plans import resolve_plan
from coach.store.therapist import TherapistStore
from coach.ui.context import AppContext
from coach.ui.library.exercise_list_model import ID_ROLE
from coach.ui.therapist.dialogs import ReasonDialog
from coach.ui.therapist.dose_dialog import DoseDialog
from coach.ui.therapist.exercise_picker import ExercisePicker
from coach.ui.therapist.import_summary import ImportPreview, ImportSummary
from coach.ui.therapist.mode import TherapistMode
from coach.ui.therapist.pin_dialog import PIN_NOTE, NewPinDialog, PinDialog
from coach.ui.therapist.plan_editor import PlanEditor
from coach.ui.therapist.screen import TherapistScreen
from tests.scripted_dialogs import ScriptedDialogs, scripted

PIN = "4826"


class Script:
    """What the therapist answers in the dialogs (filled in as a person would), and what was
    asked. Plain questions go through the context's scripted dialogs."""

    def __init__(self, dialogs: ScriptedDialogs) -> None:
        self.dialogs = dialogs
        self.exercise: str | None = None
        self.reason: str | None = None
        self.dose: Dosage | None = None
        self.import_ok = True
        self.pin = PIN
        self.reasons_asked: list[str] = []
        self.previews: list[ImportPreview] = []

    @property
    def confirm(self) -> bool:
        return self.dialogs.confirm_answer

    @confirm.setter
    def confirm(self, answer: bool) -> None:
        self.dialogs.confirm_answer = answer

    @property
    def path(self) -> Path | None:
        return self.dialogs.path

    @path.setter
    def path(self, path: Path | None) -> None:
        self.dialogs.path = path

    @property
    def informed(self) -> list[tuple[str, str]]:
        return self.dialogs.informed

    @property
    def confirmed(self) -> list[str]:
        return self.dialogs.confirmed

    def ask_pin(self, dialog: PinDialog) -> bool:
        dialog.pin.setText(self.pin)
        dialog.open_button.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    def new_pin(self, dialog: NewPinDialog) -> bool:
        dialog.first.setText(self.pin)
        dialog.second.setText(self.pin)
        dialog.save_button.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    def ask_reason(self, dialog: ReasonDialog) -> bool:
        self.reasons_asked.append(dialog.message)
        if self.reason is None:
            return False
        dialog.reason.setPlainText(self.reason)
        return True

    def choose_exercise(self, dialog: ExercisePicker) -> bool:
        if self.exercise is None:
            return False
        dialog.allowed_only.setChecked(False)
        assert dialog.choose(self.exercise)
        return True

    def edit_dose(self, dialog: DoseDialog) -> bool:
        if self.dose is None:
            return False
        for name, box in dialog.boxes.items():
            box.setValue(getattr(self.dose, name))
        return True

    def confirm_import(self, dialog: ImportSummary) -> bool:
        self.previews.append(dialog.preview)
        return self.import_ok


@pytest.fixture
def script(ctx: AppContext) -> Script:
    dialogs = scripted(ctx)
    script = Script(dialogs)
    dialogs.on(PinDialog, script.ask_pin)
    dialogs.on(NewPinDialog, script.new_pin)
    dialogs.on(ReasonDialog, script.ask_reason)
    dialogs.on(ExercisePicker, script.choose_exercise)
    dialogs.on(DoseDialog, script.edit_dose)
    dialogs.on(ImportSummary, script.confirm_import)
    return script


@pytest.fixture
def patient(ctx: AppContext, clock: FakeClock) -> Profile:
    """A fusion patient seven weeks after surgery: phase 2 (Early mobility) today."""
    surgery = clock.now().date() - timedelta(weeks=7)
    plan = plan_from_protocol(ctx.content.protocols[Surgery.FUSION])
    profile = ctx.repo.add_profile(Profile("Sam", Surgery.FUSION, surgery), clock.now(), plan)
    ctx.active.set(profile)
    return profile


@pytest.fixture
def screen(
    qtbot: QtBot, ctx: AppContext, patient: Profile, script: Script
) -> Iterator[TherapistScreen]:
    mode = TherapistMode(ctx.stores.therapist, ctx.clock, check_ms=10)
    widget = TherapistScreen(ctx, mode=mode)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    yield widget
    mode.lock()


def unlock(screen: TherapistScreen) -> None:
    screen.unlock_button.click()
    if not screen.mode.is_unlocked:  # a PIN existed already
        screen.unlock_button.click()
    assert screen.mode.is_unlocked


def visible_text(widget: QWidget) -> str:
    return " ".join(
        label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)
    )


def db_dump(ctx: AppContext) -> list[str]:
    conn = sqlite3.connect(ctx.paths.database)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


# -- the PIN -------------------------------------------------------------------------------------
def test_locked_until_a_pin_is_set_and_says_what_the_pin_is_not(
    screen: TherapistScreen,
) -> None:
    assert screen._stack.currentWidget() is screen.locked_page
    assert screen.unlock_button.text() == "Set a PIN"
    assert "It is not encryption" in visible_text(screen.locked_page)
    screen.unlock_button.click()  # scripted: sets PIN and opens
    assert screen.mode.is_unlocked
    assert screen._stack.currentWidget() is screen.editor_page
    stored = TherapistStore(screen._ctx.db).pin_hash()
    assert stored is not None and PIN not in stored


def test_wrong_tries_wait_longer_driven_by_the_clock(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock
) -> None:
    mode = TherapistMode(ctx.stores.therapist, clock)
    assert mode.set_pin(PIN) is None
    mode.lock()
    dialog = PinDialog(mode)
    qtbot.addWidget(dialog)
    assert PIN_NOTE in visible_text(dialog)
    assert "It is not encryption" in PIN_NOTE
    for _ in range(2):
        dialog.pin.setText("0000")
        dialog.open_button.click()
        assert dialog.message.text() == "That PIN is not right."
        assert dialog.open_button.isEnabled()
    dialog.pin.setText("0000")
    dialog.open_button.click()
    assert dialog.message.text() == (
        "That PIN was not right. Please wait 5 seconds before trying again."
    )
    assert not dialog.open_button.isEnabled()
    dialog.pin.setText(PIN)  # even the right PIN waits
    assert mode.try_unlock(PIN) == "Please wait 5 seconds before trying again."
    clock.advance(3)
    dialog.refresh()
    assert "wait 2 seconds" in dialog.message.text()
    clock.advance(2)
    qtbot.waitUntil(dialog.open_button.isEnabled, timeout=2000)  # its QTimer notices
    dialog.pin.setText("1111")
    dialog.open_button.click()
    assert "Please wait 15 seconds" in dialog.message.text()  # the next wait is longer
    clock.advance(15)
    dialog.refresh()
    dialog.pin.setText(PIN)
    with qtbot.waitSignal(mode.unlocked, timeout=2000):
        dialog.open_button.click()
    assert mode.is_unlocked
    assert ctx.stores.therapist.attempts().failures == 0


def test_waits_survive_closing_the_app(ctx: AppContext, clock: FakeClock) -> None:
    first = TherapistMode(ctx.stores.therapist, clock)
    first.set_pin(PIN)
    first.lock()
    for _ in range(3):
        first.try_unlock("9999")
    second = TherapistMode(ctx.stores.therapist, clock)  # as after a restart
    assert second.wait_seconds() == 5
    assert second.try_unlock(PIN) == "Please wait 5 seconds before trying again."


def test_idle_minutes_lock_the_mode_again(
    qtbot: QtBot, screen: TherapistScreen, clock: FakeClock
) -> None:
    unlock(screen)
    clock.advance(299)
    screen.mode.check_idle()  # what the checking timer does: the clock says not yet
    assert screen.mode.is_unlocked
    clock.advance(2)
    with qtbot.waitSignal(screen.mode.locked, timeout=2000):
        pass
    assert screen._stack.currentWidget() is screen.locked_page
    assert screen.unlock_button.text() == "Enter the PIN"


def test_using_the_editor_keeps_it_open(
    qtbot: QtBot, screen: TherapistScreen, clock: FakeClock
) -> None:
    unlock(screen)
    clock.advance(200)
    qtbot.keyClick(screen.editor.phase_choice, Qt.Key.Key_Down)
    clock.advance(200)  # 400 s since unlocking, but only 200 s idle
    screen.mode.check_idle()
    assert screen.mode.is_unlocked
    screen.lock_button.click()
    assert not screen.mode.is_unlocked


def test_change_and_remove_the_pin(ctx: AppContext, clock: FakeClock, qtbot: QtBot) -> None:
    mode = TherapistMode(ctx.stores.therapist, clock)
    assert mode.set_pin("12") == "The PIN must be 4 to 8 digits."
    assert mode.set_pin(PIN) is None
    mode.lock()
    assert mode.set_pin("5555") == "Open therapist mode first."
    assert mode.remove_pin() == "Open therapist mode first."
    assert mode.try_unlock(PIN) is None
    dialog = NewPinDialog(mode)
    qtbot.addWidget(dialog)
    dialog.first.setText("5555")
    dialog.second.setText("5556")
    dialog.save_button.click()
    assert "not the same" in dialog.message.text()
    dialog.second.setText("5555")
    dialog.save_button.click()
    assert dialog.result() == NewPinDialog.DialogCode.Accepted
    mode.lock()
    assert mode.try_unlock(PIN) == "That PIN is not right."
    assert mode.try_unlock("5555") is None
    assert mode.remove_pin() is None
    assert not mode.has_pin()
    assert not mode.is_unlocked


# -- the editor ----------------------------------------------------------------------------------
def test_editor_starts_from_todays_phase_of_the_current_plan(screen: TherapistScreen) -> None:
    unlock(screen)
    editor = screen.editor
    assert editor.phase_number == 2
    assert editor.phase_choice.currentText() == "Phase 2: Early mobility (now)"
    assert "Version 1" in editor.version.text()
    assert not editor.save_button.isEnabled()


def test_a_restricted_exercise_is_refused_with_a_plain_message(
    screen: TherapistScreen, script: Script
) -> None:
    unlock(screen)
    editor = screen.editor
    before = editor.draft
    script.exercise = "lower-trunk-rotation"
    script.reason = None  # the therapist gives no reason
    add = editor.panel.findChild(QPushButton, "add-stretches")  # type: ignore[union-attr]
    add.click()
    assert editor.draft == before
    assert editor.message.isVisible()
    tail = (
        "It also involves twisting, which is not allowed in this phase. "
        "To add it anyway, write your reason."
    )
    assert editor.message.text().startswith("Not added. Knee rolls starts 12 weeks after your")
    assert editor.message.text().endswith(tail)
    [asked] = script.reasons_asked
    assert asked.startswith("Knee rolls starts 12 weeks after your") and asked.endswith(tail)


def test_a_stated_reason_overrides_is_saved_and_shown_to_the_patient(
    screen: TherapistScreen, script: Script, ctx: AppContext
) -> None:
    unlock(screen)
    screen.name.setText("Alex Moreno")
    screen.name.editingFinished.emit()
    editor = screen.editor
    script.exercise = "prone-press-up"  # therapist-only, and end-range is restricted
    script.reason = "Centralises your leg pain. <b>Stop</b> if it spreads."
    editor.panel.findChild(QPushButton, "add-stretches").click()  # type: ignore[union-attr]
    reason = editor.panel.findChild(QLabel, "reason-stretches-5")  # type: ignore[union-attr]
    assert reason is not None
    assert reason.text() == (
        "Your therapist added this: Centralises your leg pain. <b>Stop</b> if it spreads."
    )
    assert reason.textFormat() == Qt.TextFormat.PlainText  # markup shown as typed
    assert editor.save_button.isEnabled()
    editor.save_button.click()
    versions = ctx.repo.plan_versions(ctx.active.require().id or 0, ctx.content.catalogue)
    assert [v.version for v in versions] == [1, 2]
    assert versions[1].author == "Alex Moreno"
    item = versions[1].plan.phase(2).routine("stretches").items[-1]
    assert (item.exercise_id, item.reason) == ("prone-press-up", script.reason)
    assert versions[0].plan.phase(2).routine("stretches").items[-1].exercise_id != (
        "prone-press-up"
    )
    assert "Saved as version 2" in editor.message.text()


def test_each_save_is_a_new_version_and_sessions_keep_theirs(
    screen: TherapistScreen, script: Script, ctx: AppContext, clock: FakeClock
) -> None:
    profile_id = ctx.active.require().id or 0
    first = resolve_plan(ctx.db, ctx.content, ctx.active.require())
    assert first.plan_id is not None
    session = ctx.stores.sessions.start_session(
        profile_id, first.plan_id, "strength", "S", clock.now()
    )
    unlock(screen)
    editor = screen.editor
    script.dose = Dosage(sets=2, reps=12, hold_s=5, rest_s=40)
    editor.panel.findChild(QPushButton, "dose-strength-0").click()  # type: ignore[union-attr]
    assert "2 sets of 12 times, hold 5 seconds" in visible_text(editor.panel)  # type: ignore[arg-type]
    editor.save()
    editor.panel.findChild(QPushButton, "down-strength-0").click()  # type: ignore[union-attr]
    editor.save()
    versions = ctx.repo.plan_versions(profile_id, ctx.content.catalogue)
    assert [v.version for v in versions] == [1, 2, 3]
    assert versions[1].plan.phase(2).routine("strength").items[0].dosage == script.dose
    assert versions[2].plan.phase(2).routine("strength").items[1].dosage == script.dose
    record = ctx.stores.sessions.session(session)
    assert record is not None and record.plan_id == first.plan_id


def test_remove_and_undo(screen: TherapistScreen, script: Script) -> None:
    unlock(screen)
    editor = screen.editor
    saved = editor.draft

    def strength(plan: Plan) -> list[str]:  # phase 2 is shown: the patient is in it
        return [i.exercise_id for i in plan.phase(2).routine("strength").items]

    editor.panel.findChild(QPushButton, "remove-strength-0").click()  # type: ignore[union-attr]
    assert strength(editor.draft) == strength(saved)[1:]  # the first one is gone
    assert "Changes not saved yet" in editor.version.text()
    editor.undo_button.click()
    assert editor.draft == saved


def test_moving_a_phase_start(screen: TherapistScreen) -> None:
    unlock(screen)
    editor = screen.editor
    start = editor.panel.findChild(QDateEdit, "phase-start")  # type: ignore[union-attr]
    assert start is not None
    earlier = start.date().addDays(-7)
    start.setDate(earlier)
    draft = editor.draft
    assert draft is not None
    assert draft.phase_starts == ((2, date(earlier.year(), earlier.month(), earlier.day())),)
    start.setDate(QDate(2030, 1, 1))  # after phase 3 starts: refused, put back
    assert "must start before phase 3" in editor.message.text()
    assert start.date() == earlier


def test_a_surgeons_limit_removes_what_breaks_it_only_if_agreed(
    screen: TherapistScreen, script: Script
) -> None:
    unlock(screen)
    editor = screen.editor
    box = editor.settings.findChild(QCheckBox, "limit-neural-tension")  # type: ignore[union-attr]
    assert box is not None
    script.confirm = False
    box.setChecked(True)
    assert not box.isChecked()
    assert "Hamstring stretch with a strap (phase 2)" in script.confirmed[-1]
    script.confirm = True
    box.setChecked(True)
    draft = editor.draft
    assert draft is not None
    assert draft.extra_restrictions == frozenset({"neural-tension"})
    names = [i.exercise_id for i in draft.phase(2).routine("stretches").items]
    assert "hamstring-stretch" not in names


def test_the_surgeons_limits_from_the_profile_bind_the_editor(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, script: Script
) -> None:
    surgery = clock.now().date() - timedelta(weeks=7)
    plan = plan_from_protocol(ctx.content.protocols[Surgery.FUSION])
    profile = Profile("Lee", Surgery.FUSION, surgery, extra_restrictions=("floor",))
    ctx.active.set(ctx.repo.add_profile(profile, clock.now(), plan))
    widget = TherapistScreen(ctx)
    qtbot.addWidget(widget)
    unlock(widget)
    editor = widget.editor
    box = editor.settings.findChild(QCheckBox, "limit-floor")  # type: ignore[union-attr]
    assert box is not None and box.isChecked() and not box.isEnabled()
    assert "(set with the profile)" in box.text()
    script.exercise = "bird-dog"  # getting down to the floor
    editor.panel.findChild(QPushButton, "add-strength").click()  # type: ignore[union-attr]
    assert "your surgeon said: no getting down to the floor" in editor.message.text()
    widget.mode.lock()


def test_switching_profile_reloads_the_editor(
    screen: TherapistScreen, ctx: AppContext, clock: FakeClock
) -> None:
    unlock(screen)
    other = ctx.repo.add_profile(
        Profile("Kim", Surgery.DISCECTOMY, clock.now().date() - timedelta(days=3)),
        clock.now(),
        plan_from_protocol(ctx.content.protocols[Surgery.DISCECTOMY]),
    )
    ctx.active.set(other)
    assert screen.editor.title.text() == "Kim's plan"
    assert screen.editor.phase_number == 1


# -- plan files from the UI ----------------------------------------------------------------------
def click_import(qtbot: QtBot, editor: PlanEditor) -> None:
    """Import reads the file on a worker thread: wait for it to finish (no sleeps)."""
    with qtbot.waitSignal(editor.files.import_finished, timeout=10_000):
        editor.import_button.click()


def test_export_then_import_from_the_ui(
    qtbot: QtBot, screen: TherapistScreen, script: Script, ctx: AppContext, tmp_path: Path
) -> None:
    unlock(screen)
    editor = screen.editor
    script.path = tmp_path / "sam.rcplan.json"
    editor.export_button.click()
    data = json.loads(script.path.read_text(encoding="utf-8"))
    assert data["format"] == "rehab-coach-plan"
    data["plan"]["note"] = "<b>Walk</b> after lunch."
    data["plan"]["phases"][1]["routines"][0]["items"][0]["reps"] = 15
    script.path.write_text(json.dumps(data), encoding="utf-8")
    click_import(qtbot, editor)
    preview = script.previews[-1]
    lines = [f"{c.section}: {c.text}" for c in preview.changes]
    assert "Whole plan: New note from the therapist: <b>Walk</b> after lunch." in lines
    assert any(
        line.startswith("Phase 2: Early mobility: Strength exercises: Tummy bracing 15")
        for line in lines
    )
    assert preview.current_version == 1
    versions = ctx.repo.plan_versions(ctx.active.require().id or 0, ctx.content.catalogue)
    assert [v.version for v in versions] == [1, 2]
    assert versions[1].plan.note == "<b>Walk</b> after lunch."
    assert "now version 2" in editor.message.text()


def test_import_summary_shows_markup_as_text(qtbot: QtBot) -> None:
    from coach.domain.plan_diff import Change

    dialog = ImportSummary(
        ImportPreview("Sam", "<i>Alex</i>", "2 March 2026", [Change("Whole plan", "<b>x</b>")], 1)
    )
    qtbot.addWidget(dialog)
    line = dialog.change_labels[0]
    assert line.text() == "•  <b>x</b>"
    assert line.textFormat() == Qt.TextFormat.PlainText
    assert "From <i>Alex</i>" in visible_text(dialog)


def test_cancelled_or_bad_imports_change_nothing(
    qtbot: QtBot, screen: TherapistScreen, script: Script, ctx: AppContext, tmp_path: Path
) -> None:
    unlock(screen)
    editor = screen.editor
    script.path = tmp_path / "sam.rcplan.json"
    editor.export_button.click()
    before = db_dump(ctx)
    script.import_ok = False
    click_import(qtbot, editor)
    assert db_dump(ctx) == before
    bad = tmp_path / "bad.json"
    bad.write_bytes(script.path.read_bytes().replace(b'"reps": 10', b'"reps": true', 1))
    script.path = bad
    script.import_ok = True
    click_import(qtbot, editor)
    title, text = script.informed[-1]
    assert title == "Nothing was changed"
    assert text.startswith("plan file: phases[") and "must be a whole number" in text
    assert db_dump(ctx) == before


def test_print_the_handout_from_the_ui(
    screen: TherapistScreen, script: Script, tmp_path: Path
) -> None:
    unlock(screen)
    script.path = tmp_path / "handout"
    screen.editor.print_button.click()
    pdf = tmp_path / "handout.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert script.informed[-1][0] == "Handout saved"


def test_the_picker_uses_the_library_filters_and_greys_what_the_phase_restricts(
    qtbot: QtBot, ctx: AppContext
) -> None:
    plan = plan_from_protocol(ctx.content.protocols[Surgery.FUSION])
    picker = ExercisePicker(ctx.content.catalogue, phase_day(plan, 2))
    qtbot.addWidget(picker)

    def shown() -> dict[str, str]:
        rows = {}
        for row in range(picker.filter.rowCount()):
            index = picker.filter.index(row, 0)
            rows[picker.filter.data(index, ID_ROLE)] = picker.filter.data(index)
        return rows

    everything = shown()
    assert len(everything) == len(ctx.content.catalogue)
    assert everything["lower-trunk-rotation"].endswith("Not allowed now")  # twisting
    assert everything["prone-press-up"].endswith("Not allowed now")  # end-range; therapist-only
    assert not everything["bridge"].endswith("Not allowed now")
    assert everything["cat-camel"].endswith("Not allowed now")  # avoided after a fusion
    assert everything["dead-bug"].endswith("Not allowed now")  # not before week 12
    assert not everything["sciatic-nerve-glide"].endswith("Not allowed now")  # theirs to add
    assert picker.choose("cat-camel")
    assert picker.why_not.text() == (
        "Cat and camel is not done after a spinal fusion, unless your therapist adds it."
    )
    picker.allowed_only.setChecked(True)
    assert "lower-trunk-rotation" not in shown()
    assert "bridge" in shown()
    picker.search.setText("bridge")
    assert list(shown()) == ["bridge"]
    assert picker.chosen() == "bridge"
    picker.search.setText("")
    picker.allowed_only.setChecked(False)
    picker.category.setCurrentIndex(picker.category.findData("stretching"))
    assert all("Stretch" in text for text in shown().values())
    assert picker.choose("hamstring-stretch")
    assert picker.chosen() == "hamstring-stretch"
