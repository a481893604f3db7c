"""A therapist's afternoon, end to end: make a profile, adjust a fusion plan in phase 2, export
it, import it on another data folder, and print the handout."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.qtbot import QtBot

from coach.cli import run
from coach.domain.catalogue import Dosage
from coach.domain.clock import FakeClock
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile, Surgery
from coach.store import open_db
from coach.store.plans import resolve_plan
from coach.store.repository import Repository
from coach.system.paths import DataPaths
from coach.ui.app import build_window
from coach.ui.context import AppContext
from coach.ui.onboarding.wizard import OnboardingDialog
from coach.ui.settings.profile_switcher import ProfileSwitcher
from coach.ui.therapist.dialogs import ReasonDialog
from coach.ui.therapist.dose_dialog import DoseDialog
from coach.ui.therapist.exercise_picker import ExercisePicker
from coach.ui.therapist.pin_dialog import NewPinDialog
from coach.ui.therapist.screen import TherapistScreen
from tests.scripted_dialogs import scripted

REASON = "Eases your leg pain; we tried it together on Monday."


def test_make_adjust_export_import_and_print(
    qtbot: QtBot,
    qapp: QApplication,
    ctx: AppContext,
    clock: FakeClock,
    *,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    surgery_day = clock.now().date() - timedelta(weeks=7)  # fusion phase 2 today
    plan_file = tmp_path / "pat.rcplan.json"
    answers: dict[str, Any] = {
        "new_profile": Profile("Pat", Surgery.FUSION, surgery_day),
        "dose": Dosage(sets=2, reps=12, hold_s=5, rest_s=45),
        "path": plan_file,
    }

    def onboarding(dialog: OnboardingDialog) -> bool:
        """What the onboarding wizard does when finished: save the profile and its plan."""
        profile = answers["new_profile"]
        plan = plan_from_protocol(ctx.content.protocols[profile.surgery])
        ctx.active.set(ctx.repo.add_profile(profile, ctx.clock.now(), plan))
        return True

    pin_set: list[bool] = []

    def new_pin(dialog: NewPinDialog) -> bool:
        dialog.first.setText("2580")
        dialog.second.setText("2580")
        dialog.save_button.click()
        pin_set.append(dialog.result() == QDialog.DialogCode.Accepted)
        return pin_set[-1]

    def choose_exercise(dialog: ExercisePicker) -> bool:
        dialog.allowed_only.setChecked(False)
        return dialog.choose("prone-press-up")

    def ask_reason(dialog: ReasonDialog) -> bool:
        dialog.reason.setPlainText(REASON)
        return True

    def edit_dose(dialog: DoseDialog) -> bool:
        for name, box in dialog.boxes.items():
            box.setValue(getattr(answers["dose"], name))
        return True

    dialogs = scripted(ctx)
    dialogs.path = answers["path"]
    dialogs.on(OnboardingDialog, onboarding)
    dialogs.on(NewPinDialog, new_pin)
    dialogs.on(ExercisePicker, choose_exercise)
    dialogs.on(ReasonDialog, ask_reason)
    dialogs.on(DoseDialog, edit_dose)

    # 1. a new profile, from the rail
    window = build_window(qapp, ctx)
    qtbot.addWidget(window)
    switcher = window.findChild(ProfileSwitcher)
    assert switcher is not None
    switcher.new_action.trigger()
    assert ctx.active.require().nickname == "Pat"

    # 2. therapist mode: set a PIN, adjust phase 2, save
    window.show_screen("plan")
    screen = window.screen_widget("plan")
    assert isinstance(screen, TherapistScreen)
    screen.unlock_button.click()
    assert pin_set == [True] and screen.mode.is_unlocked
    editor = screen.editor
    assert editor.phase_number == 2
    panel = editor.panel
    assert panel is not None
    panel.findChild(QPushButton, "add-stretches").click()  # type: ignore[union-attr]
    editor.panel.findChild(QPushButton, "dose-strength-0").click()  # type: ignore[union-attr]
    editor.save_button.click()
    saved = editor.stored
    assert saved is not None and saved.version == 2

    # 3. export
    editor.export_button.click()
    assert plan_file.exists()
    screen.mode.lock()

    # 4. import on another data folder (a profile for the same patient made there first)
    other = DataPaths(tmp_path / "clinic-laptop")
    db = open_db(other.database)
    try:
        Repository(db).add_profile(Profile("Pat", Surgery.FUSION, surgery_day), clock.now())
    finally:
        db.close()
    assert run(["--data-dir", str(other.root), "plan", "import", str(plan_file)]) == 0
    db = open_db(other.database)
    try:
        pat = Repository(db).profile(1)
        assert pat is not None
        imported = resolve_plan(db, ctx.content, pat)
    finally:
        db.close()
    assert imported.is_stored
    assert imported.plan == saved.plan
    stretches = imported.plan.phase(2).routine("stretches").items
    assert (stretches[-1].exercise_id, stretches[-1].reason) == ("prone-press-up", REASON)

    # 5. the handout, printed there
    pdf = tmp_path / "pat.pdf"
    day = (surgery_day + timedelta(weeks=7)).isoformat()
    argv = ["--data-dir", str(other.root), "plan", "print", "--out", str(pdf), "--date", day]
    assert run(argv) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
        ).stdout
        words = " ".join(unicodedata.normalize("NFKC", text).split())
        assert "Phase 2: Early mobility" in words
        assert f"Your therapist added this: {REASON}" in words
        assert "2 sets of 12 times, hold 5 seconds" in words
