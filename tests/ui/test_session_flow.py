"""The guided session end to end on a fake clock: warning signs, pain before, the player, pain
after, feedback and the stored rows; by mouse only and by keyboard only; resume after a crash."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from coach.domain.catalogue import Dosage
from coach.domain.clock import FakeClock
from coach.domain.pain import Pain
from coach.domain.profile import Profile, Surgery
from coach.domain.protocol import Prescription
from coach.domain.steps import StepKind
from coach.domain.timer import State
from coach.store.session_log import progress_events
from coach.store.sessions import SessionStore
from coach.ui.common.appearance import apply_appearance
from coach.ui.context import AppContext
from coach.ui.session.change_dialog import ChangeDialog
from coach.ui.session.launcher import SessionLauncher, SessionWindow
from coach.ui.session.player import PlayerScreen
from coach.ui.session.resume import DISCARD, PARTIAL, RESUME, ResumeDialog, offer_resume
from coach.ui.session.session_flow import SessionFlow
from coach.ui.session.setup import SessionSetup, setup_for
from coach.ui.session.sounds import CuePlayer, SilentBackend
from tests.scripted_dialogs import ScriptedDialogs, scripted

LEFT = Qt.MouseButton.LeftButton
ITEMS = (
    Prescription("bridge", Dosage(sets=1, reps=2, hold_s=4, rest_s=0)),
    Prescription("heel-slides", Dosage(sets=1, reps=1, hold_s=0, tempo_s=3)),
)


class RecordingBackend:
    """An audio player that only writes down what it was asked to play."""

    available = True

    def __init__(self) -> None:
        self.played: list[str] = []

    def play(self, path: Path) -> None:
        self.played.append(path.stem.split("-")[0])


class Patient:
    """What the patient answers in the session's own dialogs, and what they were offered."""

    def __init__(self, dialogs: ScriptedDialogs) -> None:
        self.dialogs = dialogs
        self.changes: list[str | None] = []  # "Easier or skip" answers in turn; then keep going
        self.offered: list[tuple[str, str | None]] = []
        self.resume: str | None = RESUME
        dialogs.on(ChangeDialog, self._change)
        dialogs.on(ResumeDialog, self._resume)

    def _change(self, dialog: ChangeDialog) -> bool:
        flow = dialog.parentWidget()
        assert isinstance(flow, SessionFlow) and flow.player is not None
        assert flow.player.session.state == State.PAUSED  # the clock waits for the answer
        self.offered.append((dialog.exercise_name, dialog.easier_name))
        answer = self.changes.pop(0) if self.changes else None
        if answer is None:
            return False  # "Keep going"
        dialog.buttons[answer].click()
        return True

    def _resume(self, dialog: ResumeDialog) -> bool:
        dialog.buttons[self.resume].click()
        return True


@pytest.fixture(autouse=True)
def patient_answers(ctx: AppContext) -> Patient:
    return Patient(scripted(ctx))


@pytest.fixture
def profile(ctx: AppContext) -> Profile:
    saved = ctx.repo.add_profile(
        Profile("Ann", Surgery.DISCECTOMY, date(2025, 12, 1), emergency_number="999"),
        ctx.clock.now(),
    )
    ctx.active.set(saved)
    return saved


@pytest.fixture
def backend() -> RecordingBackend:
    return RecordingBackend()


def make_flow(
    qtbot: QtBot,
    ctx: AppContext,
    profile: Profile,
    backend: RecordingBackend,
    items: tuple[Prescription, ...] = ITEMS,
) -> SessionFlow:
    """A session window's flow for ``items`` (a second one is the next session that day)."""
    assert profile.id is not None
    setup = SessionSetup(
        profile.id,
        profile.emergency_number,
        None,
        "daily",
        "Daily exercises",
        items,
        (Prescription("diaphragmatic-breathing", Dosage(reps=1, tempo_s=4)),),
        ctx.content.catalogue,
    )
    widget = SessionFlow(
        ctx,
        setup,
        CuePlayer(ctx.prefs, backend),
        lambda _id: None,
    )
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.activateWindow()
    return widget


@pytest.fixture
def flow(
    qtbot: QtBot, ctx: AppContext, profile: Profile, backend: RecordingBackend
) -> Iterator[SessionFlow]:
    widget = make_flow(qtbot, ctx, profile, backend)
    yield widget
    widget.close()


def answer_all_no(qtbot: QtBot, flow: SessionFlow) -> None:
    for _ in range(5):  # a screen per tier; each list read to its end first (small windows)
        if flow.current_page() is not flow.red_flags:
            return
        flow.red_flags.read_to_end()
        qtbot.mouseClick(flow.red_flags.no_button, LEFT)
    raise AssertionError("the warning-sign check did not end")


def give_pain(qtbot: QtBot, page: QWidget, back: int, leg: int) -> None:
    from coach.ui.session.pain_page import PainPage

    assert isinstance(page, PainPage)
    qtbot.mouseClick(page.back.group.button(back), LEFT)
    qtbot.mouseClick(page.leg.group.button(leg), LEFT)
    qtbot.mouseClick(page.next_button, LEFT)


def run_player(flow: SessionFlow, clock: FakeClock, step_s: float = 0.25) -> PlayerScreen:
    player = flow.player
    assert player is not None
    for _ in range(2000):
        if flow.current_page() is not player:
            break
        clock.advance(step_s)
        player.tick()
    return player


def store_of(ctx: AppContext) -> SessionStore:
    return ctx.stores.sessions


# -- the whole session, by mouse -----------------------------------------------------------
def test_a_session_by_mouse_is_stored_as_it_happens(
    qtbot: QtBot, flow: SessionFlow, ctx: AppContext, clock: FakeClock, backend: RecordingBackend
) -> None:
    profile = ctx.active.require()
    assert profile.id is not None
    flow.start()
    assert flow.red_flags.count.text() == "Part 1 of 3"
    answer_all_no(qtbot, flow)
    assert flow.current_page() is flow.pain_before
    assert not flow.pain_before.next_button.isEnabled()  # both scales must be answered
    give_pain(qtbot, flow.pain_before, 3, 1)

    player = flow.player
    assert player is not None and flow.current_page() is player
    record = store_of(ctx).unfinished_session(profile.id)
    assert record is not None  # the row, before pain and exercises are written at once
    assert record.pain_before == Pain(3, 1)
    assert player.step_title.text() == "Get ready"
    assert player.exercise_name.text() == "Bridge"
    assert player.countdown.text() == "10"

    clock.advance(10.0)
    player.tick()
    assert player.step_title.text() == "Hold"
    assert player.position_label.text() == "Rep 1 of 2"
    events = store_of(ctx).events(record.id)
    assert [e.kind for e in events] == ["started", "step-done"]  # written while it happens

    with qtbot.waitSignal(ctx.active.data_changed):
        run_player(flow, clock)
        assert flow.current_page() is flow.pain_after
        give_pain(qtbot, flow.pain_after, 4, 1)
    assert backend.played.count("tick") >= 3  # 3-2-1 before holds and waits end
    assert backend.played[-1] == "finish"

    feedback = flow.feedback
    assert feedback is not None and flow.current_page() is feedback
    qtbot.mouseClick(feedback.findChild(QWidget, "bridge-too-hard"), LEFT)  # type: ignore[arg-type]
    qtbot.keyClicks(feedback.note, "Knee a bit sore")
    qtbot.mouseClick(feedback.save_button, LEFT)
    assert flow.current_page() is flow.message
    assert flow.message.title.text() == "Session done"
    with qtbot.waitSignal(flow.closed):
        qtbot.mouseClick(flow.message.buttons[-1], LEFT)

    store = store_of(ctx)
    done = store.session(record.id)
    assert done is not None
    assert (done.status, done.pain_before, done.pain_after) == ("done", Pain(3, 1), Pain(4, 1))
    assert done.note == "Knee a bit sore"
    assert store.feedback(record.id) == {"bridge": "too-hard"}
    assert store.red_flag_answers(record.id) == dict.fromkeys(
        [q.id for q in ctx.content.red_flags.questions], False
    )
    steps = player.session.steps
    assert [e for e in progress_events(store, record.id) if e[0] == "step-done"] == [
        ("step-done", i) for i in range(len(steps))
    ]
    assert ctx.repo.routines_done(profile.id, clock.now().date()) == {"daily": 1}


# -- the whole session, by keyboard ------------------------------------------------------------
def test_a_session_by_keyboard_only(
    qtbot: QtBot, flow: SessionFlow, ctx: AppContext, clock: FakeClock, profile: Profile
) -> None:
    flow.start()
    for _ in range(3):  # one "None of these" per tier
        qtbot.keyClick(flow.red_flags.focusWidget() or flow.red_flags, Qt.Key.Key_N)
    page = flow.pain_before
    assert flow.current_page() is page
    assert page.back.hasFocus()
    qtbot.keyClick(page.back, Qt.Key.Key_2)
    qtbot.keyClick(page.back, Qt.Key.Key_Tab)
    assert page.leg.hasFocus()
    qtbot.keyClick(page.leg, Qt.Key.Key_1)
    qtbot.keyClick(page.leg, Qt.Key.Key_0)  # "1" then "0" is 10
    qtbot.keyClick(page.leg, Qt.Key.Key_Left)  # and the arrows move it
    assert page.pain() == Pain(2, 9)
    qtbot.keyClick(page.leg, Qt.Key.Key_Return)
    # Leg pain 9 before: the app suggests walking and breathing; the patient may choose.
    assert flow.current_page() is flow.message
    assert "walking and breathing" in " ".join(
        w.text() for w in flow.message.findChildren(type(flow.message.title))
    )
    focused = flow.message.focusWidget()
    assert focused is not None
    assert focused is flow.message.buttons[-1]  # "Walking and breathing only"
    qtbot.keyClick(focused, Qt.Key.Key_Return)

    player = flow.player
    assert player is not None
    assert {s.exercise_id for s in player.session.steps} == {"diaphragmatic-breathing"}
    target = player.pause_button
    qtbot.keyClick(target, Qt.Key.Key_Space)
    assert player.session.state == State.PAUSED
    assert player.pause_button.text() == "Resume"
    clock.advance(60)
    player.tick()
    assert player.countdown.text() == "10"  # paused: time stands still
    qtbot.keyClick(target, Qt.Key.Key_Space)
    assert player.session.state == State.RUNNING
    assert "1. " in player.how.text()  # "get ready" shows how to do it
    qtbot.keyClick(target, Qt.Key.Key_Right)  # easier or skip: "keep going"
    assert scripted(ctx).asked == ["ChangeDialog"]
    assert player.session.index == 0
    clock.advance(10)
    player.tick()
    assert player.session.step.kind == StepKind.BREATHE_IN
    assert not player.how.isVisible()
    qtbot.keyClick(target, Qt.Key.Key_H)  # and on demand
    assert player.how.isVisibleTo(player) and "1. " in player.how.text()
    qtbot.keyClick(target, Qt.Key.Key_Left)  # back to the start of this exercise
    assert player.session.index == 0
    qtbot.keyClick(target, Qt.Key.Key_Plus)
    assert player.countdown.text() == "25"
    qtbot.keyClick(target, Qt.Key.Key_Escape)
    assert scripted(ctx).asked == ["ChangeDialog", "Stop the session?"]
    assert flow.current_page() is flow.pain_after
    qtbot.keyClick(flow.pain_after.back, Qt.Key.Key_5)
    qtbot.keyClick(flow.pain_after.back, Qt.Key.Key_Down)
    qtbot.keyClick(flow.pain_after.leg, Qt.Key.Key_9)
    qtbot.keyClick(flow.pain_after.leg, Qt.Key.Key_Enter)
    feedback = flow.feedback
    assert feedback is not None
    qtbot.keyClick(feedback, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert flow.message.title.text() == "This session raised your pain"
    assert flow.message.buttons[0].text() == "Read: Coping with pain"  # the topic that fits
    topics: list[str] = []
    flow.topic_requested.connect(topics.append)
    with qtbot.waitSignal(flow.closed):
        flow.message.buttons[0].click()  # closes the session and opens the topic
    assert topics == ["coping-with-pain"]

    assert profile.id is not None
    record = store_of(ctx).sessions(profile.id)[-1]
    assert (record.status, record.gentle) == ("skipped", True)  # stopped before any work
    kinds = [e.kind for e in store_of(ctx).events(record.id)]
    for kind in ("paused", "resumed", "step-done", "went-back", "time-added", "stopped"):
        assert kind in kinds


# -- warning signs (REFERENCE section 3) -------------------------------------------------------
def answer(qtbot: QtBot, flow: SessionFlow, *yes_to: str) -> None:
    """Go through the check: on the screen holding a sign in ``yes_to`` answer "Yes, one of
    these" and pick those signs; "None of these" on the others."""
    page = flow.red_flags
    while flow.current_page() is page:
        here = [q.id for q in page.current_questions() if q.id in yes_to]
        if not here:
            qtbot.mouseClick(page.no_button, LEFT)
            continue
        qtbot.mouseClick(page.yes_button, LEFT)
        assert not page.done_button.isEnabled()  # nothing picked yet
        for question_id in here:
            qtbot.mouseClick(page.pick_buttons[question_id], LEFT)
        qtbot.mouseClick(page.done_button, LEFT)


def tier_ids(ctx: AppContext, tier: str) -> list[str]:
    return [q.id for q in ctx.content.red_flags.questions if q.tier == tier]


def test_one_screen_per_tier_most_severe_first_with_its_signs_in_plain_words(
    qtbot: QtBot, flow: SessionFlow, ctx: AppContext
) -> None:
    flow.start()
    page = flow.red_flags
    seen = []
    while flow.current_page() is page:
        assert page.no_button.text() == "None of these"
        assert page.yes_button.text() == "Yes, one of these"
        assert page.question.text() == ctx.content.red_flags.ask
        seen.append({q.tier for q in page.current_questions()})
        qtbot.mouseClick(page.no_button, LEFT)
    assert seen == [{"emergency"}, {"surgeon-today"}, {"call-24h"}]  # 3 answers, not 13


def test_an_emergency_sign_stops_at_once_and_shows_the_emergency_number(
    qtbot: QtBot, flow: SessionFlow, ctx: AppContext, profile: Profile
) -> None:
    assert profile.id is not None
    flow.start()
    answer(qtbot, flow, "chest-breathing")
    assert flow.current_page() is flow.message
    assert flow.message.title.text() == "Please call for help now"
    assert flow.message.huge.text() == "999"
    assert flow.player is None
    sessions = store_of(ctx).sessions(profile.id)
    assert [s.status for s in sessions] == ["blocked"]
    expected = {q: q == "chest-breathing" for q in tier_ids(ctx, "emergency")}
    assert store_of(ctx).red_flag_answers(sessions[0].id) == expected
    with qtbot.waitSignal(flow.closed):
        qtbot.mouseClick(flow.message.buttons[-1], LEFT)


def test_a_surgeon_today_sign_blocks_the_session_and_keeps_every_answer(
    qtbot: QtBot, flow: SessionFlow, ctx: AppContext, profile: Profile
) -> None:
    assert profile.id is not None
    flow.start()
    answer(qtbot, flow, "fever", "calf")
    assert flow.message.title.text() == "Please call your surgeon today"
    assert not flow.message.huge.isVisible()
    sessions = store_of(ctx).sessions(profile.id)
    assert [s.status for s in sessions] == ["blocked"]
    answers = store_of(ctx).red_flag_answers(sessions[0].id)
    assert answers == {
        **dict.fromkeys(tier_ids(ctx, "emergency"), False),  # "None of these" on screen 1
        **{q: q in ("fever", "calf") for q in tier_ids(ctx, "surgeon-today")},
    }


def test_a_24_hour_sign_allows_only_the_gentle_form_and_says_walk_with_support(
    qtbot: QtBot, flow: SessionFlow, ctx: AppContext, clock: FakeClock, profile: Profile
) -> None:
    assert profile.id is not None
    flow.start()
    answer(qtbot, flow, "fall")
    assert flow.message.title.text() == "Please call within 24 hours"
    words = " ".join(w.text() for w in flow.message.findChildren(QLabel) if w.isVisible())
    assert "walk with support or with someone nearby" in words
    qtbot.mouseClick(flow.message.buttons[-1], LEFT)  # "Start walking and breathing"
    give_pain(qtbot, flow.pain_before, 2, 2)
    player = flow.player
    assert player is not None
    assert {s.exercise_id for s in player.session.steps} == {"diaphragmatic-breathing"}
    record = store_of(ctx).unfinished_session(profile.id)
    assert record is not None and record.gentle
    assert store_of(ctx).red_flag_answers(record.id) == {
        **{q.id: False for q in ctx.content.red_flags.questions if q.id != "fall"},
        "fall": True,
    }


def test_back_in_the_check_undoes_the_last_screen(qtbot: QtBot, flow: SessionFlow) -> None:
    flow.start()
    page = flow.red_flags
    assert not page.back_button.isEnabled()
    qtbot.mouseClick(page.no_button, LEFT)
    assert page.count.text() == "Part 2 of 3"
    qtbot.mouseClick(page.yes_button, LEFT)
    qtbot.mouseClick(page.back_button, LEFT)  # from picking back to the list
    assert page.count.text() == "Part 2 of 3" and page.no_button.isVisible()
    qtbot.mouseClick(page.back_button, LEFT)
    assert page.count.text() == "Part 1 of 3"
    assert not page.back_button.isEnabled()


def test_later_sessions_the_same_day_ask_one_question(
    qtbot: QtBot,
    flow: SessionFlow,
    ctx: AppContext,
    clock: FakeClock,
    profile: Profile,
) -> None:
    assert profile.id is not None
    flow.start()
    answer_all_no(qtbot, flow)  # the morning's full check
    assert flow.current_page() is flow.pain_before
    clock.advance(4 * 3600)
    later = make_flow(qtbot, ctx, profile, RecordingBackend())
    later.start()
    page = later.red_flags
    assert page.question.text() == (
        "Has anything new or worse happened since your check this morning?"
    )
    assert not page.count.isVisible()
    qtbot.mouseClick(page.no_button, LEFT)
    assert later.current_page() is later.pain_before
    checks = store_of(ctx).checks_on(profile.id, clock.now().date())
    assert [c.outcome for c in checks] == ["clear", "clear"]
    give_pain(qtbot, later.pain_before, 1, 1)
    record = store_of(ctx).unfinished_session(profile.id)
    assert record is not None
    assert store_of(ctx).red_flag_answers(record.id) == {"anything-new": False}

    third = make_flow(qtbot, ctx, profile, RecordingBackend())  # "yes" opens the full check
    third.start()
    qtbot.mouseClick(third.red_flags.yes_button, LEFT)
    assert third.red_flags.count.text() == "Part 1 of 3"
    qtbot.mouseClick(third.red_flags.back_button, LEFT)  # back to the one question
    assert third.red_flags.no_button.text() == "No"
    qtbot.mouseClick(third.red_flags.yes_button, LEFT)
    answer(qtbot, third, "wound")
    assert third.message.title.text() == "Please call your surgeon today"


def test_a_24_hour_sign_keeps_the_rest_of_the_day_gentle(
    qtbot: QtBot,
    flow: SessionFlow,
    ctx: AppContext,
    clock: FakeClock,
    profile: Profile,
) -> None:
    flow.start()
    answer(qtbot, flow, "walking-weakness")
    clock.advance(3 * 3600)
    later = make_flow(qtbot, ctx, profile, RecordingBackend())
    later.start()
    qtbot.mouseClick(later.red_flags.no_button, LEFT)  # nothing new since this morning
    assert later.current_page() is later.message
    assert later.message.title.text() == "Please call within 24 hours"
    qtbot.mouseClick(later.message.buttons[-1], LEFT)
    give_pain(qtbot, later.pain_before, 1, 1)
    assert later.player is not None
    assert {s.exercise_id for s in later.player.session.steps} == {"diaphragmatic-breathing"}


def test_a_stop_holds_for_the_rest_of_the_day_and_is_gone_the_next(
    qtbot: QtBot,
    flow: SessionFlow,
    ctx: AppContext,
    clock: FakeClock,
    profile: Profile,
) -> None:
    assert profile.id is not None
    clock.set_now(datetime(2026, 1, 5, 8, 0, tzinfo=UTC))
    flow.start()
    answer(qtbot, flow, "vomiting")
    for hour in (12, 18, 23):
        clock.set_now(datetime(2026, 1, 5, hour, 59, tzinfo=UTC))
        again = make_flow(qtbot, ctx, profile, RecordingBackend())
        again.start()  # no question asked: the day is stopped
        assert again.current_page() is again.message
        assert again.message.title.text() == "Please call your surgeon today"
        assert again.player is None
    clock.set_now(datetime(2026, 1, 6, 0, 1, tzinfo=UTC))
    tomorrow = make_flow(qtbot, ctx, profile, RecordingBackend())
    tomorrow.start()
    assert tomorrow.current_page() is tomorrow.red_flags
    assert tomorrow.red_flags.count.text() == "Part 1 of 3"  # the full check again
    assert [s.status for s in store_of(ctx).sessions(profile.id)] == ["blocked"]


def test_the_launcher_opens_no_session_on_a_stopped_day(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, profile: Profile
) -> None:
    assert profile.id is not None
    store_of(ctx).record_red_flag_check(profile.id, {"both-legs": True}, "emergency", clock.now())
    holder = QWidget()
    qtbot.addWidget(holder)
    launcher = SessionLauncher(ctx, holder, backend=SilentBackend())
    routine = ctx.content.protocols[profile.surgery].phases[1].routines[0].id
    assert setup_for(ctx, routine) is not None
    assert launcher.start(routine) is None
    assert scripted(ctx).asked == ["Please call for help now"]
    assert launcher.window is None
    clock.advance(24 * 3600)
    window = launcher.start(routine)
    assert window is not None
    window.close()


def test_a_topic_the_session_asks_for_goes_to_the_launchers_owner(
    qtbot: QtBot, ctx: AppContext, profile: Profile
) -> None:
    """The session never imports Learn: whoever opens the session says how to show a topic."""
    holder = QWidget()
    qtbot.addWidget(holder)
    opened: list[str] = []
    launcher = SessionLauncher(ctx, holder, backend=SilentBackend(), open_topic=opened.append)
    routine = ctx.content.protocols[profile.surgery].phases[1].routines[0].id
    window = launcher.start(routine)
    assert window is not None
    window.flow.topic_requested.emit("coping-with-pain")
    assert opened == ["coping-with-pain"]
    window.close()


def test_the_pick_screen_needs_a_choice_and_a_click_on_the_words_chooses(
    qtbot: QtBot, flow: SessionFlow
) -> None:
    flow.start()
    page = flow.red_flags
    qtbot.mouseClick(page.yes_button, LEFT)
    assert page.done_button.isVisible() and not page.done_button.isEnabled()
    assert not page.yes_button.isVisible()
    box = page.pick_buttons["urine-passing"]
    row = box.parentWidget()
    assert row is not None
    qtbot.mouseClick(row, LEFT, pos=row.rect().center())  # on the sign's words
    assert box.isChecked() and row.property("chosen") == "true"
    assert page.done_button.isEnabled()
    qtbot.mouseClick(box, LEFT)
    assert not box.isChecked() and not page.done_button.isEnabled()
    qtbot.keyClick(page, Qt.Key.Key_N)  # the keys do not answer while picking
    assert page.done_button.isVisible()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()


# -- the player --------------------------------------------------------------------------------
def start_player(qtbot: QtBot, flow: SessionFlow) -> PlayerScreen:
    flow.start()
    answer_all_no(qtbot, flow)
    give_pain(qtbot, flow.pain_before, 1, 1)
    assert flow.player is not None
    return flow.player


def test_the_player_shows_the_current_exercises_stop_if_with_its_signs_actions(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, profile: Profile
) -> None:
    items = (
        Prescription("walking", Dosage(minutes=1)),
        Prescription("ankle-pumps", Dosage(sets=1, reps=1, hold_s=0, tempo_s=2)),
    )
    flow = make_flow(qtbot, ctx, profile, RecordingBackend(), items)
    player = start_player(qtbot, flow)
    assert player.stop_if.isVisible()
    assert player.stop_if.text() == (
        "Stop and rest if you feel sharp or spreading leg pain, new numbness, or you feel "
        "faint. Stop at once if you have chest pain or sudden shortness of breath.\n"
        "Chest pain or sudden shortness of breath: stop and call emergency services now (999).\n"
        "Numbness or tingling that is new or getting worse: stop and call your surgeon today."
    )
    for _ in range(400):  # through the minute of walking
        if player.session.step.exercise_id != "walking":
            break
        clock.advance(0.5)
        player.tick()
    assert player.exercise_name.text() == "Ankle pumps"
    lines = player.stop_if.text().splitlines()
    assert lines[0] == ctx.content.catalogue["ankle-pumps"].stop_if
    calf = "Pain, tenderness or swelling in the calf of one leg: stop and call your surgeon today."
    assert calf in lines
    assert not any("emergency" in line for line in lines)


def test_after_a_stall_the_display_is_right_at_once_and_stale_cues_stay_silent(
    qtbot: QtBot, flow: SessionFlow, clock: FakeClock, backend: RecordingBackend
) -> None:
    player = start_player(qtbot, flow)
    played = len(backend.played)
    clock.advance(10 + 4 + 3 + 2.5)  # ready, hold, relax end; 1.5 s left of the second hold
    player.tick()
    assert (player.step_title.text(), player.countdown.text()) == ("Hold", "2")
    assert player.position_label.text() == "Rep 2 of 2"
    assert backend.played[played:] == ["tick"]  # only the countdown that is due now
    assert player.countdown.property("flash") == "true"


def test_the_progress_bar_and_next_line_follow_the_routine(
    qtbot: QtBot, flow: SessionFlow, clock: FakeClock
) -> None:
    player = start_player(qtbot, flow)
    assert player.next_label.text() == "Next: Hold, 4 seconds"
    first = player.progress.value()
    for _ in range(3):
        player.apply(player.session.skip)
    assert player.next_label.text() == "Next exercise: Heel slides"
    assert player.progress.value() > first


def test_stop_asks_first_and_keeps_going_when_the_patient_says_no(
    qtbot: QtBot, flow: SessionFlow, ctx: AppContext
) -> None:
    player = start_player(qtbot, flow)
    scripted(ctx).leave_answer = False
    qtbot.mouseClick(player.stop_button, LEFT)
    assert scripted(ctx).asked == ["Stop the session?"]
    assert player.session.state == State.RUNNING
    assert flow.current_page() is player


def test_the_cue_timer_is_armed_for_the_next_boundary(qtbot: QtBot, flow: SessionFlow) -> None:
    player = start_player(qtbot, flow)
    timer = player._cue_timer
    assert timer.isActive()
    assert timer.timerType() == Qt.TimerType.PreciseTimer
    assert 6900 <= timer.remainingTime() <= 7000  # "3" of the 10 s get-ready countdown


# -- closing and resuming ----------------------------------------------------------------------
def test_closing_the_window_during_exercises_asks_and_then_asks_pain_after(
    qtbot: QtBot, ctx: AppContext, profile: Profile, backend: RecordingBackend
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    launcher = SessionLauncher(ctx, parent, backend=backend)
    routine = ctx.content.protocols[profile.surgery].phases[1].routines[0].id
    window = launcher.start(routine)
    assert isinstance(window, SessionWindow)
    flow = window.flow
    answer_all_no(qtbot, flow)
    give_pain(qtbot, flow.pain_before, 1, 1)
    window.close()
    assert window.isVisible()
    assert flow.current_page() is flow.pain_after
    with qtbot.waitSignal(launcher.session_closed):
        window.close()  # leaving at pain-after keeps the session as what was done:
    assert profile.id is not None
    assert store_of(ctx).sessions(profile.id)[-1].status == "skipped"  # nothing, yet


def test_an_unknown_routine_is_refused_politely(
    qtbot: QtBot, ctx: AppContext, profile: Profile
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    launcher = SessionLauncher(ctx, parent, backend=RecordingBackend())
    assert launcher.start("nope") is None
    assert scripted(ctx).asked == ["Rehab Coach"]


def test_setup_uses_todays_phase_and_drops_restricted_exercises(
    ctx: AppContext, profile: Profile
) -> None:
    protocol = ctx.content.protocols[profile.surgery]
    routine = protocol.phases[1].routines[0]
    setup = setup_for(ctx, routine.id)  # the clock's day is in phase 2 of a December surgery
    assert setup is not None
    assert [i.exercise_id for i in setup.items] == [i.exercise_id for i in routine.items]
    assert setup.gentle_items[0].exercise_id == "walking"
    assert setup.emergency_number == "999"


def crashed_session(
    qtbot: QtBot, flow: SessionFlow, steps: int, clock: FakeClock | None = None
) -> int:
    """Run a session some steps in (skipped; with ``clock``, the next step is then done), then
    drop it as a kill would (no goodbye to the store)."""
    player = start_player(qtbot, flow)
    for _ in range(steps):
        player.apply(player.session.skip)
    if clock is not None:
        clock.advance(player.session.step.seconds + 0.01)
        player.tick()
    assert flow.session_id is not None
    return flow.session_id


def test_resume_goes_on_at_the_recorded_step_paused(
    qtbot: QtBot, flow: SessionFlow, ctx: AppContext, clock: FakeClock, profile: Profile
) -> None:
    session_id = crashed_session(qtbot, flow, steps=3)
    parent = QWidget()
    qtbot.addWidget(parent)
    launcher = SessionLauncher(ctx, parent, backend=RecordingBackend())
    assert offer_resume(parent, ctx, launcher) == RESUME
    window = launcher.window
    assert window is not None
    player = window.flow.player
    assert player is not None
    assert (player.session.index, player.session.state) == (3, State.PAUSED)
    assert player.session.step.kind == StepKind.HOLD
    assert window.flow.session_id == session_id
    qtbot.mouseClick(player.pause_button, LEFT)
    run_player(window.flow, clock)
    give_pain(qtbot, window.flow.pain_after, 1, 1)
    record = store_of(ctx).session(session_id)
    assert record is not None
    assert (record.status, record.pain_before) == ("done", Pain(1, 1))
    window.close()


@pytest.mark.parametrize(
    ("choice", "work", "status", "told"),
    [
        (PARTIAL, True, "partial", "Saved as partly done: you did 1 of 2 exercises."),
        (PARTIAL, False, "skipped", "No exercise was done, so the session is saved as skipped."),
        (DISCARD, True, "discarded", None),
    ],
)
def test_an_unfinished_session_is_saved_as_what_was_done_or_thrown_away(
    *,
    qtbot: QtBot,
    flow: SessionFlow,
    ctx: AppContext,
    clock: FakeClock,
    choice: str,
    work: bool,
    status: str,
    told: str | None,
    patient_answers: Patient,
) -> None:
    session_id = crashed_session(qtbot, flow, steps=1, clock=clock if work else None)
    patient_answers.resume = choice
    launcher = SessionLauncher(ctx, flow, backend=RecordingBackend())
    assert offer_resume(flow, ctx, launcher) == choice
    record = store_of(ctx).session(session_id)
    assert record is not None
    assert record.status == status
    assert [text for _, text in scripted(ctx).informed] == (
        [told] if told else []
    )  # "Save what I did" says what
    assert launcher.window is None


def test_a_new_session_keeps_one_left_for_later_as_partly_done(
    *,
    qtbot: QtBot,
    flow: SessionFlow,
    ctx: AppContext,
    profile: Profile,
    clock: FakeClock,
    patient_answers: Patient,
) -> None:
    session_id = crashed_session(qtbot, flow, steps=1, clock=clock)
    patient_answers.resume = None  # "Decide later"
    launcher = SessionLauncher(ctx, flow, backend=RecordingBackend())
    assert offer_resume(flow, ctx, launcher) is None
    routine = ctx.content.protocols[profile.surgery].phases[1].routines[0].id
    window = launcher.start(routine)
    assert window is not None
    assert launcher.start(routine) is window  # one session at a time
    record = store_of(ctx).session(session_id)
    assert record is not None and record.status == "partial"
    assert len(store_of(ctx).events(session_id)) > 2  # what was done is kept
    window.close()


def test_throwing_away_asks_first(
    qtbot: QtBot, flow: SessionFlow, ctx: AppContext, patient_answers: Patient
) -> None:
    session_id = crashed_session(qtbot, flow, steps=1)
    patient_answers.resume = DISCARD
    scripted(ctx).confirm_answer = False
    launcher = SessionLauncher(ctx, flow, backend=RecordingBackend())
    assert offer_resume(flow, ctx, launcher) is None
    record = store_of(ctx).session(session_id)
    assert record is not None and record.status == "in-progress"


# -- from Today ----------------------------------------------------------------------------------
def test_from_todays_start_to_a_stored_session_that_today_shows_as_done(
    qtbot: QtBot,
    ctx: AppContext,
    profile: Profile,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from coach.ui.screens import build_screens
    from coach.ui.today.routine_card import RoutineCard

    monkeypatch.setattr("coach.ui.session.sounds.find_backend", lambda _parent: SilentBackend())
    today = next(e for e in build_screens(ctx, lambda: None) if e.key == "today").factory()
    qtbot.addWidget(today)
    today.show()
    card = today.findChildren(RoutineCard)[0]
    assert card.start_button.text() == "Start"
    qtbot.mouseClick(card.start_button, LEFT)
    launcher = today.findChild(SessionLauncher)
    assert launcher is not None and launcher.window is not None
    flow = launcher.window.flow
    answer_all_no(qtbot, flow)
    give_pain(qtbot, flow.pain_before, 2, 1)
    player = run_player(flow, clock, step_s=1.0)
    assert player.session.state == State.FINISHED
    give_pain(qtbot, flow.pain_after, 2, 1)
    assert flow.feedback is not None
    qtbot.mouseClick(flow.feedback.skip_button, LEFT)
    with qtbot.waitSignal(launcher.session_closed):
        qtbot.mouseClick(flow.message.buttons[-1], LEFT)
    assert profile.id is not None
    assert [s.status for s in store_of(ctx).sessions(profile.id)] == ["done"]
    # Today was refreshed: the routine's card now offers a second go.
    qtbot.waitUntil(
        lambda: any(c.start_button.text() == "Do it again" for c in today.findChildren(RoutineCard))
    )


# -- easier or skip (REFERENCE section 4) ------------------------------------------------------


def test_the_patient_can_do_the_easier_version_or_skip_with_a_reason(
    *,
    qtbot: QtBot,
    flow: SessionFlow,
    ctx: AppContext,
    clock: FakeClock,
    profile: Profile,
    patient_answers: Patient,
) -> None:
    from coach.reports.csv_export import COLUMNS, csv_text
    from coach.store.session_log import started_items
    from coach.ui.history.details import session_details

    assert profile.id is not None
    patient_answers.changes = [None, "easier", "pain"]
    flow.start()
    answer_all_no(qtbot, flow)
    give_pain(qtbot, flow.pain_before, 5, 4)
    player = flow.player
    assert player is not None
    clock.advance(10.0)
    player.tick()
    assert player.exercise_name.text() == "Bridge" and player.step_title.text() == "Hold"

    qtbot.mouseClick(player.change_button, LEFT)  # "Keep going"
    assert player.exercise_name.text() == "Bridge"
    assert player.session.state == State.RUNNING  # and the clock goes on
    qtbot.keyClick(player, Qt.Key.Key_E)  # the same by keyboard: the easier one
    easier = ctx.content.catalogue[ctx.content.catalogue["bridge"].easier or ""]
    assert patient_answers.offered == [("Bridge", easier.name), ("Bridge", easier.name)]
    assert player.exercise_name.text() == easier.name
    assert player.stop_if.text().splitlines()[0] == easier.stop_if  # the swapped-in one's
    assert player.step_title.text() == "Get ready"
    session_id = flow.session_id
    assert session_id is not None
    items = started_items(store_of(ctx), session_id)
    assert items is not None and [i["exercise"] for i in items] == [easier.id, "heel-slides"]

    while player.session.step.exercise_id != "heel-slides":
        clock.advance(0.25)
        player.tick()
    qtbot.mouseClick(player.change_button, LEFT)  # heel slides: skip, it hurts
    assert patient_answers.offered[-1] == ("Heel slides", None)  # no easier version
    assert flow.current_page() is flow.pain_after
    give_pain(qtbot, flow.pain_after, 5, 4)

    tally = ctx.stores.progress.session_tally(session_id)
    assert tally.swaps == (("bridge", easier.id),)
    assert tally.skip_reasons == (("heel-slides", "pain"),)
    record = store_of(ctx).session(session_id)
    assert record is not None
    details = {
        d.title: d.text
        for d in session_details(
            record,
            tally,
            answers=None,
            feedback={},
            catalogue=ctx.content.catalogue,
            red_flags=ctx.content.red_flags,
        )
    }
    assert details["Skipped, and why"] == "Heel slides (pain)"
    assert details["Did the easier version"] == f"Bridge → {easier.name}"
    rows = csv_text([record], {session_id: tally}).splitlines()
    row = dict(zip(COLUMNS, rows[1].split(","), strict=True))
    assert row["exercises_skipped"] == "heel-slides: pain"
    assert row["exercises_swapped"] == f"bridge > {easier.id}"


# -- sessions recorded honestly ------------------------------------------------------------------
@pytest.fixture
def on_today(
    qtbot: QtBot, ctx: AppContext, profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> tuple[QWidget, SessionLauncher, SessionFlow]:
    """Today's first Start pressed, the questions answered: the player is running."""
    from coach.ui.screens import build_screens

    monkeypatch.setattr("coach.ui.session.sounds.find_backend", lambda _parent: SilentBackend())
    today = next(e for e in build_screens(ctx, lambda: None) if e.key == "today").factory()
    qtbot.addWidget(today)
    today.show()
    from coach.ui.today.routine_card import RoutineCard

    qtbot.mouseClick(today.findChildren(RoutineCard)[0].start_button, LEFT)
    launcher = today.findChild(SessionLauncher)
    assert launcher is not None and launcher.window is not None
    flow = launcher.window.flow
    answer_all_no(qtbot, flow)
    give_pain(qtbot, flow.pain_before, 2, 1)
    return today, launcher, flow


def _everywhere(ctx: AppContext, today: QWidget, profile: Profile) -> tuple[str, str, str]:
    """How Today's card, History's Result column and the CSV's status name the last session."""
    from coach.reports.csv_export import csv_text
    from coach.ui.history.model import result_text
    from coach.ui.today.routine_card import RoutineCard

    assert profile.id is not None
    record = store_of(ctx).sessions(profile.id)[-1]
    tallies = ctx.stores.progress.exercise_tallies(profile.id)
    row = csv_text([record], tallies).splitlines()[1].split(",")
    card = today.findChildren(RoutineCard)[0]
    return card.status.text(), result_text(record), row[3]


def _message_text(flow: SessionFlow) -> str:
    return " ".join(w.text() for w in flow.message.findChildren(type(flow.message.title)))


Today = tuple[QWidget, SessionLauncher, SessionFlow]


def test_a_session_with_every_exercise_skipped_is_skipped_everywhere_and_not_praised(
    qtbot: QtBot, ctx: AppContext, profile: Profile, on_today: Today
) -> None:
    today, launcher, flow = on_today
    player = flow.player
    assert player is not None
    while player.is_running():
        player.apply(player.session.skip)  # step by step, each skipped
    give_pain(qtbot, flow.pain_after, 2, 1)
    assert flow.feedback is not None
    assert flow.feedback.groups == {}  # nothing was done: no exercise to rate
    qtbot.mouseClick(flow.feedback.skip_button, LEFT)
    text = _message_text(flow)
    assert flow.message.title.text() == "No exercises this time"
    assert "Well done" not in text and "saved as skipped" in text
    with qtbot.waitSignal(launcher.session_closed):
        qtbot.mouseClick(flow.message.buttons[-1], LEFT)
    qtbot.waitUntil(lambda: _everywhere(ctx, today, profile)[0] == "Not done yet")
    assert _everywhere(ctx, today, profile) == ("Not done yet", "Skipped", "skipped")


def test_a_session_stopped_after_one_exercise_is_partly_done_everywhere(
    *,
    qtbot: QtBot,
    ctx: AppContext,
    profile: Profile,
    clock: FakeClock,
    on_today: Today,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    today, launcher, flow = on_today
    player = flow.player
    assert player is not None
    first = player.session.step.exercise_index
    while player.session.step.exercise_index == first:  # the first exercise, in full
        clock.advance(0.5)
        player.tick()
    qtbot.mouseClick(player.stop_button, LEFT)
    give_pain(qtbot, flow.pain_after, 2, 1)
    feedback = flow.feedback
    assert feedback is not None
    assert list(feedback.groups) == [player.session.steps[0].exercise_id]  # only what was done
    qtbot.mouseClick(feedback.skip_button, LEFT)
    assert flow.message.title.text() == "Partly done"
    assert "Saved as partly done: you did 1 of" in _message_text(flow)
    with qtbot.waitSignal(launcher.session_closed):
        qtbot.mouseClick(flow.message.buttons[-1], LEFT)
    qtbot.waitUntil(lambda: _everywhere(ctx, today, profile)[0] == "Partly done today")
    assert _everywhere(ctx, today, profile) == ("Partly done today", "Partly done", "partial")


def test_none_of_these_waits_until_every_sign_has_been_on_view(
    qtbot: QtBot, ctx: AppContext, qapp: QApplication, profile: Profile
) -> None:
    """With large text the list scrolls: a sign never seen cannot be answered "no"."""
    apply_appearance(qapp, 200, "light")
    flow = make_flow(qtbot, ctx, profile, RecordingBackend())
    flow.resize(1000, 600)
    flow.start()
    page = flow.red_flags
    bar = page._scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert not page.no_button.isEnabled()
    assert page.hint.text() == "Scroll down to read every sign before you answer."
    qtbot.keyClick(page, Qt.Key.Key_N)
    assert page.count.text() == "Part 1 of 3"  # the key does not answer either
    bar.triggerAction(bar.SliderAction.SliderToMaximum)  # as the wheel or Page Down does
    qtbot.waitUntil(page.no_button.isEnabled)
    bar.triggerAction(bar.SliderAction.SliderToMinimum)  # read once is enough
    QApplication.processEvents()
    assert page.no_button.isEnabled()
    qtbot.mouseClick(page.no_button, LEFT)
    assert page.count.text() == "Part 2 of 3"
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the new list is laid out
    assert not page.no_button.isEnabled()
    assert page._scroll.hasFocus()  # so the keys scroll the list
    for _ in range(10):
        qtbot.keyClick(page._scroll, Qt.Key.Key_PageDown)
    qtbot.waitUntil(page.no_button.isEnabled)
    qtbot.mouseClick(page.no_button, LEFT)
    assert page.count.text() == "Part 3 of 3"
