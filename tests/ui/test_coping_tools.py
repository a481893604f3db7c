"""Coping tools: slow breathing on the session timer (fake clock, no sleeps) with its guide,
the body scan paced on screen, journaling saved as a private note; each use recorded and
shown in History and the clinic report; one tap from Today and from a Learn topic."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.content import Content
from coach.domain.coping import (
    BREATHE_IN_S,
    BREATHE_OUT_S,
    body_scan_steps,
    breath_size,
    breathing_steps,
)
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile, Surgery
from coach.domain.steps import StepKind
from coach.reports.pdf_report import coping_rows, report_html
from coach.store.plans import resolve_plan
from coach.ui.context import AppContext
from coach.ui.history.screen import HistoryScreen
from coach.ui.learn.cards import CalmCard
from coach.ui.learn.coping_tools import JournalDialog, TimedTool
from coach.ui.learn.screen import LearnScreen
from coach.ui.main_window import MainWindow
from coach.ui.progress.report_export import report_data
from coach.ui.screens import build_screens

TODAY = date(2026, 1, 5)


def add_patient(ctx: AppContext) -> int:
    plan = plan_from_protocol(ctx.content.protocols[Surgery.LAMINECTOMY])
    saved = ctx.repo.add_profile(
        Profile("Ann", Surgery.LAMINECTOMY, TODAY - timedelta(days=12)), ctx.clock.now(), plan=plan
    )
    ctx.active.set(saved)
    assert saved.id is not None
    return saved.id


# -- the steps ---------------------------------------------------------------------------------


def test_breathing_is_six_breaths_a_minute_for_two_to_five_minutes(content: Content) -> None:
    steps = breathing_steps(3, content.coping)
    assert len(steps) == 36  # 18 breaths, in and out
    assert sum(s.seconds for s in steps) == 180
    assert {s.kind for s in steps} == {StepKind.BREATHE_IN, StepKind.BREATHE_OUT}
    assert 60 / (BREATHE_IN_S + BREATHE_OUT_S) == 6
    for wrong in (1, 6, 0):
        with pytest.raises(ValueError, match="2 to 5 minutes"):
            breathing_steps(wrong, content.coping)


def test_the_body_scan_covers_the_body_in_the_time_chosen(content: Content) -> None:
    steps = body_scan_steps(5, content.coping)
    assert sum(s.seconds for s in steps) == pytest.approx(300)
    assert steps[0].title == "Get comfortable" and steps[-1].title == "Your whole body"
    with pytest.raises(ValueError):
        body_scan_steps(20, content.coping)


def test_the_guide_fills_on_the_in_breath_and_empties_on_the_out_breath(
    content: Content,
) -> None:
    breathe_in, breathe_out = breathing_steps(2, content.coping)[:2]
    assert breath_size(breathe_in, 0) == 0 and breath_size(breathe_in, 4) == 1
    assert 0.4 < breath_size(breathe_in, 2) < 0.6
    assert breath_size(breathe_out, 0) == 1 and breath_size(breathe_out, 6) == 0


# -- breathing, timed by the fake clock ----------------------------------------------------------


def test_a_breathing_session_runs_on_the_clock_and_is_recorded(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock
) -> None:
    profile_id = add_patient(ctx)
    tool = TimedTool(ctx, "breathing")
    qtbot.addWidget(tool)
    tool.show()
    tool.minute_buttons[2].click()
    assert tool.step_title.text() == "Breathe in"
    assert tool.time_left.text() == "2:00 left"
    assert tool.guide.isVisible()
    clock.advance(2)
    tool.tick()
    assert 0.4 < tool.guide.size_fraction < 0.6  # half way through the first breath in
    clock.advance(3)
    tool.tick()
    assert tool.step_title.text() == "Breathe out"
    with qtbot.waitSignal(tool.recorded) as recorded:
        clock.advance(120)
        tool.tick()
    assert recorded.args == [120]
    assert tool.step_title.text() == "Well done"
    [use] = ctx.stores.coping.uses(profile_id)
    assert (use.tool, use.seconds, use.minutes, use.local_date) == ("breathing", 120, 2, TODAY)


def test_stopping_early_records_the_time_breathed_and_a_mistaken_open_nothing(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock
) -> None:
    profile_id = add_patient(ctx)
    tool = TimedTool(ctx, "breathing")
    qtbot.addWidget(tool)
    tool.minute_buttons[5].click()
    clock.advance(75)
    tool.stop_button.click()
    assert [u.seconds for u in ctx.stores.coping.uses(profile_id)] == [75]
    quick = TimedTool(ctx, "body-scan")
    qtbot.addWidget(quick)
    quick.minute_buttons[3].click()
    clock.advance(3)
    quick.reject()  # closed at once: not a use
    assert len(ctx.stores.coping.uses(profile_id)) == 1


def test_the_body_scan_shows_each_part_in_turn(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock
) -> None:
    profile_id = add_patient(ctx)
    tool = TimedTool(ctx, "body-scan")
    qtbot.addWidget(tool)
    tool.minute_buttons[3].click()
    assert tool.step_title.text() == "Get comfortable"
    assert not tool.guide.isVisible()
    clock.advance(18)
    tool.tick()
    assert tool.step_title.text() == "Your feet"
    clock.advance(180)
    tool.tick()
    assert tool.step_title.text() == "Well done"
    assert [u.tool for u in ctx.stores.coping.uses(profile_id)] == ["body-scan"]


# -- journaling --------------------------------------------------------------------------------


def test_a_journal_entry_is_private_unless_ticked_and_an_empty_one_is_refused(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock
) -> None:
    profile_id = add_patient(ctx)
    journal = JournalDialog(ctx)
    qtbot.addWidget(journal)
    journal.save_button.click()
    assert journal.message.text() == "Write something first, or choose Cancel."
    assert ctx.stores.coping.uses(profile_id) == []
    qtbot.keyClicks(journal.text, "Walked to the shop. <b>Leg</b> ached after.")
    clock.advance(90)
    with qtbot.waitSignal(journal.saved):
        journal.save_button.click()
    shared = JournalDialog(ctx)
    qtbot.addWidget(shared)
    shared.text.setPlainText("Slept well.")
    shared.in_report.setChecked(True)
    shared.save_button.click()
    uses = ctx.stores.coping.uses(profile_id)
    assert [(u.tool, u.in_report) for u in uses] == [("journal", False), ("journal", True)]
    assert uses[0].note == "Walked to the shop. <b>Leg</b> ached after."
    assert uses[0].seconds == 90

    current = resolve_plan(ctx.db, ctx.content, ctx.active.require())
    history = ctx.stores.progress.history(current, TODAY)
    data = report_data(ctx.active.require(), history, ctx.content)
    html = report_html(data)
    assert "Coping tools used by the patient" in html
    assert "Slept well." in html  # shared
    assert "Walked to the shop" not in html  # private
    assert coping_rows(data.coping) == [["Write it down", "2", "2", "5 Jan 2026"]]


# -- where the tools are, and where their uses show -----------------------------------------------


def test_history_shows_the_tools_used(qtbot: QtBot, ctx: AppContext, clock: FakeClock) -> None:
    profile_id = add_patient(ctx)
    store = ctx.stores.coping
    store.record_use(profile_id, "breathing", day=TODAY, started=clock.now(), seconds=180)
    store.record_use(profile_id, "breathing", day=TODAY, started=clock.now(), seconds=120)
    screen = HistoryScreen(ctx)
    qtbot.addWidget(screen)
    assert screen.coping.text() == (
        "Calm tools: Slow breathing 2 times (5 min). Last used 5 January."
    )


def test_one_tap_from_today_and_from_a_learn_topic(
    qtbot: QtBot, ctx: AppContext, restyle: Callable[[], None]
) -> None:
    add_patient(ctx)
    window = MainWindow(build_screens(ctx, restyle))
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    today = window.screen_widget("today")

    def shown() -> bool:  # built after the first paint, shown on the next turn of the loop
        card = today.findChild(CalmCard)
        return card is not None and card.isVisible()

    qtbot.waitUntil(shown)
    calm = today.findChild(CalmCard)
    assert calm is not None
    calm.buttons["breathing"].click()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, TimedTool))
    assert dialog.tool == "breathing" and dialog.isVisible()
    dialog.reject()
    window.show_screen("learn")
    learn = window.screen_widget("learn")
    assert isinstance(learn, LearnScreen)
    learn.show_topic("coping-with-pain")
    QApplication.processEvents()
    assert set(learn.page.tool_buttons) == {"breathing", "body-scan", "journal"}
    learn.page.tool_buttons["journal"].click()
    journal = next(w for w in QApplication.topLevelWidgets() if isinstance(w, JournalDialog))
    assert journal.isVisible()
    journal.reject()


def test_the_database_refuses_bad_uses(ctx: AppContext, clock: FakeClock) -> None:
    profile_id = add_patient(ctx)
    store = ctx.stores.coping
    with pytest.raises(ValueError, match="not a coping tool"):
        store.record_use(profile_id, "yoga", day=TODAY, started=clock.now(), seconds=60)
    with pytest.raises(ValueError, match="too long"):
        store.record_use(
            profile_id, "journal", day=TODAY, started=clock.now(), seconds=1, note="x" * 4001
        )
    with pytest.raises(Exception, match="CHECK"):
        ctx.db.execute(
            "INSERT INTO coping_uses (profile_id, tool, local_date, started_at, seconds)"
            " VALUES (?, 'breathing', '2026-13-01', 'x', 10)",
            [profile_id],
        )
    store.dismiss_hint(profile_id, "four-weeks", clock.now())
    store.dismiss_hint(profile_id, "four-weeks", clock.now())  # twice is fine
    assert store.dismissed_hints(profile_id) == frozenset({"four-weeks"})


def test_deleting_a_profile_deletes_its_coping_uses_and_dismissals(
    ctx: AppContext, clock: FakeClock
) -> None:

    profile_id = add_patient(ctx)
    store = ctx.stores.coping
    store.record_use(profile_id, "journal", day=TODAY, started=clock.now(), seconds=30, note="x")
    store.dismiss_hint(profile_id, "four-weeks", clock.now())
    ctx.stores.therapist.delete_profile(profile_id)
    assert ctx.db.execute("SELECT count(*) FROM coping_uses").fetchone()[0] == 0
    assert ctx.db.execute("SELECT count(*) FROM dismissed_hints").fetchone()[0] == 0
