"""Today's Learn hint (at most one topic, when its condition holds) and the Calm tools card.

Both sit below the routines, never in the way of Start. What the hint says is decided by
``coach.domain.learn_hints.suggest_topic``; this card only gathers the facts and lays it out.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from coach.domain.i18n import _
from coach.domain.learn import TOOLS, tool_label
from coach.domain.learn_hints import LEG_DAYS, Hint, HintInput, suggest_topic
from coach.domain.pain import PastSession
from coach.domain.records import FINISHED_STATUSES
from coach.domain.schedule import phase_on, phase_start
from coach.ui.active_plan import load_active_plan
from coach.ui.common.flow_layout import FlowLayout
from coach.ui.common.screen_stack import guarded_refresh
from coach.ui.common.widgets import button, label
from coach.ui.context import AppContext


def open_learn_topic(widget: QWidget, topic_id: str) -> bool:
    """Show ``topic_id`` on the Learn page of the window holding ``widget``; False if none."""
    from coach.ui.learn.screen import LearnScreen
    from coach.ui.main_window import MainWindow

    window = widget.window()
    if not isinstance(window, MainWindow) or "learn" not in window.screen_keys:
        return False
    window.show_screen("learn")
    screen = window.screen_widget("learn")
    if isinstance(screen, LearnScreen):
        screen.show_topic(topic_id)
    return True


def hint_input(ctx: AppContext) -> tuple[int, HintInput] | None:
    """The facts ``suggest_topic`` needs, from the store; None without a profile."""
    active = load_active_plan(ctx)
    if active is None or active.profile.id is None:
        return None
    profile_id = active.profile.id
    today = ctx.clock.now().date()
    surgery = active.profile.surgery_date
    phase = phase_on(active.plan, surgery, today)
    records = ctx.stores.sessions.sessions(profile_id, since=today - timedelta(days=LEG_DAYS))
    recent = tuple(
        PastSession(r.local_date, r.pain_before, r.pain_after)
        for r in records
        if r.status in FINISHED_STATUSES
    )
    return profile_id, HintInput(
        today=today,
        surgery_date=surgery,
        phase_number=phase.number,
        phase_started=phase_start(active.plan, surgery, phase.number),
        recent=recent,
        dismissed=ctx.stores.coping.dismissed_hints(profile_id),
    )


class LearnHintCard(QFrame):
    """One suggested topic with "Read it" and "Not now" (remembered: it stays away)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.hint: Hint | None = None
        self._profile_id: int | None = None
        self.setProperty("role", "card")
        self.setObjectName("learn-hint")
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(10)
        self.title = label(_("Something to read"), "heading", self)
        self.text = label("", None, self)
        row = FlowLayout(None)  # wraps at 200% text
        self.read_button = button(_("Read it"), self)
        self.read_button.clicked.connect(self._on_read)
        self.dismiss_button = button(_("Not now"), self)
        self.dismiss_button.setAccessibleName(_("Hide this suggestion"))
        self.dismiss_button.clicked.connect(self._on_dismiss)
        row.addWidget(self.read_button)
        row.addWidget(self.dismiss_button)
        column.addWidget(self.title)
        column.addWidget(self.text)
        column.addLayout(row)
        ctx.active.changed.connect(self.refresh)
        ctx.active.data_changed.connect(self.refresh)
        self.refresh()

    @guarded_refresh
    def refresh(self) -> None:
        found = hint_input(self._ctx)
        hint = None
        if found is not None:
            self._profile_id, data = found
            hint = suggest_topic(data)
            if hint is not None and hint.topic_id not in self._ctx.content.learn:
                hint = None
        self.hint = hint
        self.setVisible(hint is not None)
        if hint is not None:
            topic = self._ctx.content.learn.get(hint.topic_id)
            self.text.setText(hint.text)
            self.read_button.setText(_("Read: {title}").format(title=topic.title))
            self.read_button.setAccessibleName(_("Read the page {title}").format(title=topic.title))

    def _on_read(self) -> None:
        if self.hint is not None:
            open_learn_topic(self, self.hint.topic_id)

    def _on_dismiss(self) -> None:
        if self.hint is None or self._profile_id is None:
            return
        self._ctx.stores.coping.dismiss_hint(self._profile_id, self.hint.key, self._ctx.clock.now())
        self.refresh()


class CalmCard(QFrame):
    """The coping tools, one tap from Today (REFERENCE 10)."""

    tool_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setProperty("role", "card")
        self.setObjectName("calm-card")
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(10)
        column.addWidget(label(_("Calm"), "heading", self))
        column.addWidget(label(_("When pain or worry is high, try one of these."), None, self))
        row = FlowLayout(None)
        self.buttons: dict[str, QPushButton] = {}
        for tool in TOOLS:
            tool_button = button(tool_label(tool), self)
            tool_button.clicked.connect(lambda _=False, t=tool: self.tool_requested.emit(t))
            row.addWidget(tool_button)
            self.buttons[tool] = tool_button
        column.addLayout(row)
        ctx.active.changed.connect(self.refresh)
        self.refresh()

    @guarded_refresh
    def refresh(self) -> None:
        self.setVisible(self._ctx.active.profile is not None)
