"""Offline speech: the platform's own engine, started from a worker thread.

Why the engines are called directly and not through pyttsx3: pyttsx3's ``runAndWait`` blocks
the calling thread, and its known bugs are exactly the ones a timer cannot afford (nateshmbhat/
pyttsx3 #126 "engine never returns after speaking", #131 "only speaks once", hangs on macOS in
RapidWareTech/pyttsx #26); it also pulls in pyobjc on macOS and comtypes on Windows. A child
process per utterance (``espeak-ng`` on Linux, ``say`` on macOS) costs ~10 ms to start here, is
cut at once by terminating it, adds nothing to the install, and a crashing engine cannot take
the app down. Windows has no speaking command, so one PowerShell child (System.Speech, SAPI)
is started once and fed one line per utterance.

Nothing here runs on the GUI thread: ``Speaker.say`` puts the words on a queue and returns; a
daemon thread starts the engine. When no engine exists, or it keeps failing, ``available``
turns False and the caller plays tones instead.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable

from coach.domain.spoken import Priority, Utterance
from coach.platform.engines import (
    DEFAULT_RATE,
    DEFAULT_VOLUME,
    MAX_RATE,
    MIN_RATE,
    Engine,
    FakeEngine,
    ProcessEngine,
    SapiEngine,
    Voice,
    espeak_args,
    find_engine,
    say_args,
)

__all__ = [
    "DEFAULT_RATE",
    "DEFAULT_VOLUME",
    "MAX_RATE",
    "MIN_RATE",
    "Engine",
    "FakeEngine",
    "ProcessEngine",
    "SapiEngine",
    "Speaker",
    "Voice",
    "espeak_args",
    "find_engine",
    "say_args",
]

log = logging.getLogger(__name__)

MAX_FAILURES = 3
STALE_S = 1.5  # words that waited longer than this in the queue are not said (too late)


class Speaker:
    """Says utterances on a worker thread, by priority (see ``coach.domain.spoken``).

    ``say`` never waits. ``started`` (a callback, on the worker thread) gets the moment each
    utterance was handed to the engine and how late that was against its deadline: the
    benchmark's figure."""

    def __init__(
        self, engine: Engine | None, started: Callable[[str, float, float], None] | None = None
    ) -> None:
        self.engine = engine
        self._started = started
        self._queue: queue.Queue[tuple[Utterance, Voice, float] | None] = queue.Queue()
        self._failures = 0
        self._priority = Priority.COUNT
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @property
    def available(self) -> bool:
        return self.engine is not None and self._failures < MAX_FAILURES

    def will_say(self, priority: Priority) -> bool:
        """Whether words of ``priority`` would be said now (False: play the tone instead).
        A count is not said while the voice talks; nothing cuts an exercise start."""
        if not self.available:
            return False
        with self._lock:
            current = self._priority
        if not self._engine_speaking():
            return True
        if priority == Priority.COUNT:
            return False
        return current < Priority.INTRO or priority == Priority.INTRO

    def say(self, utterance: Utterance, voice: Voice, due: float | None = None) -> None:
        """Queue the words; ``due`` is the monotonic moment they belong to (default: now)."""
        if not self.available or not utterance.text:
            return
        self._ensure_thread()
        self._queue.put((utterance, voice, time.monotonic() if due is None else due))

    def stop(self) -> None:
        """Cut the voice (the session was stopped or paused)."""
        if self.available:
            self._ensure_thread()
            self._queue.put((Utterance("", Priority.INTRO), Voice(), time.monotonic()))

    def settled(self) -> bool:
        """True when every queued utterance has been handled (for tests and the benchmark)."""
        return self._queue.unfinished_tasks == 0

    def close(self) -> None:
        """Silence and end the worker (the app or the session closes)."""
        thread = self._thread
        if thread is not None:
            self._queue.put(None)
            thread.join(timeout=2)
            self._thread = None

    def _ensure_thread(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="speech", daemon=True)
            self._thread.start()

    def _engine_speaking(self) -> bool:
        try:
            return self.engine is not None and self.engine.speaking()
        except OSError:
            return False

    def _run(self) -> None:
        engine = self.engine
        assert engine is not None
        while True:
            item = self._queue.get()
            if item is None:
                with contextlib.suppress(OSError):
                    engine.stop()
                return
            utterance, voice, due = item
            try:
                if time.monotonic() - due <= STALE_S:  # later, it would mislead: not said
                    self._speak(engine, utterance, voice, due)
            except OSError as exc:
                self._failures += 1
                log.warning("speech engine %s failed: %s", engine.name, exc)
            finally:
                self._queue.task_done()

    def _speak(self, engine: Engine, utterance: Utterance, voice: Voice, due: float) -> None:
        if not utterance.text:
            engine.stop()
            return
        busy = engine.speaking()
        with self._lock:
            current = self._priority
        if busy and utterance.priority == Priority.COUNT:
            return
        if busy and current == Priority.INTRO and utterance.priority < Priority.INTRO:
            while engine.speaking() and time.monotonic() - due < STALE_S:
                time.sleep(0.02)  # the worker waits, never the GUI
            if engine.speaking():
                return
        engine.speak(utterance.text, voice)
        with self._lock:
            self._priority = utterance.priority
        self._failures = 0
        if self._started is not None:
            now = time.monotonic()
            self._started(utterance.text, now, now - due)
