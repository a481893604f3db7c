"""Cue sounds: mute and volume from Settings, scaled WAV copies, a command-line player that
never blocks, and silence (not failure) when the player cannot reach a device."""

from __future__ import annotations

import array
import sys
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot

from coach.system.paths import assets_dir
from coach.tools.make_sounds import make_sounds
from coach.ui.context import AppContext
from coach.ui.session.sound_settings import SoundCard
from coach.ui.session.sounds import (
    CommandBackend,
    Cue,
    CuePlayer,
    SilentBackend,
    find_backend,
    scale_wav,
    sound_enabled,
    sound_file,
    sound_volume,
)


class RecordingBackend:
    available = True

    def __init__(self) -> None:
        self.played: list[Path] = []

    def play(self, path: Path) -> None:
        self.played.append(path)


def peak(path: Path) -> int:
    with wave.open(str(path), "rb") as handle:
        samples = array.array("h", handle.readframes(handle.getnframes()))
    return max(abs(s) for s in samples)


def test_the_shipped_sounds_are_what_the_generator_writes(tmp_path: Path) -> None:
    for path in make_sounds(tmp_path):
        shipped = assets_dir() / "sounds" / path.name
        assert shipped.read_bytes() == path.read_bytes(), "run python -m coach.tools.make_sounds"
    for cue in Cue:
        with wave.open(str(sound_file(cue)), "rb") as handle:
            assert (handle.getnchannels(), handle.getsampwidth()) == (1, 2)
            assert handle.getnframes() / handle.getframerate() < 1.5  # short cues


def test_volume_scales_the_samples_and_mute_plays_nothing(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    backend = RecordingBackend()
    owner = QObject()
    player = CuePlayer(ctx.prefs, backend, owner)
    ctx.prefs.set_value("sound/volume", 100)
    player.play(Cue.STEP)
    assert backend.played[-1] == sound_file(Cue.STEP)
    ctx.prefs.set_value("sound/volume", 40)
    player.play(Cue.STEP)
    quiet = backend.played[-1]
    assert quiet != sound_file(Cue.STEP)
    assert peak(quiet) < peak(sound_file(Cue.STEP)) * 0.2  # loudness follows volume squared
    ctx.prefs.set_value("sound/enabled", "false")
    player.play(Cue.FINISH)
    assert len(backend.played) == 2
    assert not player.audible


def test_bad_settings_values_fall_back_to_defaults(ctx: AppContext) -> None:
    ctx.prefs.set_value("sound/volume", "loud")
    assert sound_volume(ctx.prefs) == 80
    ctx.prefs.set_value("sound/volume", 400)
    assert sound_volume(ctx.prefs) == 100
    assert sound_enabled(ctx.prefs)


def test_scale_wav_keeps_the_format(tmp_path: Path) -> None:
    target = tmp_path / "half.wav"
    scale_wav(sound_file(Cue.TICK), target, 0.5)
    with wave.open(str(target), "rb") as out, wave.open(str(sound_file(Cue.TICK)), "rb") as src:
        assert out.getparams() == src.getparams()


def test_the_sound_card_in_settings_mutes_and_changes_volume(qtbot: QtBot, ctx: AppContext) -> None:
    backend = RecordingBackend()
    card = SoundCard(ctx.prefs, backend=backend)
    qtbot.addWidget(card)
    assert card.volume_label.text() == "Volume 80%"
    qtbot.mouseClick(card.louder, Qt.MouseButton.LeftButton)
    assert sound_volume(ctx.prefs) == 100
    assert not card.louder.isEnabled()
    assert len(backend.played) == 1  # a changed volume is played so it can be heard
    qtbot.mouseClick(card.test, Qt.MouseButton.LeftButton)
    assert backend.played[-1] == sound_file(Cue.FINISH)
    card.enabled.click()
    assert not sound_enabled(ctx.prefs)
    assert not card.test.isEnabled()
    assert "flashes" in card.note.text()


def test_without_a_player_cues_are_silent(ctx: AppContext) -> None:
    player = CuePlayer(ctx.prefs, SilentBackend())
    assert not player.play(Cue.STEP)  # no error, nothing to hear
    assert not player.audible


def test_without_a_player_the_session_says_so_once_and_how_to_fix_it(
    qtbot: QtBot, ctx: AppContext
) -> None:
    from coach.domain.catalogue import Dosage
    from coach.domain.protocol import Prescription
    from coach.domain.steps import compile_steps
    from coach.domain.timer import Session
    from coach.ui.session.player import PlayerScreen

    cues = CuePlayer(ctx.prefs, SilentBackend())
    steps = compile_steps(
        (Prescription("bridge", Dosage(reps=1, hold_s=3)),), ctx.content.catalogue
    )
    screens = []
    for _ in range(2):
        screen = PlayerScreen(Session(steps, ctx.clock), ctx.clock, cues, lambda _id: None)
        qtbot.addWidget(screen)
        screens.append(screen)
    first, second = (s.sound_notice for s in screens)
    assert "Settings says how to fix it" in first.text()
    assert second.text().startswith("Keys:")  # once is enough
    screens[0].begin()
    screens[0].apply(screens[0].session.skip)
    assert first.text().startswith("Keys:")  # said during the first step only
    with_player = CuePlayer(ctx.prefs, RecordingBackend())
    assert with_player.missing_player_notice() is None


def test_the_test_sound_button_says_what_happened(qtbot: QtBot, ctx: AppContext) -> None:
    card = SoundCard(ctx.prefs, backend=RecordingBackend())
    qtbot.addWidget(card)
    qtbot.mouseClick(card.test, Qt.MouseButton.LeftButton)
    assert card.note.text().startswith("A test sound was played.")
    silent = SoundCard(ctx.prefs, backend=SilentBackend())
    qtbot.addWidget(silent)
    assert "install a sound player" in silent.note.text()
    qtbot.mouseClick(silent.test, Qt.MouseButton.LeftButton)
    assert "install a sound player" in silent.note.text()


def test_find_backend_picks_a_player_on_the_path(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = QObject()
    monkeypatch.setenv("PATH", str(tmp_path))
    assert isinstance(find_backend(owner), SilentBackend)
    if sys.platform.startswith("linux"):
        fake = tmp_path / "aplay"
        fake.write_text("#!/bin/sh\nexit 0\n")
        fake.chmod(0o755)
        assert isinstance(find_backend(owner), CommandBackend)


@pytest.mark.skipif(sys.platform == "win32", reason="uses a shell script as the player")
def test_a_command_player_runs_without_blocking_and_gives_up_after_failures(
    qtbot: QtBot, tmp_path: Path
) -> None:
    owner = QObject()
    out = tmp_path / "played.wav"
    good = CommandBackend("/bin/sh", ["-c", f'cp "$1" "{out}"', "sh"], owner)
    good.play(sound_file(Cue.TICK))
    qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 0)
    assert good.available
    bad = CommandBackend("/bin/sh", ["-c", "exit 3", "sh"], owner)
    for _ in range(3):
        bad.play(sound_file(Cue.TICK))
    qtbot.waitUntil(lambda: not bad.available)
    missing = CommandBackend(str(tmp_path / "no-such-player"), [], owner)
    for _ in range(3):
        missing.play(sound_file(Cue.TICK))
    qtbot.waitUntil(lambda: not missing.available)
