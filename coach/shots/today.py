"""Screenshots beyond the rail's one-per-screen: an exercise in the Library's detail view and
each page of the first-run wizard (``onboarding-1-welcome.png`` ...), for
``rehab-coach screenshot DIR``. Nothing is saved: the wizard is filled in but never finished."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QLocale

from coach.shots.compose import save_grab
from coach.ui.context import AppContext
from coach.ui.main_window import MainWindow
from coach.ui.onboarding.wizard import OnboardingWizard

DETAIL_EXERCISE = "bridge"
# Names typed in these pictures: data, shown as typed in every language.
FUSION_NAME = "Sam"
ONBOARDING_NAME = "Alex"


def render_library_detail(
    window: MainWindow, out_dir: Path, settle: Callable[[], None]
) -> list[Path]:
    """The Library with one exercise open in full."""
    from coach.ui.library.screen import LibraryScreen

    window.show_screen("library")
    screen = window.screen_widget("library")
    if not isinstance(screen, LibraryScreen):
        return []
    screen.show_exercise(DETAIL_EXERCISE)
    settle()
    return [save_grab(window, out_dir / "library-detail.png")]


def render_fusion_library(
    ctx: AppContext, out_dir: Path, settle: Callable[[], None], size: tuple[int, int]
) -> list[Path]:
    """The Library of a fusion patient in week 2 with "Allowed for me now" ticked, and the
    same list with everything shown (greyed with the reason). Adds a profile to the throwaway
    demo data, so it runs last."""
    from coach.domain.plan import plan_from_protocol
    from coach.domain.profile import Profile, Surgery
    from coach.ui.library.screen import LibraryScreen

    surgery_date = ctx.clock.now().date() - timedelta(days=10)
    plan = plan_from_protocol(ctx.content.protocols[Surgery.FUSION])
    profile = Profile(FUSION_NAME, Surgery.FUSION, surgery_date)
    ctx.active.set(ctx.repo.add_profile(profile, ctx.clock.now(), plan=plan))
    screen = LibraryScreen(ctx)
    screen.resize(*size)
    screen.show()
    written: list[Path] = []
    try:
        screen.refresh()
        screen.allowed_only.setChecked(True)
        settle()
        written.append(save_grab(screen, out_dir / "library-fusion-week-2.png"))
        screen.allowed_only.setChecked(False)
        screen.show_exercise("split-squat")
        settle()
        written.append(save_grab(screen, out_dir / "library-fusion-week-2-not-yet.png"))
    finally:
        screen.close()
        screen.deleteLater()
        settle()
    return written


def render_onboarding_screens(
    ctx: AppContext, out_dir: Path, settle: Callable[[], None], size: tuple[int, int]
) -> list[Path]:
    """Every wizard page, filled in as a patient would, in its own window."""
    wizard = OnboardingWizard(
        ctx, locale=QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    wizard.resize(*size)
    wizard.show()
    answers: dict[str, Callable[[], None]] = {
        "name": lambda: wizard.name.edit.setText(ONBOARDING_NAME),
        "surgery": lambda: wizard.surgery.choose("discectomy"),
        "date": lambda: wizard.date.set_surgery_date(ctx.clock.now().date() - timedelta(days=17)),
        "rules": lambda: wizard.rules.boxes["lumbar-rotation"].setChecked(True),
    }
    written: list[Path] = []
    try:
        for number, page in enumerate(wizard.pages, start=1):
            if wizard.current_page() is not page:
                break
            answers.get(page.key, lambda: None)()
            settle()
            written.append(save_grab(wizard, out_dir / f"onboarding-{number}-{page.key}.png"))
            if number < len(wizard.pages):
                wizard.next()
    finally:
        wizard.close()
        wizard.deleteLater()
        settle()
    return written
