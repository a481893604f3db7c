"""Which screens the rail shows, in order. Only screens that work are listed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from coach.ui.context import AppContext
from coach.ui.main_window import ScreenEntry
from coach.ui.settings_screen import SettingsScreen


def build_screens(ctx: AppContext, restyle: Callable[[], None]) -> list[ScreenEntry]:
    """Create every screen with its dependencies (no screen finds its own)."""
    return [
        ScreenEntry("settings", "Settings", lambda: SettingsScreen(ctx, restyle)),
        ScreenEntry("plan", "Therapist", lambda: _therapist_screen(ctx)),
    ]


def _therapist_screen(ctx: AppContext) -> QWidget:
    """Imported when first shown: the editor brings PDF and SVG code the start does not need."""
    from coach.ui.therapist.screen import TherapistScreen

    return TherapistScreen(ctx)
