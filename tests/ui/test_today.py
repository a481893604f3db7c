"""Today: week and phase, a card per routine due with Start and done ticks, the surgeon's rules,
walking against the goal, what comes next; it follows the profile, its data and the calendar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QBoxLayout, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile, Surgery
from coach.ui.common.appearance import apply_appearance
from coach.ui.common.widgets import label
from coach.ui.context import AppContext
from coach.ui.today.screen import TodayScreen

TODAY = date(2026, 1, 5)  # the FakeClock's day


def add_patient(
    ctx: AppContext,
    *,
    days_ago: int = 16,
    surgery: Surgery = Surgery.FUSION,
    rules: tuple[str, ...] = (),
    nickname: str = "Ann",
    note: str = "",
    emergency_number: str = "112",
) -> Profile:
    plan = replace(plan_from_protocol(ctx.content.protocols[surgery]), note=note)
    profile = Profile(
        nickname,
        surgery,
        TODAY - timedelta(days=days_ago),
        extra_restrictions=rules,
        emergency_number=emergency_number,
    )
    saved = ctx.repo.add_profile(profile, ctx.clock.now(), plan=plan)
    ctx.active.set(saved)
    return saved


def make_screen(qtbot: QtBot, ctx: AppContext) -> TodayScreen:
    screen = TodayScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1200, 900)
    with qtbot.waitExposed(screen):
        screen.show()
    return screen


def texts(screen: TodayScreen) -> list[str]:
    return [w.text() for w in screen.findChildren(QLabel) if w.isVisibleTo(screen)]


def card_texts(screen: TodayScreen, index: int) -> list[str]:
    card = screen.routine_cards()[index]
    return [w.text() for w in card.findChildren(QLabel) if w.isVisibleTo(card)]


def test_week_phase_routines_and_next_phase(qtbot: QtBot, ctx: AppContext) -> None:
    add_patient(ctx, days_ago=16)
    screen = make_screen(qtbot, ctx)
    assert screen.heading.text() == "Week 3 after your spinal fusion"
    assert screen.phase.text() == "Phase 1: Protect (from day 0). Today is day 16 after surgery."
    assert "Hello, Ann. Today is Monday 5 January." in texts(screen)
    cards = screen.routine_cards()
    assert [c.name.text() for c in cards] == ["Daily exercises", "Moving safely"]
    daily = card_texts(screen, 0)
    assert "Ankle pumps\n15 times" in daily
    assert any(t.startswith("About ") and "twice today" in t for t in daily)
    assert cards[0].status.text() == "Not done yet"
    assert "•  Do not lie on your front." in texts(screen)
    assert screen.next_card.text.text() == (
        "Phase 2: Early mobility starts on 31 January (in about 4 weeks)."
    )
    assert not screen.note.isVisibleTo(screen)


def test_small_figures_come_just_after_the_first_paint(qtbot: QtBot, ctx: AppContext) -> None:
    add_patient(ctx)
    screen = make_screen(qtbot, ctx)
    qtbot.waitUntil(lambda: not any(c.figures_pending() for c in screen.routine_cards()))
    pictures = [
        w
        for w in screen.routine_cards()[0].findChildren(QLabel)
        if w.accessibleName().startswith("Drawing of ")
    ]
    assert [p.accessibleName() for p in pictures][:2] == [
        "Drawing of Ankle pumps",
        "Drawing of Tummy bracing",
    ]
    assert len(pictures) == 4 and all(not p.pixmap().isNull() for p in pictures)


def test_start_asks_for_that_routine(qtbot: QtBot, ctx: AppContext) -> None:
    add_patient(ctx)
    screen = make_screen(qtbot, ctx)
    start = screen.routine_cards()[1].start_button
    assert start.accessibleName() == "Start Moving safely"
    with qtbot.waitSignal(screen.start_requested, timeout=1000) as signal:
        start.click()
    assert signal.args == ["moving"]


def test_done_sessions_tick_the_card(qtbot: QtBot, ctx: AppContext, clock: FakeClock) -> None:
    profile = add_patient(ctx)
    assert profile.id is not None
    screen = make_screen(qtbot, ctx)
    sessions = ctx.stores.sessions

    def finish(routine: str) -> None:
        session = sessions.start_session(profile.id or 0, None, routine, routine, clock.now())
        sessions.finish_session(session, "done", clock.now())

    daily = screen.routine_cards()[0]
    finish("daily")
    assert daily.status.text() == "Done 1 of 2 times"
    assert daily.start_button.text() == "Start"
    finish("daily")
    assert screen.routine_cards()[0] is daily  # updated in place: focus stays put
    assert daily.status.text() == "✓ Done today"
    assert daily.start_button.text() == "Do it again"


def test_surgeons_rule_leaves_an_exercise_out_and_says_why(qtbot: QtBot, ctx: AppContext) -> None:
    add_patient(ctx, days_ago=7 * 14, rules=("floor",))  # phase 3 with bird dog on the floor
    screen = make_screen(qtbot, ctx)
    core = next(c for c in screen.routine_cards() if c.name.text() == "Core exercises")
    shown = [w.text() for w in core.findChildren(QLabel) if w.isVisibleTo(core)]
    assert not any(t.startswith("Bird dog\n") for t in shown)
    assert "Bird dog is left out, because your surgeon said: no getting down to the floor." in (
        shown
    )
    assert any(t.startswith("Bridge\n") for t in shown)


def test_walking_buttons_log_and_undo(qtbot: QtBot, ctx: AppContext) -> None:
    profile = add_patient(ctx, days_ago=21)  # fusion week 4: 20 minutes in 3 walks
    assert profile.id is not None
    screen = make_screen(qtbot, ctx)
    walking = screen.walking
    assert walking.goal.text() == "Goal today: 20 minutes, in 3 walks of about 7 minutes"
    assert walking.done.text() == "0 of 20 minutes"
    assert not walking.undo_button.isEnabled()
    add10 = screen.findChild(QPushButton, "walk-add-10")
    assert add10 is not None and add10.accessibleName() == "Add 10 minutes of walking"
    add10.click()
    assert ctx.repo.walking_minutes(profile.id, TODAY) == 10
    assert walking.done.text() == "10 of 20 minutes"
    assert walking.progress.value() == 10 and walking.progress.maximum() == 20
    assert "Added 10 minutes" in walking.message.text()
    screen.findChild(QPushButton, "walk-add-15").click()  # type: ignore[union-attr]
    assert walking.done.text() == "✓ 25 of 20 minutes: goal reached!"
    walking.undo_button.click()
    assert ctx.repo.walking_minutes(profile.id, TODAY) == 10
    assert walking.message.text() == "Removed the last 15 minutes."
    walking.undo_button.click()
    assert not walking.undo_button.isEnabled()
    assert ctx.repo.walking_minutes(profile.id, TODAY) == 0


def test_a_new_day_is_noticed_when_shown(qtbot: QtBot, ctx: AppContext, clock: FakeClock) -> None:
    add_patient(ctx, days_ago=20)
    screen = make_screen(qtbot, ctx)
    screen.findChild(QPushButton, "walk-add-20").click()  # type: ignore[union-attr]
    assert screen.heading.text() == "Week 3 after your spinal fusion"
    screen.hide()
    clock.advance(24 * 3600)
    screen.show()
    assert screen.shown_day() == TODAY + timedelta(days=1)
    assert screen.heading.text() == "Week 4 after your spinal fusion"
    assert screen.walking.done.text().startswith("0 of ")


def test_the_minute_check_catches_midnight(qtbot: QtBot, ctx: AppContext, clock: FakeClock) -> None:
    add_patient(ctx)
    screen = make_screen(qtbot, ctx)
    assert screen._day_timer.isActive()
    clock.advance(24 * 3600)
    screen._day_timer.timeout.emit()
    assert screen.shown_day() == TODAY + timedelta(days=1)
    screen.hide()
    assert not screen._day_timer.isActive()


def test_follows_the_active_profile(qtbot: QtBot, ctx: AppContext) -> None:
    screen = make_screen(qtbot, ctx)
    assert screen.no_profile.isVisibleTo(screen)
    assert not screen.routine_cards()
    add_patient(ctx, surgery=Surgery.DISCECTOMY, days_ago=30, nickname="Bea")
    assert not screen.no_profile.isVisibleTo(screen)
    assert screen.heading.text() == "Week 5 after your discectomy"
    assert screen.phase.text() == (
        "Phase 2: Early loading (from day 14). Today is day 30 after surgery."
    )


def test_therapist_note_and_before_surgery(qtbot: QtBot, ctx: AppContext) -> None:
    add_patient(ctx, days_ago=-5, note="Walk before breakfast.")
    screen = make_screen(qtbot, ctx)
    assert screen.heading.text() == "Your spinal fusion is in 5 days"
    assert screen.notice.isVisibleTo(screen)
    assert "If your surgeon agrees" in screen.notice.text()
    assert screen.note.isVisibleTo(screen)
    assert screen.note.text.text() == "Walk before breakfast."


def test_other_cards_go_below_the_routines(qtbot: QtBot, ctx: AppContext) -> None:
    add_patient(ctx)
    screen = make_screen(qtbot, ctx)
    reminder = label("Time for your 2-week questions", "heading")
    screen.add_card(reminder)
    qtbot.waitUntil(lambda: reminder.isVisibleTo(screen))
    last_card = screen.routine_cards()[-1]
    assert (
        reminder.mapTo(screen, reminder.rect().topLeft()).y()
        > last_card.mapTo(screen, last_card.rect().bottomLeft()).y()
    )


def test_big_targets_keyboard_and_text_at_200_percent(
    qtbot: QtBot, ctx: AppContext, qapp: QApplication, restyle: Callable[[], None]
) -> None:
    add_patient(ctx)
    screen = make_screen(qtbot, ctx)
    small = screen.heading.fontInfo().pixelSize()
    assert screen._columns.direction() == QBoxLayout.Direction.LeftToRight
    apply_appearance(qapp, 200, "light")
    qtbot.waitUntil(lambda: screen.heading.fontInfo().pixelSize() > small * 1.6)
    screen.resize(1000, 800)
    qapp.processEvents()
    assert screen._columns.direction() == QBoxLayout.Direction.TopToBottom  # one column
    buttons = [b for b in screen.findChildren(QAbstractButton) if b.isVisibleTo(screen)]
    assert len(buttons) >= 7
    for b in buttons:
        assert b.height() >= 44 or b.sizeHint().height() >= 44, b.text()
        assert b.focusPolicy() != b.focusPolicy().NoFocus, b.text()
        assert b.text() or b.accessibleName()
    body = screen.walking.goal
    assert body.fontInfo().pixelSize() >= 2 * 12  # 200% of a 12 pt base, at least


@pytest.mark.parametrize("surgery", list(Surgery))
def test_every_surgery_shows_a_routine_to_start(
    qtbot: QtBot, ctx: AppContext, surgery: Surgery
) -> None:
    add_patient(ctx, surgery=surgery, days_ago=100)
    screen = make_screen(qtbot, ctx)
    assert any(c.start_button.isEnabled() for c in screen.routine_cards())
    assert screen.walking.goal.text().startswith("Goal today:")


def test_pictures_follow_the_theme(qtbot: QtBot, ctx: AppContext, qapp: QApplication) -> None:
    add_patient(ctx)
    screen = make_screen(qtbot, ctx)
    card = screen.routine_cards()[0]
    qtbot.waitUntil(lambda: not card.figures_pending())

    def first_picture() -> QLabel:
        return next(
            w for w in card.findChildren(QLabel) if w.accessibleName().startswith("Drawing of")
        )

    light = first_picture().pixmap().toImage()
    apply_appearance(qapp, 100, "dark")
    qtbot.waitUntil(
        lambda: not card.figures_pending() and first_picture().pixmap().toImage() != light
    )


# -- a warning sign stops the day (REFERENCE section 3) ----------------------------------------
def check(ctx: AppContext, profile: Profile, outcome: str | None, answers: dict[str, bool]) -> None:
    assert profile.id is not None
    ctx.stores.sessions.record_red_flag_check(profile.id, answers, outcome, ctx.clock.now())


def start_buttons(screen: TodayScreen) -> list[QPushButton]:
    return [c.start_button for c in screen.routine_cards() if c.start_button.isVisibleTo(screen)]


def test_an_emergency_sign_shows_whom_to_call_and_no_start_until_tomorrow(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock
) -> None:
    profile = add_patient(ctx, emergency_number="999")
    screen = make_screen(qtbot, ctx)
    assert not screen.safety.isVisibleTo(screen)
    assert start_buttons(screen)
    clock.set_now(clock.now().replace(hour=7, minute=5))
    check(ctx, profile, "emergency", {"chest-breathing": True})
    banner = screen.safety
    assert banner.isVisibleTo(screen)
    assert banner.title.text() == "Please call for help now"
    assert banner.today.text() == "No exercise for the rest of today. Start comes back tomorrow."
    assert banner.action.text() == "Call emergency services now: 999"
    assert start_buttons(screen) == []
    for hour in (12, 23):  # all day, also when the screen is shown again
        clock.set_now(clock.now().replace(hour=hour, minute=59))
        screen.hide()
        screen.show()
        assert banner.isVisibleTo(screen) and start_buttons(screen) == []
    clock.advance(2 * 60)  # past midnight: the minute check starts the new day
    screen._day_timer.timeout.emit()
    assert screen.shown_day() == TODAY + timedelta(days=1)
    assert not banner.isVisibleTo(screen)
    assert start_buttons(screen)


def test_a_surgeon_today_sign_says_call_the_surgeon_without_the_emergency_number(
    qtbot: QtBot, ctx: AppContext
) -> None:
    profile = add_patient(ctx)
    screen = make_screen(qtbot, ctx)
    check(ctx, profile, None, {"fever": False})  # a clear check first: the later one counts
    check(ctx, profile, "surgeon-today", {"calf": True})
    check(ctx, profile, None, {"anything-new": False})  # and a clear one after does not lift it
    assert screen.safety.title.text() == "Please call your surgeon today"
    assert screen.safety.action.text().startswith("Call your surgeon's office today.")
    assert "112" not in screen.safety.action.text()
    assert start_buttons(screen) == []


def test_a_24_hour_sign_keeps_start_for_the_gentle_form(qtbot: QtBot, ctx: AppContext) -> None:
    profile = add_patient(ctx)
    screen = make_screen(qtbot, ctx)
    check(ctx, profile, "call-24h", {"fall": True})
    banner = screen.safety
    assert banner.today.text() == "Today: only gentle walking and breathing."
    assert "walk with support or with someone nearby" in banner.message.text()
    assert banner.action.text() == "Call your therapist or surgeon within 24 hours."
    assert [b.text() for b in start_buttons(screen)] == ["Start walking and breathing"] * len(
        screen.routine_cards()
    )


def test_another_profiles_stop_is_not_this_ones(qtbot: QtBot, ctx: AppContext) -> None:
    first = add_patient(ctx, nickname="Ann")
    check(ctx, first, "emergency", {"both-legs": True})
    add_patient(ctx, nickname="Bo")
    screen = make_screen(qtbot, ctx)
    assert not screen.safety.isVisibleTo(screen)
    assert start_buttons(screen)
