"""Screenshots of Learn for ``rehab-coach screenshot DIR``: a topic page with its tools, a
search, the breathing guide half way through a breath in, and Today's Learn hint card."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QScrollArea

from coach.domain.clock import FakeClock
from coach.domain.pain import Pain
from coach.shots.compose import save_grab
from coach.ui.context import AppContext
from coach.ui.main_window import MainWindow


def render_learn_screens(
    ctx: AppContext, window: MainWindow, out_dir: Path, settle: Callable[[], None]
) -> list[Path]:
    from coach.ui.learn.screen import LearnScreen

    written: list[Path] = []
    window.show_screen("learn")
    screen = window.screen_widget("learn")
    if isinstance(screen, LearnScreen):
        screen.show_topic("coping-with-pain")
        settle()
        written.append(save_grab(window, out_dir / "learn-topic.png"))
        screen.search.setText("nerve")
        settle()
        written.append(save_grab(window, out_dir / "learn-search.png"))
        screen.search.clear()

    written.append(_breathing_shot(ctx, window, out_dir, settle))
    written += _hint_shot(ctx, window, out_dir, settle)
    return written


def _breathing_shot(
    ctx: AppContext, window: MainWindow, out_dir: Path, settle: Callable[[], None]
) -> Path:
    from coach.ui.learn.coping_tools import TimedTool

    clock = FakeClock(ctx.clock.now())  # a still half way through a breath in
    tool = TimedTool(replace(ctx, clock=clock), "breathing", window)
    tool.resize(window.size())
    tool.show()
    tool.start(3)
    clock.advance(2.0)
    tool.tick()
    settle()
    path = save_grab(tool, out_dir / "calm-breathing.png")
    tool.stop()  # ended after 2 s: too short to be recorded
    tool.close()
    tool.deleteLater()

    return path


def _hint_shot(
    ctx: AppContext, window: MainWindow, out_dir: Path, settle: Callable[[], None]
) -> list[Path]:
    from coach.ui.learn.cards import LearnHintCard

    written: list[Path] = []
    profile = ctx.active.profile
    if profile is not None and profile.id is not None:  # leg worse than back, then undone
        store = ctx.stores.sessions
        now = ctx.clock.now()
        session = store.start_session(profile.id, None, "daily", "Daily", now)
        store.record_pain(session, "before", Pain(2, 5), now)
        store.record_pain(session, "after", Pain(2, 5), now)
        store.finish_session(session, "done", now)
        try:
            window.show_screen("today")
            today = window.screen_widget("today")
            settle()
            card = today.findChild(LearnHintCard)
            scroll = today.findChild(QScrollArea)
            if card is not None and scroll is not None:
                scroll.ensureWidgetVisible(card)
            settle()
            written.append(save_grab(window, out_dir / "today-learn-hint.png"))
            if scroll is not None:
                scroll.verticalScrollBar().setValue(0)
        finally:
            store.delete_session(session)
            settle()
    return written
