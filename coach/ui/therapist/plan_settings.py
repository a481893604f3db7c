"""Settings for the whole plan: the surgeon's extra limits (movements in plain words) and the
therapist's note to the patient."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QGridLayout, QPlainTextEdit, QWidget

from coach.domain.catalogue import MOVEMENT_TAGS, TAG_LABELS, Catalogue
from coach.domain.i18n import _, ngettext
from coach.domain.plan import MAX_NOTE, Plan
from coach.domain.plan_edit import conflicts, set_extra_restrictions, set_note
from coach.ui.common.widgets import fill_with_card, label
from coach.ui.common.wrapping import WrapCheckBox

Apply = Callable[[Callable[[Plan], Plan], bool], bool]


class PlanSettings(QWidget):
    """Check boxes for extra limits and a box for the note; every change goes through
    ``apply`` like the rest of the editor."""

    def __init__(
        self,
        plan: Plan,
        catalogue: Catalogue,
        apply: Apply,
        confirm: Callable[[str, str], bool],
        *,
        fixed: frozenset[str] = frozenset(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._fixed = fixed  # recorded with the profile at the start; not changed here
        self._plan = plan
        self._catalogue = catalogue
        self._apply = apply
        self._confirm = confirm
        frame, layout = fill_with_card(self)
        layout.addWidget(label(_("The surgeon's extra limits"), "heading", frame))
        layout.addWidget(
            label(
                _(
                    "Tick the movements the surgeon has asked this patient to avoid, on top of "
                    "each phase's own limits. Exercises with these movements are then refused."
                ),
                "hint",
                frame,
            )
        )
        grid = QGridLayout()
        self.tags: dict[str, QCheckBox] = {}
        for index, tag in enumerate(MOVEMENT_TAGS):  # one column: long labels, big text
            words = _(TAG_LABELS[tag]).capitalize()
            if tag in fixed:
                # Translators: a movement limit the surgeon set when the profile was made.
                words = _("{limit} (set with the profile)").format(limit=words)
            box = WrapCheckBox(words, frame)
            box.setObjectName(f"limit-{tag}")
            box.setChecked(tag in plan.extra_restrictions or tag in fixed)
            box.setEnabled(tag not in fixed)
            box.toggled.connect(self._on_limit_toggled)
            grid.addWidget(box, index, 0)
            self.tags[tag] = box
        layout.addLayout(grid)
        layout.addWidget(label(_("A note to the patient"), "heading", frame))
        layout.addWidget(label(_("Shown on Today and printed on the handout."), "hint", frame))
        self.note = QPlainTextEdit(frame)
        self.note.setAccessibleName(_("A note to the patient"))
        self.note.setObjectName("plan-note")
        self.note.setPlainText(plan.note)
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(120)
        self.note.textChanged.connect(self._on_note_changed)
        layout.addWidget(self.note)
        self.note_count = label("", "hint", frame)
        layout.addWidget(self.note_count)
        self._count()

    def set_plan(self, plan: Plan) -> None:
        self._plan = plan

    def _chosen(self) -> frozenset[str]:
        return frozenset(
            tag for tag, box in self.tags.items() if box.isChecked() and tag not in self._fixed
        )

    def _on_limit_toggled(self) -> None:
        chosen = self._chosen()
        found = conflicts(self._plan, self._catalogue, chosen)
        remove = False
        if found:
            names = "\n".join(
                _("•  {exercise} (phase {number})").format(
                    exercise=self._catalogue[c.exercise_id].name, number=c.phase
                )
                for c in found
            )
            remove = self._confirm(
                _("Remove these exercises?"),
                _(
                    "These exercises in the plan involve a movement you are limiting:\n{names}"
                    "\n\nRemove them from the plan?"
                ).format(names=names),
            )
            if not remove:
                self._show_limits()
                return

        def change(plan: Plan) -> Plan:
            return set_extra_restrictions(plan, self._catalogue, chosen, remove_conflicts=remove)

        if not self._apply(change, bool(found)):
            self._show_limits()

    def _show_limits(self) -> None:
        for tag, box in self.tags.items():
            box.blockSignals(True)
            box.setChecked(tag in self._plan.extra_restrictions or tag in self._fixed)
            box.blockSignals(False)

    def _on_note_changed(self) -> None:
        self._count()
        text = self.note.toPlainText()
        if len(text) <= MAX_NOTE:
            self._apply(lambda plan: set_note(plan, text), False)

    def _count(self) -> None:
        used = len(self.note.toPlainText())
        over = used > MAX_NOTE
        if over:
            text = ngettext(
                "{used} of {count} character: too long, please shorten it.",
                "{used} of {count} characters: too long, please shorten it.",
                MAX_NOTE,
            )
        else:
            text = ngettext("{used} of {count} character", "{used} of {count} characters", MAX_NOTE)
        self.note_count.setText(text.format(used=used, count=MAX_NOTE))
