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
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from coach.domain.spoken import Priority, Utterance

log = logging.getLogger(__name__)

MAX_FAILURES = 3
STALE_S = 1.5  # words that waited longer than this in the queue are not said (too late)
MIN_RATE, DEFAULT_RATE, MAX_RATE = 100, 160, 240  # words a minute
DEFAULT_VOLUME = 80


@dataclass(frozen=True)
class Voice:
    """How to speak: words a minute, loudness 0-100 and the engine's voice name ("": its own)."""

    rate: int = DEFAULT_RATE
    volume: int = DEFAULT_VOLUME
    name: str = ""


class Engine(Protocol):
    """A speech engine. Every method is called on the speaker's worker thread only."""

    name: str

    def speak(self, text: str, voice: Voice) -> None:
        """Start saying ``text`` and return at once; raises OSError if it cannot start."""
        ...

    def stop(self) -> None:
        """Cut the words being said (nothing when silent)."""
        ...

    def speaking(self) -> bool: ...

    def voices(self) -> list[str]: ...


class ProcessEngine:
    """One child process per utterance: ``espeak-ng`` or macOS ``say``."""

    def __init__(self, program: str, build: Callable[[str, str, Voice], list[str]]) -> None:
        self.program = program
        self.name = program.rsplit("/", 1)[-1]
        self._build = build
        self._process: subprocess.Popen[bytes] | None = None

    def speak(self, text: str, voice: Voice) -> None:
        self.stop()
        self._process = subprocess.Popen(
            self._build(self.program, text, voice),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=1)

    def speaking(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def voices(self) -> list[str]:
        if self.name.startswith("espeak"):
            return _espeak_voices(self.program)
        if self.name == "say":
            return _say_voices(self.program)
        return []


def espeak_args(program: str, text: str, voice: Voice) -> list[str]:
    """espeak-ng: -s words a minute, -a amplitude (100 is its normal loudness). 100% is -a 120:
    measured with sox, its peaks reach -0.4 dBFS there and clip from about -a 150."""
    args = [program, "-s", str(voice.rate), "-a", str(round(voice.volume * 1.2))]
    if voice.name:
        args += ["-v", voice.name]
    return [*args, "--", text]


def say_args(program: str, text: str, voice: Voice) -> list[str]:
    """macOS say: -r words a minute; loudness by its embedded [[volm]] command."""
    args = [program, "-r", str(voice.rate)]
    if voice.name:
        args += ["-v", voice.name]
    return [*args, "--", f"[[volm {voice.volume / 100:.2f}]] {text}"]


_SAPI_SCRIPT = (
    "Add-Type -AssemblyName System.Speech;"
    "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer;"
    "while ($true) { $l = [Console]::In.ReadLine(); if ($l -eq $null) { break };"
    "$p = $l.Split([char]9, 4); $s.SpeakAsyncCancelAll();"
    "if ($p[0] -eq 'say') { $s.Rate = [int]$p[1]; $s.Volume = [int]$p[2];"
    "if ($p[3].Split([char]31)[0]) { try { $s.SelectVoice($p[3].Split([char]31)[0]) } catch {} };"
    "[void]$s.SpeakAsync($p[3].Split([char]31)[1]) } }"
)


class SapiEngine:
    """Windows: one PowerShell child with System.Speech; each line says or stops."""

    name = "SAPI"

    def __init__(self, program: str) -> None:
        self.program = program
        self._process: subprocess.Popen[str] | None = None
        self._until = 0.0

    def _pipe(self) -> subprocess.Popen[str]:
        if self._process is None or self._process.poll() is not None:
            self._process = subprocess.Popen(
                [self.program, "-NoProfile", "-NonInteractive", "-Command", _SAPI_SCRIPT],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                text=True,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        return self._process

    def speak(self, text: str, voice: Voice) -> None:
        rate = round((voice.rate - DEFAULT_RATE) / 14)  # SAPI's -10..10, 0 about 160 a minute
        line = "\t".join(
            ("say", str(max(-10, min(10, rate))), str(voice.volume), f"{voice.name}\x1f{text}")
        )
        self._send(line.replace("\n", " "))
        self._until = time.monotonic() + len(text.split()) * 60 / max(1, voice.rate)

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._send("stop")
        self._until = 0.0

    def _send(self, line: str) -> None:
        pipe = self._pipe()
        assert pipe.stdin is not None
        pipe.stdin.write(line + "\n")
        pipe.stdin.flush()

    def speaking(self) -> bool:
        return time.monotonic() < self._until  # an estimate: SAPI's state stays in the child

    def voices(self) -> list[str]:
        return []  # the engine's default voice: picking one needs the Windows settings

    def close(self) -> None:
        if self._process is not None:
            with contextlib.suppress(OSError):
                self._process.kill()


class FakeEngine:
    """For tests and the benchmark: notes what would be said and when, says nothing."""

    name = "fake"

    def __init__(self, *, fail: bool = False, seconds_per_word: float = 0.3) -> None:
        self.fail = fail
        self.said: list[tuple[str, Voice, float]] = []  # text, voice, monotonic start
        self.stopped = 0
        self._until = 0.0
        self._per_word = seconds_per_word
        self.clock: Callable[[], float] = time.monotonic

    def speak(self, text: str, voice: Voice) -> None:
        if self.fail:
            raise OSError("the fake engine cannot start")
        now = self.clock()
        self.said.append((text, voice, now))
        self._until = now + self._per_word * len(text.split())

    def stop(self) -> None:
        self.stopped += 1
        self._until = 0.0

    def speaking(self) -> bool:
        return self.clock() < self._until

    def voices(self) -> list[str]:
        return ["en", "en-gb"]


def find_engine() -> Engine | None:
    """The platform's engine, or None (then the session uses tones and flashes)."""
    if sys.platform == "win32":
        shell = shutil.which("powershell") or shutil.which("pwsh")
        return SapiEngine(shell) if shell else None
    if sys.platform == "darwin":
        say = shutil.which("say")
        return ProcessEngine(say, say_args) if say else None
    for name in ("espeak-ng", "espeak"):
        program = shutil.which(name)
        if program:
            return ProcessEngine(program, espeak_args)
    return None


def _espeak_voices(program: str) -> list[str]:
    """English voices first (the app's words are English), then the rest, by file name."""
    try:
        out = subprocess.run(
            [program, "--voices"], capture_output=True, text=True, timeout=5, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    names = [line.split()[1] for line in out.splitlines()[1:] if len(line.split()) > 1]
    return sorted(set(names), key=lambda n: (not n.startswith("en"), n))


def _say_voices(program: str) -> list[str]:
    try:
        out = subprocess.run(
            [program, "-v", "?"], capture_output=True, text=True, timeout=5, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [line.split("  ", 1)[0].strip() for line in out.splitlines() if line.strip()]


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
