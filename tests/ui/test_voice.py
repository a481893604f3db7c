"""Spoken coaching in the player: words instead of tones when the voice works, tones when it is
off, missing, failing or busy; the GUI never waits for the engine; pause and stop silence it."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from coach.domain.catalogue import Dosage
from coach.domain.protocol import Prescription
from coach.domain.spoken import Priority, Utterance
from coach.domain.steps import compile_steps
from coach.domain.timer import Session, State
from coach.platform.speech import (
    FakeEngine,
    ProcessEngine,
    Speaker,
    Voice,
    espeak_args,
    find_engine,
    say_args,
)
from coach.ui.context import AppContext
from coach.ui.session.player import PlayerScreen
from coach.ui.session.sounds import CuePlayer
from coach.ui.session.voice import VoiceCoach, set_voice, set_voice_enabled, voice_of


class Tones:
    available = True

    def __init__(self) -> None:
        self.played: list[str] = []

    def play(self, path: Path) -> None:
        self.played.append(path.stem.split("-")[0])


def make_player(
    qtbot: QtBot, ctx: AppContext, engine: FakeEngine | None
) -> tuple[PlayerScreen, Tones, Speaker]:
    steps = compile_steps(
        (Prescription("bridge", Dosage(sets=1, reps=2, hold_s=5)),), ctx.content.catalogue
    )
    tones = Tones()
    speaker = Speaker(engine)
    if engine is not None:
        engine.clock = ctx.clock.monotonic  # "still talking" follows the test's clock
    player = PlayerScreen(
        Session(steps, ctx.clock),
        ctx.clock,
        CuePlayer(ctx.prefs, tones),
        lambda _id: None,
        stop_if=lambda _id: "Stop if it hurts.",
        voice=VoiceCoach(ctx.prefs, speaker),
    )
    qtbot.addWidget(player)
    return player, tones, speaker


def run_through(
    ctx: AppContext, player: PlayerScreen, seconds: float, speaker: Speaker | None = None
) -> None:
    """Step the fake clock; with ``speaker``, let its worker catch up after each step (as real
    time would), so "still talking" is judged at the right moment."""
    for _ in range(int(seconds / 0.25)):
        ctx.clock.advance(0.25)  # type: ignore[attr-defined]
        player.tick()
        deadline = time.monotonic() + 2
        while speaker is not None and not speaker.settled() and time.monotonic() < deadline:
            time.sleep(0.001)


def test_the_voice_talks_the_patient_through_instead_of_tones(
    qtbot: QtBot, ctx: AppContext
) -> None:
    engine = FakeEngine(seconds_per_word=0.2)
    player, tones, speaker = make_player(qtbot, ctx, engine)
    player.begin()
    qtbot.waitUntil(lambda: len(engine.said) == 1)
    intro = engine.said[0][0]
    assert intro.startswith("Get ready: Bridge. Stop if it hurts.")
    assert tones.played == []  # the words replace the tone
    run_through(ctx, player, 40, speaker)
    assert player.session.state == State.FINISHED
    qtbot.waitUntil(lambda: engine.said[-1][0].startswith("That is the end"))
    said = [text for text, _voice, _at in engine.said]
    assert "Hold. 1 of 2." in said and "Relax." in said and "Hold. 2 of 2." in said
    assert said.count("3") == said.count("2") == said.count("1") == 3  # ready and both holds
    speaker.close()


def test_with_the_voice_off_or_no_engine_the_tones_play(qtbot: QtBot, ctx: AppContext) -> None:
    engine = FakeEngine()
    set_voice_enabled(ctx.prefs, False)
    player, tones, speaker = make_player(qtbot, ctx, engine)
    player.begin()
    run_through(ctx, player, 3)
    assert tones.played == ["step"] and engine.said == []
    set_voice_enabled(ctx.prefs, True)
    player2, tones2, _ = make_player(qtbot, ctx, None)
    player2.begin()
    assert tones2.played == ["step"]
    speaker.close()


def test_a_failing_engine_falls_back_to_tones(qtbot: QtBot, ctx: AppContext) -> None:
    engine = FakeEngine(fail=True)
    player, tones, speaker = make_player(qtbot, ctx, engine)
    player.begin()
    for _ in range(40):
        run_through(ctx, player, 1)
        if not speaker.available:
            break
        qtbot.waitUntil(speaker.settled, timeout=2000)
    assert not speaker.available
    count = len(tones.played)
    run_through(ctx, player, 6)
    assert len(tones.played) > count  # once given up, every cue is a tone again
    speaker.close()


def test_pause_and_stop_silence_the_voice(qtbot: QtBot, ctx: AppContext) -> None:
    engine = FakeEngine()
    player, _tones, speaker = make_player(qtbot, ctx, engine)
    player.begin()
    qtbot.waitUntil(lambda: len(engine.said) == 1)
    player.apply(player.session.toggle_pause)
    qtbot.waitUntil(lambda: engine.stopped >= 1)
    speaker.close()


def test_say_never_waits_for_a_slow_engine(ctx: AppContext) -> None:
    class Slow(FakeEngine):
        def speak(self, text: str, voice: Voice) -> None:
            time.sleep(0.3)
            super().speak(text, voice)

    engine = Slow()
    speaker = Speaker(engine)
    started = time.monotonic()
    for n in range(5):
        speaker.say(Utterance(f"word {n}", Priority.STEP), Voice())
    assert time.monotonic() - started < 0.05
    speaker.close()


def test_counts_are_dropped_while_talking_and_an_intro_is_never_cut(ctx: AppContext) -> None:
    engine = FakeEngine(seconds_per_word=10)
    speaker = Speaker(engine)
    speaker.say(Utterance("Get ready: Bridge. Stop if it hurts.", Priority.INTRO), Voice())
    deadline = time.monotonic() + 2
    while not engine.said and time.monotonic() < deadline:
        time.sleep(0.005)
    assert not speaker.will_say(Priority.COUNT)
    assert not speaker.will_say(Priority.STEP)  # the stop-if is heard in full
    assert speaker.will_say(Priority.INTRO)
    speaker.close()


def test_voice_settings_are_kept_and_checked(ctx: AppContext) -> None:
    set_voice(ctx.prefs, Voice(rate=999, volume=-4, name="en-gb"))
    assert voice_of(ctx.prefs) == Voice(rate=240, volume=0, name="en-gb")
    ctx.prefs.set_value("voice/name", "en; rm -rf /")
    ctx.prefs.set_value("voice/rate", "fast")
    assert voice_of(ctx.prefs).name == "" and voice_of(ctx.prefs).rate == 160


def test_engine_command_lines() -> None:
    args = espeak_args("/usr/bin/espeak-ng", "-v evil", Voice(150, 100, "en-gb"))
    assert args == ["/usr/bin/espeak-ng", "-s", "150", "-a", "120", "-v", "en-gb", "--", "-v evil"]
    mac = say_args("/usr/bin/say", "Hold.", Voice(180, 50, ""))
    assert mac == ["/usr/bin/say", "-r", "180", "--", "[[volm 0.50]] Hold."]


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_espeak_ng_really_starts_and_is_cut(tmp_path: Path) -> None:
    """With the real engine (writing to a file instead of a sound card)."""
    program = shutil.which("espeak-ng")
    assert program is not None
    out = tmp_path / "x.wav"
    engine = ProcessEngine(program, lambda p, t, v: [p, "-w", str(out), "--", t])
    engine.speak("Get ready. " * 200, Voice())
    assert engine.speaking()
    engine.stop()
    assert not engine.speaking()
    assert find_engine() is not None
    done = subprocess.run([program, "-w", str(out), "--", "Hold."], check=False)
    assert done.returncode == 0 and out.stat().st_size > 1000


def test_the_voice_card_changes_settings_and_says_a_test(qtbot: QtBot, ctx: AppContext) -> None:
    from coach.ui.session.voice_settings import NO_ENGINE_TEXT, VoiceCard

    engine = FakeEngine()
    speaker = Speaker(engine)
    card = VoiceCard(ctx.prefs, speaker=speaker)
    qtbot.addWidget(card)
    assert card.voices.count() == 3  # the standard voice and the engine's two
    card.faster.click()
    assert voice_of(ctx.prefs).rate == 180 and "180 words a minute" in card.speed_label.text()
    card.quieter.click()
    assert voice_of(ctx.prefs).volume == 60
    card.voices.setCurrentIndex(2)
    assert voice_of(ctx.prefs).name == "en-gb"
    card.test.click()
    qtbot.waitUntil(lambda: len(engine.said) == 1)
    assert engine.said[0][1] == Voice(180, 60, "en-gb")
    card.enabled.setChecked(False)
    assert not card.test.isEnabled() and "tones" in card.note.text()
    speaker.close()
    without = VoiceCard(ctx.prefs, speaker=Speaker(None))
    qtbot.addWidget(without)
    assert without.note.text() == NO_ENGINE_TEXT and not without.enabled.isEnabled()
