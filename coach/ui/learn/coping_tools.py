"""The coping tools (REFERENCE 10): slow breathing with a breathing guide, a body scan paced on
screen, and journaling prompts saved as notes. Each use is recorded (when, how long).

Breathing and the body scan are timed by the session player's ``Session`` on the app's clock,
with the same cue sounds; nothing here sleeps, so a fake clock drives them in tests.

Why one module over 300 lines: the three tools share one recorder, one clock and one page
frame; each tool's own part is short.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coach.domain.coping import (
    BODY_SCAN_MINUTES,
    BREATHING_MINUTES,
    body_scan_steps,
    breath_size,
    breathing_steps,
)
from coach.domain.i18n import _, ngettext
from coach.domain.steps import Step
from coach.domain.timer import Event, EventKind, Session, State
from coach.domain.timer_display import format_seconds
from coach.store.coping import MAX_NOTE
from coach.ui.common.widgets import button, label
from coach.ui.common.wrapping import WrapCheckBox
from coach.ui.context import AppContext

if TYPE_CHECKING:
    from coach.platform.awake import AwakeKeeper
    from coach.ui.session.sounds import Cue, CuePlayer
    from coach.ui.session.voice import VoiceCoach

log = logging.getLogger(__name__)

FRAME_MS = 50
MIN_RECORDED_S = 10  # a use shorter than this (opened by mistake) is not recorded


class BreathingGuide(QWidget):
    """A circle that grows while the patient breathes in and shrinks while they breathe out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.size_fraction = 0.0
        self.setMinimumSize(180, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Breathing guide: the circle grows as you breathe in"))

    def set_size(self, fraction: float) -> None:
        if abs(fraction - self.size_fraction) > 0.002:
            self.size_fraction = fraction
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        side = min(self.width(), self.height()) - 8
        centre = self.rect().center()
        accent = self.palette().highlight().color()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().mid().color(), 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side))
        radius = side / 2 * (0.3 + 0.7 * self.size_fraction)
        fill = QColor(accent)
        fill.setAlpha(170)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawEllipse(
            QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        )
        painter.end()


class TimedTool(QDialog):
    """Slow breathing or the body scan: choose minutes, Start, follow the screen, Stop any time.

    ``recorded`` carries the seconds stored when the use ends (finished or stopped)."""

    recorded = Signal(int)

    def __init__(self, ctx: AppContext, tool: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.tool = tool
        self.session: Session | None = None
        self._started_mono = 0.0
        self._started_at: datetime | None = None
        self._cues: CuePlayer | None = None
        self._voice: VoiceCoach | None = None
        self.awake: AwakeKeeper | None = None
        breathing = tool == "breathing"
        self.setWindowTitle(
            _("Slow breathing - Rehab Coach") if breathing else _("Relax your body - Rehab Coach")
        )
        self.setModal(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(32, 24, 32, 24)
        column.setSpacing(14)
        self.title = label(
            _("Slow breathing") if breathing else _("Relax your body"), "title", self
        )
        column.addWidget(self.title)
        intro = (
            _(
                "Breathe in as the circle grows, and out as it shrinks. About six slow breaths "
                "a minute. Stop at any time."
            )
            if breathing
            else _(
                "Follow the words on the screen, one part of your body at a time. Stop at any time."
            )
        )
        self.intro = label(intro, None, self)
        column.addWidget(self.intro)
        self.minutes_row = QHBoxLayout()
        self.minute_buttons: dict[int, QPushButton] = {}
        choices = BREATHING_MINUTES if breathing else BODY_SCAN_MINUTES
        for minutes in choices:
            choice = button(
                ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes),
                self,
                primary=minutes == choices[0],
            )
            choice.setAccessibleName(
                ngettext("Start {count} minute", "Start {count} minutes", minutes).format(
                    count=minutes
                )
            )
            choice.clicked.connect(lambda _=False, m=minutes: self.start(m))
            self.minutes_row.addWidget(choice)
            self.minute_buttons[minutes] = choice
        self.minutes_row.addStretch(1)
        column.addLayout(self.minutes_row)
        self.guide = BreathingGuide(self)
        self.guide.setVisible(False)
        column.addWidget(self.guide, 1)
        self.step_title = label("", "big", self)
        self.step_text = label("", "reading", self)
        self.time_left = label("", "heading", self)
        for widget in (self.step_title, self.step_text, self.time_left):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(widget)
        if not breathing:
            column.addStretch(1)
        column.addLayout(self._build_buttons())
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.tick)
        self.resize(760, 620)

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        self.stop_button = button(_("Stop"), self)
        self.stop_button.setMinimumWidth(160)
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setVisible(False)
        self.close_button = button(_("Close"), self)
        self.close_button.setMinimumWidth(160)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.stop_button)
        row.addWidget(self.close_button)
        return row

    def _steps(self, minutes: int) -> tuple[Step, ...]:
        words = self._ctx.content.coping
        if self.tool == "breathing":
            return breathing_steps(minutes, words)
        return body_scan_steps(minutes, words)

    def start(self, minutes: int) -> None:
        """Begin a use of ``minutes``; the minute choices give way to the guide."""
        from coach.ui.session.screen_awake import new_keeper
        from coach.ui.session.sounds import CuePlayer  # the same sounds as the player
        from coach.ui.session.voice import VoiceCoach

        if self._cues is None:
            self._cues = CuePlayer(self._ctx.prefs, parent=self)
        if self._voice is None:
            self._voice = VoiceCoach(self._ctx.prefs)
        if self.awake is None:
            self.awake = new_keeper(_("A relaxation exercise is in progress"))
        self.session = Session(self._steps(minutes), self._ctx.clock)
        self._started_mono = self._ctx.clock.monotonic()
        self._started_at = self._ctx.clock.now()
        for choice in self.minute_buttons.values():
            choice.setVisible(False)
        self.intro.setVisible(False)
        self.guide.setVisible(self.tool == "breathing")
        self.stop_button.setVisible(True)
        self.close_button.setVisible(False)
        self._handle(self.session.start())
        self._timer.start()
        self.stop_button.setFocus()

    def tick(self) -> None:
        """One frame: catch up with the clock, play due cues, redraw."""
        if self.session is None or self.session.state != State.RUNNING:
            return
        self._handle(self.session.poll())

    def stop(self) -> None:
        if self.session is not None and self.session.state == State.RUNNING:
            self._handle(self.session.stop())

    def _handle(self, events: list[Event]) -> None:
        from coach.ui.session.sounds import Cue

        assert self.session is not None
        ended: float | None = None  # when it ended on the monotonic clock (not when noticed)
        now = self._ctx.clock.monotonic()
        if self._voice is not None:
            self._voice.follow(events)
        for event in events:
            if event.kind == EventKind.STEP_STARTED:
                self._cue(event, Cue.STEP, now)
            elif event.kind == EventKind.SESSION_FINISHED:
                self._cue(event, Cue.FINISH, now)
                ended = event.at
            elif event.kind == EventKind.SESSION_STOPPED:
                ended = event.at
        self._render()
        if self.awake is not None:
            running = self.session.state == State.RUNNING
            self.awake.update(active=running, paused=False, now=now)
        if ended is not None:
            self._end(ended)

    def _cue(self, event: Event, cue: Cue, now: float) -> None:
        """Say the step (breathe in, the body part) or, failing that, play its tone."""
        assert self.session is not None
        spoken = self._voice is not None and self._voice.say_event(
            event, self.session.steps, lambda _id: "", now
        )
        if not spoken and self._cues is not None:
            self._cues.play(cue)

    def _render(self) -> None:
        session = self.session
        if session is None:
            return
        step = session.step
        self.step_title.setText(step.title)
        self.step_text.setText(step.instruction)
        left = sum(s.seconds for s in session.steps[session.index + 1 :]) + session.remaining()
        self.time_left.setText(_("{time} left").format(time=format_seconds(left)))
        self.guide.set_size(breath_size(step, session.elapsed()))

    def _end(self, at: float) -> None:
        self._timer.stop()
        seconds = round(at - self._started_mono)
        self.stop_button.setVisible(False)
        self.close_button.setVisible(True)
        self.close_button.setFocus()
        self.guide.set_size(0.0)
        self.step_title.setText(_("Well done"))
        self.step_text.setText(_("Take a moment before you get up."))
        self.time_left.setText("")
        if seconds >= MIN_RECORDED_S:
            self._record(seconds)

    def _record(self, seconds: int) -> None:
        profile = self._ctx.active.profile
        if profile is None or profile.id is None or self._started_at is None:
            return
        try:
            self._ctx.stores.coping.record_use(
                profile.id,
                self.tool,
                day=self._started_at.date(),
                started=self._started_at,
                seconds=seconds,
            )
        except Exception:  # a full disk must not crash a calming tool; say it plainly
            log.exception("a coping use could not be saved")
            self.time_left.setText(_("This could not be saved, but it still did you good."))
            return
        self.recorded.emit(seconds)

    def reject(self) -> None:
        self.stop()
        if self.awake is not None:
            self.awake.release()
        super().reject()


class JournalDialog(QDialog):
    """A few questions and a box to write in; saved as a private note unless ticked."""

    saved = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._opened_mono = ctx.clock.monotonic()
        self._opened_at = ctx.clock.now()
        self.setWindowTitle(_("Write it down - Rehab Coach"))
        self.setModal(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(32, 24, 32, 24)
        column.setSpacing(12)
        column.addWidget(label(_("Write it down"), "title", self))
        column.addWidget(label(_("Some questions to start you off:"), None, self))
        for prompt in ctx.content.coping.journal_prompts:
            column.addWidget(label(f"•  {prompt}", "reading", self))
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(_("What you want to write"))
        self.text.setPlaceholderText(_("Write as much or as little as you like."))
        column.addWidget(self.text, 1)
        self.in_report = WrapCheckBox(_("Show this in the report for my clinic"), self)
        self.in_report.setChecked(False)  # private by default (REFERENCE 10)
        column.addWidget(self.in_report)
        column.addWidget(
            label(_("It stays private on this computer unless you tick the box."), "hint", self)
        )
        self.message = label("", None, self)
        self.message.setVisible(False)
        column.addWidget(self.message)
        row = QHBoxLayout()
        cancel = button(_("Cancel"), self)
        cancel.clicked.connect(self.reject)
        self.save_button = button(_("Save"), self, primary=True)
        self.save_button.clicked.connect(self.save)
        row.addWidget(cancel)
        row.addStretch(1)
        row.addWidget(self.save_button)
        column.addLayout(row)
        self.resize(760, 620)

    def save(self) -> None:
        note = self.text.toPlainText().strip()
        if not note:
            self._say(_("Write something first, or choose Cancel."))
            return
        if len(note) > MAX_NOTE:
            self._say(
                ngettext(
                    "That is too long to save: at most {count} character.",
                    "That is too long to save: at most {count} characters.",
                    MAX_NOTE,
                ).format(count=MAX_NOTE)
            )
            return
        profile = self._ctx.active.profile
        if profile is None or profile.id is None:
            return
        seconds = round(self._ctx.clock.monotonic() - self._opened_mono)
        try:
            use_id = self._ctx.stores.coping.record_use(
                profile.id,
                "journal",
                day=self._opened_at.date(),
                started=self._opened_at,
                seconds=seconds,
                note=note,
                in_report=self.in_report.isChecked(),
            )
        except Exception:
            log.exception("a journal entry could not be saved")
            self._say(_("This could not be saved. Your words are still here: try again."))
            return
        self.saved.emit(use_id)
        self.accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)


def open_tool(ctx: AppContext, tool: str, parent: QWidget) -> QDialog:
    """Open ``tool`` (breathing, body-scan or journal) over ``parent``; returns the dialog."""
    dialog: QDialog = (
        JournalDialog(ctx, parent) if tool == "journal" else TimedTool(ctx, tool, parent)
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
