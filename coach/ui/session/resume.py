"""At start: a session left unfinished (the app was closed, killed or the power went) is offered
to resume where it stopped, to save as partly done, or to throw away (after asking)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from coach.domain import formats
from coach.domain.i18n import _
from coach.domain.session_result import saved_sentence
from coach.store.session_log import end_session, recorded_status
from coach.store.sessions import SessionRecord
from coach.ui.common.dialogs import Dialogs
from coach.ui.common.widgets import (
    button,
    label,
    size_to_contents,
    width_floor,
)
from coach.ui.context import AppContext
from coach.ui.session.launcher import SessionLauncher

log = logging.getLogger(__name__)

RESUME, PARTIAL, DISCARD = "resume", "partial", "discard"


class ResumeDialog(QDialog):
    """The question at start, with one big button per answer, one under the other: in a
    message box's single row the answers were cut off at big text sizes."""

    def __init__(self, record: SessionRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Your last session was not finished"))
        self.choice: str | None = None
        started = datetime.fromisoformat(record.started_at).astimezone()
        column = QVBoxLayout(self)
        column.setSpacing(12)
        width_floor(column, 560)
        column.addWidget(label(_("Your last session was not finished"), "heading", self))
        column.addWidget(
            label(
                _(
                    "You started “{routine}” on {weekday} {date} at {time}, and it did not "
                    "finish. What would you like to do?"
                ).format(
                    routine=record.routine_name,
                    weekday=formats.weekday(started),
                    date=formats.day_month(started),
                    time=formats.clock(started),
                ),
                None,
                self,
            )
        )
        self.buttons: dict[str | None, QPushButton] = {}
        for choice, text, primary in (
            (RESUME, _("Carry on where I stopped"), True),
            (PARTIAL, _("Save what I did"), False),
            (DISCARD, _("Throw it away"), False),
            (None, _("Decide later"), False),
        ):
            answer = button(text, self, primary=primary)
            answer.setMinimumHeight(56)
            answer.clicked.connect(lambda _=False, c=choice: self._answer(c))
            column.addWidget(answer)
            self.buttons[choice] = answer
        self.buttons[RESUME].setDefault(True)
        self.buttons[RESUME].setFocus()
        size_to_contents(self)

    def _answer(self, choice: str | None) -> None:
        self.choice = choice
        self.accept()


def ask_resume(dialogs: Dialogs, parent: QWidget, record: SessionRecord) -> str | None:
    """RESUME, PARTIAL, DISCARD, or None to decide later."""
    dialog = ResumeDialog(record, parent)
    dialogs.ask(dialog)
    return dialog.choice


def offer_resume(
    parent: QWidget,
    ctx: AppContext,
    launcher: SessionLauncher,
    *,
    started_before: datetime | None = None,
) -> str | None:
    """Ask about the active profile's unfinished session, if any; returns what was done.
    With ``started_before``, a session started later (in this run of the app) is left alone."""
    profile = ctx.active.profile
    if profile is None or profile.id is None:
        return None
    store = ctx.stores.sessions
    record = store.unfinished_session(profile.id)
    if record is None:
        return None
    if started_before is not None and datetime.fromisoformat(record.started_at) >= started_before:
        return None
    dialogs = ctx.dialogs
    choice = ask_resume(dialogs, parent, record)
    cannot_resume = False
    if choice == RESUME:
        if launcher.resume(record) is not None:
            log.info("resumed an unfinished session")
            return RESUME
        cannot_resume = True
        choice = PARTIAL
    if choice == DISCARD and not dialogs.confirm(
        parent,
        _("Throw this session away?"),
        _("The session and the pain scores you gave for it will not be kept. Continue?"),
    ):
        return None
    if choice == DISCARD:
        end_session(store, record.id, "discarded", None, ctx.clock.now())
    elif choice == PARTIAL:
        status, tally = recorded_status(store, record.id)
        end_session(store, record.id, status, None, ctx.clock.now())
        saved = saved_sentence(status, tally)
        if cannot_resume:
            dialogs.inform(
                parent,
                _("This session cannot be resumed"),
                _("Its exercises have changed. {saved}").format(saved=saved),
            )
        else:
            dialogs.inform(parent, _("Session saved"), saved)
    if choice in (PARTIAL, DISCARD):
        log.info("unfinished session closed: %s", choice)
    return choice


class ResumeOffers(QObject):
    """Every profile's unfinished session is offered: the shown profile's at start, another's
    when that profile is chosen. Each profile is asked once a run ("Decide later" asks again at
    the next start), and a session started in this run is never offered (it is live or over)."""

    offered = Signal(object)  # what was done (RESUME, PARTIAL, DISCARD) or None

    def __init__(
        self,
        window: QWidget,
        ctx: AppContext,
        launcher: SessionLauncher | None = None,
        open_topic: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self._launcher = launcher or SessionLauncher(ctx, window, open_topic=open_topic)
        self._since = ctx.clock.now()
        self._asked: set[int] = set()
        ctx.active.changed.connect(self._on_profile_chosen)

    def offer(self) -> str | None:
        """Ask about the shown profile's unfinished session, unless it was asked this run."""
        profile = self._ctx.active.profile
        if profile is None or profile.id is None or profile.id in self._asked:
            return None
        if self._launcher.window is not None:  # a session is open: never interrupt it
            return None
        self._asked.add(profile.id)
        choice = offer_resume(self._window, self._ctx, self._launcher, started_before=self._since)
        self.offered.emit(choice)
        return choice

    def _on_profile_chosen(self) -> None:
        QTimer.singleShot(0, self, self.offer)  # after the screens have followed the switch


def offer_resume_at_start(
    window: QWidget, ctx: AppContext, open_topic: Callable[[str], object] | None = None
) -> ResumeOffers:
    """Called once the main window is shown (app.py); lives as long as the window.
    ``open_topic`` shows a Learn topic a resumed session asks for."""
    offers = ResumeOffers(window, ctx, open_topic=open_topic)
    offers.offer()
    return offers
