"""Today: the first screen. Which week and phase this is, the routines due today with a big
Start, walking against the goal, and what comes next.

The day is worked out by ``coach.domain.today.build_today``; this widget only lays it out and
writes walking minutes through the repository. It follows the active profile, its data, and the
calendar: when it is shown on a new day (or stays open past midnight) it starts the new day.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from coach.domain import formats
from coach.domain.i18n import N_, _
from coach.domain.profile_plan import ProfilePlan
from coach.domain.today import TodayPlan, build_today
from coach.domain.words import minutes_text
from coach.ui.active_plan import load_active_plan
from coach.ui.common.screen_stack import guarded_refresh
from coach.ui.common.widgets import label, scroll_page
from coach.ui.context import AppContext
from coach.ui.safety.banner import SafetyBanner
from coach.ui.safety.today_checks import safety_today
from coach.ui.today.routine_card import THUMB_SIZE, RoutineCard
from coach.ui.today.sections import NextCard, NoteCard, PhaseCard
from coach.ui.today.walking_card import WalkingCard

if TYPE_CHECKING:  # pictures come after the first paint: keep their modules off the start
    from PySide6.QtGui import QPixmap

    from coach.domain.figure import Figure
    from coach.ui.common.figure_cache import FigureStills

log = logging.getLogger(__name__)

DAY_CHECK_MS = 60_000  # while shown, notice midnight within a minute
TWO_COLUMNS_CHARS = 80  # side by side only when the columns keep ~48 and ~32 characters a line
BEFORE_SURGERY = N_(
    "Your plan starts on the day of your surgery. If your surgeon agrees, you can practise "
    "these gentle exercises now, so they feel familiar afterwards."
)


class TodayScreen(QWidget):
    """What to do today. ``start_requested`` carries a routine id (the session player opens)."""

    start_requested = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        figures: Callable[[str], Figure | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._figures = figures
        self._stills: FigureStills | None = None
        self._day: date | None = None
        self._active: ProfilePlan | None = None
        self._cards: list[RoutineCard] = []

        scroll, self._body, column = scroll_page(self, spacing=8)
        self._build_top(column)
        column.addSpacing(10)
        self._columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._columns.setSpacing(20)
        self._columns.addLayout(self._build_left(), 3)
        self._columns.addLayout(self._build_right(), 2)
        column.addLayout(self._columns, 1)
        self.no_profile = label(
            _("Set up your profile to see your plan for today."), "big", self._body
        )
        column.addWidget(self.no_profile)
        scroll.setWidget(self._body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._later_cards: list[tuple[Callable[[], QWidget], bool]] = []
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(DAY_CHECK_MS)
        self._day_timer.timeout.connect(self._check_day)
        ctx.active.changed.connect(self.refresh)
        ctx.active.data_changed.connect(self.refresh)
        self.refresh()

    def _build_top(self, column: QVBoxLayout) -> None:
        body = self._body
        self.greeting = label("", None, body)
        self.heading = label("", "title", body)
        self.heading.setObjectName("today-heading")
        self.phase = label("", "heading", body)
        self.phase.setObjectName("today-phase")
        self.notice = label("", None, body)
        self.notice.setObjectName("today-notice")
        self.safety = SafetyBanner(body)
        for widget in (self.greeting, self.heading, self.phase, self.notice, self.safety):
            column.addWidget(widget)

    def _build_left(self) -> QVBoxLayout:
        """Routines, then any cards other screens add."""
        left = QVBoxLayout()
        left.setSpacing(16)
        self._routines = QVBoxLayout()
        self._routines.setSpacing(16)
        self._extras = QVBoxLayout()
        self._extras.setSpacing(16)
        self._above = QVBoxLayout()  # a reminder that is showing comes before the routines
        self._above.setSpacing(16)
        left.addLayout(self._above)
        left.addLayout(self._routines)
        left.addLayout(self._extras)
        left.addStretch(1)
        return left

    def _build_right(self) -> QVBoxLayout:
        """Walking, the therapist's note, this phase, what comes next."""
        right = QVBoxLayout()
        right.setSpacing(16)
        self.walking = WalkingCard(self._body)
        self.walking.minutes_added.connect(self._on_minutes_added)
        self.walking.undo_clicked.connect(self._on_undo_clicked)
        self.note = NoteCard(self._body)
        self.phase_card = PhaseCard(self._body)
        self.next_card = NextCard(self._body)
        for card in (self.walking, self.note, self.phase_card, self.next_card):
            right.addWidget(card)
        right.addStretch(1)
        return right

    def _picture_for(self, exercise_id: str) -> QPixmap | None:
        """A still of the exercise's figure; the figure modules load at the first call."""
        if self._stills is None:
            from coach.ui.common.figure_cache import FigureCache, FigureStills

            self._stills = FigureStills(self._figures or FigureCache(), self, THUMB_SIZE)
        return self._stills.pixmap(exercise_id)

    # -- public --------------------------------------------------------------------------------
    def add_card(self, widget: QWidget, *, above: bool = False) -> None:
        """Put another card (e.g. an outcome-measure reminder) below the routines, or
        ``above`` them (a reminder that is due now)."""
        (self._above if above else self._extras).addWidget(widget)  # parents and shows it

    def add_card_after_first_paint(
        self, factory: Callable[[], QWidget], *, above: bool = False
    ) -> None:
        """Build a card once the words are on the screen, so its code is off the startup path."""
        self._later_cards.append((factory, above))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._later_cards:
            factories, self._later_cards = self._later_cards, []
            QTimer.singleShot(0, lambda: self._add_cards(factories))

    def _add_cards(self, factories: list[tuple[Callable[[], QWidget], bool]]) -> None:
        for make, above in factories:
            self.add_card(make(), above=above)

    def routine_cards(self) -> list[RoutineCard]:
        return list(self._cards)

    def shown_day(self) -> date | None:
        return self._day

    @Slot()
    @guarded_refresh
    def refresh(self) -> None:
        """Read the active profile's plan, sessions done and walking for today, and show them."""
        self._day = self._ctx.clock.now().date()
        self._active = load_active_plan(self._ctx)
        has_profile = self._active is not None
        self.no_profile.setVisible(not has_profile)
        for widget in (self.heading, self.phase, self.walking, self.phase_card, self.next_card):
            widget.setVisible(has_profile)
        if self._active is None:
            self.greeting.setText(_("Welcome to Rehab Coach."))
            self.notice.hide()
            self.note.hide()
            self.safety.hide()
            self._show_routines(None)
            return
        active = self._active
        repo = self._ctx.repo
        today = build_today(
            active.plan,
            active.profile.surgery_date,
            self._day,
            active.catalogue,
            extra_restrictions=frozenset(active.profile.extra_restrictions),
            done=repo.routines_done(active.profile_id, self._day),
            partly_done=repo.routines_done(active.profile_id, self._day, "partial"),
            walked_minutes=repo.walking_minutes(active.profile_id, self._day),
        )
        self._show(today, active)

    # -- showing -------------------------------------------------------------------------------
    def _show(self, today: TodayPlan, active: ProfilePlan) -> None:
        day = today.day
        self.greeting.setText(
            _("Hello, {name}. Today is {weekday} {date}.").format(
                name=active.profile.nickname.strip(),
                weekday=formats.weekday(day),
                date=formats.day_month(day),
            )
        )
        self.heading.setText(today.heading)
        self.phase.setText(today.phase_line)
        notices = [active.problem] if active.problem else []
        if today.before_surgery:
            notices.append(_(BEFORE_SURGERY))
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))
        self.walking.show_walking(today.walking)
        self.note.show_plan(today)
        self.phase_card.show_plan(today)
        self.next_card.show_plan(today)
        self._show_routines(today)
        safety = safety_today(self._ctx, active.profile_id)
        self.safety.show_day(safety, active.profile.emergency_number)
        for card in self._cards:
            card.allow_start(
                not safety.stopped, gentle=safety.gentle
            )  # the banner replaces Start until tomorrow

    def _show_routines(self, today: TodayPlan | None) -> None:
        routines = today.routines if today is not None else ()
        if [c.routine_id for c in self._cards] == [r.routine.id for r in routines]:
            for card, routine in zip(self._cards, routines, strict=True):
                card.show_routine(routine)  # in place: keyboard focus stays where it was
            return
        for card in self._cards:
            card.hide()
            card.deleteLater()
        self._cards = []
        for routine in routines:
            card = RoutineCard(routine, self._picture_for, self._body)
            card.start_clicked.connect(self.start_requested)
            self._routines.addWidget(card)
            self._cards.append(card)
        if today is not None and not routines:
            log.warning("no routine due on %s", today.day)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes as the eye reads: each routine's Start, top to bottom, then walking."""
        chain = [c.start_button for c in self._cards] + self.walking.add_buttons
        chain.append(self.walking.undo_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def take_focus(self) -> None:
        """The keyboard starts at the first routine's Start (Space or Enter begins it)."""
        for card in self._cards:
            if card.start_button.isEnabled():
                card.start_button.setFocus()
                return

    # -- walking -------------------------------------------------------------------------------
    def _on_minutes_added(self, minutes: int) -> None:
        if self._active is None or self._day is None:
            return
        self._check_day()
        assert self._day is not None
        self._ctx.repo.log_walking(
            self._active.profile_id, self._day, minutes, self._ctx.clock.now()
        )
        self.walking.show_message(
            _("Added {minutes} of walking. Well done!").format(minutes=minutes_text(minutes))
        )

    def _on_undo_clicked(self) -> None:
        if self._active is None or self._day is None:
            return
        removed = self._ctx.repo.undo_last_walk(self._active.profile_id, self._day)
        if removed is None:
            self.walking.show_message(_("There is no walk to undo today."))
        else:
            self.walking.show_message(
                _("Removed the last {minutes}.").format(minutes=minutes_text(removed))
            )

    # -- the calendar and the width ------------------------------------------------------------
    def _check_day(self) -> None:
        if self._day != self._ctx.clock.now().date():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._check_day()
        self._day_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._day_timer.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = self.width() >= TWO_COLUMNS_CHARS * self.fontMetrics().averageCharWidth() + 120
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._columns.direction() != direction:
            self._columns.setDirection(direction)
