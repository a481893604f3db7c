"""Render every main screen to PNG with demo data (``rehab-coach screenshot DIR``)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from coach.demo import demo_data_paths
from coach.instance_lock import InstanceLock
from coach.paths import DataPaths
from coach.ui.app import build_context, build_window, make_application
from coach.ui.learn_shots import render_learn_screens
from coach.ui.progress_shots import render_progress_screens
from coach.ui.session.shots import render_session_screens
from coach.ui.therapist.shots import render_therapist_screens
from coach.ui.today_shots import (
    render_fusion_library,
    render_library_detail,
    render_onboarding_screens,
)

SIZE = (1280, 800)


@dataclass(frozen=True)
class Look:
    """The window size, text size (percent) and theme the pictures are taken at."""

    size: tuple[int, int] = SIZE
    text_scale: int = 125
    theme: str = "light"


def render_screens(
    out_dir: Path, work_dir: Path | None = None, look: Look | None = None
) -> list[Path]:
    """Write one PNG per screen in the rail into ``out_dir``; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    app = make_application()
    with tempfile.TemporaryDirectory(prefix="rehab-coach-shots-", dir=work_dir) as tmp:
        return _render_all(app, demo_data_paths(Path(tmp)), out_dir, look or Look())


def _render_all(app: QApplication, paths: DataPaths, out_dir: Path, look: Look) -> list[Path]:
    written: list[Path] = []
    size = look.size
    with InstanceLock(paths.lock):
        ctx = build_context(paths)
        ctx.prefs.text_scale = look.text_scale
        ctx.prefs.theme = look.theme
        try:
            window = build_window(app, ctx)
            window.resize(*size)
            window.show()
            for key in window.screen_keys:
                window.show_screen(key)
                _settle(app)
                path = out_dir / f"{key}.png"
                if not window.grab().save(str(path)):
                    raise OSError(f"could not write {path}")
                written.append(path)
            written += render_therapist_screens(ctx, window, out_dir, lambda: _settle(app))
            written += render_progress_screens(ctx, window, out_dir, lambda: _settle(app))
            written += render_library_detail(window, out_dir, lambda: _settle(app))
            written += render_learn_screens(ctx, window, out_dir, lambda: _settle(app))
            window.close()
            window.deleteLater()
            _settle(app)
            # Really delete the closed widgets (processEvents leaves deleteLater pending), so
            # that no timer of theirs can run after the database below is closed.
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
            written += render_session_screens(ctx, out_dir, lambda: _settle(app), size)
            written += render_onboarding_screens(ctx, out_dir, lambda: _settle(app), size)
            written += render_fusion_library(ctx, out_dir, lambda: _settle(app), size)
        finally:
            ctx.db.close()
    return written


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()
