"""The guided session's timing: a routine compiles to a flat list of steps, and ``Session`` walks
through them on an injected monotonic clock.

Why deadlines and not ticks: the UI's timer may fire late, or not at all while the event loop
stalls. Each step's end is a fixed point on the monotonic clock, so the time left is always
``deadline - now``, and a late ``poll`` catches up exactly: a step that ended during a stall
ends at its own deadline, and the next deadline is that deadline plus the next step's length
(never "now" plus the length), so a 60-minute session ends on time however late the polls are.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import Any

from coach.domain.catalogue import DOSAGE_LIMITS, Catalogue, Dosage, Exercise
from coach.domain.clock import Clock
from coach.domain.fields import DataError, Fields
from coach.domain.protocol import Prescription, Routine
from coach.domain.safety import GENTLE_CATEGORIES

READY_S = 10.0  # get into position
RELAX_S = 3.0  # back to the start between holds
SWITCH_S = 10.0  # turn to the other side
MIN_REST_S = 5.0  # between sets, even when the dose says 0
COUNTDOWN_FROM = 3  # 3-2-1 before a hold (or a wait) ends
ADD_TIME_S = 15.0
WALKING_ID = "walking"
BREATHING_ID = "diaphragmatic-breathing"


class StepKind(StrEnum):
    READY = "ready"  # get into position; for later exercises this is the "next exercise" step
    HOLD = "hold"
    RELAX = "relax"
    REP = "rep"  # one rep at a tempo (exercises without a hold)
    SWITCH = "switch"  # change to the other side
    REST = "rest"  # between sets
    WALK = "walk"  # a timed activity (walking, cycling) for some minutes
    BREATHE_IN = "breathe-in"
    BREATHE_OUT = "breathe-out"


COUNTDOWN_KINDS = frozenset(
    {StepKind.READY, StepKind.HOLD, StepKind.SWITCH, StepKind.REST, StepKind.WALK}
)


@dataclass(frozen=True)
class Step:
    """One timed thing to do. ``rep``/``set`` are 1-based; 0 when they do not apply."""

    kind: StepKind
    seconds: float
    exercise_index: int
    exercise_id: str
    exercise_name: str
    title: str  # "Hold", "Relax", "Get ready", ...
    instruction: str  # one short line
    rep: int = 0
    reps: int = 0
    set: int = 0
    sets: int = 0
    side: str | None = None  # "left" or "right" for exercises done on each side

    @property
    def countdown(self) -> bool:
        return self.kind in COUNTDOWN_KINDS


# -- compiling a routine -----------------------------------------------------------------------
def compile_steps(items: Sequence[Prescription], catalogue: Catalogue) -> tuple[Step, ...]:
    """The flat list of steps for these exercises, in order."""
    steps: list[Step] = []
    for index, item in enumerate(items):
        steps.extend(_exercise_steps(index, catalogue[item.exercise_id], item.dosage))
    return tuple(steps)


def _exercise_steps(index: int, exercise: Exercise, dose: Dosage) -> list[Step]:
    def step(kind: StepKind, seconds: float, title: str, text: str, **kw: Any) -> Step:
        return Step(kind, seconds, index, exercise.id, exercise.name, title, text, **kw)

    title = "Get ready" if index == 0 else "Next exercise"
    steps = [step(StepKind.READY, READY_S, title, exercise.steps[0])]
    if dose.timed:
        title = "Walk" if exercise.id == WALKING_ID else "Keep going"
        text = f"{exercise.cues[0]}. Go at an easy pace: you can still talk."
        steps.append(step(StepKind.WALK, dose.minutes * 60.0, title, text))
        return steps
    sides: tuple[str | None, ...] = ("left", "right") if exercise.per_side else (None,)
    for set_no in range(1, dose.sets + 1):
        for side in sides:
            where: dict[str, Any] = {"set": set_no, "sets": dose.sets, "side": side}
            if side == "right":
                text = "Get ready to do your right side."
                steps.append(step(StepKind.SWITCH, SWITCH_S, "Change sides", text, **where))
            for rep in range(1, dose.reps + 1):
                for kind, seconds, title, text in _rep_parts(exercise, dose, rep):
                    steps.append(step(kind, seconds, title, text, rep=rep, reps=dose.reps, **where))
        if set_no < dose.sets:
            rest = max(MIN_REST_S, float(dose.rest_s))
            text = f"Rest. Next: set {set_no + 1} of {dose.sets}."
            steps.append(step(StepKind.REST, rest, "Rest", text, set=set_no, sets=dose.sets))
    return steps


def _rep_parts(
    exercise: Exercise, dose: Dosage, rep: int
) -> list[tuple[StepKind, float, str, str]]:
    """One rep: hold then relax, a breath in and out, or one slow movement at the tempo."""
    cue = exercise.cues[(rep - 1) % len(exercise.cues)]
    if dose.hold_s:
        parts = [(StepKind.HOLD, float(dose.hold_s), "Hold", cue)]
        if rep < dose.reps:  # the last rep is followed by a side change, a rest or the next step
            parts.append((StepKind.RELAX, RELAX_S, "Relax", "Slowly go back to the start."))
        return parts
    if exercise.category == "relaxation":
        breathe_in = float(max(1, dose.tempo_s // 2))
        return [
            (StepKind.BREATHE_IN, breathe_in, "Breathe in", "Slowly, through your nose."),
            (
                StepKind.BREATHE_OUT,
                max(1.0, dose.tempo_s - breathe_in),
                "Breathe out",
                "Slowly, and let go.",
            ),
        ]
    return [(StepKind.REP, float(dose.tempo_s), "Move slowly", cue)]


def gentle_items(
    routine: Routine, catalogue: Catalogue, walk_minutes: int
) -> tuple[Prescription, ...]:
    """The gentle form (after a warning sign, or when pain is high): walking and breathing only.

    Keeps the routine's own walking and relaxation items; adds a walk of ``walk_minutes`` and
    belly breathing when the routine has none."""
    kept = [i for i in routine.items if catalogue[i.exercise_id].category in GENTLE_CATEGORIES]
    categories = {catalogue[i.exercise_id].category for i in kept}
    if "aerobic" not in categories and WALKING_ID in catalogue:
        walk = replace(catalogue[WALKING_ID].dosage, minutes=max(1, walk_minutes))
        kept.insert(0, Prescription(WALKING_ID, walk))
    if "relaxation" not in categories and BREATHING_ID in catalogue:
        kept.append(Prescription(BREATHING_ID, catalogue[BREATHING_ID].dosage))
    return tuple(kept)


def items_to_json(items: Sequence[Prescription]) -> list[dict[str, Any]]:
    """The exercises of a session as started, stored with it so a resume rebuilds the same steps."""
    return [
        {"exercise": i.exercise_id, **{f.name: getattr(i.dosage, f.name) for f in fields(Dosage)}}
        for i in items
    ]


def items_from_json(data: object, catalogue: Catalogue) -> tuple[Prescription, ...]:
    """Read back ``items_to_json``; raises DataError if an exercise is no longer known."""
    if not isinstance(data, list) or not data:
        raise DataError("stored session", "items", "must be a non-empty list")
    items = []
    for n, raw in enumerate(data):
        f = Fields(raw, "stored session", f"items[{n}]")
        exercise_id = f.choice("exercise", catalogue.ids())
        dose = Dosage(**{d.name: f.integer(d.name, *DOSAGE_LIMITS[d.name]) for d in fields(Dosage)})
        f.finish()
        items.append(Prescription(exercise_id, dose))
    return tuple(items)


# -- the state machine -------------------------------------------------------------------------
class State(StrEnum):
    NOT_STARTED = "not-started"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"  # every step done (or skipped)
    STOPPED = "stopped"  # the patient stopped early


class EventKind(StrEnum):
    STEP_STARTED = "step-started"
    COUNTDOWN = "countdown"  # value: 3, 2 or 1
    STEP_FINISHED = "step-done"
    STEP_SKIPPED = "step-skipped"
    PAUSED = "paused"
    RESUMED = "resumed"
    WENT_BACK = "went-back"  # step_index: the step gone back to
    TIME_ADDED = "time-added"  # value: seconds
    SESSION_FINISHED = "routine-finished"
    SESSION_STOPPED = "stopped"
    # step_index: the exercise's last step; value: index in SKIP_REASONS
    EXERCISE_SKIPPED = "exercise-skipped"
    # step_index: the swapped exercise's first step (steps from there on are the new ones)
    EXERCISE_SWAPPED = "swapped"


# REFERENCE section 4: why a patient skipped an exercise (stored, shown to the therapist).
SKIP_REASONS = ("pain", "tired", "other")
SKIP_REASON_WORDS = {"pain": "pain", "tired": "too tired", "other": "another reason"}


# What the store keeps (cues are not kept: they are only sound).
RECORDED_KINDS = frozenset(EventKind) - {EventKind.STEP_STARTED, EventKind.COUNTDOWN}


@dataclass(frozen=True)
class Event:
    """Something that happened, at ``at`` on the monotonic clock (a boundary's own deadline,
    even when it is noticed late)."""

    kind: EventKind
    at: float
    step_index: int
    value: int = 0
    swapped: tuple[str, str] | None = None  # (from, to) exercise ids, for EXERCISE_SWAPPED


class Session:
    """Walks through ``steps`` on the injected clock. Every command first catches up with the
    clock, then acts, and returns the events in the order they happened."""

    def __init__(self, steps: Sequence[Step], clock: Clock) -> None:
        if not steps:
            raise ValueError("a session needs at least one step")
        if any(not s.seconds > 0 for s in steps):
            raise ValueError("every step must last more than 0 seconds")
        self.steps = tuple(steps)
        self._clock = clock
        self._state = State.NOT_STARTED
        self._index = 0
        self._deadline = 0.0
        self._left_when_paused = 0.0
        self._extra = 0.0  # seconds added to the current step
        self._next_count = 0
        self._total = math.fsum(s.seconds for s in self.steps)

    # -- reading -----------------------------------------------------------------------------
    @property
    def state(self) -> State:
        return self._state

    @property
    def index(self) -> int:
        return self._index

    @property
    def step(self) -> Step:
        return self.steps[self._index]

    @property
    def next_step(self) -> Step | None:
        return self.steps[self._index + 1] if self._index + 1 < len(self.steps) else None

    @property
    def deadline(self) -> float:
        """When the current step ends (meaningful while running)."""
        return self._deadline

    def duration(self) -> float:
        """The current step's length, with any time added."""
        return self.step.seconds + self._extra

    def remaining(self) -> float:
        if self._state == State.RUNNING:
            return max(0.0, self._deadline - self._clock.monotonic())
        if self._state == State.PAUSED:
            return self._left_when_paused
        if self._state == State.NOT_STARTED:
            return self.duration()
        return 0.0

    def elapsed(self) -> float:
        return max(0.0, self.duration() - self.remaining())

    def progress(self) -> float:
        """How far through the whole routine, 0..1, by planned time."""
        if self._state == State.FINISHED:
            return 1.0
        done = math.fsum(s.seconds for s in self.steps[: self._index])
        fraction = self.elapsed() / self.duration()
        return min(1.0, (done + fraction * self.step.seconds) / self._total)

    def next_due(self) -> float | None:
        """When the next event is due on the monotonic clock (a cue or a boundary), so the UI
        can wake exactly then; None when nothing is due (paused, finished)."""
        if self._state != State.RUNNING:
            return None
        if self._next_count > 0:
            return self._deadline - self._next_count
        return self._deadline

    # -- commands ----------------------------------------------------------------------------
    def start(self, index: int = 0, *, paused: bool = False) -> list[Event]:
        """Begin at step ``index`` (0, or the recorded step when resuming after a crash)."""
        if self._state != State.NOT_STARTED:
            raise RuntimeError("the session has already started")
        if not 0 <= index < len(self.steps):
            raise IndexError(index)
        now = self._clock.monotonic()
        events: list[Event] = []
        self._state = State.RUNNING
        self._enter(index, now, events)
        if paused:
            self._left_when_paused = self.duration()
            self._state = State.PAUSED
            events.append(Event(EventKind.PAUSED, now, index))
        return events

    def poll(self) -> list[Event]:
        return self.advance_to(self._clock.monotonic())

    def advance_to(self, now: float) -> list[Event]:
        """Process every boundary passed up to ``now``; each step ends at its own deadline."""
        events: list[Event] = []
        if self._state != State.RUNNING:
            return events
        while now >= self._deadline:
            ended = self._deadline
            events.append(Event(EventKind.STEP_FINISHED, ended, self._index))
            if self._index + 1 >= len(self.steps):
                self._finish(ended, events)
                return events
            self._enter(self._index + 1, ended, events)
        self._countdown(now, events)
        return events

    def pause(self) -> list[Event]:
        now = self._clock.monotonic()
        events = self.advance_to(now)
        if self._state == State.RUNNING:
            self._left_when_paused = self._deadline - now
            self._state = State.PAUSED
            events.append(Event(EventKind.PAUSED, now, self._index))
        return events

    def resume(self) -> list[Event]:
        now = self._clock.monotonic()
        if self._state != State.PAUSED:
            return self.advance_to(now)
        self._deadline = now + self._left_when_paused
        self._state = State.RUNNING
        events = [Event(EventKind.RESUMED, now, self._index)]
        self._countdown(now, events)
        return events

    def toggle_pause(self) -> list[Event]:
        return self.resume() if self._state == State.PAUSED else self.pause()

    def skip(self) -> list[Event]:
        """End the current step now (recorded as skipped) and start the next one."""
        now = self._clock.monotonic()
        events = self.advance_to(now)
        if self._state not in (State.RUNNING, State.PAUSED):
            return events
        events.append(Event(EventKind.STEP_SKIPPED, now, self._index))
        if self._index + 1 >= len(self.steps):
            self._finish(now, events)
        else:
            self._move_to(self._index + 1, now, events)
        return events

    def exercise_bounds(self, index: int | None = None) -> tuple[int, int]:
        """The first and last step index of the exercise that step ``index`` belongs to."""
        at = self._index if index is None else index
        number = self.steps[at].exercise_index
        indices = [i for i, s in enumerate(self.steps) if s.exercise_index == number]
        return indices[0], indices[-1]

    def skip_exercise(self, reason: str) -> list[Event]:
        """Skip the rest of the current exercise, with why (one of SKIP_REASONS); the next
        exercise starts (or the session finishes)."""
        if reason not in SKIP_REASONS:
            raise ValueError(f"unknown reason {reason!r}")
        now = self._clock.monotonic()
        events = self.advance_to(now)
        if self._state not in (State.RUNNING, State.PAUSED):
            return events
        _first, last = self.exercise_bounds()
        events.append(
            Event(EventKind.EXERCISE_SKIPPED, now, last, value=SKIP_REASONS.index(reason))
        )
        if last + 1 >= len(self.steps):
            self._finish(now, events)
        else:
            self._move_to(last + 1, now, events)
        return events

    def back_exercise(self) -> list[Event]:
        """Back to the start of this exercise, or, when already at its start, to the start of
        the one before (so Back returns to an exercise just skipped)."""
        now = self._clock.monotonic()
        events = self.advance_to(now)
        if self._state not in (State.RUNNING, State.PAUSED):
            return events
        first, _last = self.exercise_bounds()
        target = first
        if self._index == first and first > 0:
            target, _ = self.exercise_bounds(first - 1)
        events.append(Event(EventKind.WENT_BACK, now, target))
        self._move_to(target, now, events)
        return events

    def swap_exercise(self, new_steps: Sequence[Step]) -> list[Event]:
        """Do another exercise (the easier variant) in place of the current one from its start:
        ``new_steps`` is the whole session compiled again with the swap."""
        now = self._clock.monotonic()
        events = self.advance_to(now)
        if self._state not in (State.RUNNING, State.PAUSED):
            return events
        first, _last = self.exercise_bounds()
        old = self.steps[first]
        if len(new_steps) <= first or any(not s.seconds > 0 for s in new_steps):
            raise ValueError("the new steps must keep the exercises before this one")
        self.steps = tuple(new_steps)
        self._total = math.fsum(s.seconds for s in self.steps)
        new = self.steps[first]
        events.append(
            Event(
                EventKind.EXERCISE_SWAPPED, now, first, swapped=(old.exercise_id, new.exercise_id)
            )
        )
        self._move_to(first, now, events)
        return events

    def back(self) -> list[Event]:
        """Go back to the start of the previous step (the first step restarts)."""
        now = self._clock.monotonic()
        events = self.advance_to(now)
        if self._state not in (State.RUNNING, State.PAUSED):
            return events
        target = max(0, self._index - 1)
        events.append(Event(EventKind.WENT_BACK, now, target))
        self._move_to(target, now, events)
        return events

    def add_time(self, seconds: float = ADD_TIME_S) -> list[Event]:
        now = self._clock.monotonic()
        events = self.advance_to(now)
        if self._state == State.RUNNING:
            self._deadline += seconds
        elif self._state == State.PAUSED:
            self._left_when_paused += seconds
        else:
            return events
        self._extra += seconds
        self._arm_countdown(self._deadline - now if self._state == State.RUNNING else None)
        events.append(Event(EventKind.TIME_ADDED, now, self._index, round(seconds)))
        return events

    def stop(self) -> list[Event]:
        now = self._clock.monotonic()
        events = self.advance_to(now)
        if self._state in (State.RUNNING, State.PAUSED, State.NOT_STARTED):
            self._state = State.STOPPED
            events.append(Event(EventKind.SESSION_STOPPED, now, self._index))
        return events

    # -- inside --------------------------------------------------------------------------------
    def _enter(self, index: int, at: float, events: list[Event]) -> None:
        self._index = index
        self._extra = 0.0
        self._deadline = at + self.steps[index].seconds
        self._arm_countdown(self.steps[index].seconds)
        events.append(Event(EventKind.STEP_STARTED, at, index))

    def _move_to(self, index: int, now: float, events: list[Event]) -> None:
        paused = self._state == State.PAUSED
        self._enter(index, now, events)
        if paused:
            self._left_when_paused = self.duration()

    def _arm_countdown(self, left: float | None) -> None:
        """Count 3-2-1 only for numbers still ahead (a 3-second hold counts 2, 1)."""
        if not self.step.countdown:
            self._next_count = 0
            return
        if left is None:
            left = self._left_when_paused
        self._next_count = min(COUNTDOWN_FROM, math.ceil(left) - 1)
        self._next_count = max(0, self._next_count)

    def _countdown(self, now: float, events: list[Event]) -> None:
        """Announce the lowest number crossed; after a stall the skipped numbers stay silent."""
        left = self._deadline - now
        crossed = 0
        while self._next_count > 0 and left <= self._next_count:
            crossed = self._next_count
            self._next_count -= 1
        if crossed:
            at = self._deadline - crossed
            events.append(Event(EventKind.COUNTDOWN, at, self._index, crossed))

    def _finish(self, at: float, events: list[Event]) -> None:
        self._state = State.FINISHED
        self._next_count = 0
        events.append(Event(EventKind.SESSION_FINISHED, at, self._index))


# -- for the player and for resuming -----------------------------------------------------------
def figure_phase(step: Step, elapsed: float, key_steps: int = 1) -> float:
    """Where the exercise figure should be (0 start pose, 1 end pose) this far into a step.
    ``key_steps``: moves between the figure's key poses; while getting ready each one gets
    its own 4 seconds, so a four-pose log roll is shown at a pace a patient can follow."""
    fraction = min(1.0, max(0.0, elapsed / step.seconds))
    if step.kind == StepKind.HOLD:
        return _ease(min(1.0, elapsed / min(1.5, step.seconds / 2)))
    if step.kind == StepKind.RELAX:
        return 1.0 - _ease(min(1.0, elapsed / min(1.5, step.seconds)))
    if step.kind == StepKind.REP:
        return (1 - math.cos(2 * math.pi * fraction)) / 2
    if step.kind == StepKind.BREATHE_IN:
        return _ease(fraction)
    if step.kind == StepKind.BREATHE_OUT:
        return 1.0 - _ease(fraction)
    if step.kind in (StepKind.READY, StepKind.WALK):
        # show the movement / keep stepping
        period = 4.0 * max(1, key_steps) if step.kind == StepKind.READY else 1.6
        return (1 - math.cos(2 * math.pi * (elapsed % period) / period)) / 2
    return 0.0


def _ease(x: float) -> float:
    return (1 - math.cos(math.pi * x)) / 2


def resume_index(events: Iterable[tuple[str, int | None]], step_count: int) -> int:
    """The step to go on from, given the recorded (kind, step_index) events in order;
    ``step_count`` means every step was done."""
    position = 0
    for kind, index in events:
        if index is None:
            continue
        if kind in (EventKind.STEP_FINISHED, EventKind.STEP_SKIPPED, EventKind.EXERCISE_SKIPPED):
            position = index + 1
        elif kind in (EventKind.WENT_BACK, EventKind.EXERCISE_SWAPPED):
            position = index
    return min(max(position, 0), step_count)


def event_detail(step: Step, event: Event) -> dict[str, object]:
    """What is stored with a recorded event besides its kind and step: the step's kind, rep,
    set and side, and the number for countdowns and added time."""
    detail: dict[str, object] = {"kind": step.kind.value, "rep": step.rep, "set": step.set}
    if step.side:
        detail["side"] = step.side
    if event.value:
        detail["value"] = event.value
    if event.kind == EventKind.EXERCISE_SKIPPED:
        detail["reason"] = SKIP_REASONS[event.value]
    if event.swapped is not None:
        detail["from"], detail["to"] = event.swapped
    return detail


def format_seconds(seconds: float) -> str:
    """'7' for short waits, '9:05' from a minute up (rounded up: 0.2 s left shows '1')."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return str(whole) if whole < 60 else f"{whole // 60}:{whole % 60:02d}"
