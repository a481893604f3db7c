"""Data changes announced by the store itself: a tiny observer in pure Python (no Qt).

Every store object of a database shares one ``StoreEvents`` (``coach.store.stores.Stores``), and
each write announces what it changed after its transaction committed: a topic ("sessions",
"plan", ...) and, where the write knows it, the profile. Screens never announce changes
themselves; the UI subscribes once (``ActiveProfile`` turns these into its Qt signal), so a new
write cannot be forgotten by a screen that shows its data. napari's EventedModel is the model.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Concatenate, ParamSpec, Protocol, TypeVar

log = logging.getLogger(__name__)

PROFILES = "profiles"  # a profile added, changed or deleted
PLAN = "plan"  # a new plan version (the editor, a plan file) and the exercises it brings
SESSIONS = "sessions"  # a session started, scored, ended, noted, rated or deleted
SESSION_EVENTS = "session-events"  # a step done, paused, skipped... during a session
WARNING_SIGNS = "warning-signs"  # a warning-sign check answered
WALKING = "walking"  # walking minutes logged or undone
OUTCOMES = "outcomes"  # PSFS, ODI and the therapist's pain baseline
COPING = "coping"  # coping tools used, Today hints dismissed
THERAPIST = "therapist"  # the PIN, its wrong tries, the therapist's name
REMINDERS = "reminders"  # reminder settings and times, and what each reminder did today
JOURNAL = "journal"  # a pain journal entry saved, edited or deleted (drafts are not announced)
MEDICINES = "medicines"  # a medicine written down, edited or deleted
TOPICS = frozenset(
    {
        PROFILES,
        PLAN,
        SESSIONS,
        SESSION_EVENTS,
        WARNING_SIGNS,
        WALKING,
        OUTCOMES,
        COPING,
        THERAPIST,
        REMINDERS,
        JOURNAL,
        MEDICINES,
    }
)


@dataclass(frozen=True)
class Change:
    """What changed: ``topic`` for ``profile_id`` (None: not known to the write, or every
    profile)."""

    topic: str
    profile_id: int | None = None


Listener = Callable[[Change], None]


class StoreEvents:
    """Subscribers are called in the order they subscribed, synchronously, after the write.

    ``holding()`` gathers the changes of a unit of several writes and announces each distinct
    one once at its end (and none when it fails: then nothing changed)."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._held: list[Change] | None = None

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every change; returns the function that unsubscribes."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._listeners.remove(listener)

        return unsubscribe

    def emit(self, topic: str, profile_id: int | None = None) -> None:
        if topic not in TOPICS:
            raise ValueError(f"unknown store topic {topic!r}")
        change = Change(topic, profile_id)
        if self._held is not None:
            if change not in self._held:
                self._held.append(change)
            return
        for listener in list(self._listeners):
            try:
                listener(change)
            except Exception:
                # The write itself succeeded and is kept: a listener's failure (a screen that
                # could not refresh) must not make its caller believe the data was lost.
                log.exception("a listener failed after a %s change", topic)

    @contextlib.contextmanager
    def holding(self) -> Iterator[None]:
        """Announce the changes made inside this block once, when it ends without an error."""
        if self._held is not None:  # already holding: the outer block announces
            yield
            return
        self._held = []
        try:
            yield
        except BaseException:
            self._held = None
            raise
        held, self._held = self._held, None
        for change in held:
            self.emit(change.topic, change.profile_id)


class Announcer(Protocol):
    """A store object: it announces through the ``StoreEvents`` of its database."""

    changes: StoreEvents


S = TypeVar("S", bound=Announcer)
P = ParamSpec("P")
R = TypeVar("R")


def announces(
    topic: str,
) -> Callable[[Callable[Concatenate[S, P], R]], Callable[Concatenate[S, P], R]]:
    """Mark a store write: once it has returned (its transaction committed), ``topic`` is
    announced for the ``profile_id`` argument it was given (None when it takes none). Writes
    it makes through other writes are announced with it, once, at its end."""

    def wrap(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
        names = list(inspect.signature(method).parameters)[1:]  # without self
        position = names.index("profile_id") if "profile_id" in names else None

        def write(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
            with self.changes.holding():
                result = method(self, *args, **kwargs)
                profile_id: object = kwargs.get("profile_id")
                if position is not None and position < len(args):
                    profile_id = args[position]
                self.changes.emit(topic, profile_id if isinstance(profile_id, int) else None)
            return result

        functools.update_wrapper(write, method)
        return write

    return wrap
