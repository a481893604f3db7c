"""Screenshots of the session pages for ``rehab-coach screenshot DIR``: the warning-sign check,
pain entry, the player in the middle of a hold, how it felt, and the response after."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QVBoxLayout, QWidget

from coach.domain.clock import FakeClock
from coach.domain.pain import Pain
from coach.domain.steps import StepKind
from coach.shots.compose import over_window
from coach.store.sessions import SessionRecord
from coach.ui.common.figure_cache import FigureCache
from coach.ui.context import AppContext
from coach.ui.session.change_dialog import ChangeDialog
from coach.ui.session.session_flow import SessionFlow
from coach.ui.session.setup import setup_for, today_routine_ids
from coach.ui.session.sounds import CuePlayer, SilentBackend


def render_session_screens(
    ctx: AppContext, out_dir: Path, settle: Callable[[], None], size: tuple[int, int]
) -> list[Path]:
    """Walk a session through its pages on a fake clock and save one PNG per page."""
    profile = ctx.active.profile
    if profile is None:
        return []
    clock = FakeClock(start=ctx.clock.now())
    shot_ctx = replace(ctx, clock=clock)
    setup = None
    for due in today_routine_ids(shot_ctx):
        setup = setup_for(shot_ctx, due)
        if setup is not None and setup.items:
            break
    if setup is None:
        return []
    holder = QWidget()
    holder.resize(*size)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    cues = CuePlayer(ctx.prefs, SilentBackend(), holder)
    flow = SessionFlow(shot_ctx, setup, cues, FigureCache(), parent=holder)
    layout.addWidget(flow)
    holder.show()
    written: list[Path] = []

    def shoot(name: str, dialog: QWidget | None = None) -> None:
        """The session page, with ``dialog`` (if any) drawn over it as a patient sees it."""
        settle()
        path = out_dir / f"{name}.png"
        picture = holder.grab() if dialog is None else over_window(holder.grab(), dialog.grab())
        if not picture.save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)

    try:
        _walk_through(flow, clock, shoot)
    finally:
        holder.close()
        holder.deleteLater()
        settle()
    return written


def _walk_through(
    flow: SessionFlow, clock: FakeClock, shoot: Callable[[str, QWidget | None], None]
) -> None:
    """Answer each page as a patient would, taking a picture on the way."""
    flow.start()
    shoot("session-red-flags", None)  # the first tier's screen: the emergency signs
    for _ in range(5):  # a screen per tier ("None of these" once each list has been read)
        if flow.current_page() is not flow.red_flags:
            break
        flow.red_flags.read_to_end()
        flow.red_flags.no_button.click()
    flow.pain_before.back.set_value(3)
    flow.pain_before.leg.set_value(1)
    shoot("session-pain", None)
    flow.pain_before.next_button.click()
    if flow.current_page() is flow.message:  # pain advice: go on with the usual routine
        flow.message.buttons[-1].click()
    player = flow.player
    assert player is not None
    clock.advance(2)
    player.tick()
    shoot("session-get-ready", None)  # the steps, shown while getting ready
    steps = player.session.steps
    hold = next((i for i, s in enumerate(steps) if s.kind == StepKind.HOLD), 0)
    while player.session.index < hold:
        player.apply(player.session.skip)
    clock.advance(steps[hold].seconds * 0.6)
    player.tick()
    shoot("session-player", None)
    exercise = flow.setup.catalogue[player.session.step.exercise_id]
    easier = flow.setup.catalogue.get(exercise.easier or "")
    choice = ChangeDialog(exercise.name, easier.name if easier else None, flow)
    choice.show()
    shoot("session-easier-or-skip", choice)
    choice.close()
    while player.is_running():  # the patient does the exercises (skipped ones are not praised)
        clock.advance(1.0)
        player.tick()
    flow.pain_after.reset(Pain(3, 2))
    flow.pain_after.next_button.click()
    feedback = flow.feedback
    assert feedback is not None
    for group in list(feedback.groups.values())[:2]:
        group.buttons()[1].setChecked(True)
    shoot("session-after", None)
    feedback.save_button.click()
    shoot("session-response", None)


def render_resume_offer(
    ctx: AppContext, window: QWidget, out_dir: Path, settle: Callable[[], None]
) -> list[Path]:
    """The question asked at start after a session was cut short, over the main window."""
    from coach.shots.compose import over_window
    from coach.ui.active_plan import plan_of_profile
    from coach.ui.session.resume import ResumeDialog

    started = datetime(2026, 3, 2, 9, 15, tzinfo=UTC)
    profile = ctx.active.profile
    current = plan_of_profile(ctx, profile.id) if profile and profile.id else None
    names = (
        [r.name for p in current.plan.phases for r in p.routines if r.id == "daily"]
        if current
        else []
    )
    name = names[0] if names else "Daily exercises"  # stored as a session is: in this language
    record = SessionRecord(
        1, 1, None, "daily", name, started.isoformat(), started.date(),
        None, "in-progress", "", False, Pain(3, 1), None,
    )  # fmt: skip
    dialog = ResumeDialog(record, window)
    dialog.show()
    settle()
    path = out_dir / "resume-offer.png"
    if not over_window(window.grab(), dialog.grab()).save(str(path)):
        raise OSError(f"could not write {path}")
    dialog.close()
    dialog.deleteLater()
    return [path]
