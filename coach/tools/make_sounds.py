"""Write the session's cue tones to assets/sounds/*.wav with the stdlib ``wave`` module.

Run ``python -m coach.tools.make_sounds`` after changing a tone; the WAV files are committed.
The output is deterministic (same bytes every run), 16-bit mono at 22 050 Hz, and soft-edged
(a short fade in and out) so the tones never click. Tones are kept in a middle pitch range that
older ears hear well, and the three cues differ in pitch and length so they are told apart:

- ``step``: a soft two-tone chime at every step boundary (hold, relax, rest, next exercise);
- ``tick``: a short high blip for the 3-2-1 countdown before a hold ends;
- ``finish``: a rising three-note chime with a held top note at the end of the session.
"""

from __future__ import annotations

import argparse
import math
import struct
import wave
from pathlib import Path

from coach.system.paths import assets_dir

RATE = 22050
PEAK = 0.6  # of full scale: loud enough, with room for the volume setting to scale down

Tone = tuple[float, float]  # (frequency in Hz, seconds)


def _samples(notes: list[Tone], *, decay: float) -> list[float]:
    """Sine notes one after another, each with a 6 ms fade in and an exponential fade out."""
    out: list[float] = []
    for frequency, seconds in notes:
        count = round(RATE * seconds)
        fade_in = max(1, round(RATE * 0.006))
        for n in range(count):
            t = n / RATE
            envelope = min(1.0, n / fade_in) * math.exp(-decay * t / seconds)
            tail = min(1.0, (count - n) / fade_in)  # end exactly at zero: no click
            # A little of the octave makes the tone rounder on small laptop speakers.
            wave_value = math.sin(2 * math.pi * frequency * t) + 0.25 * math.sin(
                4 * math.pi * frequency * t
            )
            out.append(wave_value / 1.25 * envelope * tail)
    return out


SOUNDS: dict[str, tuple[list[Tone], float]] = {
    "step": ([(659.25, 0.09), (880.0, 0.16)], 2.5),
    "tick": ([(1046.5, 0.07)], 2.0),
    "finish": ([(523.25, 0.16), (659.25, 0.16), (783.99, 0.16), (1046.5, 0.6)], 2.2),
}


def write_wav(path: Path, samples: list[float]) -> None:
    frames = b"".join(
        struct.pack("<h", round(max(-1.0, min(1.0, s)) * PEAK * 32767)) for s in samples
    )
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(RATE)
        handle.writeframes(frames)


def make_sounds(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (notes, decay) in SOUNDS.items():
        path = folder / f"{name}.wav"
        write_wav(path, _samples(notes, decay=decay))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="folder (default assets/sounds)")
    args = parser.parse_args(argv)
    for path in make_sounds(args.out or assets_dir() / "sounds"):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
