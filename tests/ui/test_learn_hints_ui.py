"""Help in context on Today: one card suggesting a topic when its condition holds (and none
otherwise), below the routines so Start stays first; "Read it" opens the topic on the Learn
page; "Not now" hides it for good (kept in the database)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.pain import Pain
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile, Surgery
from coach.ui.context import AppContext
from coach.ui.learn.cards import LearnHintCard
from coach.ui.learn.screen import LearnScreen
from coach.ui.main_window import MainWindow
from coach.ui.screens import build_screens
from coach.ui.today.screen import TodayScreen

TODAY = date(2026, 1, 5)  # the FakeClock's day


def add_patient(ctx: AppContext, days_ago: int) -> int:
    plan = plan_from_protocol(ctx.content.protocols[Surgery.DISCECTOMY])
    profile = Profile("Ann", Surgery.DISCECTOMY, TODAY - timedelta(days=days_ago))
    saved = ctx.repo.add_profile(profile, ctx.clock.now(), plan=plan)
    ctx.active.set(saved)
    assert saved.id is not None
    return saved.id


def record_session(ctx: AppContext, clock: FakeClock, profile_id: int, back: int, leg: int) -> None:
    store = ctx.stores.sessions
    session = store.start_session(profile_id, None, "daily", "Daily", clock.now())
    store.record_pain(session, "before", Pain(back, leg), clock.now())
    store.record_pain(session, "after", Pain(back, leg), clock.now())
    store.finish_session(session, "done", clock.now())


def open_window(qtbot: QtBot, ctx: AppContext, restyle: Callable[[], None]) -> MainWindow:
    window = MainWindow(build_screens(ctx, restyle))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitExposed(window):
        window.show()
    return window


def hint_card(qtbot: QtBot, window: MainWindow) -> LearnHintCard:
    today = window.screen_widget("today")
    qtbot.waitUntil(lambda: today.findChild(LearnHintCard) is not None)  # after first paint
    card = today.findChild(LearnHintCard)
    assert card is not None
    return card


def test_no_card_when_nothing_fits(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, restyle: Callable[[], None]
) -> None:
    profile_id = add_patient(ctx, days_ago=10)
    record_session(ctx, clock, profile_id, back=4, leg=2)
    card = hint_card(qtbot, open_window(qtbot, ctx, restyle))
    assert card.hint is None
    assert not card.isVisibleTo(card.parentWidget())


def test_leg_pain_worse_than_back_suggests_the_leg_topic_and_read_opens_it(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, restyle: Callable[[], None]
) -> None:
    profile_id = add_patient(ctx, days_ago=10)
    window = open_window(qtbot, ctx, restyle)
    card = hint_card(qtbot, window)
    assert not card.isVisibleTo(card.parentWidget())
    record_session(ctx, clock, profile_id, back=2, leg=5)  # the card follows the new record
    assert card.isVisibleTo(card.parentWidget())
    assert card.read_button.text() == "Read: Why does my leg still hurt?"
    today = window.screen_widget("today")
    assert isinstance(today, TodayScreen)
    start = today.routine_cards()[0].start_button
    assert (
        start.mapTo(today, start.rect().topLeft()).y()
        < card.mapTo(today, card.rect().topLeft()).y()
    )
    card.read_button.click()
    assert window.current_key() == "learn"
    learn = window.screen_widget("learn")
    assert isinstance(learn, LearnScreen)
    current = learn.current_topic()
    assert current is not None and current.id == "leg-pain"


def test_not_now_hides_the_card_for_good_and_a_new_reason_shows(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, restyle: Callable[[], None]
) -> None:
    profile_id = add_patient(ctx, days_ago=30)  # four weeks after surgery
    record_session(ctx, clock, profile_id, back=1, leg=6)
    window = open_window(qtbot, ctx, restyle)
    card = hint_card(qtbot, window)
    assert card.hint is not None and card.hint.topic_id == "leg-pain"
    card.dismiss_button.click()
    assert card.hint is not None and card.hint.topic_id == "will-it-come-back"
    card.dismiss_button.click()
    assert card.hint is None and not card.isVisibleTo(card.parentWidget())
    QApplication.processEvents()
    again = LearnHintCard(ctx)  # a new start reads the dismissals from the database
    qtbot.addWidget(again)
    assert again.hint is None


def test_a_flare_suggests_coping(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, restyle: Callable[[], None]
) -> None:
    profile_id = add_patient(ctx, days_ago=10)
    store = ctx.stores.sessions
    session = store.start_session(profile_id, None, "daily", "Daily", clock.now())
    store.record_pain(session, "before", Pain(3, 3), clock.now())
    store.record_pain(session, "after", Pain(6, 3), clock.now())
    store.finish_session(session, "done", clock.now())
    card = hint_card(qtbot, open_window(qtbot, ctx, restyle))
    assert card.hint is not None and card.hint.topic_id == "coping-with-pain"
