"""One routine due today: its exercises with small figures, about how long it takes, how many
times it is due and done, what the surgeon's rules leave out, and a big Start button."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QWidget

from coach.domain.i18n import _, ngettext
from coach.domain.today import RoutineToday
from coach.domain.words import minutes_text
from coach.ui.common.blocks import clear, notice
from coach.ui.common.widgets import button, fill_with_card, label

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap

THUMB_SIZE = QSize(96, 64)


def times_today(times: int) -> str:
    """'once today', 'twice today', '3 times today': whole phrases, as languages say them."""
    if times == 1:
        return _("once today")
    if times == 2:
        return _("twice today")
    return ngettext("{count} time today", "{count} times today", times).format(count=times)


def status_text(routine: RoutineToday) -> str:
    """'✓ Done today', 'Done 1 of 2 times', 'Partly done today' or 'Not done yet'."""
    if routine.done:
        return _("✓ Done today")
    if routine.times_done:
        return ngettext(
            "Done {done} of {count} time", "Done {done} of {count} times", routine.times_due
        ).format(done=routine.times_done, count=routine.times_due)
    if routine.times_partly_done:
        return _("Partly done today")
    return _("Not done yet")


class RoutineCard(QFrame):
    """Shows a ``RoutineToday``; ``start_clicked`` carries the routine id."""

    start_clicked = Signal(str)

    def __init__(
        self,
        routine: RoutineToday,
        pictures: Callable[[str], QPixmap | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._pictures = pictures
        self._routine_id = routine.routine.id
        self._pending: list[tuple[QLabel, str, str]] = []
        self._all_pictures: list[tuple[QLabel, str, str]] = []
        self._pictures_palette = self.palette().cacheKey()
        self._styled = False  # not shown yet: Qt styles it, roles and all, when first shown
        frame, column = fill_with_card(self)

        top = QHBoxLayout()
        self.name = label("", "heading", frame)
        self.status = label("", None, frame, wrap=False)
        self.status.setObjectName("routine-status")
        top.addWidget(self.name, 1)
        top.addWidget(self.status)
        column.addLayout(top)
        self.about = label("", None, frame)
        column.addWidget(self.about)

        self.items = QGridLayout()
        self.items.setHorizontalSpacing(14)
        self.items.setVerticalSpacing(6)
        self.items.setColumnStretch(1, 1)
        column.addLayout(self.items)

        self.left_out_box, self.left_out_layout = notice(frame, _("Left out for you"))
        column.addWidget(self.left_out_box)

        row = QHBoxLayout()
        self.start_button = button(_("Start"), frame, primary=True)
        self.start_button.setMinimumHeight(56)
        self.start_button.clicked.connect(self._on_start_clicked)
        row.addWidget(self.start_button)
        row.addStretch(1)
        column.addLayout(row)
        self.show_routine(routine)
        self._styled = True

    @property
    def routine_id(self) -> str:
        return self._routine_id

    def show_routine(self, routine: RoutineToday) -> None:
        """Fill the card (again); the Start button keeps keyboard focus across updates."""
        self._routine_id = routine.routine.id
        name = routine.routine.name
        self.name.setText(name)
        self.status.setText(status_text(routine))
        self._set_role(self.status, "heading" if routine.done else "")
        count = len(routine.items)
        # Translators: the three parts of a routine's summary: "About 15 minutes · twice today
        # · 5 exercises".
        about = _("About {minutes} · {times} · {exercises}").format(
            minutes=minutes_text(routine.minutes),
            times=times_today(routine.times_due),
            exercises=ngettext("{count} exercise", "{count} exercises", count).format(count=count),
        )
        self.about.setText(f"{about}\n{routine.ramp_text}" if routine.ramp_text else about)
        clear(self.items)
        self._pending = []
        for row, item in enumerate(routine.items):
            picture = QLabel(self)  # gets its picture just after the first paint
            picture.setFixedSize(THUMB_SIZE)
            self._pending.append((picture, item.exercise.id, item.exercise.name))
            self.items.addWidget(picture, row, 0)
            text = label(f"{item.exercise.name}\n{item.dose_text}", None, self)
            text.setAccessibleName(
                _("{exercise}: {dose}").format(exercise=item.exercise.name, dose=item.dose_text)
            )
            self.items.addWidget(text, row, 1)
            if item.reason:
                self.items.addWidget(
                    label(
                        _("Your therapist added this: {reason}").format(reason=item.reason),
                        "hint",
                        self,
                    ),
                    row,
                    2,
                )
        self._all_pictures = list(self._pending)
        # keep the box heading, replace the lines below it
        clear(self.left_out_layout, keep=1)
        for left in routine.left_out:
            self.left_out_layout.addWidget(label(left.text, None, self.left_out_box))
        self.left_out_box.setVisible(bool(routine.left_out))

        if not routine.can_start:
            self.start_button.setText(_("Nothing to do here today"))
        elif routine.done:
            self.start_button.setText(_("Do it again"))
        else:
            self.start_button.setText(_("Start"))
        self.start_button.setEnabled(routine.can_start)
        self._set_role(self.start_button, "" if routine.done else "primary")
        self.start_button.setAccessibleName(_("Start {routine}").format(routine=name))

    def allow_start(self, allowed: bool, *, gentle: bool = False) -> None:
        """Show Start, or not at all on a day a warning sign stopped (Today's banner says why);
        on a gentle day it says that the session is walking and breathing only."""
        self.start_button.setVisible(allowed)
        if gentle and self.start_button.isEnabled():
            self.start_button.setText(_("Start walking and breathing"))

    def _set_role(self, widget: QWidget, role: str) -> None:
        """A new role restyles a widget already on screen. Cards built at start skip the
        restyle: the first ``style()`` call costs PySide6 some 20 ms of type set-up."""
        widget.setProperty("role", role)
        if self._styled:
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def figures_pending(self) -> bool:
        return bool(self._pending)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.palette().cacheKey() != self._pictures_palette:  # a new theme: new colours
            self._pending = list(self._all_pictures)
        if self._pending:
            QTimer.singleShot(0, self.load_figures)  # once this frame is on the screen

    def load_figures(self) -> None:
        """Show the small pictures. Called just after the card is first painted, so the words
        show at once and the pictures (a few milliseconds each to draw) a moment later."""
        pending, self._pending = self._pending, []
        self._pictures_palette = self.palette().cacheKey()
        for picture, exercise_id, name in pending:
            pixmap = self._pictures(exercise_id)
            if pixmap is not None:
                picture.setPixmap(pixmap)
                picture.setAccessibleName(_("Drawing of {exercise}").format(exercise=name))

    def _on_start_clicked(self) -> None:
        self.start_clicked.emit(self._routine_id)
