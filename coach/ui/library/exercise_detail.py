"""One exercise explained: the moving figure, numbered steps, cues, when to stop, the usual
amount, links to an easier and a harder variant, and why it is not allowed now (if it is not)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from coach.domain.catalogue import Catalogue, Exercise
from coach.domain.figure import Figure
from coach.domain.i18n import N_, _
from coach.ui.common.blocks import clear, notice
from coach.ui.common.figure_view import FigureView
from coach.ui.common.widgets import button, label
from coach.ui.library.exercise_list_model import NOT_NOW_TEXT, subtitle

# The easier and harder links, shown and spoken, and whether the exercise is not allowed now.
_LINK_WORDS = {
    ("easier", False): (N_("Easier: {name}"), N_("Easier exercise: {name}. Show it.")),
    ("easier", True): (
        N_("Easier: {name} (not allowed now)"),
        N_("Easier exercise: {name} (not allowed now). Show it."),
    ),
    ("harder", False): (N_("Harder: {name}"), N_("Harder exercise: {name}. Show it.")),
    ("harder", True): (
        N_("Harder: {name} (not allowed now)"),
        N_("Harder exercise: {name} (not allowed now). Show it."),
    ),
}

ANIMATION_PERIOD_S = 4.0


class ExerciseDetail(QWidget):
    """Shows one exercise; ``exercise_chosen`` asks to show another (easier/harder links)."""

    exercise_chosen = Signal(str)

    def __init__(
        self,
        catalogue: Catalogue,
        figures: Callable[[str], Figure | None],
        parent: QWidget | None = None,
        why_not: Callable[[Exercise], str | None] | None = None,
        stop_if: Callable[[Exercise], str] | None = None,
    ) -> None:
        """``why_not``: the rules' words for an exercise that is not allowed now (the easier
        and harder links say so before they are followed)."""
        super().__init__(parent)
        self._catalogue = catalogue
        self._why_not = why_not
        self._stop_if = stop_if  # the stop-if with its warning signs' actions
        self._figures = figures
        self._exercise: Exercise | None = None
        self._links: dict[str, str] = {}
        self._paused = False
        self._active = False

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self.name = label("", "title", self)
        self.subtitle = label("", "hint", self)
        column.addWidget(self.name)
        column.addWidget(self.subtitle)
        self.not_now, not_now_layout = notice(self, _(NOT_NOW_TEXT))
        self.not_now_text = label("", None, self.not_now)
        not_now_layout.addWidget(self.not_now_text)
        column.addWidget(self.not_now)
        self._build_figure(column)
        self.summary = label("", None, self)
        column.addWidget(self.summary)
        self._build_how(column)
        self._build_links(column)
        column.addStretch(1)

    def _build_figure(self, column: QVBoxLayout) -> None:
        self.figure = FigureView(self)
        self.figure.setMinimumSize(320, 220)
        column.addWidget(self.figure)
        self.motion_button = button(_("Pause the drawing"), self)
        self.motion_button.clicked.connect(self._on_motion_clicked)
        motion_row = QHBoxLayout()
        motion_row.addWidget(self.motion_button)
        motion_row.addStretch(1)
        column.addLayout(motion_row)

    def _build_how(self, column: QVBoxLayout) -> None:
        """Steps, cues, when to stop and the usual amount."""
        column.addWidget(label(_("How to do it"), "heading", self))
        self.steps = QGridLayout()
        self.steps.setColumnStretch(1, 1)
        self.steps.setHorizontalSpacing(10)
        column.addLayout(self.steps)
        column.addWidget(label(_("While you do it"), "heading", self))
        self.cues = QVBoxLayout()
        column.addLayout(self.cues)
        stop_box, stop_layout = notice(self, _("Stop if"))
        self.stop_if = label("", None, stop_box)
        stop_layout.addWidget(self.stop_if)
        column.addWidget(stop_box)
        self.floor_box, floor_layout = notice(self, _("Getting down to the floor and up again"))
        self.floor_advice = label("", None, self.floor_box)
        floor_layout.addWidget(self.floor_advice)
        column.addWidget(self.floor_box)
        column.addWidget(label(_("Usual amount"), "heading", self))
        self.dose = label("", "big", self)
        column.addWidget(self.dose)
        self.dose_note = label(
            _("Your plan may ask for a different amount: follow your plan."), "hint", self
        )
        column.addWidget(self.dose_note)

    def _build_links(self, column: QVBoxLayout) -> None:
        """One under the other, so long names fit with big text."""
        self.easier_button = button("", self, wrap=True)  # long names wrap
        self.harder_button = button("", self, wrap=True)
        for link in (self.easier_button, self.harder_button):
            link.clicked.connect(lambda _=False, b=link: self._on_link_clicked(b))
            row = QHBoxLayout()
            row.addWidget(link)
            row.addStretch(1)
            column.addLayout(row)

    # -- showing -------------------------------------------------------------------------------
    def exercise(self) -> Exercise | None:
        return self._exercise

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """Where the easier and harder links are looked up."""
        self._catalogue = catalogue

    def show_exercise(self, exercise: Exercise, why_not: str | None = None) -> None:
        self._exercise = exercise
        self.name.setText(exercise.name)
        self.subtitle.setText(subtitle(exercise))
        self.not_now.setVisible(why_not is not None)
        self.not_now_text.setText(why_not or "")
        figure = self._figures(exercise.id)
        self.figure.set_figure(figure, exercise.name)
        self.figure.setVisible(figure is not None)
        self.motion_button.setVisible(figure is not None)
        self.summary.setText(exercise.summary)
        clear(self.steps)
        for row, step in enumerate(exercise.steps):
            # Translators: a step's number in a list: "1."
            number = label(_("{number}.").format(number=row + 1), None, self, wrap=False)
            self.steps.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop)
            self.steps.addWidget(label(step, None, self), row, 1)
        clear(self.cues)
        for cue in exercise.cues:
            self.cues.addWidget(label(f"•  {cue}", None, self))
        self.stop_if.setText(self._stop_if(exercise) if self._stop_if else exercise.stop_if)
        self.floor_box.setVisible(exercise.floor_advice is not None)
        self.floor_advice.setText(exercise.floor_advice or "")
        self.dose.setText(exercise.dosage.describe(exercise.per_side).capitalize())
        self._set_link(self.easier_button, "easier", exercise.easier)
        self._set_link(self.harder_button, "harder", exercise.harder)
        self._update_animation()

    def _set_link(self, link: QPushButton, kind: str, target: str | None) -> None:
        """``kind``: 'easier' or 'harder'."""
        known = target is not None and target in self._catalogue
        link.setVisible(known)
        if target is not None and known:
            name = self._catalogue[target].name
            target_exercise = self._catalogue[target]
            not_now = self._why_not is not None and self._why_not(target_exercise) is not None
            text, spoken = _LINK_WORDS[kind, not_now]
            link.setText(_(text).format(name=name))
            link.setAccessibleName(_(spoken).format(name=name))
            self._links[kind] = target

    def _on_link_clicked(self, link: QPushButton) -> None:
        word = "easier" if link is self.easier_button else "harder"
        target = self._links.get(word)
        if target is not None:
            self.exercise_chosen.emit(target)

    # -- animation: runs only while shown, and the patient can pause it ------------------------
    def set_active(self, active: bool) -> None:
        """The screen is (in)visible: animate only while it can be seen."""
        self._active = active
        self._update_animation()

    def _on_motion_clicked(self) -> None:
        self._paused = not self._paused
        self.motion_button.setText(
            _("Move the drawing") if self._paused else _("Pause the drawing")
        )
        self._update_animation()

    def _update_animation(self) -> None:
        moving = self._active and not self._paused and self.figure.figure() is not None
        if moving and not self.figure.is_animating():
            self.figure.start_animation(ANIMATION_PERIOD_S)
        elif not moving:
            self.figure.stop_animation()
            figure = self.figure.figure()
            telling = figure.thumbnail_phase if figure is not None else 1.0
            self.figure.set_phase(telling if self._paused else 0.0)
