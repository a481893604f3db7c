"""Record what a patient hears in a real session: the spoken coach and the tones, on one track.

Runs the real player screen (on a real display when there is one, e.g. Xvfb) through the first
exercises of a shipped routine on the real clock, with espeak-ng as the engine. Each utterance
is written by espeak-ng to its own WAV at the moment the engine is started (the same command
line as in the app, plus -w), each tone is noted; then sox lays them on one timeline at their
start times (an utterance cut by the next one is cut there too) and prints what was said when.

    python bench/record_speech.py OUT.wav [--surgery fusion] [--exercises 2]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from coach.domain.catalogue import Dosage
from coach.domain.clock import SystemClock
from coach.domain.content import load_content
from coach.domain.profile import Surgery
from coach.domain.protocol import Prescription
from coach.domain.steps import compile_steps
from coach.domain.timer import Session
from coach.domain.warning_signs import stop_if_lines
from coach.platform.speech import Speaker, Voice, espeak_args
from coach.system.paths import assets_dir, exercises_dir
from coach.ui.common.preferences import Preferences
from coach.ui.session.player import PlayerScreen
from coach.ui.session.sounds import CuePlayer
from coach.ui.session.voice import VoiceCoach


class Recorder:
    """An engine that behaves like espeak-ng playing aloud: each utterance is rendered by
    espeak-ng (the app's command line plus -w) and counts as "speaking" for as long as the
    clip lasts, so counts are dropped and step words wait exactly as in a real session; a
    clip cut by ``stop`` is trimmed at that moment."""

    name = "espeak-ng (recorded)"

    def __init__(self, program: str, folder: Path, start: float) -> None:
        self.program = program
        self.folder = folder
        self.start = start
        self.clips: list[list[object]] = []  # [offset, file, words, end offset]
        self._until = 0.0

    def speak(self, text: str, voice: Voice) -> None:
        begin = time.monotonic()
        self.stop()
        path = self.folder / f"say-{len(self.clips):03d}.wav"
        argv = [*espeak_args(self.program, text, voice)[:-2], "-w", str(path), "--", text]
        subprocess.run(argv, check=True)
        with wave.open(str(path), "rb") as clip:
            length = clip.getnframes() / clip.getframerate()
        offset = begin - self.start
        self.clips.append([offset, path, text, offset + length])
        self._until = begin + length

    def stop(self) -> None:
        now = time.monotonic()
        if self.clips and now < self._until:
            self.clips[-1][3] = now - self.start  # cut here
        self._until = 0.0

    def speaking(self) -> bool:
        return time.monotonic() < self._until

    def voices(self) -> list[str]:
        return []


class ToneLog:
    available = True

    def __init__(self, start: float) -> None:
        self.start = start
        self.tones: list[tuple[float, Path]] = []

    def play(self, path: Path) -> None:
        self.tones.append((time.monotonic() - self.start, path))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--surgery", default="fusion", choices=[s.value for s in Surgery])
    parser.add_argument("--exercises", type=int, default=2)
    args = parser.parse_args()
    program = shutil.which("espeak-ng")
    if program is None or shutil.which("sox") is None:
        print("needs espeak-ng and sox", file=sys.stderr)
        return 1
    content = load_content(exercises_dir())
    routine = content.protocols[Surgery(args.surgery)].phases[1].routines[0]
    items = tuple(
        Prescription(
            i.exercise_id, Dosage(sets=1, reps=min(3, i.dosage.reps), hold_s=i.dosage.hold_s)
        )
        if not i.dosage.timed
        else i
        for i in routine.items[: args.exercises]
    )
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        prefs = Preferences(folder / "settings.ini")
        start = time.monotonic()
        recorder = Recorder(program, folder, start)
        tones = ToneLog(start)
        speaker = Speaker(recorder)
        steps = compile_steps(items, content.catalogue)

        def stop_if(exercise_id: str) -> str:
            lines = stop_if_lines(content.catalogue[exercise_id], content.red_flags, "112")
            return "\n".join(lines)

        player = PlayerScreen(
            Session(steps, SystemClock()),
            SystemClock(),
            CuePlayer(prefs, tones),
            lambda _id: None,
            stop_if=stop_if,
            voice=VoiceCoach(prefs, speaker),
        )
        player.resize(1366, 768)
        player.show()
        player.session_ended.connect(lambda _done: QTimer.singleShot(3000, app.quit))
        player.begin()
        app.exec()
        speaker.close()
        mix(recorder, tones, args.out)
        for offset, _path, text, end in recorder.clips:
            print(f"{offset:7.2f} s to {end:6.2f} s  {text}")
        for offset, path in tones.tones:
            print(f"{offset:7.2f} s  tone {path.stem}")
    return 0


def mix(recorder: Recorder, tones: ToneLog, out: Path) -> None:
    """Each clip padded to its start and trimmed where the next utterance cut it; one track."""
    folder = recorder.folder
    parts: list[Path] = []
    for n, (offset, path, _text, end) in enumerate(recorder.clips):
        assert isinstance(offset, float) and isinstance(end, float) and isinstance(path, Path)
        placed = folder / f"placed-{n:03d}.wav"
        subprocess.run(
            [
                "sox",
                str(path),
                "-r",
                "22050",
                "-c",
                "1",
                str(placed),
                "trim",
                "0",
                f"{max(0.01, end - offset):.3f}",
                "pad",
                f"{offset:.3f}",
            ],
            check=True,
        )
        parts.append(placed)
    tone_file = assets_dir() / "sounds"
    for n, (offset, path) in enumerate(tones.tones):
        placed = folder / f"tone-{n:03d}.wav"
        source = path if path.exists() else tone_file / f"{path.stem.split('-')[0]}.wav"
        subprocess.run(
            ["sox", str(source), "-r", "22050", "-c", "1", str(placed), "pad", f"{offset:.3f}"],
            check=True,
        )
        parts.append(placed)
    if len(parts) == 1:
        shutil.copy(parts[0], out)
    else:
        inputs = [arg for part in parts for arg in ("-v", "1", str(part))]  # no scaling down
        subprocess.run(["sox", "-m", *inputs, str(out)], check=True)


if __name__ == "__main__":
    raise SystemExit(main())
