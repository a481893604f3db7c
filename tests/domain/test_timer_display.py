"""The player's display helpers: the time left as text and the figure's pose
(coach.domain.timer_display)."""

from __future__ import annotations

import pytest

from coach.domain.steps import Step, StepKind
from coach.domain.timer_display import figure_phase, format_seconds


def test_figure_moves_to_the_end_pose_in_a_hold_and_back_when_relaxing() -> None:
    hold = Step(StepKind.HOLD, 10, 0, "x", "X", "Hold", "")
    relax = Step(StepKind.RELAX, 3, 0, "x", "X", "Relax", "")
    rep = Step(StepKind.REP, 4, 0, "x", "X", "Move", "")
    assert figure_phase(hold, 0) == 0
    assert figure_phase(hold, 5) == 1
    assert figure_phase(relax, 0) == 1
    assert figure_phase(relax, 3) == 0
    assert figure_phase(rep, 2) == pytest.approx(1)
    assert figure_phase(rep, 4) == pytest.approx(0)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0"), (0.2, "1"), (3.0, "3"), (59, "59"), (59.5, "1:00"), (65, "1:05")],
)
def test_countdown_text_rounds_up(seconds: float, text: str) -> None:
    assert format_seconds(seconds) == text


def test_getting_ready_shows_each_key_pose_at_a_followable_pace() -> None:
    ready = Step(StepKind.READY, 10.0, 0, "log-roll", "Log roll", "Get ready", "Lie down.")
    assert figure_phase(ready, 2.0) == pytest.approx(1.0)  # two poses: there and back in 4 s
    assert figure_phase(ready, 2.0, key_steps=3) == pytest.approx(0.25)  # four poses: 12 s
    assert figure_phase(ready, 6.0, key_steps=3) == pytest.approx(1.0)


def test_the_figure_breathes_with_the_breath_and_keeps_stepping_on_a_walk() -> None:
    breathe_in = Step(StepKind.BREATHE_IN, 4, 0, "x", "X", "Breathe in", "")
    breathe_out = Step(StepKind.BREATHE_OUT, 4, 0, "x", "X", "Breathe out", "")
    walk = Step(StepKind.WALK, 600, 0, "walking", "Walking", "Walk", "")
    switch = Step(StepKind.SWITCH, 10, 0, "x", "X", "Change sides", "")
    assert [figure_phase(breathe_in, t) for t in (0, 4)] == [0, 1]  # in: to the end pose
    assert [figure_phase(breathe_out, t) for t in (0, 4)] == [1, 0]  # out: back again
    assert figure_phase(walk, 0.8) == pytest.approx(1.0)  # a step every 1.6 s, all walk long
    assert figure_phase(walk, 100 * 1.6 + 0.8) == pytest.approx(1.0)
    assert figure_phase(switch, 5) == 0.0  # changing sides: the start pose
