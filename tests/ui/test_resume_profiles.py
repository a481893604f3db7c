"""Resume for every profile: an unfinished session of any profile is offered, the shown one's
at start and another's when that profile is chosen; once a run per profile, never a session
started in this run."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile, Surgery
from coach.ui.context import AppContext
from coach.ui.session.resume import PARTIAL, ResumeDialog, ResumeOffers
from tests.scripted_dialogs import ScriptedDialogs, scripted


def _profile_with_unfinished(ctx: AppContext, name: str, clock: FakeClock) -> Profile:
    surgery = clock.now().date() - timedelta(weeks=8)
    plan = plan_from_protocol(ctx.content.protocols[Surgery.FUSION])
    profile = ctx.repo.add_profile(Profile(name, Surgery.FUSION, surgery), clock.now(), plan)
    assert profile.id is not None
    routine = plan.phases[0].routines[0]
    started = clock.now() - timedelta(hours=3)  # before this run of the app: a crash
    ctx.stores.sessions.start_session(profile.id, None, routine.id, f"{name}'s", started)
    return profile


def save_what_i_did(dialogs: ScriptedDialogs) -> list[str]:
    """Answer every resume question with "Save what I did"; returns the sessions asked about."""
    asked: list[str] = []

    def answer(dialog: ResumeDialog) -> bool:
        said = " ".join(w.text() for w in dialog.findChildren(QLabel))
        asked.append(said[said.index("“") + 1 : said.index("”")])  # the routine's name
        dialog.buttons[PARTIAL].click()
        return True

    dialogs.on(ResumeDialog, answer)
    return asked


@pytest.fixture
def two(ctx: AppContext, clock: FakeClock) -> tuple[Profile, Profile]:
    return _profile_with_unfinished(ctx, "Ann", clock), _profile_with_unfinished(ctx, "Bob", clock)


def test_each_profiles_unfinished_session_is_offered(
    qtbot: QtBot, ctx: AppContext, two: tuple[Profile, Profile]
) -> None:
    ann, bob = two
    asked = save_what_i_did(scripted(ctx))
    window = QWidget()
    qtbot.addWidget(window)
    ctx.active.set(ann)
    offers = ResumeOffers(window, ctx)
    assert offers.offer() == PARTIAL  # at start: the shown profile
    assert asked == ["Ann's"]

    with qtbot.waitSignal(offers.offered, timeout=5000):
        ctx.active.set(bob)  # choosing Bob offers Bob's
    assert asked == ["Ann's", "Bob's"]
    store = ctx.stores.sessions
    assert store.unfinished_session(bob.id or 0) is None  # saved as partly done

    ctx.active.set(ann)  # asked once a run only
    assert offers.offer() is None
    assert len(asked) == 2


def test_a_session_started_in_this_run_is_never_offered(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock
) -> None:
    asked = save_what_i_did(scripted(ctx))
    window = QWidget()
    qtbot.addWidget(window)
    surgery = clock.now().date() - timedelta(weeks=8)
    plan = plan_from_protocol(ctx.content.protocols[Surgery.FUSION])
    cy = ctx.repo.add_profile(Profile("Cy", Surgery.FUSION, surgery), clock.now(), plan)
    offers = ResumeOffers(window, ctx)
    clock.advance(60)
    routine = plan.phases[0].routines[0]
    ctx.stores.sessions.start_session(cy.id or 0, None, routine.id, "live", clock.now())
    with qtbot.waitSignal(offers.offered, timeout=5000) as done:
        ctx.active.set(cy)
    assert done.args == [None]
    assert asked == []
