"""Render every main screen to PNG with demo data (``rehab-coach screenshot DIR``)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from coach.demo import history as demo_history
from coach.demo import journal as demo_journal
from coach.demo.folder import DEMO_NICKNAME, demo_data_paths
from coach.domain.i18n import current, use
from coach.shots import therapist, today
from coach.shots.journal import render_journal_screens
from coach.shots.learn import render_learn_screens
from coach.shots.progress import render_progress_screens
from coach.shots.reminders import render_reminder_screens
from coach.shots.safety import render_safety_screens
from coach.shots.session import render_resume_offer, render_session_screens
from coach.shots.therapist import render_therapist_screens
from coach.shots.today import (
    render_fusion_library,
    render_library_detail,
    render_onboarding_screens,
)
from coach.system.instance_lock import InstanceLock
from coach.system.paths import DataPaths
from coach.ui.app import build_context, build_window, make_application
from coach.ui.common.fit_check import fit_problems
from coach.ui.common.untranslated import Untranslated, untranslated_texts
from coach.ui.main_window import MainWindow

SIZE = (1280, 800)
T = TypeVar("T")
# Everything the demo and the pictures type in (names, notes, medicines, a therapist's
# reason): data, shown as typed whatever the language, so never "untranslated".
DEMO_TEXT: tuple[str, ...] = (
    DEMO_NICKNAME,
    today.FUSION_NAME,
    today.ONBOARDING_NAME,
    *therapist.TYPED,
    *demo_history.PSFS_ACTIVITIES,
    *demo_history.NOTES,
    demo_history.FALL_NOTE,
    *demo_journal.NOTES,
    *(course[0] for course in demo_journal.COURSES),
    *(course[2] for course in demo_journal.COURSES),
)


@dataclass(frozen=True)
class Look:
    """The window size, text size (percent), theme and language the pictures are taken at
    (``lang`` None: the language in use); ``long``: also the 10-year Progress picture."""

    size: tuple[int, int] = SIZE
    text_scale: int = 125
    theme: str = "light"
    long: bool = True
    lang: str | None = None


def render_screens(
    out_dir: Path,
    work_dir: Path | None = None,
    look: Look | None = None,
    problems: list[str] | None = None,
    untranslated: list[Untranslated] | None = None,
) -> list[Path]:
    """Write one PNG per screen in the rail into ``out_dir``; returns the files written.
    With ``problems``, every window and dialog is also checked (fit_check) at each picture
    and what does not fit is added to it; with ``untranslated``, every visible text that is
    not in the language (``untranslated``; meant for the pseudo-language ``qps``) is added
    to that list."""
    out_dir.mkdir(parents=True, exist_ok=True)
    app = make_application()
    look = look or Look()
    settle = _Settle(app, look.size, problems, untranslated)
    before = current().code
    use(look.lang or before)
    try:
        with tempfile.TemporaryDirectory(prefix="rehab-coach-shots-", dir=work_dir) as tmp:
            paths = demo_data_paths(Path(tmp))
            settle.data.append(str(paths.root))
            return _render_all(app, paths, out_dir, look, settle)
    finally:
        use(before)


class _Settle:
    """Lets Qt lay out and paint before a picture; then checks what is on screen."""

    def __init__(
        self,
        app: QApplication,
        size: tuple[int, int],
        problems: list[str] | None,
        untranslated: list[Untranslated] | None = None,
    ):
        self.app = app
        self.size = size
        self.problems = problems
        self.untranslated = untranslated
        self.data: list[str] = []  # the throwaway data folder's path, shown in Settings

    def __call__(self) -> None:
        for _ in range(5):  # layouts that wrap text settle in a few rounds
            self.app.sendPostedEvents()
            self.app.processEvents()
        for top in self.app.topLevelWidgets():
            if not top.isVisible() or top.inherits("QMenu"):
                continue
            where = f"[{top.current_key()}] " if isinstance(top, MainWindow) else ""
            if self.problems is not None:
                _add(self.problems, (where + p for p in fit_problems(top, self.size)))
            if self.untranslated is not None:
                found = untranslated_texts(top, (*DEMO_TEXT, *self.data))
                _add(self.untranslated, (replace(u, where=where + u.where) for u in found))


def _add(into: list[T], found: Iterable[T]) -> None:
    for item in found:
        if item not in into:
            into.append(item)


def _render_all(
    app: QApplication, paths: DataPaths, out_dir: Path, look: Look, settle: _Settle
) -> list[Path]:
    written: list[Path] = []
    size = look.size
    with InstanceLock(paths.lock):
        ctx = build_context(paths)
        ctx.prefs.text_scale = look.text_scale
        ctx.prefs.theme = look.theme
        try:
            window = build_window(app, ctx)
            window.setWindowState(Qt.WindowState.WindowNoState)  # the size asked for
            window.resize(*size)
            window.show()
            for key in window.screen_keys:
                window.show_screen(key)
                settle()
                path = out_dir / f"{key}.png"
                if not window.grab().save(str(path)):
                    raise OSError(f"could not write {path}")
                written.append(path)
            written += render_therapist_screens(ctx, window, out_dir, settle)
            written += render_progress_screens(ctx, window, out_dir, settle, long=look.long)
            written += render_library_detail(window, out_dir, settle)
            written += render_resume_offer(ctx, window, out_dir, settle)
            written += render_learn_screens(ctx, window, out_dir, settle)
            written += render_reminder_screens(ctx, window, out_dir, settle)
            written += render_journal_screens(ctx, window, out_dir, settle, long=look.long)
            window.close()
            window.deleteLater()
            settle()
            # Really delete the closed widgets (processEvents leaves deleteLater pending), so
            # that no timer of theirs can run after the database below is closed.
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
            written += render_session_screens(ctx, out_dir, settle, size)
            written += render_onboarding_screens(ctx, out_dir, settle, size)
            written += render_fusion_library(ctx, out_dir, settle, size)
            written += render_safety_screens(app, ctx, out_dir, settle, size)
        finally:
            ctx.db.close()
    return written
