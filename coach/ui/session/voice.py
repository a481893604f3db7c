"""The spoken coach: voice settings, and saying a timer event's words instead of its tone.

The words come from ``coach.domain.spoken``; the engine runs on ``Speaker``'s worker thread, so
nothing here waits. When the voice is off, has no engine, or would not say a cue now (a count
while it is still talking), the caller plays the tone: tones are the fallback, and the
countdown flashes whatever happens.
"""

from __future__ import annotations

import atexit
import time
from collections.abc import Callable, Sequence

from coach.domain.spoken import Priority, words_for
from coach.domain.steps import Step
from coach.domain.timer import Event, EventKind
from coach.platform.speech import (
    DEFAULT_RATE,
    DEFAULT_VOLUME,
    MAX_RATE,
    MIN_RATE,
    Engine,
    Speaker,
    Voice,
    find_engine,
)
from coach.system.languages import shown_language
from coach.ui.common.preferences import Preferences

ENABLED_KEY = "voice/enabled"
RATE_KEY = "voice/rate"
VOLUME_KEY = "voice/volume"
NAME_KEY = "voice/name"
MAX_NAME = 60

# Tests replace this (conftest) so that no real engine ever speaks in a test run.
make_engine: Callable[[], Engine | None] = find_engine
_shared: list[Speaker] = []  # at most one


def shared_speaker() -> Speaker:
    """One speaker for the app (one engine child at a time), silenced when the app exits."""
    if not _shared:
        speaker = Speaker(make_engine())
        atexit.register(speaker.close)
        _shared.append(speaker)
    return _shared[0]


def reset_shared_speaker() -> None:
    """Forget the shared speaker (tests, after replacing ``make_engine``)."""
    while _shared:
        _shared.pop().close()


# -- settings ----------------------------------------------------------------------------------
def voice_enabled(prefs: Preferences) -> bool:
    return str(prefs.value(ENABLED_KEY, "true")).lower() not in ("false", "0", "no")


def set_voice_enabled(prefs: Preferences, on: bool) -> None:
    prefs.set_value(ENABLED_KEY, "true" if on else "false")


def _int(prefs: Preferences, key: str, default: int, low: int, high: int) -> int:
    try:
        value = int(str(prefs.value(key, default)))
    except ValueError:
        value = default
    return min(high, max(low, value))


def voice_of(prefs: Preferences) -> Voice:
    """The settings as the engine takes them; a bad value in the file falls back to a default."""
    name = str(prefs.value(NAME_KEY, "")).strip()
    if len(name) > MAX_NAME or not all(ch.isalnum() or ch in "-_+ ." for ch in name):
        name = ""  # never pass odd text from a file to an engine's command line
    return Voice(
        rate=_int(prefs, RATE_KEY, DEFAULT_RATE, MIN_RATE, MAX_RATE),
        volume=_int(prefs, VOLUME_KEY, DEFAULT_VOLUME, 0, 100),
        name=name,
        language=shown_language(),  # the words are in the app's language
    )


def set_voice(prefs: Preferences, voice: Voice) -> None:
    prefs.set_value(RATE_KEY, min(MAX_RATE, max(MIN_RATE, voice.rate)))
    prefs.set_value(VOLUME_KEY, min(100, max(0, voice.volume)))
    prefs.set_value(NAME_KEY, voice.name)


# -- the coach ---------------------------------------------------------------------------------
class VoiceCoach:
    """Says timer events for one session or coping tool, with the settings of the moment."""

    def __init__(self, prefs: Preferences, speaker: Speaker | None = None) -> None:
        self._prefs = prefs
        self.speaker = speaker if speaker is not None else shared_speaker()

    @property
    def active(self) -> bool:
        """On, loud enough, and an engine that works."""
        voice = voice_of(self._prefs)
        return voice_enabled(self._prefs) and voice.volume > 0 and self.speaker.available

    def say_event(
        self,
        event: Event,
        steps: Sequence[Step],
        stop_if: Callable[[str], str],
        now: float,
    ) -> bool:
        """Say ``event``'s words; False when the tone should play instead. ``now`` is the
        session clock's time, so the speaker knows how late the event already is."""
        if not self.active:
            return False
        utterance = words_for(event, steps, stop_if)
        if utterance is None:
            return False
        late = max(0.0, now - event.at)
        due = time.monotonic() - late
        if self.speaker.will_say(utterance.priority):
            self.speaker.say(utterance, voice_of(self._prefs), due=due)
            return True
        if utterance.priority == Priority.STEP:  # the tone marks the moment; the words follow
            self.speaker.say(utterance, voice_of(self._prefs), due=due)  # once the intro ends
        return False

    def follow(self, events: Sequence[Event]) -> None:
        """Fall silent when the patient pauses or stops."""
        if any(e.kind in (EventKind.PAUSED, EventKind.SESSION_STOPPED) for e in events):
            self.speaker.stop()
