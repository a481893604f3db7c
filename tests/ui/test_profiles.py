"""Several patients on one computer: the switcher in the rail, making a profile, and deleting
one only after its name is typed (with a backup made first)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile, Surgery
from coach.store import open_db
from coach.store.plans import resolve_plan
from coach.store.repository import Repository
from coach.ui.app import build_window
from coach.ui.context import AppContext
from coach.ui.onboarding.wizard import OnboardingDialog
from coach.ui.settings.profile_dialogs import DeleteProfileDialog
from coach.ui.settings.profile_switcher import ProfileSwitcher
from coach.ui.therapist.screen import TherapistScreen
from tests.scripted_dialogs import ScriptedDialogs


class Answers:
    """What the person answers: the new profile the wizard makes, and whether to delete."""

    def __init__(self, dialogs: ScriptedDialogs) -> None:
        self.new: Profile | None = None
        self.delete = False
        self._dialogs = dialogs

    @property
    def informed(self) -> list[str]:
        return [text for _title, text in self._dialogs.informed]


@pytest.fixture
def answers(ctx: AppContext, dialogs: ScriptedDialogs) -> Answers:
    answers = Answers(dialogs)

    def new_profile(dialog: OnboardingDialog) -> bool:
        """As the onboarding wizard does: save the profile with its plan, make it active."""
        if answers.new is None:
            return False
        plan = plan_from_protocol(ctx.content.protocols[answers.new.surgery])
        ctx.active.set(ctx.repo.add_profile(answers.new, ctx.clock.now(), plan))
        return True

    def confirm_delete(dialog: DeleteProfileDialog) -> bool:
        """Type the name (only the exact name enables Delete), then press Delete or Cancel."""
        nickname = ctx.active.require().nickname
        dialog.typed.setText(nickname)
        assert dialog.delete_button.isEnabled()
        return answers.delete

    dialogs.on(OnboardingDialog, new_profile)
    dialogs.on(DeleteProfileDialog, confirm_delete)
    return answers


def add(ctx: AppContext, clock: FakeClock, name: str, surgery: Surgery = Surgery.FUSION) -> Profile:
    plan = plan_from_protocol(ctx.content.protocols[surgery])
    day = clock.now().date() - timedelta(weeks=3)
    return ctx.repo.add_profile(Profile(name, surgery, day), clock.now(), plan)


@pytest.fixture
def switcher(qtbot: QtBot, ctx: AppContext, clock: FakeClock, answers: Answers) -> ProfileSwitcher:
    ann = add(ctx, clock, "Ann")
    add(ctx, clock, "Bob", Surgery.DISCECTOMY)
    ctx.active.set(ann)
    widget = ProfileSwitcher(ctx)
    qtbot.addWidget(widget)
    widget.resize(300, 120)
    widget.show()
    return widget


def test_lists_profiles_and_switches_the_active_one(
    qtbot: QtBot, switcher: ProfileSwitcher, ctx: AppContext
) -> None:
    actions = switcher.profile_actions()
    assert [a.text() for a in actions] == ["Ann", "Bob"]
    assert [a.isChecked() for a in actions] == [True, False]
    assert switcher.button.text().startswith("Ann")
    with qtbot.waitSignal(ctx.active.changed, timeout=1000):
        actions[1].trigger()
    assert ctx.active.require().nickname == "Bob"
    assert switcher.button.text().startswith("Bob")
    assert [a.isChecked() for a in switcher.profile_actions()] == [False, True]


def test_follows_a_switch_made_elsewhere(switcher: ProfileSwitcher, ctx: AppContext) -> None:
    bob = next(p for p in ctx.repo.profiles() if p.nickname == "Bob")
    ctx.active.set(bob)
    assert switcher.button.text().startswith("Bob")
    assert switcher.delete_action.text() == "Delete Bob…"


def test_a_long_name_is_shortened_to_fit_the_rail(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock
) -> None:
    ctx.active.set(add(ctx, clock, "Bartholomew-Alexander Featherstonehaugh"))
    widget = ProfileSwitcher(ctx)
    qtbot.addWidget(widget)
    widget.resize(220, 120)
    widget.show()
    shown = widget.button.text()
    assert shown.endswith("…")
    assert shown[:-1] and "Bartholomew-Alexander Featherstonehaugh".startswith(shown[:-1])
    room = widget.button.width() - 44
    assert widget.button.fontMetrics().horizontalAdvance(shown) <= room
    assert widget.button.toolTip() == "Bartholomew-Alexander Featherstonehaugh"
    widget.resize(900, 120)
    assert widget.button.text() == "Bartholomew-Alexander Featherstonehaugh"


def test_every_screen_follows_the_switch(
    qtbot: QtBot, qapp: QApplication, ctx: AppContext, clock: FakeClock
) -> None:
    ann = add(ctx, clock, "Ann")
    add(ctx, clock, "Bob", Surgery.DISCECTOMY)
    ctx.active.set(ann)
    window = build_window(qapp, ctx)
    qtbot.addWidget(window)
    switcher = window.findChild(ProfileSwitcher)
    assert switcher is not None
    screen = window.screen_widget("plan")
    assert isinstance(screen, TherapistScreen)
    assert screen.editor.title.text() == "Ann's plan"
    switcher.profile_actions()[1].trigger()
    assert screen.editor.title.text() == "Bob's plan"


def test_new_profile_gets_the_protocol_plan_and_becomes_active(
    switcher: ProfileSwitcher, answers: Answers, ctx: AppContext
) -> None:
    answers.new = Profile("Cy", Surgery.LAMINECTOMY, date(2025, 12, 1))
    switcher.new_action.trigger()
    active = ctx.active.require()
    assert active.nickname == "Cy"
    assert active.id is not None
    stored = resolve_plan(ctx.db, ctx.content, active)
    assert stored.version == 1
    assert stored.plan.surgery == Surgery.LAMINECTOMY
    assert switcher.button.text().startswith("Cy")
    assert [a.text() for a in switcher.profile_actions()] == ["Ann", "Bob", "Cy"]


def test_nothing_is_deleted_without_the_confirmation(
    switcher: ProfileSwitcher, answers: Answers, ctx: AppContext
) -> None:
    answers.delete = False
    switcher.delete_action.trigger()
    assert len(ctx.repo.profiles()) == 2
    assert not ctx.paths.backups.exists() or not any(ctx.paths.backups.iterdir())


def test_deleting_removes_the_profile_and_its_data_after_a_backup(
    switcher: ProfileSwitcher, answers: Answers, ctx: AppContext, clock: FakeClock
) -> None:
    ann = ctx.active.require()
    assert ann.id is not None
    ctx.repo.log_walking(ann.id, clock.now().date(), 15, clock.now())
    answers.delete = True
    switcher.delete_action.trigger()
    assert [p.nickname for p in ctx.repo.profiles()] == ["Bob"]
    assert ctx.active.require().nickname == "Bob"
    assert ctx.repo.plan_versions(ann.id, ctx.content.catalogue) == []
    assert ctx.repo.walking_minutes(ann.id, clock.now().date()) == 0
    backups = list(ctx.paths.backups.iterdir())
    assert len(backups) == 1
    assert "A backup made just before is kept" in answers.informed[-1]
    # the backup still holds Ann
    copy = open_db(backups[0])
    try:
        assert [p.nickname for p in Repository(copy).profiles()] == ["Ann", "Bob"]
    finally:
        copy.close()


def test_deleting_the_last_profile_leaves_none_active(
    switcher: ProfileSwitcher, answers: Answers, ctx: AppContext
) -> None:
    answers.delete = True
    switcher.delete_action.trigger()
    switcher.delete_action.trigger()
    assert ctx.repo.profiles() == []
    assert ctx.active.profile is None
    assert not switcher.delete_action.isEnabled()
    assert switcher.button.toolTip() == "No patient yet"


def test_the_delete_button_needs_the_exact_name(qtbot: QtBot) -> None:
    dialog = DeleteProfileDialog("Ann")
    qtbot.addWidget(dialog)
    assert not dialog.delete_button.isEnabled()
    dialog.typed.setText("ann")
    assert not dialog.delete_button.isEnabled()
    dialog.typed.setText("Ann")
    assert dialog.delete_button.isEnabled()


def test_new_patient_opens_the_onboarding_wizard(
    qtbot: QtBot, ctx: AppContext, dialogs: ScriptedDialogs
) -> None:
    opened: list[str] = []

    def leave(dialog: OnboardingDialog) -> bool:
        opened.append(dialog.windowTitle())
        return False  # the person left the wizard

    dialogs.on(OnboardingDialog, leave)
    switcher = ProfileSwitcher(ctx)
    qtbot.addWidget(switcher)
    switcher.new_action.trigger()
    assert opened == ["Welcome to Rehab Coach"]
    assert ctx.repo.profiles() == []  # cancelled: nothing made


def test_switcher_is_one_big_named_button(switcher: ProfileSwitcher, ctx: AppContext) -> None:
    assert switcher.button.minimumHeight() >= 44
    assert switcher.button.accessibleName() == ("Patient: Ann. Switch, add or delete a patient")
    long = ctx.repo.add_profile(
        Profile("Bartholomew-Alexander", Surgery.FUSION, date(2025, 12, 1)), ctx.clock.now()
    )
    switcher.resize(220, 120)
    ctx.active.set(long)
    assert switcher.button.text().endswith("…")
    assert switcher.button.text().startswith("Barth")
    assert switcher.button.toolTip() == "Bartholomew-Alexander"
