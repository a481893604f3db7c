"""Screenshots of profiles and therapist mode for ``rehab-coach screenshot DIR``: the profile
switcher, deleting a profile, the PIN prompt after a wrong try, the plan editor with a refused
exercise and its message, the pain baseline, and the import summary."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from coach.domain.allowed import phase_day
from coach.domain.plan_diff import summarise_changes
from coach.domain.plan_edit import add_exercise, set_dosage, set_note
from coach.domain.profile import Profile, Surgery
from coach.shots.compose import over_window
from coach.ui.context import AppContext
from coach.ui.main_window import MainWindow
from coach.ui.settings.profile_dialogs import DeleteProfileDialog
from coach.ui.settings.profile_switcher import ProfileSwitcher
from coach.ui.therapist.exercise_picker import ExercisePicker
from coach.ui.therapist.file_actions import made_when
from coach.ui.therapist.import_summary import ImportPreview, ImportSummary
from coach.ui.therapist.pin_dialog import PinDialog
from coach.ui.therapist.screen import TherapistScreen

SHOT_PIN = "2468"


class _Camera:
    def __init__(self, window: MainWindow, out_dir: Path, settle: Callable[[], None]) -> None:
        self.window = window
        self.out_dir = out_dir
        self.settle = settle
        self.written: list[Path] = []

    def save(self, picture: QPixmap, name: str) -> None:
        path = self.out_dir / f"{name}.png"
        if not picture.save(str(path)):
            raise OSError(f"could not write {path}")
        self.written.append(path)

    def window_shot(self, name: str) -> None:
        self.settle()
        self.save(self.window.grab(), name)

    def dialog_shot(self, dialog: QWidget, name: str, size: tuple[int, int]) -> None:
        """The dialog at ``size`` or the size it asks for if larger (as it opens in the app),
        never larger than the window. Polished first, as showing it does: the text styles
        (a heading's bigger font) change the size it asks for."""
        dialog.ensurePolished()
        dialog.adjustSize()
        width = min(max(size[0], dialog.width()), self.window.width())
        height = max(size[1], dialog.height())
        layout = dialog.layout()
        if layout is not None and layout.hasHeightForWidth():  # adjustSize stops at 2/3 screen
            height = max(height, layout.totalHeightForWidth(width))
        dialog.resize(width, min(height, self.window.height()))
        dialog.show()
        self.settle()
        self.save(over_window(self.window.grab(), dialog.grab()), name)
        dialog.close()
        dialog.deleteLater()


# What a therapist or patient typed in these pictures: data, shown as typed in every language.
SECOND_PROFILE = "Kim"
REASON = "Eases your leg pain; we tried it together."
NOTE = "Walk after lunch every day. Call me if anything worries you."
THERAPIST = "Alex Moreno"
CREATED = datetime(2026, 3, 2, 10, 15)  # when the plan file was made: a date, in the language
TYPED = (SECOND_PROFILE, REASON, NOTE, THERAPIST)


def render_therapist_screens(
    ctx: AppContext, window: MainWindow, out_dir: Path, settle: Callable[[], None]
) -> list[Path]:
    """Uses the (throwaway) demo folder: adds a second profile and sets a PIN there."""
    profile = ctx.active.profile
    if profile is None or profile.id is None:
        return []
    camera = _Camera(window, out_dir, settle)
    ctx.repo.add_profile(
        Profile(SECOND_PROFILE, Surgery.DISCECTOMY, profile.surgery_date), ctx.clock.now()
    )
    ctx.active.set(ctx.repo.profile(profile.id))
    window.show_screen("plan")
    screen = window.screen_widget("plan")
    assert isinstance(screen, TherapistScreen)
    _switcher_shot(camera)
    delete = DeleteProfileDialog(SECOND_PROFILE, window)
    delete.typed.setText("Ki")
    camera.dialog_shot(delete, "profile-delete", (640, 320))

    screen.mode.set_pin(SHOT_PIN)
    screen.mode.lock()
    pin = PinDialog(screen.mode, window)
    pin.pin.setText("1111")
    pin.open_button.click()
    camera.dialog_shot(pin, "therapist-pin", (560, 360))
    screen.mode.try_unlock(SHOT_PIN)
    try:
        _editor_shots(screen, camera, profile)
    finally:
        screen.mode.lock()
    return camera.written


def _switcher_shot(camera: _Camera) -> None:
    """The window with the patient menu open under the rail's Patient button."""
    switcher = camera.window.findChild(ProfileSwitcher)
    if switcher is None:
        camera.window_shot("profile-switcher")
        return
    under = QPoint(0, switcher.button.height())
    switcher.menu.popup(switcher.button.mapToGlobal(under))
    camera.settle()
    picture = camera.window.grab()
    painter = QPainter(picture)
    painter.drawPixmap(switcher.button.mapTo(camera.window, under), switcher.menu.grab())
    painter.end()
    switcher.menu.hide()
    camera.save(picture, "profile-switcher")


def _editor_shots(screen: TherapistScreen, camera: _Camera, profile: Profile) -> None:
    editor = screen.editor
    editor.show_phase(2)
    editor.items.add("stretches", "lower-trunk-rotation", ask_reason=False)
    camera.window_shot("therapist-editor")
    if editor.panel is not None:
        add_button = editor.panel.findChild(QWidget, "add-stretches")
        if add_button is not None:
            editor.scroll_to(add_button)
            camera.window_shot("therapist-editor-exercises")
    editor.scroll_to(screen.baseline)
    camera.window_shot("therapist-baseline")
    current = editor.stored
    assert current is not None
    owner = editor.profile
    when = phase_day(current.plan, 2, owner.surgery_date if owner else None, editor.profile_limits)
    picker = ExercisePicker(editor.catalogue, when, camera.window)
    picker.search.setText("knee")
    camera.dialog_shot(picker, "therapist-add-exercise", (760, 600))
    first = current.plan.phase(2).routines[0]
    plan = set_dosage(current.plan, 2, first.id, 0, replace(first.items[0].dosage, sets=2))
    plan = add_exercise(
        plan,
        editor.catalogue,
        2,
        "stretches",
        "prone-press-up",
        reason=REASON,
    )
    plan = set_note(plan, NOTE)
    preview = ImportPreview(
        nickname=profile.nickname,
        therapist=THERAPIST,
        created=made_when(CREATED),
        changes=summarise_changes(current.plan, plan, editor.catalogue, profile.surgery_date),
        current_version=current.version,
    )
    camera.dialog_shot(ImportSummary(preview, camera.window), "therapist-import", (860, 620))
