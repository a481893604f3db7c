"""UI preferences (text size, theme, ...) kept in an INI file in the data folder via QSettings.

Only how the app looks and sounds lives here; health data lives only in the database.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

TEXT_SCALES = (100, 125, 150, 175, 200)
THEMES = ("system", "light", "dark")


class Preferences:
    """Typed access to the settings file; bad or missing values fall back to defaults."""

    def __init__(self, path: Path) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def text_scale(self) -> int:
        value = _as_int(self._settings.value("appearance/text_scale", 125), 125)
        return min(max(value, TEXT_SCALES[0]), TEXT_SCALES[-1])

    @text_scale.setter
    def text_scale(self, value: int) -> None:
        self._settings.setValue("appearance/text_scale", min(max(value, 100), 200))
        self._settings.sync()

    @property
    def theme(self) -> str:
        value = str(self._settings.value("appearance/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"Unknown theme {value!r}.")
        self._settings.setValue("appearance/theme", value)
        self._settings.sync()

    def value(self, key: str, default: object) -> object:
        """Raw access for screens that add their own preferences (validated by them)."""
        return self._settings.value(key, default)

    def set_value(self, key: str, value: object) -> None:
        self._settings.setValue(key, value)
        self._settings.sync()


def _as_int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default
