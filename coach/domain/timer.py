"""The guided session's state machine: ``Session`` walks through a routine's steps
(``coach.domain.steps``) on an injected monotonic clock. Step compilation, the gentle form, the
stored JSON and the player's display helpers live in their own modules; what is left is one
class whose invariants belong together, which is why this module is a little over 300 lines.

Why deadlines and not ticks: the UI's timer may fire late, or not at all while the event loop
stalls. Each step's end is a fixed point on the monotonic clock, so the time left is always
``deadline - now``, and a late ``poll`` catches up exactly: a step that ended during a stall
ends at its own deadline, and the next deadline is that deadline plus the next step's length
(never "now" plus the length), so a 60-minute session ends on time however late the polls are.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from coach.domain.clock import Clock
from coach.domain.i18n import N_
from coach.domain.steps import Step

COUNTDOWN_FROM = 3  # 3-2-1 before a hold (or a wait) ends
ADD_TIME_S = 15.0


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
SKIP_REASON_WORDS = {  # marked for translation; shown with _()
    "pain": N_("pain"),
    "tired": N_("too tired"),
    "other": N_("another reason"),
}


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
