"""Settings: language, text size, theme, sound, voice, reminders, where the data lives, back up and
restore."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QVBoxLayout,
    QWidget,
)

from coach.domain.i18n import _, pgettext
from coach.store import StoreError
from coach.store.backup import make_backup, restore
from coach.ui.common.flow_layout import FlowLayout
from coach.ui.common.preferences import TEXT_SCALES, THEMES
from coach.ui.common.widgets import (
    breakable_path,
    button,
    card,
    label,
    scroll_page,
)
from coach.ui.common.wrapping import WrapRadioButton
from coach.ui.context import AppContext
from coach.ui.reminders.settings_card import RemindersCard
from coach.ui.session.sound_settings import SoundCard
from coach.ui.session.voice_settings import VoiceCard
from coach.ui.settings.language_card import LanguageCard

log = logging.getLogger(__name__)


def theme_label(theme: str) -> str:
    """The theme's name in the patient's language."""
    labels = {
        "system": _("Same as my computer"),
        "light": pgettext("theme", "Light"),
        "dark": pgettext("theme", "Dark"),
    }
    return labels[theme]


class SettingsScreen(QWidget):
    """A patient-friendly settings page; every change applies at once and is remembered."""

    appearance_changed = Signal()
    database_replaced = Signal()

    def __init__(
        self,
        ctx: AppContext,
        apply_appearance: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._apply_appearance = apply_appearance
        self._dialogs = ctx.dialogs

        scroll, body, column = scroll_page(self, spacing=18)
        column.addWidget(label(_("Settings"), "title", body))
        self.language_card = LanguageCard(ctx, body)
        column.addWidget(self.language_card)

        column.addWidget(self._text_size_card(body))
        column.addWidget(self._theme_card(body))
        column.addWidget(SoundCard(ctx.prefs, body))
        self.voice_card = VoiceCard(ctx.prefs, body)
        column.addWidget(self.voice_card)
        self.reminders_card = RemindersCard(ctx, body)
        column.addWidget(self.reminders_card)
        column.addWidget(self._data_card(body))
        column.addStretch(1)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # -- text size -----------------------------------------------------------------------------
    def _text_size_card(self, parent: QWidget) -> QWidget:
        frame, layout = card(parent)
        layout.addWidget(label(_("Text size"), "heading", frame))
        row = FlowLayout(spacing=10)  # wraps when the words are long
        self.smaller = button(_("A−  Smaller"), frame)
        self.smaller.setAccessibleName(_("Make text smaller"))
        self.larger = button(_("A+  Larger"), frame)
        self.larger.setAccessibleName(_("Make text larger"))
        self.scale_label = label("", "big", frame, wrap=False)
        row.addWidget(self.smaller)
        row.addWidget(self.scale_label)
        row.addWidget(self.larger)
        layout.addLayout(row)
        self.smaller.clicked.connect(lambda: self._step_scale(-1))
        self.larger.clicked.connect(lambda: self._step_scale(+1))
        self._show_scale()
        return frame

    def _step_scale(self, direction: int) -> None:
        current = self._ctx.prefs.text_scale
        options = [s for s in TEXT_SCALES if (s - current) * direction > 0]
        if not options:
            return
        self._ctx.prefs.text_scale = options[0] if direction > 0 else options[-1]
        self._apply_appearance()
        self._show_scale()
        self.appearance_changed.emit()

    def _show_scale(self) -> None:
        scale = self._ctx.prefs.text_scale
        self.scale_label.setText(_("{percent}%").format(percent=scale))
        self.smaller.setEnabled(scale > TEXT_SCALES[0])
        self.larger.setEnabled(scale < TEXT_SCALES[-1])

    # -- theme ---------------------------------------------------------------------------------
    def _theme_card(self, parent: QWidget) -> QWidget:
        frame, layout = card(parent)
        layout.addWidget(label(_("Colours"), "heading", frame))
        self.theme_buttons = QButtonGroup(frame)
        for theme in THEMES:
            radio = WrapRadioButton(theme_label(theme), frame)
            radio.setObjectName(f"theme-{theme}")
            radio.setChecked(theme == self._ctx.prefs.theme)
            radio.toggled.connect(lambda on, t=theme: self._on_theme_toggled(on, t))
            self.theme_buttons.addButton(radio)
            layout.addWidget(radio)
        return frame

    def _on_theme_toggled(self, on: bool, theme: str) -> None:
        if on:
            self._set_theme(theme)

    def _set_theme(self, theme: str) -> None:
        self._ctx.prefs.theme = theme
        self._apply_appearance()
        self.appearance_changed.emit()

    # -- data ----------------------------------------------------------------------------------
    def _data_card(self, parent: QWidget) -> QWidget:
        frame, layout = card(parent)
        layout.addWidget(label(_("Your data"), "heading", frame))
        layout.addWidget(
            label(
                _("Everything stays on this computer. Rehab Coach never uses the internet."),
                None,
                frame,
            )
        )
        where = breakable_path(self._ctx.paths.root)
        folder = label(_("Data folder: {folder}").format(folder=where), "hint", frame)
        folder.setObjectName("data-folder")
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(folder)
        row = FlowLayout(spacing=10)  # wraps when the words are long
        self.backup_button = button(_("Back up now"), frame)
        self.restore_button = button(_("Restore from a backup…"), frame)
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        layout.addLayout(row)
        self.backup_button.clicked.connect(self._on_backup_clicked)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        return frame

    def _on_backup_clicked(self) -> None:
        try:
            path = make_backup(
                self._ctx.paths.database, self._ctx.paths.backups, self._ctx.clock.now()
            )
        except StoreError as exc:
            self._dialogs.inform(self, _("Backup failed"), str(exc))
            return
        log.info("backup written")
        self._dialogs.inform(
            self, _("Backup done"), _("A copy of your data was saved:\n{file}").format(file=path)
        )

    def _on_restore_clicked(self) -> None:
        chosen = self._dialogs.open_path(
            self,
            _("Choose a backup"),
            self._ctx.paths.backups,
            # Translators: a file-dialog filter; keep "(*.db)" as it is.
            _("Rehab Coach backups (*.db)"),
        )
        if chosen is None:
            return
        if not self._dialogs.confirm(
            self,
            _("Restore this backup?"),
            _(
                "Your data will be replaced by the backup\n{file}.\n\n"
                "A copy of your current data is kept first. Continue?"
            ).format(file=chosen.name),
        ):
            return
        try:
            restore(
                chosen,
                self._ctx.paths.database,
                self._ctx.paths.backups,
                self._ctx.clock.now(),
                live=self._ctx.db,
            )
        except StoreError as exc:
            self._dialogs.inform(self, _("Nothing was changed"), str(exc))
            return
        log.info("restored from a backup")
        self.database_replaced.emit()
        self._dialogs.inform(self, _("Restored"), _("Your data was restored from the backup."))
