"""The spoken words: what a patient on the floor hears at each moment of a session."""

from __future__ import annotations

from coach.domain.catalogue import Dosage
from coach.domain.clock import FakeClock
from coach.domain.content import Content
from coach.domain.coping import body_scan_steps, breathing_steps
from coach.domain.protocol import Prescription
from coach.domain.readability import grade
from coach.domain.spoken import END_WORDS, Priority, words_for
from coach.domain.steps import StepKind, compile_steps
from coach.domain.timer import Event, EventKind, Session


def spoken_session(content: Content) -> list[tuple[str, Priority]]:
    """Run a short two-exercise session on a fake clock and collect every utterance."""
    items = (
        Prescription("bridge", Dosage(sets=2, reps=2, hold_s=5, rest_s=10)),
        Prescription("clamshell", Dosage(reps=1, hold_s=3)),
    )
    steps = compile_steps(items, content.catalogue)
    clock = FakeClock()
    session = Session(steps, clock)
    events = session.start()
    while session.state.value == "running":
        clock.advance(0.5)
        events += session.poll()

    def stop_if(exercise_id: str) -> str:
        return content.catalogue[exercise_id].stop_if + "\nChest pain: call 999."

    said = [words_for(e, session.steps, stop_if) for e in events]
    return [(u.text, u.priority) for u in said if u is not None]


def test_a_session_is_talked_through(content: Content) -> None:
    said = spoken_session(content)
    texts = [t for t, _ in said]
    bridge = content.catalogue["bridge"]
    first = texts[0]
    assert first.startswith("Get ready: Bridge.")
    assert bridge.stop_if in first and bridge.steps[0] in first
    assert "Chest pain" not in first  # only the exercise's own stop-if line is said
    assert texts[1:4] == ["3", "2", "1"]
    assert "Hold. 1 of 2." in texts
    assert "Relax." in texts
    assert any(t.startswith("Rest. Next: set 2 of 2") for t in texts)
    clam = content.catalogue["clamshell"]
    assert any(t.startswith(f"Next exercise: {clam.name}.") for t in texts)
    if clam.per_side:
        assert any(t.startswith("Change sides.") for t in texts)
    assert texts[-1] == END_WORDS
    priorities = dict(said)
    assert priorities[first] == Priority.INTRO and priorities["3"] == Priority.COUNT
    assert priorities["Relax."] == Priority.STEP


def test_coping_tools_speak_their_steps(content: Content) -> None:
    breath = breathing_steps(2, content.coping)
    start = Event(EventKind.STEP_STARTED, 0.0, 0)
    said = words_for(start, breath, lambda _id: "")
    assert said is not None and said.text == "Breathe in."
    scan = body_scan_steps(3, content.coping)
    said = words_for(Event(EventKind.STEP_STARTED, 0.0, 1), scan, lambda _id: "")
    assert said is not None
    assert said.text == "Your feet. Notice your feet. Let them go heavy and loose."
    assert said.priority == Priority.INTRO


def test_nothing_is_said_for_events_without_words(content: Content) -> None:
    steps = compile_steps((Prescription("bridge", Dosage(reps=1, hold_s=3)),), content.catalogue)
    for kind in (EventKind.PAUSED, EventKind.STEP_FINISHED, EventKind.SESSION_STOPPED):
        assert words_for(Event(kind, 0.0, 0), steps, lambda _id: "") is None
    assert words_for(Event(EventKind.STEP_STARTED, 0.0, 99), steps, lambda _id: "") is None
    assert steps[0].kind == StepKind.READY


def test_the_words_are_plain(content: Content) -> None:
    texts = [t for t, _ in spoken_session(content) if len(t.split()) > 8]
    assert texts
    for text in texts:
        assert grade(text) <= 8, text
