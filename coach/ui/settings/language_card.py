"""The Language card of Settings: the profile's language, used after a restart.

Every screen is built in one language, so a new choice is saved at once (reports and handouts
made from now on use it) and the app shows it after it starts again; "Restart now" does that
(``coach.ui.restart``). The sentence about the restart is also shown in the chosen language, so
a patient who cannot read the current one still sees what happens. Each language is named in
its own words (English, Español): that is how a person looks for theirs.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QWidget

from coach.domain.i18n import LANGUAGES, _, in_language
from coach.store import StoreError
from coach.system.languages import shown_language
from coach.ui.common.widgets import button, fill_with_card, label
from coach.ui.context import AppContext

log = logging.getLogger(__name__)


def _after_restart() -> str:
    return _("Rehab Coach will use this language after it restarts.")


class LanguageCard(QWidget):
    """One choice per shipped language; the active profile's language is the one ticked."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        frame, layout = fill_with_card(self)
        layout.addWidget(label(_("Language"), "heading", frame))
        layout.addWidget(
            label(_("The app, your reports, handouts and the voice use this language."), None)
        )
        self.group = QButtonGroup(frame)
        self.radios: dict[str, QRadioButton] = {}
        for code, name in LANGUAGES.items():
            radio = QRadioButton(name, frame)
            radio.setObjectName(f"language-{code}")
            radio.setAccessibleName(name)
            radio.toggled.connect(lambda on, c=code: self._on_toggled(on, c))
            self.group.addButton(radio)
            self.radios[code] = radio
            layout.addWidget(radio)
        self.note = label("", None, frame)
        self.note.setObjectName("language-restart-note")
        self.chosen_note = label("", None, frame)
        layout.addWidget(self.note)
        layout.addWidget(self.chosen_note)
        row = QHBoxLayout()
        self.restart_button = button(_("Restart now"), frame, primary=True)
        self.restart_button.setObjectName("language-restart")
        self.restart_button.clicked.connect(self._on_restart_clicked)
        row.addWidget(self.restart_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = label("", None, frame)
        self.status.setVisible(False)
        layout.addWidget(self.status)
        ctx.active.changed.connect(self.refresh)
        self.refresh()

    def chosen(self) -> str:
        profile = self._ctx.active.profile
        return profile.language if profile is not None else shown_language()

    def refresh(self) -> None:
        """Tick the profile's language; say a restart is needed when it is not the one shown."""
        chosen = self.chosen()
        radio = self.radios[chosen]
        radio.blockSignals(True)
        radio.setChecked(True)
        radio.blockSignals(False)
        self._show_restart(chosen)

    def _show_restart(self, chosen: str) -> None:
        waiting = chosen != shown_language()
        self.note.setText(_after_restart() if waiting else "")
        self.note.setVisible(waiting)
        with in_language(chosen):  # the same words in the language just chosen
            in_chosen = _after_restart()
        self.chosen_note.setText(in_chosen)
        self.chosen_note.setVisible(waiting and in_chosen != self.note.text())
        self.restart_button.setVisible(waiting)

    def _on_toggled(self, on: bool, code: str) -> None:
        profile = self._ctx.active.profile
        if not on or profile is None or profile.id is None or profile.language == code:
            return
        try:
            saved = self._ctx.repo.set_language(profile.id, code)
        except StoreError as exc:
            log.error("could not save the language: %s", exc)
            self.status.setText(_("The language could not be saved: {reason}").format(reason=exc))
            self.status.setVisible(True)
            self.refresh()
            return
        self._ctx.active.refresh_record(saved)
        self.status.setVisible(False)
        self._show_restart(code)

    def _on_restart_clicked(self) -> None:
        profile = self._ctx.active.profile
        self._ctx.restart.request(profile.id if profile is not None else None)
