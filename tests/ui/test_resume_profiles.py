"""Resume for every profile: an unfinished session of any profile is offered, the shown one's
at start and another's when that profile is chosen; once a run per profile, never a session
started in this run."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile, Surgery
from coach.store.sessions import SessionRecord, SessionStore
from coach.ui.context import AppContext
from coach.ui.session.resume import PARTIAL, ResumeDialogs, ResumeOffers


class Asked(ResumeDialogs):
    records: list[SessionRecord] = []  # noqa: RUF012

    @staticmethod
    def ask(parent: QWidget, record: SessionRecord) -> str | None:
        Asked.records.append(record)
        return PARTIAL

    @staticmethod
    def inform(parent: QWidget, title: str, text: str) -> None:
        """ "Save what I did" says what it saved (issue 12); no box in tests."""


def _profile_with_unfinished(ctx: AppContext, name: str, clock: FakeClock) -> Profile:
    surgery = clock.now().date() - timedelta(weeks=8)
    plan = plan_from_protocol(ctx.content.protocols[Surgery.FUSION])
    profile = ctx.repo.add_profile(Profile(name, Surgery.FUSION, surgery), clock.now(), plan)
    assert profile.id is not None
    routine = plan.phases[0].routines[0]
    started = clock.now() - timedelta(hours=3)  # before this run of the app: a crash
    SessionStore(ctx.db).start_session(profile.id, None, routine.id, f"{name}'s", started)
    return profile


@pytest.fixture
def two(ctx: AppContext, clock: FakeClock) -> tuple[Profile, Profile]:
    Asked.records = []
    return _profile_with_unfinished(ctx, "Ann", clock), _profile_with_unfinished(ctx, "Bob", clock)


def test_each_profiles_unfinished_session_is_offered(
    qtbot: QtBot, ctx: AppContext, two: tuple[Profile, Profile]
) -> None:
    ann, bob = two
    window = QWidget()
    qtbot.addWidget(window)
    ctx.active.set(ann)
    offers = ResumeOffers(window, ctx, dialogs=Asked)
    assert offers.offer() == PARTIAL  # at start: the shown profile
    assert [r.routine_name for r in Asked.records] == ["Ann's"]

    with qtbot.waitSignal(offers.offered, timeout=5000):
        ctx.active.set(bob)  # choosing Bob offers Bob's
    assert [r.routine_name for r in Asked.records] == ["Ann's", "Bob's"]
    store = SessionStore(ctx.db)
    assert store.unfinished_session(bob.id or 0) is None  # saved as partly done

    ctx.active.set(ann)  # asked once a run only
    assert offers.offer() is None
    assert len(Asked.records) == 2


def test_a_session_started_in_this_run_is_never_offered(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock
) -> None:
    Asked.records = []
    window = QWidget()
    qtbot.addWidget(window)
    surgery = clock.now().date() - timedelta(weeks=8)
    plan = plan_from_protocol(ctx.content.protocols[Surgery.FUSION])
    cy = ctx.repo.add_profile(Profile("Cy", Surgery.FUSION, surgery), clock.now(), plan)
    offers = ResumeOffers(window, ctx, dialogs=Asked)
    clock.advance(60)
    routine = plan.phases[0].routines[0]
    SessionStore(ctx.db).start_session(cy.id or 0, None, routine.id, "live", clock.now())
    with qtbot.waitSignal(offers.offered, timeout=5000) as done:
        ctx.active.set(cy)
    assert done.args == [None]
    assert Asked.records == []
