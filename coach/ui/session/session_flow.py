"""One session from start to finish: warning signs -> pain now -> player -> pain after -> how it
felt -> the response. Each answer and each step is written to the store the moment it happens
(one transaction each), so a crash loses at most the step in progress.

Why one module over 300 lines: it is the one place that knows the order of a session's
pages and what each answer writes; each page is its own widget in ``ui.session``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from coach.domain.allowed import PatientDay, decide
from coach.domain.catalogue import Exercise
from coach.domain.figure import Figure
from coach.domain.i18n import _
from coach.domain.learn_hints import topic_for_advice
from coach.domain.pain import (
    SUGGESTION_ONLY,
    AdviceKind,
    Pain,
    PastSession,
    after_session_response,
    before_session_advice,
)
from coach.domain.progress import ExerciseTally
from coach.domain.protocol import Prescription
from coach.domain.records import DONE
from coach.domain.safety import Tier
from coach.domain.session_json import event_detail, items_to_json
from coach.domain.steps import Step, compile_steps
from coach.domain.timer import RECORDED_KINDS, SKIP_REASONS, Event, EventKind, Session, State
from coach.domain.warning_signs import recheck_text, stop_if_lines
from coach.store.session_log import (
    SessionStart,
    begin_session,
    end_session,
    last_finished,
    record_blocked,
    recorded_status,
)
from coach.store.sessions import SessionRecord
from coach.ui.active_plan import load_active_plan
from coach.ui.common.message_page import Choice, MessagePage
from coach.ui.common.widgets import label
from coach.ui.context import AppContext
from coach.ui.safety.red_flag_page import RedFlagPage
from coach.ui.safety.today_checks import safety_today
from coach.ui.session.after_page import FeedbackPage, response_lines
from coach.ui.session.change_dialog import EASIER
from coach.ui.session.dialogs import choose_change, confirm_stop
from coach.ui.session.pain_page import PainPage
from coach.ui.session.player import PlayerScreen
from coach.ui.session.screen_awake import new_keeper
from coach.ui.session.setup import ResumePoint, SessionSetup
from coach.ui.session.sounds import CuePlayer
from coach.ui.session.voice import VoiceCoach


class SessionFlow(QWidget):
    """The pages of one session in a stack; ``closed`` when the patient is done."""

    closed = Signal()
    topic_requested = Signal(str)  # a Learn topic that fits the advice after the session

    def __init__(
        self,
        ctx: AppContext,
        setup: SessionSetup,
        cues: CuePlayer,
        figures: Callable[[str], Figure | None],
        *,
        parent: QWidget | None = None,
        voice: VoiceCoach | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._setup = setup
        self._cues = cues
        self._voice = voice if voice is not None else VoiceCoach(ctx.prefs)
        self._awake = new_keeper()  # held while the player runs, released when it ends
        self._figures = figures
        self._dialogs = ctx.dialogs
        self._store = ctx.stores.sessions
        self._check_id: int | None = None
        self._gentle = False
        self._pain_before: Pain | None = None
        self._session_id: int | None = None
        self._steps: tuple[Step, ...] = ()
        self._items: tuple[Prescription, ...] = ()
        self._status = DONE
        self._tally: ExerciseTally | None = None  # known once the exercises are over
        self._ended = False
        self._stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # the routine's name on every page of the session (which one am I doing?)
        self.routine_title = label(setup.routine_name, "hint", self)
        self.routine_title.setObjectName("session-routine-name")
        self.routine_title.setContentsMargins(32, 8, 32, 0)
        layout.addWidget(self.routine_title)
        layout.addWidget(self._stack)
        self.red_flags = RedFlagPage(ctx.content.red_flags, self._stack)
        self.message = MessagePage(self._stack)
        self.pain_before = PainPage(
            _("How much pain do you have now?"), self._stack, cancel_text=_("Not now")
        )
        self.pain_after = PainPage(
            _("How much pain do you have now, after the session?"), self._stack
        )
        self.player: PlayerScreen | None = None
        self.feedback: FeedbackPage | None = None
        for page in (self.red_flags, self.message, self.pain_before, self.pain_after):
            self._stack.addWidget(page)
        self.red_flags.answered.connect(self._on_red_flags_answered)
        self.red_flags.cancelled.connect(self.closed.emit)
        self.pain_before.submitted.connect(self._on_pain_before_submitted)
        self.pain_before.cancelled.connect(self.closed.emit)
        self.pain_after.submitted.connect(self._on_pain_after_submitted)
        self.closed.connect(self._awake.release)

    @property
    def setup(self) -> SessionSetup:
        return self._setup

    @property
    def session_id(self) -> int | None:
        return self._session_id

    def current_page(self) -> QWidget | None:
        return self._stack.currentWidget()

    # -- starting ------------------------------------------------------------------------------
    def start(self) -> None:
        """The full warning-sign check, or its one question when today's check is done; a day
        already stopped by a warning sign shows whom to call and goes no further."""
        day = safety_today(self._ctx, self._setup.profile_id)
        if day.stopped and day.tier is not None:
            self._show_tier(day.tier, [(_("Close"), True, self.closed.emit)])
            return
        now = self._ctx.clock.now()
        recheck = recheck_text(self._ctx.content.red_flags, day, now) if day.checked else ""
        self.red_flags.restart(recheck)
        self._show(self.red_flags)

    def resume(self, point: ResumePoint) -> None:
        """Go on with a session left unfinished: at its recorded step, paused."""
        self._session_id = point.session_id
        self._pain_before = point.pain_before
        self._gentle = point.gentle
        self._items = point.items
        steps = compile_steps(point.items, self._setup.catalogue)
        if point.step_index >= len(steps):
            self._steps = steps
            self._status, self._tally = recorded_status(self._store, point.session_id)
            self._ask_pain_after()
        else:
            self._play(steps, point.step_index, paused=True)

    def _on_red_flags_answered(self, answers: dict[str, bool]) -> None:
        tier = self._ctx.content.red_flags.outcome(answers)
        now = self._ctx.clock.now()
        profile = self._setup.profile_id
        self._check_id = self._store.record_red_flag_check(
            profile, answers, tier.id if tier else None, now
        )
        day = safety_today(self._ctx, profile)  # this answer and any earlier today
        if day.tier is None:
            self._ask_pain_before()
        elif day.stopped:
            record_blocked(
                self._store,
                profile,
                self._setup.routine_id,
                self._setup.routine_name,
                red_flag_check_id=self._check_id,
                now=now,
            )
            self._show_tier(day.tier, [(_("Close"), True, self.closed.emit)])
        else:
            self._show_tier(
                day.tier,
                [
                    (_("Not now"), False, self.closed.emit),
                    (_("Start walking and breathing"), True, self._on_gentle_chosen),
                ],
                extra=_("Today: only gentle walking and breathing."),
            )

    def _show_tier(self, tier: Tier, choices: list[Choice], extra: str = "") -> None:
        number = self._setup.emergency_number if tier.id == "emergency" else ""
        lines = [(tier.message, "big"), (tier.action_text(self._setup.emergency_number), "big")]
        if extra:
            lines.append((extra, "heading"))
        self.message.show_message(tier.title, lines, choices, huge=number)
        self._show(self.message)

    def _on_gentle_chosen(self) -> None:
        self._gentle = True
        self._ask_pain_before()

    def _ask_pain_before(self) -> None:
        self.pain_before.reset()
        self._show(self.pain_before)

    def _on_pain_before_submitted(self, pain: Pain) -> None:
        self._pain_before = pain
        last = last_finished(self._store, self._setup.profile_id)
        advice = before_session_advice(
            pain, _past(last), self._ctx.clock.now().date(), self._ctx.content.medicine_sign
        )
        if not advice:
            self._begin()
            return
        lines = [(line, "big") for a in advice for line in a.lines]
        choices: list[Choice] = [(_("Not now"), False, self.closed.emit)]
        if any(a.kind == AdviceKind.HIGH_PAIN for a in advice) and not self._gentle:
            choices += [
                (_("My usual exercises"), False, self._begin),
                (_("Walking and breathing only"), True, self._on_gentle_begin),
            ]
        else:
            choices.append((_("Go on"), True, self._begin))
        self.message.show_message(advice[0].title, lines, choices, hint=_(SUGGESTION_ONLY))
        self._show(self.message)

    def _on_gentle_begin(self) -> None:
        self._gentle = True
        self._begin()

    def _begin(self) -> None:
        assert self._pain_before is not None
        setup = self._setup
        items = setup.gentle_items if self._gentle else setup.items
        self._items = items
        steps = compile_steps(items, setup.catalogue)
        start = SessionStart(
            setup.profile_id,
            setup.plan_id,
            setup.routine_id,
            setup.routine_name,
            items_to_json(items),
            len(steps),
            self._gentle,
        )
        self._session_id = begin_session(
            self._store, start, self._pain_before, self._ctx.clock.now(), self._check_id
        )
        self._play(steps, 0, paused=False)

    # -- the player ----------------------------------------------------------------------------
    def _play(self, steps: tuple[Step, ...], index: int, *, paused: bool) -> None:
        self._steps = steps
        session = Session(steps, self._ctx.clock)
        self.player = PlayerScreen(
            session,
            self._ctx.clock,
            self._cues,
            self._figures,
            parent=self._stack,
            dialogs=self._dialogs,
            exercises=self._exercise,
            stop_if=self._stop_if_text,
            voice=self._voice,
            awake=self._awake,
        )
        self.player.event_happened.connect(self._on_timer_event)
        self.player.session_ended.connect(self._on_player_ended)
        self.player.change_requested.connect(self._on_change_requested)
        self._stack.addWidget(self.player)
        self._show(self.player)
        self.player.begin(index, paused=paused)

    def _stop_if_text(self, exercise_id: str) -> str:
        """An exercise's "stop if", with the action of every warning sign it names (also for
        an easier variant swapped in during the session)."""
        catalogue = self._setup.catalogue
        if exercise_id not in catalogue:
            return ""
        lines = stop_if_lines(
            catalogue[exercise_id], self._ctx.content.red_flags, self._setup.emergency_number
        )
        return "\n".join(lines)

    def _on_timer_event(self, event: Event) -> None:
        if event.kind not in RECORDED_KINDS or self._session_id is None:
            return
        step = self._steps[event.step_index]
        late = max(0.0, self._ctx.clock.monotonic() - event.at)  # noticed after a stall
        detail = event_detail(step, event)
        if event.kind == EventKind.EXERCISE_SWAPPED:
            detail["items"] = items_to_json(self._items)  # a resume rebuilds the swapped steps
        self._store.record_event(
            self._session_id,
            event.kind.value,
            self._ctx.clock.now() - timedelta(seconds=late),
            step_index=event.step_index,
            exercise_id=step.exercise_id,
            detail=detail,
        )

    def _exercise(self, exercise_id: str) -> Exercise | None:
        return self._setup.catalogue.get(exercise_id)

    def _on_change_requested(self) -> None:
        """Easier or skip (REFERENCE section 4); the easier variant only when the rules allow
        it for this patient today (``coach.domain.allowed``)."""
        player = self.player
        if player is None or not player.is_running():
            return
        session = player.session
        step = session.step
        catalogue = self._setup.catalogue
        exercise = catalogue[step.exercise_id]
        easier = self._allowed_easier(exercise.easier)
        was_running = session.state == State.RUNNING
        if was_running:  # the clock waits while the patient decides
            player.apply(session.pause)
        choice = choose_change(
            self._dialogs, self, exercise.name, easier.name if easier is not None else None
        )
        if choice == EASIER and easier is not None:
            items = list(self._items)
            items[step.exercise_index] = Prescription(easier.id, easier.dosage)
            new_steps = compile_steps(items, catalogue)
            self._items, self._steps = tuple(items), new_steps
            player.apply(lambda: session.swap_exercise(new_steps))
        elif choice in SKIP_REASONS:
            player.apply(lambda: session.skip_exercise(str(choice)))
        if was_running and session.state == State.PAUSED:
            player.apply(session.resume)

    def _allowed_easier(self, easier_id: str | None) -> Exercise | None:
        catalogue = self._setup.catalogue
        if easier_id is None or easier_id not in catalogue:
            return None
        active = load_active_plan(self._ctx)
        if active is None:
            return None
        when = PatientDay(
            active.plan,
            active.profile.surgery_date,
            self._ctx.clock.now().date(),
            frozenset(active.profile.extra_restrictions),
        )
        verdict = decide(catalogue[easier_id], when)
        return verdict.exercise if verdict.allowed else None

    def _on_player_ended(self, completed: bool) -> None:
        assert self._session_id is not None
        self._status, self._tally = recorded_status(
            self._store, self._session_id, finished=completed
        )
        self._ask_pain_after()

    # -- after ---------------------------------------------------------------------------------
    def _ask_pain_after(self) -> None:
        self.pain_after.reset()
        self._show(self.pain_after)

    def _on_pain_after_submitted(self, pain: Pain) -> None:
        assert self._session_id is not None
        end_session(self._store, self._session_id, self._status, pain, self._ctx.clock.now())
        self._ended = True
        done = set(self._tally.done) if self._tally is not None else set()
        names = {s.exercise_id: s.exercise_name for s in self._steps if s.exercise_id in done}
        self.feedback = FeedbackPage(names, self._stack)
        self.feedback.saved.connect(self._on_feedback_saved)
        self._stack.addWidget(self.feedback)
        self._show(self.feedback)

    def _on_feedback_saved(self, ratings: Mapping[str, str], note: str) -> None:
        assert self._session_id is not None
        if ratings:
            self._store.set_feedback(self._session_id, ratings)
        if note:
            self._store.set_note(self._session_id, note)
        self._show_response()

    def _show_response(self) -> None:
        assert self._session_id is not None
        record = self._store.session(self._session_id)
        assert record is not None and record.pain_after is not None
        previous = last_finished(self._store, self._setup.profile_id, self._session_id)
        before = record.pain_before or record.pain_after
        advice = after_session_response(before, record.pain_after, _past(previous))
        tally = self._tally or ExerciseTally((), ())
        title, lines = response_lines(advice, self._status, tally, self._setup.catalogue)
        choices: list[Choice] = [(_("Close"), True, self.closed.emit)]
        topic_id = topic_for_advice(
            flared=advice.kind in (AdviceKind.FLARE, AdviceKind.FLARE_AGAIN), high_pain=False
        )
        if topic_id is not None and topic_id in self._ctx.content.learn:
            topic = self._ctx.content.learn.get(topic_id).title
            read = _("Read: {topic}").format(topic=topic)
            choices.insert(0, (read, False, lambda: self._read_topic(topic_id)))
        self.message.show_message(title, lines, choices, hint=_(SUGGESTION_ONLY))
        self._show(self.message)

    def _read_topic(self, topic_id: str) -> None:
        """Close the session and open the topic on the Learn page."""
        self.closed.emit()
        self.topic_requested.emit(topic_id)

    # -- leaving -------------------------------------------------------------------------------
    def leave(self) -> bool:
        """The window is being closed: True when it may close now. During the exercises this
        asks first and then goes to the pain-after question instead of closing."""
        player = self.player
        if player is not None and self.current_page() is player and player.is_running():
            if confirm_stop(self._dialogs, self):
                player.stop_now()
            return False
        if self._session_id is not None and not self._ended:
            if self._tally is None:
                self._status, self._tally = recorded_status(self._store, self._session_id)
            end_session(self._store, self._session_id, self._status, None, self._ctx.clock.now())
            self._ended = True
        return True

    def _show(self, page: QWidget) -> None:
        self._stack.setCurrentWidget(page)
        take_focus = getattr(page, "take_focus", None)
        if callable(take_focus):
            take_focus()


def _past(record: SessionRecord | None) -> PastSession | None:
    """The pain rules' view of a stored session."""
    if record is None:
        return None
    return PastSession(record.local_date, record.pain_before, record.pain_after)
