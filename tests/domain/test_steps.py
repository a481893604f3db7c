"""A routine compiled to timed steps (coach.domain.steps)."""

from __future__ import annotations

from coach.domain.catalogue import Dosage
from coach.domain.content import Content
from coach.domain.protocol import Prescription
from coach.domain.steps import READY_S, RELAX_S, SWITCH_S, Step, compile_steps


def steps_for(content: Content, *items: tuple[str, Dosage]) -> tuple[Step, ...]:
    return compile_steps([Prescription(i, d) for i, d in items], content.catalogue)


def kinds(steps: tuple[Step, ...]) -> list[str]:
    return [s.kind.value for s in steps]


def test_hold_exercise_gets_ready_then_hold_and_relax_per_rep_and_rest_between_sets(
    content: Content,
) -> None:
    steps = steps_for(content, ("bridge", Dosage(sets=2, reps=2, hold_s=5, rest_s=30)))
    assert kinds(steps) == ["ready", "hold", "relax", "hold", "rest", "hold", "relax", "hold"]
    assert [s.seconds for s in steps] == [READY_S, 5, RELAX_S, 5, 30, 5, RELAX_S, 5]
    assert steps[0].title == "Get ready"
    assert steps[0].instruction.startswith("Lie on your back")  # position yourself
    last = steps[-1]
    assert (last.rep, last.reps, last.set, last.sets) == (2, 2, 2, 2)
    assert steps[4].instruction == "Rest. Next: set 2 of 2."


def test_per_side_exercise_switches_sides_and_reps_without_hold_follow_the_tempo(
    content: Content,
) -> None:
    steps = steps_for(content, ("heel-slides", Dosage(sets=1, reps=2, hold_s=0, tempo_s=4)))
    assert kinds(steps) == ["ready", "rep", "rep", "switch", "rep", "rep"]
    assert [s.side for s in steps[1:]] == ["left", "left", "right", "right", "right"]
    assert steps[1].seconds == 4
    assert steps[3].seconds == SWITCH_S


def test_breathing_is_paced_in_and_out(content: Content) -> None:
    steps = steps_for(content, ("diaphragmatic-breathing", Dosage(reps=2, hold_s=0, tempo_s=6)))
    assert kinds(steps) == ["ready", "breathe-in", "breathe-out", "breathe-in", "breathe-out"]
    assert [s.seconds for s in steps[1:3]] == [3, 3]


def test_walking_is_one_step_of_its_minutes_and_later_exercises_say_next(
    content: Content,
) -> None:
    steps = steps_for(
        content,
        ("ankle-pumps", Dosage(reps=1, tempo_s=2)),
        ("walking", Dosage(reps=1, minutes=12)),
    )
    assert kinds(steps) == ["ready", "rep", "ready", "walk"]
    assert steps[2].title == "Next exercise"
    assert steps[3].seconds == 12 * 60
    assert steps[3].title == "Walk"
