"""First run: the wizard asks one thing a page, checks answers on the page, writes the profile and
its plan only at the end, and leaving (after asking) writes nothing. The app starts with it when
there is no profile."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot

from coach.domain.emergency import emergency_number_for
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Approach, Profile, Surgery
from coach.store.plans import resolve_plan
from coach.system.paths import DataPaths
from coach.ui import app as app_module
from coach.ui.common.appearance import apply_appearance
from coach.ui.context import AppContext
from coach.ui.onboarding.wizard import (
    OnboardingDialog,
    OnboardingWizard,
    default_emergency_number,
)
from tests.scripted_dialogs import ScriptedDialogs

TODAY = date(2026, 1, 5)
TODAY_NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def make_wizard(qtbot: QtBot, ctx: AppContext) -> OnboardingWizard:
    wizard = OnboardingWizard(ctx, locale=US)
    qtbot.addWidget(wizard)
    wizard.resize(1000, 760)
    with qtbot.waitExposed(wizard):
        wizard.show()
    return wizard


def error_shown(wizard: OnboardingWizard) -> str:
    return wizard.error.text() if wizard.error_box.isVisibleTo(wizard) else ""


def fill_in(wizard: OnboardingWizard, qtbot: QtBot) -> None:
    """Answer every page the way a patient would, mostly by keyboard."""
    qtbot.keyClick(wizard, Qt.Key.Key_Return)  # welcome: Enter = Let's start
    qtbot.keyClicks(wizard.name.edit, "Sam")
    qtbot.keyClick(wizard.name.edit, Qt.Key.Key_Return)
    wizard.surgery.buttons["fusion"].click()
    wizard.next_button.click()
    wizard.date.set_surgery_date(TODAY - timedelta(days=20))
    wizard.next_button.click()
    wizard.next_button.click()  # approach: "I don't know" is chosen already
    wizard.rules.boxes["floor"].click()
    wizard.next_button.click()
    wizard.next_button.click()  # emergency: the guess from the locale


def test_a_patient_goes_through_and_gets_a_profile_and_plan(qtbot: QtBot, ctx: AppContext) -> None:
    wizard = make_wizard(qtbot, ctx)
    assert wizard.step.text() == "Step 1 of 8"
    assert wizard.next_button.text() == "Let's start"
    assert not wizard.back_button.isVisibleTo(wizard)
    fill_in(wizard, qtbot)
    assert wizard.current_page() is wizard.summary
    assert wizard.next_button.text() == "Create my plan"
    shown = [w.text() for w in wizard.summary.findChildren(QLabel)]
    assert "Spinal fusion (two or more bones were joined)" in shown
    assert "No getting down to the floor" in shown
    assert "911" in shown and "Sam" in shown
    assert ctx.repo.profiles() == []  # nothing written yet
    with qtbot.waitSignal(wizard.profile_created, timeout=1000) as created:
        qtbot.keyClick(wizard, Qt.Key.Key_Enter)
    profile = created.args[0]
    assert isinstance(profile, Profile) and profile.id is not None
    assert ctx.active.profile == profile
    saved = ctx.repo.profiles()
    assert len(saved) == 1
    assert (saved[0].nickname, saved[0].surgery, saved[0].surgery_date) == (
        "Sam",
        Surgery.FUSION,
        TODAY - timedelta(days=20),
    )
    assert saved[0].approach is Approach.UNKNOWN
    assert saved[0].extra_restrictions == ("floor",)
    assert saved[0].emergency_number == "911"
    stored = resolve_plan(ctx.db, ctx.content, saved[0])
    assert stored.is_stored and stored.author == "protocol"
    assert stored.plan == plan_from_protocol(ctx.content.protocols[Surgery.FUSION])


def test_answers_are_checked_on_the_page(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.repo.add_profile(Profile("Sam", Surgery.FUSION, TODAY), ctx.clock.now())
    wizard = make_wizard(qtbot, ctx)
    wizard.next()
    wizard.next()
    assert wizard.current_page() is wizard.name
    assert error_shown(wizard) == "Please type a name, for example Sam."
    wizard.name.edit.setText("sam ")
    wizard.next()
    assert "already a profile called sam" in error_shown(wizard)
    wizard.name.edit.setText("x" * 41)
    wizard.next()
    assert "shorter name" in error_shown(wizard)
    wizard.name.edit.setText("Ann")
    wizard.next()
    assert wizard.current_page() is wizard.surgery and not error_shown(wizard)
    wizard.next()
    assert error_shown(wizard) == "Please choose the operation you had."
    wizard.surgery.choose("discectomy")
    for _ in range(4):
        wizard.next()
    assert wizard.current_page() is wizard.emergency
    wizard.emergency.edit.setText("call 911")
    wizard.next()
    assert "digits only" in error_shown(wizard)
    assert wizard.current_page() is wizard.emergency


def test_back_keeps_answers(qtbot: QtBot, ctx: AppContext) -> None:
    wizard = make_wizard(qtbot, ctx)
    fill_in(wizard, qtbot)
    for _ in range(6):
        wizard.back_button.click()
    assert wizard.current_page() is wizard.name
    assert wizard.name.edit.text() == "Sam"
    wizard.next()
    assert wizard.surgery.chosen() == "fusion"


def test_surgery_date_limits_and_words(qtbot: QtBot, ctx: AppContext) -> None:
    wizard = make_wizard(qtbot, ctx)
    page = wizard.date
    assert page.surgery_date() == TODAY
    assert page.when.text() == "That is today."
    page.set_surgery_date(TODAY - timedelta(days=21))
    assert page.when.text() == "That was 3 weeks ago: this is week 4 after surgery."
    page.set_surgery_date(TODAY + timedelta(days=5))
    assert page.when.text() == "That is in 5 days. Your plan starts on that day."
    page.set_surgery_date(TODAY + timedelta(days=400))  # the far future cannot be picked
    assert page.surgery_date() == TODAY + timedelta(days=183)
    assert page.problem() is None


def test_escape_asks_and_leaving_writes_nothing(
    qtbot: QtBot, ctx: AppContext, dialogs: ScriptedDialogs
) -> None:
    wizard = make_wizard(qtbot, ctx)
    fill_in(wizard, qtbot)
    dialogs.leave_answer = False
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert dialogs.asked == ["Stop setting up?"] and wizard.isVisible()
    dialogs.leave_answer = True
    with qtbot.waitSignal(wizard.cancelled, timeout=1000):
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert ctx.repo.profiles() == [] and ctx.active.profile is None


def test_dialog_close_asks_first(qtbot: QtBot, ctx: AppContext, dialogs: ScriptedDialogs) -> None:
    dialog = OnboardingDialog(ctx, locale=US)
    qtbot.addWidget(dialog)
    dialog.show()
    dialogs.leave_answer = False
    dialog.reject()
    assert dialog.isVisible() and dialogs.asked == ["Stop setting up?"]
    dialogs.leave_answer = True
    dialog.close()
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert ctx.repo.profiles() == []


@pytest.mark.parametrize(
    ("country", "number"),
    [
        (QLocale.Country.UnitedStates, "911"),
        (QLocale.Country.Canada, "911"),
        (QLocale.Country.UnitedKingdom, "999"),
        (QLocale.Country.Ireland, "112"),
        (QLocale.Country.Australia, "000"),
        (QLocale.Country.NewZealand, "111"),
        (QLocale.Country.Germany, "112"),
        (QLocale.Country.France, "112"),
    ],
)
def test_emergency_number_by_country(country: QLocale.Country, number: str) -> None:
    assert default_emergency_number(QLocale(QLocale.Language.English, country)) == number


def test_emergency_number_fallback() -> None:
    assert emergency_number_for("") == "112"
    assert emergency_number_for("us") == "911"


def test_every_page_has_big_targets_and_scales_to_200_percent(
    qtbot: QtBot, ctx: AppContext, qapp: QApplication
) -> None:
    wizard = make_wizard(qtbot, ctx)
    small = wizard.title.fontInfo().pixelSize()
    apply_appearance(qapp, 200, "light")
    qtbot.waitUntil(lambda: wizard.title.fontInfo().pixelSize() > small * 1.6)
    wizard.name.edit.setText("Sam")
    wizard.surgery.choose("laminectomy")
    for page in wizard.pages:
        assert wizard.current_page() is page
        targets = [b for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page)]
        targets += [wizard.next_button] + (
            [wizard.back_button] if page is not wizard.welcome else []
        )
        for target in targets:
            assert target.sizeHint().height() >= 44, target.text()
            assert target.focusPolicy() != Qt.FocusPolicy.NoFocus
            assert target.text() or target.accessibleName()
        focus = page.focus_widget()
        if focus is not None:
            assert focus.hasFocus() or not wizard.isActiveWindow()
            assert focus.accessibleName() or isinstance(focus, QAbstractButton)
        if page is not wizard.summary:
            wizard.next()


def test_app_starts_with_onboarding_when_there_is_no_profile(
    monkeypatch: pytest.MonkeyPatch, data_paths: DataPaths, qapp: QApplication
) -> None:
    calls: list[str] = []

    class WindowBuiltError(Exception):
        pass

    def fake_build_window(_app: QApplication, ctx: AppContext) -> None:
        calls.append(f"window for {ctx.active.profile.nickname if ctx.active.profile else None}")
        raise WindowBuiltError

    def cancel(ctx: AppContext) -> bool:
        calls.append("onboarding")
        return False

    def create(ctx: AppContext) -> bool:
        calls.append("onboarding")
        ctx.active.set(ctx.repo.add_profile(Profile("Sam", Surgery.FUSION, TODAY), TODAY_NOW))
        return True

    monkeypatch.setattr(app_module, "setup_logging", lambda _logs: None)
    monkeypatch.setattr(app_module, "route_qt_messages", lambda: None)
    monkeypatch.setattr(app_module, "apply_appearance", lambda *_args: None)  # keep 100%
    monkeypatch.setattr(app_module, "build_window", fake_build_window)
    monkeypatch.setattr("coach.ui.onboarding.wizard.run_onboarding", cancel)
    assert app_module.run_app(data_paths) == 0
    assert calls == ["onboarding"]  # left: no main window, nothing saved
    monkeypatch.setattr("coach.ui.onboarding.wizard.run_onboarding", create)
    with pytest.raises(WindowBuiltError):
        app_module.run_app(data_paths)
    assert calls == ["onboarding", "onboarding", "window for Sam"]
    calls.clear()
    with pytest.raises(WindowBuiltError):
        app_module.run_app(data_paths)  # a profile exists: straight to the main window
    assert calls == ["window for Sam"]


def test_screenshots_of_every_onboarding_page_and_a_library_detail(
    qtbot: QtBot, ctx: AppContext, qapp: QApplication, tmp_path: Path
) -> None:
    """``rehab-coach screenshot`` adds these to the rail's screens (tests/ui/test_app_shell)."""
    from coach.shots.today import render_library_detail, render_onboarding_screens
    from coach.ui.main_window import MainWindow
    from coach.ui.screens import build_screens

    def settle() -> None:
        qapp.processEvents()

    written = render_onboarding_screens(ctx, tmp_path, settle, (1280, 800))
    assert [p.name for p in written] == [
        f"onboarding-{i}-{key}.png" for i, key in enumerate(ONBOARDING_KEYS, start=1)
    ]
    assert ctx.repo.profiles() == []  # filled in, never saved
    window = MainWindow(build_screens(ctx, lambda: None))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    written += render_library_detail(window, tmp_path, settle)
    assert written[-1].name == "library-detail.png"
    for path in written:
        image = QImage(str(path))
        assert image.width() >= 1000 and image.height() >= 600
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 41)
            for y in range(0, image.height(), 41)
        }
        assert len(colours) > 3, path.name  # not a blank page


ONBOARDING_KEYS = (
    "welcome",
    "name",
    "surgery",
    "date",
    "approach",
    "rules",
    "emergency",
    "summary",
)
