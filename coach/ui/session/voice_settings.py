"""The Voice card of Settings: spoken coaching on or off, speed, loudness, which voice, a test."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from coach.domain.i18n import N_, _, ngettext
from coach.domain.spoken import Priority, Utterance
from coach.platform.speech import MAX_RATE, MIN_RATE, Speaker
from coach.ui.common.flow_layout import FlowLayout
from coach.ui.common.preferences import Preferences
from coach.ui.common.widgets import button, fill_with_card, label
from coach.ui.common.wrapping import WrapCheckBox
from coach.ui.session.voice import (
    set_voice,
    set_voice_enabled,
    shared_speaker,
    voice_enabled,
    voice_of,
)

RATE_STEP = 20
VOLUME_STEP = 20
# Translators: spoken aloud by the "Say a test sentence" button.
TEST_WORDS = N_("Get ready. Lie on your back with your knees bent. Hold. 3, 2, 1. Relax.")
NO_ENGINE_TEXT = N_(
    "No speech was found on this computer, so sessions use tones and flashes. To hear the "
    "steps spoken, install espeak-ng (on Linux) and start Rehab Coach again."
)


class VoiceCard(QWidget):
    """Changes apply at once and are remembered in the settings file."""

    def __init__(
        self, prefs: Preferences, parent: QWidget | None = None, speaker: Speaker | None = None
    ) -> None:
        super().__init__(parent)
        self._prefs = prefs
        self.speaker = speaker if speaker is not None else shared_speaker()
        frame, layout = fill_with_card(self)
        layout.addWidget(label(_("Voice"), "heading", frame))
        self.enabled = WrapCheckBox(_("Speak the steps out loud during exercises"), frame)
        self.enabled.setChecked(voice_enabled(prefs))
        self.enabled.toggled.connect(self._on_toggled)
        layout.addWidget(self.enabled)

        self.speed_label = label("", None, frame)  # above its buttons: fits at 200% text
        layout.addWidget(self.speed_label)
        speed = FlowLayout(spacing=10)  # wraps when the words are long
        self.slower = button(_("−  Slower"), frame)
        self.faster = button(_("+  Faster"), frame)
        speed.addWidget(self.slower)
        speed.addWidget(self.faster)
        layout.addLayout(speed)

        loud = FlowLayout(spacing=10)  # wraps when the words are long
        self.quieter = button(_("−  Quieter"), frame)
        self.quieter.setAccessibleName(_("Make the voice quieter"))
        self.volume_label = label("", "big", frame, wrap=False)
        self.louder = button(_("+  Louder"), frame)
        self.louder.setAccessibleName(_("Make the voice louder"))
        for widget in (self.quieter, self.volume_label, self.louder):
            loud.addWidget(widget)
        layout.addLayout(loud)

        which = QHBoxLayout()
        which.addWidget(label(_("Voice:"), None, frame, wrap=False))
        self.voices = QComboBox(frame)
        self.voices.setAccessibleName(_("Which voice"))
        which.addWidget(self.voices)
        which.addStretch(1)
        layout.addLayout(which)
        test_row = QHBoxLayout()  # its own row, as in the Sound card: fits at 200% text
        self.test = button(_("Say a test sentence"), frame)
        test_row.addWidget(self.test)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        self.note = label("", "hint", frame)
        layout.addWidget(self.note)

        self.slower.clicked.connect(lambda: self._change(rate=-RATE_STEP))
        self.faster.clicked.connect(lambda: self._change(rate=+RATE_STEP))
        self.quieter.clicked.connect(lambda: self._change(volume=-VOLUME_STEP))
        self.louder.clicked.connect(lambda: self._change(volume=+VOLUME_STEP))
        self.test.clicked.connect(self.say_test)
        self._fill_voices()
        self.voices.currentIndexChanged.connect(self._on_voice_chosen)
        self._show()

    def _fill_voices(self) -> None:
        """The engine's voices (English first); the first entry is the engine's own."""
        self.voices.addItem(_("Standard voice"), "")
        names: list[str] = []
        engine = self.speaker.engine
        if engine is not None:
            try:
                names = engine.voices()
            except OSError:
                names = []
        for name in names:
            self.voices.addItem(name, name)
        chosen = self.voices.findData(voice_of(self._prefs).name)
        self.voices.setCurrentIndex(max(0, chosen))

    def _on_toggled(self, on: bool) -> None:
        set_voice_enabled(self._prefs, on)
        self._show()

    def _on_voice_chosen(self, index: int) -> None:
        name = str(self.voices.itemData(index) or "")
        set_voice(self._prefs, replace(voice_of(self._prefs), name=name))

    def _change(self, *, rate: int = 0, volume: int = 0) -> None:
        voice = voice_of(self._prefs)
        set_voice(self._prefs, replace(voice, rate=voice.rate + rate, volume=voice.volume + volume))
        self._show()

    def say_test(self) -> None:
        if self.speaker.available and voice_enabled(self._prefs):
            self.speaker.say(Utterance(_(TEST_WORDS), Priority.INTRO), voice_of(self._prefs))
            self.note.setText(_("If you did not hear it, check that the speakers are on."))

    def _show(self) -> None:
        voice = voice_of(self._prefs)
        on = voice_enabled(self._prefs) and self.speaker.available
        self.speed_label.setText(
            ngettext(
                "Speed: {count} word a minute", "Speed: {count} words a minute", voice.rate
            ).format(count=voice.rate)
        )
        self.volume_label.setText(_("Volume {percent}%").format(percent=voice.volume))
        self.slower.setEnabled(on and voice.rate > MIN_RATE)
        self.faster.setEnabled(on and voice.rate < MAX_RATE)
        self.quieter.setEnabled(on and voice.volume > 0)
        self.louder.setEnabled(on and voice.volume < 100)
        self.voices.setEnabled(on and self.voices.count() > 1)
        self.test.setEnabled(on and voice.volume > 0)
        self.enabled.setEnabled(self.speaker.available)
        if not self.speaker.available:
            self.note.setText(_(NO_ENGINE_TEXT))
        elif not voice_enabled(self._prefs):
            self.note.setText(_("The voice is off. Sessions use tones and flashes."))
        elif voice.volume == 0:
            self.note.setText(_("The volume is at 0. Sessions use tones and flashes."))
        else:
            self.note.setText(
                _(
                    "The voice says each exercise, when to stop, when to hold and relax, and "
                    "counts 3-2-1. You hear a tone when it is still talking."
                )
            )
