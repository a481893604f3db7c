"""Cue sounds for the guided session, played without ever blocking the UI.

Why this backend: QtMultimedia (QSoundEffect) is not in PySide6-Essentials; it lives in the
huge PySide6-Addons, needs libpulse, and fails quietly without an audio device. Every desktop
already has a command-line WAV player, so we play our generated WAV files with it, started as
an asynchronous ``QProcess`` (the UI never waits): ``paplay``, ``pw-play`` or ``aplay`` on
Linux, ``afplay`` on macOS; Windows uses the stdlib ``winsound.PlaySound(..., SND_ASYNC)``.
The player is chosen once with ``shutil.which``. The volume is applied by scaling the samples
into temporary WAV files (players disagree on volume options). When no player exists, or it
keeps failing (no audio device), the cues go silent and the session simply goes on; the player
screen flashes the countdown at every cue anyway. Nothing is added to the install size.
"""

from __future__ import annotations

import array
import logging
import shutil
import sys
import tempfile
import wave
import weakref
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QProcess, Signal

from coach.domain.i18n import N_, _
from coach.system.paths import assets_dir
from coach.ui.common.preferences import Preferences

log = logging.getLogger(__name__)

ENABLED_KEY = "sound/enabled"
VOLUME_KEY = "sound/volume"
DEFAULT_VOLUME = 80
VOLUME_STEP = 20
MAX_FAILURES = 3  # in a row: the player cannot reach an audio device, stop trying
LINUX_PLAYERS = ("paplay", "pw-play", "aplay")


class Cue(StrEnum):
    STEP = "step"  # every step boundary
    TICK = "tick"  # 3-2-1 before a hold ends
    FINISH = "finish"  # the end of the session


def sound_file(cue: Cue) -> Path:
    return assets_dir() / "sounds" / f"{cue.value}.wav"


# -- settings ----------------------------------------------------------------------------------
def sound_enabled(prefs: Preferences) -> bool:
    return str(prefs.value(ENABLED_KEY, "true")).lower() not in ("false", "0", "no")


def sound_volume(prefs: Preferences) -> int:
    try:
        value = int(str(prefs.value(VOLUME_KEY, DEFAULT_VOLUME)))
    except ValueError:
        value = DEFAULT_VOLUME
    return min(100, max(0, value))


def set_sound_enabled(prefs: Preferences, enabled: bool) -> None:
    prefs.set_value(ENABLED_KEY, "true" if enabled else "false")


def set_sound_volume(prefs: Preferences, volume: int) -> None:
    prefs.set_value(VOLUME_KEY, min(100, max(0, volume)))


# -- backends ----------------------------------------------------------------------------------
class Backend(Protocol):
    """Plays a WAV file asynchronously."""

    @property
    def available(self) -> bool: ...

    def play(self, path: Path) -> None: ...


class SilentBackend:
    """No audio player on this computer (and in tests)."""

    available = False

    def play(self, path: Path) -> None:
        del path


class CommandBackend(QObject):
    """Runs a command-line player per cue in a QProcess; never waits for it."""

    def __init__(self, program: str, args: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._program = program
        self._args = args
        self._failures = 0

    @property
    def available(self) -> bool:
        return self._failures < MAX_FAILURES

    def play(self, path: Path) -> None:
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.errorOccurred.connect(lambda _error, p=process: self._on_failed(p))
        process.finished.connect(lambda code, _status, p=process: self._on_finished(p, code))
        process.start(self._program, [*self._args, str(path)])

    def _on_finished(self, process: QProcess, code: int) -> None:
        if code == 0:
            self._failures = 0
        else:
            self._note_failure(f"exit code {code}")
        process.deleteLater()

    def _on_failed(self, process: QProcess) -> None:
        if process.error() == QProcess.ProcessError.FailedToStart:
            self._note_failure("could not start")
            process.deleteLater()

    def _note_failure(self, why: str) -> None:
        self._failures += 1
        if self._failures == MAX_FAILURES:
            log.info("sound player %s keeps failing (%s): cues are silent", self._program, why)


class WinSoundBackend:
    """Windows: the stdlib's asynchronous PlaySound."""

    available = True

    def play(self, path: Path) -> None:
        if sys.platform == "win32":
            import winsound

            flags = winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT
            winsound.PlaySound(str(path), flags)


def find_backend(parent: QObject) -> Backend:
    """The first player this computer has; a silent one if there is none."""
    if sys.platform == "win32":
        return WinSoundBackend()
    if sys.platform == "darwin":
        names: tuple[str, ...] = ("afplay",)
    else:
        names = LINUX_PLAYERS
    for name in names:
        program = shutil.which(name)
        if program:
            args = ["-q"] if name == "aplay" else []
            log.info("sound cues play with %s", name)
            return CommandBackend(program, args, parent)
    log.info("no sound player found: cues are silent")
    return SilentBackend()


NO_PLAYER_TEXT = N_(
    "Sound is off: no way to play sound was found on this computer, so the countdown flashes "
    "instead. To hear sounds, install a sound player (on Linux the pulseaudio-utils or "
    "alsa-utils package) and start Rehab Coach again."
)


# One line in the session (it must fit a small screen at big text): the fix is in Settings.
NO_PLAYER_SHORT = N_("Sound is off: no sound player was found. Settings says how to fix it.")


# -- the cue player ----------------------------------------------------------------------------
class CuePlayer(QObject):
    """Plays cues at the volume and mute set in Settings."""

    cue_played = Signal(str)

    def __init__(
        self, prefs: Preferences, backend: Backend | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._prefs = prefs
        self._backend = backend if backend is not None else find_backend(self)
        self._folder: Path | None = None
        self._scaled: dict[tuple[Cue, int], Path] = {}
        self._told_no_player = False

    @property
    def has_player(self) -> bool:
        """Whether this computer has a working way to play sound."""
        return self._backend.available

    def missing_player_notice(self) -> str | None:
        """The words that sound is off for want of a player, once (then None): the session
        says it at its start instead of staying silent without a word."""
        wanted = sound_enabled(self._prefs) and sound_volume(self._prefs) > 0
        if self._told_no_player or not wanted or self.has_player:
            return None
        self._told_no_player = True
        return _(NO_PLAYER_SHORT)

    @property
    def audible(self) -> bool:
        """Whether cues can be heard (on, volume above 0, and a working player)."""
        return (
            sound_enabled(self._prefs) and sound_volume(self._prefs) > 0 and self._backend.available
        )

    def play(self, cue: Cue) -> bool:
        """Play ``cue``; False when it could not be (off, volume 0, no player, no file)."""
        if not self.audible:
            return False
        try:
            path = self._file_at_volume(cue, sound_volume(self._prefs))
        except (OSError, wave.Error) as exc:
            log.warning("cue %s could not be prepared: %s", cue.value, exc)
            return False
        self._backend.play(path)
        self.cue_played.emit(cue.value)
        return True

    def _file_at_volume(self, cue: Cue, volume: int) -> Path:
        if volume >= 100:
            return sound_file(cue)
        key = (cue, volume)
        if key not in self._scaled:
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="rehab-coach-sounds-"))
                weakref.finalize(self, shutil.rmtree, self._folder, ignore_errors=True)
            target = self._folder / f"{cue.value}-{volume}.wav"
            scale_wav(sound_file(cue), target, volume / 100)
            self._scaled[key] = target
        return self._scaled[key]


def scale_wav(source: Path, target: Path, gain: float) -> None:
    """Copy a 16-bit WAV with its samples scaled; loudness follows the square of the setting."""
    with wave.open(str(source), "rb") as handle:
        params = handle.getparams()
        frames = handle.readframes(handle.getnframes())
    if params.sampwidth != 2:
        raise wave.Error("only 16-bit sounds can be scaled")
    samples = array.array("h")
    samples.frombytes(frames)
    if sys.byteorder == "big":
        samples.byteswap()
    factor = max(0.0, min(1.0, gain)) ** 2
    scaled = array.array("h", (round(s * factor) for s in samples))
    if sys.byteorder == "big":
        scaled.byteswap()
    with wave.open(str(target), "wb") as out:
        out.setparams(params)
        out.writeframes(scaled.tobytes())
