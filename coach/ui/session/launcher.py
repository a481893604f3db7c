"""Opening a session window: from Today's Start (a routine id) or to resume after a restart.

The session runs in its own window over the main one (application-modal), so nothing else can
be changed while the timer runs, and closing it goes through the flow's own questions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from coach.domain.catalogue import Catalogue
from coach.domain.fields import DataError
from coach.domain.figure import Figure, load_figure
from coach.domain.plan import plan_from_protocol
from coach.domain.protocol import Phase, Prescription, Routine
from coach.domain.safety import blocked_movements
from coach.domain.schedule import phase_on, walking_goal
from coach.domain.timer import compile_steps, gentle_items, items_from_json, resume_index
from coach.paths import exercises_dir
from coach.store.session_log import progress_events, started_items
from coach.store.sessions import SessionRecord, SessionStore
from coach.ui.context import AppContext
from coach.ui.session.player import Dialogs
from coach.ui.session.session_flow import ResumePoint, SessionFlow, SessionSetup
from coach.ui.session.sounds import Backend, CuePlayer

log = logging.getLogger(__name__)


class FigureCache:
    """Exercise figures by id, loaded on first use; None when an exercise has none."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder or exercises_dir() / "figures"
        self._loaded: dict[str, Figure | None] = {}

    def __call__(self, exercise_id: str) -> Figure | None:
        if exercise_id not in self._loaded:
            path = self._folder / f"{exercise_id}.toml"
            try:
                self._loaded[exercise_id] = load_figure(path) if path.exists() else None
            except ValueError as exc:  # a broken figure must not stop a session
                log.warning("figure %s not shown: %s", exercise_id, exc)
                self._loaded[exercise_id] = None
        return self._loaded[exercise_id]


def allowed_items(
    routine: Routine, phase: Phase, catalogue: Catalogue, extra: frozenset[str]
) -> tuple[Prescription, ...]:
    """The routine without exercises this phase (or the surgeon) restricts, unless the
    therapist gave a reason to keep one."""
    return tuple(
        item
        for item in routine.items
        if item.exercise_id in catalogue
        and (item.reason or not blocked_movements(catalogue[item.exercise_id], phase, extra))
    )


def setup_for(ctx: AppContext, routine_id: str) -> SessionSetup | None:
    """Today's routine ``routine_id`` for the active profile, or None if it is not in the plan."""
    profile = ctx.active.require()
    assert profile.id is not None
    catalogue = ctx.content.catalogue
    stored = ctx.repo.current_plan(profile.id, catalogue)
    extra = frozenset(profile.extra_restrictions)
    if stored is not None:
        plan, plan_id = stored.plan, stored.id
    else:
        plan, plan_id = plan_from_protocol(ctx.content.protocols[profile.surgery], extra), None
    today = ctx.clock.now().date()
    phase = phase_on(plan, profile.surgery_date, today)
    try:
        routine = phase.routine(routine_id)
    except KeyError:
        return None
    walk = walking_goal(plan, profile.surgery_date, today).minutes_per_walk
    return SessionSetup(
        profile_id=profile.id,
        emergency_number=profile.emergency_number,
        plan_id=plan_id,
        routine_id=routine.id,
        routine_name=routine.name,
        items=allowed_items(routine, phase, catalogue, extra | plan.extra_restrictions),
        gentle_items=gentle_items(routine, catalogue, walk),
    )


class SessionWindow(QWidget):
    """A window holding one ``SessionFlow``; it closes when the flow is over."""

    def __init__(self, flow_factory: Callable[[QWidget], SessionFlow], parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Exercise session - Rehab Coach")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.flow = flow_factory(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.flow)
        self._closing = False
        self.flow.closed.connect(self._on_flow_closed)
        self.resize(parent.window().size())

    def _on_flow_closed(self) -> None:
        self._closing = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing or self.flow.leave():
            self._closing = True
            event.accept()
        else:
            event.ignore()


class SessionLauncher(QObject):
    """Starts session windows for one screen (Today) or for the resume offer at start."""

    session_closed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget,
        *,
        dialogs: type[Dialogs] = Dialogs,
        backend: Backend | None = None,
        figures: Callable[[str], Figure | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._parent = parent
        self._dialogs = dialogs
        self._cues = CuePlayer(ctx.prefs, backend, self)
        self._figures = figures or FigureCache()
        self.window: SessionWindow | None = None

    def start(self, routine_id: str) -> SessionWindow | None:
        """Open the session for today's routine ``routine_id`` (from Today's Start)."""
        setup = setup_for(self._ctx, routine_id)
        if setup is None or not setup.items:
            self._dialogs.inform(
                self._parent, "Rehab Coach", "This routine is not in today's plan."
            )
            return None
        window = self._open(setup)
        window.flow.start()
        return window

    def resume(self, record: SessionRecord) -> SessionWindow | None:
        """Reopen an unfinished session at its recorded step; None if it cannot be rebuilt."""
        store = SessionStore(self._ctx.db)
        try:
            items = items_from_json(started_items(store, record.id), self._ctx.content.catalogue)
        except DataError as exc:
            log.warning("session %s cannot be resumed: %s", record.id, exc)
            return None
        profile = self._ctx.repo.profile(record.profile_id)
        setup = SessionSetup(
            profile_id=record.profile_id,
            emergency_number=profile.emergency_number if profile else "112",
            plan_id=record.plan_id,
            routine_id=record.routine_id,
            routine_name=record.routine_name,
            items=items,
            gentle_items=items,
        )
        step_count = len(compile_steps(items, self._ctx.content.catalogue))
        index = resume_index(progress_events(store, record.id), step_count)
        window = self._open(setup)
        window.flow.resume(ResumePoint(record.id, items, index, record.pain_before, record.gentle))
        return window

    def _open(self, setup: SessionSetup) -> SessionWindow:
        def make_flow(parent: QWidget) -> SessionFlow:
            return SessionFlow(
                self._ctx, setup, self._cues, self._figures, parent=parent, dialogs=self._dialogs
            )

        window = SessionWindow(make_flow, self._parent)
        window.destroyed.connect(self._on_window_destroyed)
        self.window = window
        window.show()
        return window

    def _on_window_destroyed(self) -> None:
        self.window = None
        self.session_closed.emit()
