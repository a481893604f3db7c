"""One phase of the draft plan: when it starts, the walking goal, and each routine's exercises
with buttons to reorder, change the dose, remove, or add from the library."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QSpinBox, QVBoxLayout, QWidget

from coach.domain import formats
from coach.domain.catalogue import Catalogue
from coach.domain.i18n import N_, SOURCE, _, current
from coach.domain.plan import Plan
from coach.domain.plan_edit import (
    default_start,
    effective_start,
    move_exercise,
    patient_reason_text,
    remove_exercise,
    set_frequency,
    set_phase_start,
    set_walking,
)
from coach.domain.protocol import (
    DAYS_PER_WEEK,
    TIMES_PER_DAY,
    WALK_MINUTES,
    WALKS_PER_DAY,
    Routine,
    WalkingGoal,
)
from coach.domain.schedule import week_number
from coach.ui.common.flow_layout import FlowLayout
from coach.ui.common.widgets import button, card, label, plain_tooltip

Apply = Callable[[Callable[[Plan], Plan], bool], bool]


def spin(parent: QWidget, limits: tuple[int, int], value: int, name: str) -> QSpinBox:
    """A number box; ``name`` is its object name (tests find it by that) and, translated, what
    a screen reader says."""
    box = QSpinBox(parent)
    box.setRange(*limits)
    box.setValue(value)
    box.setAccessibleName(_(name))
    box.setObjectName(name)
    return box


_FIELD = re.compile(r"\{(\w+)\}")


def sentence_row(
    parent: QWidget, row: FlowLayout, sentence: str, boxes: dict[str, QWidget]
) -> None:
    """A translated sentence with number boxes in it ("From {first} to {last} minutes a day"),
    laid out in the order the language puts them: the words between the fields as labels."""
    last = 0
    for match in _FIELD.finditer(sentence):
        words = sentence[last : match.start()].strip()
        if words:
            row.addWidget(label(words, None, parent, wrap=False))
        row.addWidget(boxes[match.group(1)])
        last = match.end()
    words = sentence[last:].strip()
    if words:
        row.addWidget(label(words, None, parent, wrap=False))


class PhasePanel(QWidget):
    """Built from the draft; structural changes rebuild it, small ones only update the draft.

    ``apply(change, rebuild)`` is the editor's: it runs the change through the plan rules and
    says whether it was accepted. ``on_add`` and ``on_dose`` open the editor's dialogs.
    """

    def __init__(  # noqa: PLR0917 - the editor hands over its state and callbacks
        self,
        plan: Plan,
        number: int,
        catalogue: Catalogue,
        surgery_date: date,
        apply: Apply,
        on_add: Callable[[str], None],
        on_dose: Callable[[str, int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._plan = plan
        self._number = number
        self._catalogue = catalogue
        self._surgery = surgery_date
        self._apply = apply
        self._on_add = on_add
        self._on_dose = on_dose
        phase = plan.phase(number)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(14)
        column.addWidget(self._timing_card(phase.walking))
        for routine in phase.routines:
            column.addWidget(self._routine_card(routine))

    # -- start and walking ---------------------------------------------------------------------
    def _timing_card(self, walking: WalkingGoal) -> QWidget:
        frame, layout = card(self)
        layout.addWidget(label(_("When this phase starts"), "heading", frame))
        if self._number == 1:
            layout.addWidget(label(_("Phase 1 starts on the day of surgery."), None, frame))
        else:
            usual = default_start(self._plan, self._surgery, self._number)
            row = QHBoxLayout()
            self.start = QDateEdit(frame)
            if current().code != SOURCE:  # month names in the language shown, not the desktop's
                self.start.setLocale(QLocale(current().format_locale))
            self.start.setCalendarPopup(True)
            # Translators: how the phase start date box shows a date (Qt's format letters).
            self.start.setDisplayFormat(_("d MMMM yyyy"))
            self.start.setAccessibleName(_("Phase start date"))
            self.start.setObjectName("phase-start")
            start = effective_start(self._plan, self._surgery, self._number)
            self.start.setDate(QDate(start.year, start.month, start.day))
            self.start.dateChanged.connect(self._on_start_changed)
            usual_button = button(_("Back to the usual start"), frame)
            usual_button.setObjectName("phase-start-usual")
            usual_button.clicked.connect(self._on_usual_start_clicked)
            row.addWidget(self.start)
            row.addWidget(usual_button)
            row.addStretch(1)
            layout.addLayout(row)
            days = (usual - self._surgery).days
            week = week_number(self._surgery, usual)
            hint = _(
                "Usual start: {date} (day {day} after surgery, week {week}). Move it earlier to "
                "advance the phase, later to hold it back."
            ).format(date=formats.day_month_year(usual), day=days, week=week)
            layout.addWidget(label(hint, "hint", frame))
        layout.addWidget(label(_("Walking goal"), "heading", frame))
        walk_row = FlowLayout(spacing=8)  # wraps at big text instead of running off the side
        self.walk_start = spin(
            frame, WALK_MINUTES, walking.minutes_start, N_("Minutes a day at first")
        )
        self.walk_end = spin(
            frame, WALK_MINUTES, walking.minutes_end, N_("Minutes a day at the end")
        )
        self.walks = spin(frame, WALKS_PER_DAY, walking.walks_per_day, N_("Walks a day"))
        boxes = {"first": self.walk_start, "last": self.walk_end, "walks": self.walks}
        # Translators: {first}, {last} and {walks} are number boxes; keep all three.
        sentence = _("From {first} to {last} minutes a day, in {walks} walks")
        sentence_row(frame, walk_row, sentence, dict(boxes))
        for box in boxes.values():
            box.valueChanged.connect(self._on_walking_changed)
        layout.addLayout(walk_row)
        return frame

    def _on_start_changed(self, value: QDate) -> None:
        chosen = date(value.year(), value.month(), value.day())
        ok = self._apply(lambda p: set_phase_start(p, self._surgery, self._number, chosen), False)
        if not ok:
            self._show_start()

    def _on_usual_start_clicked(self) -> None:
        self._apply(lambda p: set_phase_start(p, self._surgery, self._number, None), True)

    def _show_start(self) -> None:
        """Put the date field back to the plan's start (after a refused change)."""
        start = effective_start(self._plan, self._surgery, self._number)
        self.start.blockSignals(True)
        self.start.setDate(QDate(start.year, start.month, start.day))
        self.start.blockSignals(False)

    def _on_walking_changed(self) -> None:
        goal = WalkingGoal(self.walk_start.value(), self.walk_end.value(), self.walks.value())
        self._apply(lambda p: set_walking(p, self._number, goal), False)

    def set_plan(self, plan: Plan) -> None:
        """The draft changed without a rebuild (start date, walking, frequency)."""
        self._plan = plan

    # -- routines ------------------------------------------------------------------------------
    def _routine_card(self, routine: Routine) -> QWidget:
        frame, layout = card(self)
        layout.addWidget(label(routine.name, "heading", frame))
        row = FlowLayout(spacing=8)
        times = spin(frame, TIMES_PER_DAY, routine.times_per_day, f"{routine.id}-times")
        times.setAccessibleName(_("{routine}: times a day").format(routine=routine.name))
        days = spin(frame, DAYS_PER_WEEK, routine.days_per_week, f"{routine.id}-days")
        days.setAccessibleName(_("{routine}: days a week").format(routine=routine.name))
        # Translators: {times} and {days} are number boxes; keep both.
        sentence = _("{times} times a day, on {days} days a week")
        sentence_row(frame, row, sentence, {"times": times, "days": days})
        layout.addLayout(row)

        def on_frequency() -> None:
            self._apply(
                lambda p: set_frequency(p, self._number, routine.id, times.value(), days.value()),
                False,
            )

        times.valueChanged.connect(on_frequency)
        days.valueChanged.connect(on_frequency)
        for index in range(len(routine.items)):
            layout.addLayout(self._item_row(frame, routine, index))
        add = button(_("+ Add an exercise…"), frame)
        add.setObjectName(f"add-{routine.id}")
        add.setAccessibleName(_("Add an exercise to {routine}").format(routine=routine.name))
        add.clicked.connect(lambda: self._on_add(routine.id))
        layout.addWidget(add)
        return frame

    def _item_row(self, parent: QWidget, routine: Routine, index: int) -> QHBoxLayout:
        item = routine.items[index]
        exercise = self._catalogue[item.exercise_id]
        row = QHBoxLayout()
        text = QVBoxLayout()
        # Translators: an exercise's place in the routine and its name: "1. Bridge".
        numbered = _("{number}. {exercise}").format(number=index + 1, exercise=exercise.name)
        text.addWidget(label(numbered, None, parent))
        dose = label(item.dosage.describe(exercise.per_side), "hint", parent)
        text.addWidget(dose)
        if item.reason:
            reason = label(patient_reason_text(item), "hint", parent)
            reason.setObjectName(f"reason-{routine.id}-{index}")
            text.addWidget(reason)
        row.addLayout(text, 1)
        buttons = FlowLayout(spacing=8)
        row.addLayout(buttons)
        name = exercise.name
        for key, caption, tip, action in (
            (
                "up",
                "↑",
                _("Move {exercise} up").format(exercise=name),
                lambda: self._move(routine.id, index, -1),
            ),
            (
                "down",
                "↓",
                _("Move {exercise} down").format(exercise=name),
                lambda: self._move(routine.id, index, +1),
            ),
            (
                "dose",
                _("Dose…"),
                _("Change the dose of {exercise}").format(exercise=name),
                lambda: self._on_dose(routine.id, index),
            ),
            (
                "remove",
                _("Remove"),
                _("Remove {exercise}").format(exercise=name),
                lambda: self._remove(routine.id, index),
            ),
        ):
            widget = button(caption, parent)
            widget.setObjectName(f"{key}-{routine.id}-{index}")
            widget.setAccessibleName(tip)
            widget.setToolTip(plain_tooltip(tip))
            if key == "up":
                widget.setEnabled(index > 0)
            if key == "down":
                widget.setEnabled(index < len(routine.items) - 1)
            widget.clicked.connect(action)
            buttons.addWidget(widget)
        return row

    def _move(self, routine_id: str, index: int, offset: int) -> None:
        self._apply(lambda p: move_exercise(p, self._number, routine_id, index, offset), True)

    def _remove(self, routine_id: str, index: int) -> None:
        self._apply(lambda p: remove_exercise(p, self._number, routine_id, index), True)
