"""Screenshots of the warning-sign screens for ``rehab-coach screenshot DIR``: the check's
"which one?" step, and Today after an emergency answer (the banner instead of Start). Taken last,
because the stop they record holds for the rest of the demo's day."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from coach.ui.app import build_window
from coach.ui.context import AppContext
from coach.ui.safety.screen import WarningSignsScreen


def render_safety_screens(
    app: QApplication,
    ctx: AppContext,
    out_dir: Path,
    settle: Callable[[], None],
    size: tuple[int, int],
) -> list[Path]:
    profile = ctx.active.profile
    if profile is None or profile.id is None:
        return []
    window = build_window(app, ctx)
    window.setWindowState(Qt.WindowState.WindowNoState)  # the size asked for
    window.resize(*size)
    window.show()
    written: list[Path] = []

    def shoot(widget: QWidget, name: str) -> None:
        settle()
        path = out_dir / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)

    try:
        window.show_screen("warning-signs")
        page = window.screen_widget("warning-signs")
        assert isinstance(page, WarningSignsScreen)
        page.check_button.click()
        page.check.yes_button.click()
        page.check.pick_buttons["chest-breathing"].click()
        shoot(window, "warning-signs-pick")
        page.show_statements()
        ctx.stores.sessions.record_red_flag_check(
            profile.id, {"chest-breathing": True}, "emergency", ctx.clock.now()
        )
        window.show_screen("today")
        shoot(window, "today-stopped")
    finally:
        window.close()
        window.deleteLater()
        settle()
    return written
