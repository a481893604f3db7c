"""The session state machine on a fake clock (coach.domain.timer)."""

from __future__ import annotations

import math
import random

import pytest

from coach.domain.catalogue import Dosage
from coach.domain.clock import FakeClock
from coach.domain.content import Content
from coach.domain.protocol import Prescription
from coach.domain.session_json import event_detail, resume_index
from coach.domain.session_text import PAUSED_TEXT, duration_words, next_text, position_text
from coach.domain.steps import READY_S, Step, StepKind, compile_steps
from coach.domain.timer import RECORDED_KINDS, Event, EventKind, Session, State


def steps_for(content: Content, *items: tuple[str, Dosage]) -> tuple[Step, ...]:
    return compile_steps([Prescription(i, d) for i, d in items], content.catalogue)


def kinds(steps: tuple[Step, ...]) -> list[str]:
    return [s.kind.value for s in steps]


def of_kind(events: list[Event], kind: EventKind) -> list[Event]:
    return [e for e in events if e.kind == kind]


# -- compiling ---------------------------------------------------------------------------------


# -- the state machine -------------------------------------------------------------------------
def simple_steps() -> tuple[Step, ...]:
    def step(kind: StepKind, seconds: float) -> Step:
        return Step(kind, seconds, 0, "x", "X", kind.value, "")

    return (
        step(StepKind.READY, 10),
        step(StepKind.HOLD, 5),
        step(StepKind.RELAX, 3),
        step(StepKind.HOLD, 5),
    )


def test_remaining_is_deadline_minus_now_and_steps_end_on_their_deadlines() -> None:
    clock = FakeClock()
    t0 = clock.monotonic()
    session = Session(simple_steps(), clock)
    started = session.start()
    assert [(e.kind, e.at) for e in started] == [(EventKind.STEP_STARTED, t0)]
    clock.advance(4.25)
    assert session.poll() == []
    assert session.remaining() == pytest.approx(5.75)
    clock.advance(5.75)
    events = session.poll()
    assert [(e.kind, e.step_index, e.at) for e in events] == [
        (EventKind.STEP_FINISHED, 0, t0 + 10),
        (EventKind.STEP_STARTED, 1, t0 + 10),
    ]
    assert session.remaining() == pytest.approx(5)


def test_a_stall_catches_up_with_each_step_ending_at_its_own_deadline() -> None:
    clock = FakeClock()
    t0 = clock.monotonic()
    session = Session(simple_steps(), clock)
    session.start()
    clock.advance(9.0)
    session.poll()
    clock.advance(7.5)  # the event loop stalls for 7.5 s: ready, hold 1 end; relax is half over
    events = session.poll()
    finished = of_kind(events, EventKind.STEP_FINISHED)
    assert [(e.step_index, e.at) for e in finished] == [(0, t0 + 10), (1, t0 + 15)]
    assert session.index == 2
    assert session.deadline == t0 + 18  # previous deadline + 3 s, not now + 3 s
    assert session.remaining() == pytest.approx(1.5)
    # Only the lowest countdown number crossed is announced; missed ones stay silent.
    assert [e.value for e in of_kind(events, EventKind.COUNTDOWN)] == []
    clock.advance(20)
    events = session.poll()
    assert of_kind(events, EventKind.SESSION_FINISHED)[0].at == t0 + 23
    assert not of_kind(events, EventKind.COUNTDOWN)  # stale cues of steps long gone: none
    assert session.state == State.FINISHED


def test_countdown_3_2_1_before_a_hold_ends_at_exact_times() -> None:
    clock = FakeClock()
    session = Session(simple_steps()[1:2], clock)  # one hold of 5 s
    t0 = clock.monotonic()
    session.start()
    counts: list[Event] = []
    for _ in range(120):
        clock.advance(0.05)
        counts += of_kind(session.poll(), EventKind.COUNTDOWN)
    assert [(e.value, e.at) for e in counts] == [(3, t0 + 2), (2, t0 + 3), (1, t0 + 4)]
    assert session.next_due() is None  # finished


def test_countdown_after_a_short_stall_announces_only_the_latest_number() -> None:
    clock = FakeClock()
    session = Session(simple_steps()[1:2], clock)
    session.start()
    clock.advance(3.5)  # 1.5 s left: "3" and "2" were crossed
    assert [e.value for e in of_kind(session.poll(), EventKind.COUNTDOWN)] == [2]


def test_relax_and_reps_have_no_countdown_but_next_due_is_their_boundary() -> None:
    clock = FakeClock()
    session = Session(simple_steps()[2:3], clock)
    session.start()
    assert session.next_due() == clock.monotonic() + 3
    clock.advance(2.9)
    assert session.poll() == []


def test_pause_freezes_the_time_left_and_resume_moves_the_deadline() -> None:
    clock = FakeClock()
    session = Session(simple_steps(), clock)
    session.start()
    clock.advance(4)
    assert [e.kind for e in session.pause()] == [EventKind.PAUSED]
    clock.advance(600)
    assert session.poll() == []
    assert session.remaining() == 6
    assert session.state == State.PAUSED
    assert [e.kind for e in session.toggle_pause()] == [EventKind.RESUMED]
    assert session.deadline == clock.monotonic() + 6
    clock.advance(6)
    assert [e.kind for e in session.poll()] == [EventKind.STEP_FINISHED, EventKind.STEP_STARTED]


def test_skip_ends_the_step_now_and_the_next_starts_at_once() -> None:
    clock = FakeClock()
    session = Session(simple_steps(), clock)
    session.start()
    clock.advance(2)
    events = session.skip()
    assert [(e.kind, e.step_index) for e in events] == [
        (EventKind.STEP_SKIPPED, 0),
        (EventKind.STEP_STARTED, 1),
    ]
    assert session.remaining() == 5
    session.skip()
    session.skip()
    events = session.skip()
    assert [e.kind for e in events][-1] == EventKind.SESSION_FINISHED
    assert session.progress() == 1.0


def test_skip_while_paused_stays_paused_with_the_next_steps_full_time() -> None:
    clock = FakeClock()
    session = Session(simple_steps(), clock)
    session.start()
    session.pause()
    session.skip()
    assert session.state == State.PAUSED
    assert (session.index, session.remaining()) == (1, 5)


def test_back_restarts_the_previous_step_and_the_first_step_restarts_itself() -> None:
    clock = FakeClock()
    session = Session(simple_steps(), clock)
    session.start()
    clock.advance(12)
    session.poll()
    assert session.index == 1
    events = session.back()
    assert [(e.kind, e.step_index) for e in events] == [
        (EventKind.WENT_BACK, 0),
        (EventKind.STEP_STARTED, 0),
    ]
    assert session.remaining() == 10
    clock.advance(3)
    session.back()
    assert (session.index, session.remaining()) == (0, 10)


def test_add_time_adds_15_seconds_and_counts_down_again() -> None:
    clock = FakeClock()
    session = Session(simple_steps()[1:2], clock)
    session.start()
    clock.advance(4.5)
    assert [e.value for e in of_kind(session.poll(), EventKind.COUNTDOWN)] == [1]
    events = session.add_time()
    assert [(e.kind, e.value) for e in events] == [(EventKind.TIME_ADDED, 15)]
    assert session.remaining() == pytest.approx(15.5)
    assert session.duration() == 20
    clock.advance(13)  # 2.5 s left: "3" comes again, then "2" on the next poll
    assert [e.value for e in of_kind(session.poll(), EventKind.COUNTDOWN)] == [3]
    session.pause()
    session.add_time()
    assert session.remaining() == pytest.approx(17.5)


def test_stop_ends_the_session_early() -> None:
    clock = FakeClock()
    session = Session(simple_steps(), clock)
    session.start()
    clock.advance(3)
    events = session.stop()
    assert [e.kind for e in events] == [EventKind.SESSION_STOPPED]
    assert session.state == State.STOPPED
    clock.advance(100)
    assert session.poll() == []
    assert session.skip() == []


def test_start_can_resume_at_a_recorded_step_paused() -> None:
    clock = FakeClock()
    session = Session(simple_steps(), clock)
    events = session.start(2, paused=True)
    assert [e.kind for e in events] == [EventKind.STEP_STARTED, EventKind.PAUSED]
    assert (session.index, session.remaining()) == (2, 3)
    assert session.progress() == pytest.approx(15 / 23)


def test_a_simulated_60_minute_session_ends_exactly_on_time_despite_late_polls(
    content: Content,
) -> None:
    steps = steps_for(
        content,
        ("walking", Dosage(reps=1, minutes=35)),
        ("bridge", Dosage(sets=3, reps=10, hold_s=5, rest_s=60)),
        ("heel-slides", Dosage(sets=2, reps=10, tempo_s=4, rest_s=30)),
        ("diaphragmatic-breathing", Dosage(reps=10, tempo_s=6)),
        ("calf-stretch", Dosage(sets=3, reps=3, hold_s=30, rest_s=30)),
    )
    total = math.fsum(s.seconds for s in steps)
    assert 55 * 60 <= total <= 65 * 60
    clock = FakeClock()
    t0 = clock.monotonic()
    session = Session(steps, clock)
    session.start()
    rng = random.Random(4)
    finished: list[Event] = []
    while session.state == State.RUNNING:
        # Usually ~50 ms late polls, sometimes a stall of several seconds.
        clock.advance(rng.choice([0.05, 0.07, 0.2, 0.9, 4.0, 8.5]))
        finished += session.poll()
    ends = [e.at for e in finished if e.kind == EventKind.STEP_FINISHED]
    expected = [t0 + math.fsum(s.seconds for s in steps[: i + 1]) for i in range(len(steps))]
    assert ends == pytest.approx(expected, abs=1e-6)
    end = of_kind(finished, EventKind.SESSION_FINISHED)[0].at
    assert end == pytest.approx(t0 + total, abs=1e-6)


def test_progress_grows_through_the_routine() -> None:
    clock = FakeClock()
    session = Session(simple_steps(), clock)
    session.start()
    seen = []
    for _ in range(23):
        seen.append(session.progress())
        clock.advance(1)
        session.poll()
    assert seen == sorted(seen)
    assert seen[0] == 0
    assert session.progress() == 1.0


def test_sessions_refuse_empty_or_zero_length_steps() -> None:
    with pytest.raises(ValueError, match="at least one"):
        Session((), FakeClock())
    with pytest.raises(ValueError, match="more than 0"):
        Session((Step(StepKind.HOLD, 0, 0, "x", "X", "Hold", ""),), FakeClock())


# -- helpers for the player and resume ---------------------------------------------------------


def test_player_words_say_where_the_patient_is_and_what_comes_next() -> None:
    side = Step(
        StepKind.HOLD, 5, 0, "x", "X", "Hold", "", rep=3, reps=10, set=1, sets=2, side="left"
    )
    assert position_text(side) == "Rep 3 of 10  ·  Set 1 of 2  ·  Left side"
    assert position_text(simple_steps()[0]) == ""
    assert [duration_words(s) for s in (3, 60, 600)] == ["3 seconds", "1 minute", "10 minutes"]
    clock = FakeClock()
    session = Session(simple_steps(), clock)
    session.start()
    assert next_text(session) == "Next: hold, 5 seconds"
    session.pause()
    assert next_text(session) == PAUSED_TEXT


# -- easier or skip (REFERENCE section 4) ------------------------------------------------------
def test_skip_exercise_with_a_reason_jumps_to_the_next_exercise(content: Content) -> None:
    from coach.domain.timer import SKIP_REASONS

    steps = steps_for(
        content, ("bridge", Dosage(sets=1, reps=3, hold_s=5)), ("ankle-pumps", Dosage(reps=2))
    )
    clock = FakeClock()
    session = Session(steps, clock)
    session.start()
    clock.advance(READY_S + 1)
    session.poll()
    assert session.step.exercise_id == "bridge" and session.index == 1
    events = session.skip_exercise("pain")
    [skipped] = of_kind(events, EventKind.EXERCISE_SKIPPED)
    last_bridge = max(i for i, s in enumerate(steps) if s.exercise_id == "bridge")
    assert skipped.step_index == last_bridge and SKIP_REASONS[skipped.value] == "pain"
    assert event_detail(steps[last_bridge], skipped)["reason"] == "pain"
    assert session.step.exercise_id == "ankle-pumps" and session.step.kind == StepKind.READY
    assert EventKind.EXERCISE_SKIPPED in RECORDED_KINDS
    # a resume after a crash goes on from the next exercise, not back into the bridge
    recorded = [(e.kind.value, e.step_index) for e in events if e.kind in RECORDED_KINDS]
    assert resume_index(recorded, len(steps)) == last_bridge + 1
    finished = session.skip_exercise("tired")
    assert session.state == State.FINISHED
    assert of_kind(finished, EventKind.SESSION_FINISHED)
    with pytest.raises(ValueError, match="unknown reason"):
        Session(steps, clock).skip_exercise("bored")


def test_swap_to_the_easier_variant_restarts_that_exercise_with_its_steps(
    content: Content,
) -> None:
    items = [("ankle-pumps", Dosage(reps=2)), ("bridge", Dosage(reps=2, hold_s=5))]
    steps = steps_for(content, *items)
    clock = FakeClock()
    session = Session(steps, clock)
    session.start()
    session.skip()  # ankle pumps: ready
    session.skip()  # rep 1
    session.skip()  # rep 2 -> the bridge's "next exercise" step
    session.skip()  # bridge: first hold
    assert session.step.exercise_id == "bridge"
    easier = content.catalogue["bridge"].easier
    assert easier is not None
    swapped = steps_for(content, items[0], (easier, content.catalogue[easier].dosage))
    events = session.swap_exercise(swapped)
    [swap] = of_kind(events, EventKind.EXERCISE_SWAPPED)
    first = next(i for i, s in enumerate(swapped) if s.exercise_id == easier)
    assert swap.step_index == first and swap.swapped == ("bridge", easier)
    detail = event_detail(swapped[first], swap)
    assert (detail["from"], detail["to"]) == ("bridge", easier)
    assert session.index == first and session.step.exercise_id == easier
    assert session.steps == swapped
    # resuming replays the steps done before, then the swap puts the patient at its start
    recorded = [("step-done", i) for i in range(first + 1)] + [("swapped", first)]
    assert resume_index(recorded, len(swapped)) == first
    with pytest.raises(ValueError, match="keep the exercises before"):
        session.swap_exercise(swapped[:1])


def test_back_exercise_goes_to_this_exercises_start_then_the_one_before(
    content: Content,
) -> None:
    steps = steps_for(content, ("ankle-pumps", Dosage(reps=2)), ("quad-sets", Dosage(reps=2)))
    second = next(i for i, s in enumerate(steps) if s.exercise_id == "quad-sets")
    clock = FakeClock()
    session = Session(steps, clock)
    session.start()
    session.skip_exercise("other")
    assert session.index == second
    session.back_exercise()  # at the start of quad sets: back to ankle pumps, just skipped
    assert session.index == 0
    session.skip_exercise("other")
    session.skip()
    session.back_exercise()  # inside quad sets: back to its start
    assert session.index == second
