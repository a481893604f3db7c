"""The therapist's pain baseline (REFERENCE section 4): entered in therapist mode, used by
Progress instead of the mean of the first three sessions, and removable again."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from coach.demo.history import seed_history
from coach.domain.clock import FakeClock
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile, Surgery
from coach.domain.progress import build_progress, pain_baseline
from coach.domain.progress_text import pain_sentence
from coach.store.plans import resolve_plan
from coach.ui.context import AppContext
from coach.ui.therapist.baseline_card import PainBaselineCard


def make_card(qtbot: QtBot, ctx: AppContext) -> PainBaselineCard:
    card = PainBaselineCard(ctx)
    qtbot.addWidget(card)
    card.show()
    return card


def progress_sentence(ctx: AppContext, clock: FakeClock) -> str:
    """What the Progress screen says about back pain for the active patient."""
    profile = ctx.active.require()
    stored = resolve_plan(ctx.db, ctx.content, profile)
    data = ctx.stores.progress.progress_input(profile, stored.plan, clock.now().date())
    progress = build_progress(data)
    return pain_sentence(
        "back", progress.baselines["back"], progress.recent["back"], progress.changes["back"]
    )


@pytest.fixture
def seeded(ctx: AppContext, clock: FakeClock) -> Profile:
    """Twelve weeks of sessions with pain scores."""
    seed_history(ctx.db, ctx.content, clock.now(), weeks=12)
    profile = ctx.repo.profiles()[0]
    ctx.active.set(profile)
    return profile


def test_without_scores_the_first_three_sessions_are_shown(
    qtbot: QtBot, ctx: AppContext, seeded: Profile
) -> None:
    card = make_card(qtbot, ctx)
    sessions = ctx.stores.progress.session_facts(seeded.id or 0)
    back = pain_baseline(sessions, "back")
    assert back is not None
    assert card.used.text().startswith("Used now: the first three sessions, back ")
    assert f"back {back.value:.1f}" in card.used.text()
    assert not card.clear_button.isEnabled()
    assert card.scores["back"].text() == "Not set"
    assert not card.save_button.isEnabled()  # both scores first
    card.scores["back"].setValue(5)
    assert not card.save_button.isEnabled()
    card.scores["leg"].setValue(0)
    assert card.save_button.isEnabled()


def test_entered_scores_are_saved_and_progress_measures_from_them(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, seeded: Profile
) -> None:
    card = make_card(qtbot, ctx)
    assert "since your first sessions" in progress_sentence(ctx, clock)
    card.scores["back"].setValue(8)
    card.scores["leg"].setValue(7)
    with qtbot.waitSignal(ctx.active.data_changed, timeout=1000):
        card.save_button.click()
    assert ctx.stores.outcomes.pain_baseline(seeded.id or 0) == {"back": 8.0, "leg": 7.0}
    assert card.used.text() == "Used now: your scores, back 8 and leg 7."
    assert card.message.text() == "Saved. Progress now measures change from these scores."
    assert card.clear_button.isEnabled()
    assert "since the starting score your therapist entered" in progress_sentence(ctx, clock)


def test_going_back_to_the_first_sessions(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, seeded: Profile
) -> None:
    ctx.stores.outcomes.set_pain_baseline(seeded.id or 0, 6, 9, clock.now())
    card = make_card(qtbot, ctx)
    assert [card.scores[r].value() for r in ("back", "leg")] == [6, 9]
    card.clear_button.click()
    assert card.message.text() == "Progress now uses the first three sessions again."
    assert ctx.stores.outcomes.pain_baseline(seeded.id or 0) is None
    assert card.used.text().startswith("Used now: the first three sessions")
    assert "since your first sessions" in progress_sentence(ctx, clock)


def test_follows_the_patient_shown(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, seeded: Profile
) -> None:
    plan = plan_from_protocol(ctx.content.protocols[Surgery.DISCECTOMY])
    new = ctx.repo.add_profile(
        Profile("Bo", Surgery.DISCECTOMY, clock.now().date() - timedelta(days=3)), clock.now(), plan
    )
    ctx.stores.outcomes.set_pain_baseline(seeded.id or 0, 6, 9, clock.now())
    card = make_card(qtbot, ctx)
    ctx.active.set(new)
    assert card.used.text() == "Used now: nothing yet. The first three sessions will set it."
    assert not card.clear_button.isEnabled()
    assert [card.scores[r].value() for r in ("back", "leg")] == [-1, -1]  # not Sam's 6 and 9
    ctx.active.set(seeded)
    assert card.used.text() == "Used now: your scores, back 6 and leg 9."
