"""Speech engines: the platform's own, each a child process, and a fake for tests.

Why the engines are called directly and not through pyttsx3: see ``coach.platform.speech``.
espeak-ng (Linux) and ``say`` (macOS) run one child per utterance, cut by terminating it;
Windows has no speaking command, so one PowerShell child (System.Speech, SAPI) is started once
and fed one line per utterance. Every method runs on the speaker's worker thread only.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Protocol

from coach.domain.i18n import SOURCE, current

MIN_RATE, DEFAULT_RATE, MAX_RATE = 100, 160, 240  # words a minute
DEFAULT_VOLUME = 80


@dataclass(frozen=True)
class Voice:
    """How to speak: words a minute, loudness 0-100, the engine's voice name ("": its own) and
    the language of the words (a code of ``i18n.LANGUAGES``): Spanish words are said by a
    Spanish voice, whatever voice was picked for another language."""

    rate: int = DEFAULT_RATE
    volume: int = DEFAULT_VOLUME
    name: str = ""
    language: str = SOURCE


def tag_language(tag: str) -> str:
    """'es-419' -> 'es', 'en_GB' -> 'en', 'roa/es' -> 'es': the language of a voice's tag."""
    return tag.rsplit("/", 1)[-1].replace("_", "-").split("-", 1)[0].lower()


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
        self._locales: dict[str, str] | None = None  # say's voices and their languages

    def speak(self, text: str, voice: Voice) -> None:
        self.stop()
        self._process = subprocess.Popen(
            self._build(self.program, text, self.fitted(voice)),
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
        """The engine's voices, those of the app's language first."""
        if self.name.startswith("espeak"):
            return _espeak_voices(self.program)
        if self.name == "say":
            return list(self._say_locales())
        return []

    def fitted(self, voice: Voice) -> Voice:
        """``voice`` with a voice name that speaks its language: the one picked when it does,
        else espeak's voice for the language (``-v es``) or the first ``say`` voice of it."""
        if self.name == "say":
            locales = self._say_locales() if voice.name or voice.language != SOURCE else {}
            if voice.name and tag_language(locales.get(voice.name, SOURCE)) == voice.language:
                return voice
            mine = [n for n, tag in locales.items() if tag_language(tag) == voice.language]
            return replace(voice, name=mine[0] if mine else "")
        if voice.name and tag_language(voice.name) == voice.language:
            return voice
        return replace(voice, name="" if voice.language == SOURCE else voice.language)

    def _say_locales(self) -> dict[str, str]:
        if self._locales is None:
            self._locales = _say_voices(self.program)
        return self._locales


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
    "$v = $p[3].Split([char]31); if ($v[0]) { try { $s.SelectVoice($v[0]) } catch {} }"
    " elseif ($v[2]) { try { $s.SelectVoiceByHints(0, 0, 0, [Globalization.CultureInfo]$v[2])"
    " } catch {} };"
    "[void]$s.SpeakAsync($v[1]) } }"
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
            (
                "say",
                str(max(-10, min(10, rate))),
                str(voice.volume),
                f"{voice.name}\x1f{text}\x1f{voice.language}",
            )
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
    """The voices of the app's language first, then the rest, by language tag."""
    try:
        out = subprocess.run(
            [program, "--voices"], capture_output=True, text=True, timeout=5, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    names = [line.split()[1] for line in out.splitlines()[1:] if len(line.split()) > 1]
    mine = current().code
    return sorted(set(names), key=lambda n: (tag_language(n) != mine, n))


def _say_voices(program: str) -> dict[str, str]:
    """macOS say's voices and their locales ('Monica  es_ES  # Hola...'), those of the app's
    language first."""
    try:
        out = subprocess.run(
            [program, "-v", "?"], capture_output=True, text=True, timeout=5, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return {}
    return say_locales(out, current().code)


def say_locales(listing: str, first: str) -> dict[str, str]:
    """Parse ``say -v ?``: a voice name may have spaces; its locale is the word before '#'."""
    voices: dict[str, str] = {}
    for line in listing.splitlines():
        words = line.split("#", 1)[0].split()
        if len(words) >= 2:
            voices[" ".join(words[:-1])] = words[-1]
    return dict(sorted(voices.items(), key=lambda v: tag_language(v[1]) != first))
