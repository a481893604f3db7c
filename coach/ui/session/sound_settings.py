"""The Sound card of Settings: cues on or off, volume, and a test sound."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from coach.domain.i18n import _
from coach.ui.common.flow_layout import FlowLayout
from coach.ui.common.preferences import Preferences
from coach.ui.common.widgets import button, fill_with_card, label
from coach.ui.common.wrapping import WrapCheckBox
from coach.ui.session.sounds import (
    NO_PLAYER_TEXT,
    VOLUME_STEP,
    Backend,
    Cue,
    CuePlayer,
    set_sound_enabled,
    set_sound_volume,
    sound_enabled,
    sound_volume,
)


class SoundCard(QWidget):
    """Changes apply at once and are remembered in the settings file."""

    def __init__(
        self, prefs: Preferences, parent: QWidget | None = None, backend: Backend | None = None
    ) -> None:
        super().__init__(parent)
        self._prefs = prefs
        self.player = CuePlayer(prefs, backend, self)
        frame, layout = fill_with_card(self)

        layout.addWidget(label(_("Sound"), "heading", frame))
        self.enabled = WrapCheckBox(_("Play sounds during exercises"), frame)
        self.enabled.setChecked(sound_enabled(prefs))
        self.enabled.toggled.connect(self._on_enabled_toggled)
        layout.addWidget(self.enabled)

        row = FlowLayout(spacing=10)  # wraps when the words are long
        self.quieter = button(_("−  Quieter"), frame)
        self.quieter.setAccessibleName(_("Make sounds quieter"))
        self.volume_label = label("", "big", frame, wrap=False)
        self.louder = button(_("+  Louder"), frame)
        self.louder.setAccessibleName(_("Make sounds louder"))
        self.test = button(_("Play a test sound"), frame)
        for widget in (self.quieter, self.volume_label, self.louder):
            row.addWidget(widget)
        layout.addLayout(row)
        test_row = QHBoxLayout()  # its own row: at 200% text all four did not fit across
        test_row.addWidget(self.test)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        self.note = label("", "hint", frame)
        layout.addWidget(self.note)

        self.quieter.clicked.connect(lambda: self._step_volume(-VOLUME_STEP))
        self.louder.clicked.connect(lambda: self._step_volume(+VOLUME_STEP))
        self.test.clicked.connect(self._on_test_clicked)
        self._show()

    def _on_enabled_toggled(self, on: bool) -> None:
        set_sound_enabled(self._prefs, on)
        self._show()

    def _step_volume(self, change: int) -> None:
        set_sound_volume(self._prefs, sound_volume(self._prefs) + change)
        self._show()
        self.player.play(Cue.STEP)

    def _on_test_clicked(self) -> None:
        """Play the sound and say what happened (a silent button tells the patient nothing)."""
        if self.player.play(Cue.FINISH):
            self.note.setText(
                _(
                    "A test sound was played. If you did not hear it, check that the speakers "
                    "are on and not muted."
                )
            )
        elif not self.player.has_player:
            self.note.setText(_(NO_PLAYER_TEXT))
        else:
            self.note.setText(
                _("The test sound could not be played. The countdown flashes instead.")
            )

    def _show(self) -> None:
        on = sound_enabled(self._prefs)
        volume = sound_volume(self._prefs)
        self.volume_label.setText(_("Volume {percent}%").format(percent=volume))
        self.quieter.setEnabled(on and volume > 0)
        self.louder.setEnabled(on and volume < 100)
        self.test.setEnabled(on and volume > 0)
        if not on:
            self.note.setText(_("Sounds are off. The countdown flashes instead."))
        elif self.player.audible:
            self.note.setText(_("You hear a tone at each step, and 3-2-1 before a hold ends."))
        elif volume == 0:
            self.note.setText(_("The volume is at 0. The countdown flashes instead."))
        else:
            self.note.setText(_(NO_PLAYER_TEXT))
