"""Opening a session window: from Today's Start (a routine id) or to resume after a restart.

The session runs in its own window over the main one (application-modal), so nothing else can
be changed while the timer runs, and closing it goes through the flow's own questions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from coach.domain.emergency import FALLBACK
from coach.domain.fields import DataError
from coach.domain.figure import Figure
from coach.domain.i18n import _
from coach.domain.session_json import items_from_json, resume_index
from coach.domain.steps import compile_steps
from coach.store.session_log import (
    end_session,
    progress_events,
    recorded_status,
    started_items,
)
from coach.store.sessions import SessionRecord
from coach.ui.active_plan import plan_of_profile
from coach.ui.common.figure_cache import FigureCache
from coach.ui.common.widgets import fit_to_screen
from coach.ui.context import AppContext
from coach.ui.safety.today_checks import safety_today
from coach.ui.session.session_flow import SessionFlow
from coach.ui.session.setup import ResumePoint, SessionSetup, setup_for
from coach.ui.session.sounds import Backend, CuePlayer

log = logging.getLogger(__name__)


class SessionWindow(QWidget):
    """A window holding one ``SessionFlow``; it closes when the flow is over."""

    def __init__(self, flow_factory: Callable[[QWidget], SessionFlow], parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(_("Exercise session - Rehab Coach"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.flow = flow_factory(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.flow)
        self._closing = False
        self.flow.closed.connect(self._on_flow_closed)
        main = parent.window()
        self.maximise = main.isMaximized() or fit_to_screen(self, main.width(), main.height())

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
        backend: Backend | None = None,
        figures: Callable[[str], Figure | None] | None = None,
        open_topic: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._parent = parent
        self._open_topic_with = (
            open_topic  # given by the window's owner: session never imports learn
        )
        self._dialogs = ctx.dialogs
        self._cues = CuePlayer(ctx.prefs, backend, self)
        self._figures = figures or FigureCache()
        self.window: SessionWindow | None = None

    def start(self, routine_id: str) -> SessionWindow | None:
        """Open the session for today's routine ``routine_id`` (from Today's Start)."""
        setup = setup_for(self._ctx, routine_id)
        if setup is None or not setup.items:
            self._dialogs.inform(
                self._parent, "Rehab Coach", _("This routine is not in today's plan.")
            )
            return None
        if self.window is not None:  # one session at a time
            self.window.raise_()
            return self.window
        day = safety_today(self._ctx, setup.profile_id)
        if day.stopped and day.tier is not None:  # Today hides Start; this is the backstop
            tier = day.tier
            self._dialogs.inform(
                self._parent,
                tier.title,
                _("{message} {action}").format(
                    message=tier.message, action=tier.action_text(setup.emergency_number)
                ),
            )
            return None
        self._close_unfinished(setup.profile_id)
        window = self._open(setup)
        window.flow.start()
        return window

    def _close_unfinished(self, profile_id: int) -> None:
        """A session left unfinished (the patient chose "decide later") is kept as what its
        steps earn (partly done, or skipped) when a new one starts, so it never stays open."""
        store = self._ctx.stores.sessions
        old = store.unfinished_session(profile_id)
        if old is not None:
            status, _tally = recorded_status(store, old.id)
            end_session(store, old.id, status, None, self._ctx.clock.now())

    def resume(self, record: SessionRecord) -> SessionWindow | None:
        """Reopen an unfinished session at its recorded step; None if it cannot be rebuilt."""
        store = self._ctx.stores.sessions
        current = plan_of_profile(self._ctx, record.profile_id)
        catalogue = current.catalogue if current is not None else self._ctx.content.catalogue
        try:
            items = items_from_json(started_items(store, record.id), catalogue)
        except DataError as exc:
            log.warning("session %s cannot be resumed: %s", record.id, exc)
            return None
        setup = SessionSetup(
            profile_id=record.profile_id,
            emergency_number=current.profile.emergency_number if current else FALLBACK,
            plan_id=record.plan_id,
            routine_id=record.routine_id,
            routine_name=record.routine_name,
            items=items,
            gentle_items=items,
            catalogue=catalogue,
        )
        step_count = len(compile_steps(items, catalogue))
        index = resume_index(progress_events(store, record.id), step_count)
        window = self._open(setup)
        window.flow.resume(ResumePoint(record.id, items, index, record.pain_before, record.gentle))
        return window

    def _open(self, setup: SessionSetup) -> SessionWindow:
        def make_flow(parent: QWidget) -> SessionFlow:
            return SessionFlow(self._ctx, setup, self._cues, self._figures, parent=parent)

        window = SessionWindow(make_flow, self._parent)
        window.destroyed.connect(self._on_window_destroyed)
        window.flow.topic_requested.connect(self._open_topic)
        self.window = window
        if window.maximise:
            window.showMaximized()
        else:
            window.show()
        window.raise_()
        window.activateWindow()  # keys go to the session at once
        return window

    def _open_topic(self, topic_id: str) -> None:
        if self._open_topic_with is not None:
            self._open_topic_with(topic_id)

    def _on_window_destroyed(self) -> None:
        self.window = None
        self.session_closed.emit()
