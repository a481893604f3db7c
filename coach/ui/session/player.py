"""The player: what to do now, a huge countdown, and cues at every boundary.

The screen never keeps time itself. A ~50 ms ``PreciseTimer`` only repaints from the session
state machine (remaining = deadline - now on the monotonic clock), and a single-shot precise
timer is armed for the next due cue so it plays on time rather than on the next repaint. If the
event loop stalls, the next poll catches up and the display is right again at once; cues that
are more than ``STALE_S`` late are not played (a flash of the countdown still shows them).

Why one module over 300 lines: the countdown, the cue timer and the controls share one
session and one clock; the timing rules live in ``domain.timer``, the cues in ``sounds`` and
``speech``, so what is left here is the screen's layout and its wiring, kept together.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.domain.catalogue import Exercise
from coach.domain.clock import Clock
from coach.domain.figure import Figure
from coach.domain.i18n import N_, _
from coach.domain.session_text import exercise_count_text, next_text, position_text
from coach.domain.steps import StepKind
from coach.domain.timer import Event, EventKind, Session, State
from coach.domain.timer_display import figure_phase, format_seconds
from coach.platform.awake import AwakeKeeper
from coach.ui.common.blocks import NOTICE_STYLE
from coach.ui.common.dialogs import Dialogs
from coach.ui.common.figure_view import FigureView
from coach.ui.common.flow_layout import FlowLayout
from coach.ui.common.widgets import button, label, scroll_area
from coach.ui.session.countdown import CountdownLabel
from coach.ui.session.dialogs import confirm_stop
from coach.ui.session.sounds import Cue, CuePlayer
from coach.ui.session.voice import VoiceCoach

# Translators: the keys stay the same keys in every language (Space, the Right and Left
# arrows, H, +, Esc); say them as they are named on a keyboard in your language.
KEYS_TEXT = N_("Keys: Space pause · Right easier or skip · Left back · H how · + 15 s · Esc stop")
FRAME_MS = 50
STALE_S = 0.5  # a cue noticed later than this is not played
FLASH_S = 0.35
_STYLE = """
QLabel#countdown { border-radius: 16px; padding: 0 24px; }
QLabel#countdown[flash="true"] { background: palette(highlight); color: palette(highlighted-text); }
QPushButton[role="control"] { min-height: 64px; min-width: 120px; }
QPushButton[role="primary"] { min-height: 72px; min-width: 200px; }
"""


class PlayerScreen(QWidget):
    """Shows and drives one ``Session``; the flow records its events."""

    event_happened = Signal(object)  # a coach.domain.timer.Event
    session_ended = Signal(bool)  # True: every step done; False: stopped early
    change_requested = Signal()  # the patient asks for the easier version or to skip

    def __init__(
        self,
        session: Session,
        clock: Clock,
        cues: CuePlayer,
        figures: Callable[[str], Figure | None],
        *,
        parent: QWidget | None = None,
        dialogs: Dialogs | None = None,
        exercises: Callable[[str], Exercise | None] = lambda _id: None,
        stop_if: Callable[[str], str] = lambda _id: "",
        voice: VoiceCoach | None = None,
        awake: AwakeKeeper | None = None,
    ) -> None:
        """``exercises``: looks up an exercise by id, for its steps ("How to do it")."""
        super().__init__(parent)
        self.session = session
        self._exercises = exercises
        self._stop_if = stop_if  # exercise id -> its "stop if" lines
        self._clock = clock
        self._cues = cues
        self._voice = voice  # None: tones only
        self.awake = awake  # None: the screen may dim as usual
        self._figures = figures
        self._dialogs = dialogs or Dialogs()
        self._flash_until = 0.0
        self.last_cue_due = 0.0  # when the last cue was due (monotonic), for the benchmark
        self._shown_exercise = -1
        self._exercise_count = session.steps[-1].exercise_index + 1
        self.setStyleSheet(_STYLE)
        self._build()
        self._frame_timer = QTimer(self)
        self._frame_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._frame_timer.setInterval(FRAME_MS)
        self._frame_timer.timeout.connect(self.tick)
        self._cue_timer = QTimer(self)
        self._cue_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._cue_timer.setSingleShot(True)
        self._cue_timer.timeout.connect(self.tick)

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(32, 12, 32, 12)
        column.setSpacing(8)
        top = QHBoxLayout()
        self.exercise_name = label("", "title", self)
        self.exercise_count = label("", "heading", self, wrap=False)
        top.addWidget(self.exercise_name, 1)
        top.addWidget(self.exercise_count)
        column.addLayout(top)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(16)
        self.progress.setAccessibleName(_("Progress through the session"))
        column.addWidget(self.progress)
        column.addLayout(self._build_body(), 1)
        column.addLayout(self._build_controls())
        # Once, when sound is off for want of a player, the line under the buttons says so
        # during the first step (in the room of the keys line: a small screen has no more).
        self._notice = self._cues.missing_player_notice()
        self.sound_notice = label(self._notice or _(KEYS_TEXT), "hint", self)
        self.sound_notice.setObjectName("sound-notice")
        column.addWidget(self.sound_notice)

    def _build_body(self) -> QHBoxLayout:
        """The figure with the exercise's "stop if" under it, beside the countdown and what to
        do now. The stop-if and the countdown are always in view; only the words under the
        countdown scroll when a small screen at big text has no room for all of them."""
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.figure = FigureView(self, clock=self._clock.monotonic)
        self.figure.setMinimumSize(280, 40)  # at big text the stop-if below comes first
        left.addWidget(self.figure, 1)
        left.addWidget(self._build_stop_if())
        body.addLayout(left, 5)
        right = QVBoxLayout()
        right.setSpacing(6)
        self.step_title = label("", "title", self)
        self.countdown = CountdownLabel(self)
        self.countdown.setObjectName("countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        right.addWidget(self.step_title)
        right.addWidget(self.countdown, 2)
        info_scroll = scroll_area(self)
        info_box = QWidget(info_scroll)
        info = QVBoxLayout(info_box)
        info.setContentsMargins(0, 0, 0, 0)
        info.setSpacing(6)
        self.instruction = label("", "big", self)
        self.position_label = label("", "big", self)  # rep, set and side
        self.how = label("", None, self)
        self.how.setObjectName("how-to-do-it")
        self.next_label = label("", "heading", self)
        for text in (self.instruction, self.position_label, self.how):
            info.addWidget(text)
        info.addStretch(1)
        info.addWidget(self.next_label)
        info_scroll.setWidget(info_box)
        right.addWidget(info_scroll, 3)
        body.addLayout(right, 4)
        return body

    def _build_stop_if(self) -> QFrame:
        """The current exercise's "stop if" (and whom to call), always in view (REFERENCE 2)."""
        box = QFrame(self)
        box.setProperty("role", "notice")
        box.setStyleSheet(NOTICE_STYLE)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(16, 4, 12, 4)
        self.stop_if = label("", None, box)
        self.stop_if.setObjectName("player-stop-if")
        layout.addWidget(self.stop_if)
        self.stop_if_box = box
        return box

    def _build_controls(self) -> QHBoxLayout:
        """Big buttons, each with a key (shown in its accessible name and the hint line)."""
        row = QHBoxLayout()
        row.setSpacing(12)
        self.back_button = self._control(
            _("◀  Back"), _("Back to the start of this exercise, or the one before (Left arrow)")
        )
        self.pause_button = button(_("Pause"), self, primary=True)
        self.pause_button.setAccessibleName(_("Pause or resume (Space)"))
        # One control for "do the easier one" and "skip it, because ..." (REFERENCE section 4).
        self.skip_button = self._control(
            _("Easier or skip  ▶"), _("Do the easier version or skip this exercise (Right arrow)")
        )
        self.skip_button.setObjectName("change-exercise")
        self.how_button = self._control(_("How to do it"), _("Show or hide the steps (H key)"))
        self.how_button.setCheckable(True)
        self.add_button = self._control(_("+15 s"), _("Add 15 seconds to this step (plus key)"))
        self.stop_button = self._control(_("Stop"), _("Stop the session (Escape)"))
        self.change_button = self.skip_button  # the same control, by its other name
        controls = (
            self.back_button,
            self.pause_button,
            self.skip_button,
            self.add_button,
            self.how_button,
        )
        flow = FlowLayout(spacing=12)  # wraps onto a second row on a small screen at big text
        for control in controls:
            flow.addWidget(control)
        row.addLayout(flow, 1)
        row.addWidget(self.stop_button)
        self.back_button.clicked.connect(self._on_back_clicked)
        self.pause_button.clicked.connect(self._on_pause_clicked)
        self.skip_button.clicked.connect(self._on_change_clicked)
        self.how_button.toggled.connect(lambda _on: self._render())
        self.add_button.clicked.connect(self._on_add_clicked)
        self.stop_button.clicked.connect(self._on_stop_clicked)
        keys: list[tuple[str, Callable[[], None]]] = [
            ("E", self._on_change_clicked),
            ("H", self.how_button.toggle),
            ("Space", self._on_pause_clicked),
            ("Right", self._on_change_clicked),
            ("Left", self._on_back_clicked),
            ("+", self._on_add_clicked),
            ("=", self._on_add_clicked),
            ("Esc", self._on_stop_clicked),
            ("Return", self._on_enter_pressed),
            ("Enter", self._on_enter_pressed),
        ]
        for sequence, slot in keys:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        return row

    def _control(self, text: str, name: str) -> QPushButton:
        control = button(text, self)
        control.setProperty("role", "control")
        control.setAccessibleName(name)
        return control

    # -- running -------------------------------------------------------------------------------
    def begin(self, index: int = 0, *, paused: bool = False) -> None:
        """Start the session at step ``index`` (paused when resuming after a restart)."""
        try:
            self._handle(self.session.start(index, paused=paused))
            self._keep_awake()
            self._frame_timer.start()
            self._render()
        except BaseException:
            self._frame_timer.stop()
            if self.awake is not None:  # a failed start leaves nothing held
                self.awake.release()
            raise
        self.pause_button.setFocus()

    def take_focus(self) -> None:
        self.pause_button.setFocus()

    def is_running(self) -> bool:
        """Running or paused (not yet finished or stopped)."""
        return self.session.state in (State.RUNNING, State.PAUSED)

    def stop_now(self) -> None:
        """Stop without asking (the caller has asked)."""
        self._act(self.session.stop)

    def tick(self) -> None:
        """Catch up with the clock, play due cues, repaint (the timers call this)."""
        self._handle(self.session.poll())
        self._keep_awake()
        self._render()

    def _keep_awake(self) -> None:
        """Hold the screen on while the session runs; let it sleep after a long pause."""
        if self.awake is not None:
            self.awake.update(
                active=self.is_running(),
                paused=self.session.state == State.PAUSED,
                now=self._clock.monotonic(),
            )

    def _act(self, command: Callable[[], list[Event]]) -> None:
        if self.is_running():
            self._handle(command())
            self._keep_awake()  # a pause counts from when it was pressed
            self._render()

    def _how_text(self, exercise_id: str) -> str:
        exercise = self._exercises(exercise_id)
        return how_text(exercise) if exercise is not None else ""

    def apply(self, command: Callable[[], list[Event]]) -> None:
        """Run a session command from outside (a swap or a skip with a reason) and redraw the
        exercise, which may have changed."""
        self._shown_exercise = -1
        self._act(command)

    def _on_change_clicked(self) -> None:
        if self.is_running():
            self.change_requested.emit()

    def _on_pause_clicked(self) -> None:
        self._act(self.session.toggle_pause)

    def _on_back_clicked(self) -> None:
        self._act(self.session.back_exercise)

    def _on_add_clicked(self) -> None:
        self._act(self.session.add_time)

    def _on_stop_clicked(self) -> None:
        if self.is_running() and confirm_stop(self._dialogs, self):
            self.stop_now()

    def _on_enter_pressed(self) -> None:
        focused = self.focusWidget()
        if isinstance(focused, QAbstractButton) and focused.isEnabled():
            focused.click()

    def _handle(self, events: list[Event]) -> None:
        """Play the due cue first (recording may wait on the disk), then pass the events on."""
        now = self._clock.monotonic()
        cue: Cue | None = None
        cue_event: Event | None = None
        ended: bool | None = None
        for event in events:
            fresh = now - event.at <= STALE_S
            if event.kind == EventKind.STEP_STARTED and fresh:
                cue, cue_event, self.last_cue_due = Cue.STEP, event, event.at
            elif event.kind == EventKind.COUNTDOWN and fresh:
                cue, cue_event, self.last_cue_due = Cue.TICK, event, event.at
            elif event.kind == EventKind.SESSION_FINISHED:
                cue, cue_event, ended, self.last_cue_due = Cue.FINISH, event, True, event.at
            elif event.kind == EventKind.SESSION_STOPPED:
                ended = False
        if self._voice is not None:
            self._voice.follow(events)
        if cue is not None and cue_event is not None:
            spoken = self._voice is not None and self._voice.say_event(
                cue_event, self.session.steps, self._stop_if, now
            )
            if not spoken:  # tones are the fallback (voice off, no engine, or busy)
                self._cues.play(cue)
            self._flash_until = now + FLASH_S
        for event in events:
            self.event_happened.emit(event)
        self._arm_cue_timer(self._clock.monotonic())
        if ended is not None:
            self._frame_timer.stop()
            self._cue_timer.stop()
            if self.awake is not None:
                self.awake.release()
            self.session_ended.emit(ended)

    def _arm_cue_timer(self, now: float) -> None:
        due = self.session.next_due()
        if due is None:
            self._cue_timer.stop()
            return
        self._cue_timer.start(max(0, math.ceil((due - now) * 1000)))

    # -- showing -------------------------------------------------------------------------------
    def _render(self) -> None:
        session = self.session
        step = session.step
        now = self._clock.monotonic()
        if self._notice is not None and session.index > 0:
            self._notice = None  # said during the first step; the keys line comes back
            self.sound_notice.setText(_(KEYS_TEXT))
        if step.exercise_index != self._shown_exercise:
            self._shown_exercise = step.exercise_index
            self.exercise_name.setText(step.exercise_name)
            self.exercise_count.setText(exercise_count_text(step, self._exercise_count))
            self.figure.set_figure(self._figures(step.exercise_id), step.exercise_name)
            self.stop_if.setText(self._stop_if(step.exercise_id))
            self.stop_if_box.setVisible(bool(self.stop_if.text()))
        _set(self.step_title, step.title)
        _set(self.countdown, format_seconds(session.remaining()))
        _set(self.instruction, step.instruction)
        _set(self.position_label, position_text(step))
        show_how = step.kind == StepKind.READY or self.how_button.isChecked()
        _set(self.how, self._how_text(step.exercise_id) if show_how else "")
        self.how.setVisible(show_how)
        _set(self.next_label, next_text(session))
        _set(self.pause_button, _("Resume") if session.state == State.PAUSED else _("Pause"))
        self.progress.setValue(round(session.progress() * 1000))
        shown = self.figure.figure()
        key_steps = len(shown.poses) - 1 if shown is not None else 1
        self.figure.set_phase(figure_phase(step, session.elapsed(), key_steps))
        flash = "true" if now < self._flash_until else "false"
        if self.countdown.property("flash") != flash:
            self.countdown.setProperty("flash", flash)
            self.countdown.style().unpolish(self.countdown)
            self.countdown.style().polish(self.countdown)


def how_text(exercise: Exercise) -> str:
    """The exercise's steps, numbered, and how to get down to the floor when it is done there."""
    lines = [
        _("{number}. {step}").format(number=n, step=step)
        for n, step in enumerate(exercise.steps, start=1)
    ]
    if exercise.floor_advice:
        lines.append(exercise.floor_advice)
    return "\n".join(lines)


def _set(widget: QLabel | QAbstractButton, text: str) -> None:
    """Change text only when it differs (the frame timer runs 20 times a second)."""
    if widget.text() != text:
        widget.setText(text)
