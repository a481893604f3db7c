"""Extra screenshots for ``rehab-coach screenshot DIR``: the Progress charts with 12 weeks of
demo history (scrolled to the charts), the same screen with 10 years (range 'All'), and the
PSFS rating dialog."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QScrollArea

from coach.demo.history import seed_history
from coach.shots.compose import save_grab
from coach.store import open_db
from coach.store.stores import Stores
from coach.ui.active_profile import ActiveProfile
from coach.ui.context import AppContext
from coach.ui.main_window import MainWindow
from coach.ui.progress.outcomes import PsfsDialog
from coach.ui.progress.screen import ProgressScreen

TEN_YEARS_WEEKS = 520


def _scroll_to_charts(screen: ProgressScreen) -> None:
    scroll = screen.findChild(QScrollArea)
    if scroll is not None:
        scroll.ensureWidgetVisible(screen.charts, 0, 0)
        bar = scroll.verticalScrollBar()
        bar.setValue(screen.stack.y() - 12)


def render_progress_screens(
    ctx: AppContext,
    window: MainWindow,
    out_dir: Path,
    settle: Callable[[], None],
    *,
    long: bool = True,
) -> list[Path]:
    """Shoot the charts (12 weeks), the charts on ten years (if ``long``), and the PSFS
    dialog."""
    if ctx.active.profile is None:
        return []
    written: list[Path] = []
    window.show_screen("progress")
    screen = window.screen_widget("progress")
    assert isinstance(screen, ProgressScreen)
    _scroll_to_charts(screen)
    settle()
    written.append(save_grab(window, out_dir / "progress-charts.png"))

    dialog = PsfsDialog(ctx, window)
    dialog.resize(window.size())  # as big as the window, like the other pictures
    dialog.show()
    settle()
    written.append(save_grab(dialog, out_dir / "progress-psfs.png"))
    dialog.close()
    dialog.deleteLater()
    if not long:
        return written

    with tempfile.TemporaryDirectory(prefix="rehab-coach-10y-") as tmp:
        db = open_db(Path(tmp) / "coach.db")
        try:
            stats = seed_history(db, ctx.content, ctx.clock.now(), weeks=TEN_YEARS_WEEKS)
            long_ctx = replace(ctx, stores=Stores(db), active=ActiveProfile(stats.profile, window))
            long_screen = ProgressScreen(long_ctx)
            long_screen.resize(screen.size())
            long_screen.show()
            long_screen.range_buttons[None].click()
            _scroll_to_charts(long_screen)
            settle()
            written.append(save_grab(long_screen, out_dir / "progress-10-years.png"))
            long_screen.close()
            long_screen.deleteLater()
            settle()
        finally:
            db.close()
    return written
