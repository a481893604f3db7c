"""Adding exercises (through safety, with a reason when it refuses) and changing a dose."""

from __future__ import annotations

from collections.abc import Callable

from coach.domain.allowed import phase_day
from coach.domain.i18n import _
from coach.domain.plan import Plan
from coach.domain.plan_edit import (
    PlanEditError,
    RestrictedExerciseError,
    add_exercise,
    set_dosage,
)
from coach.ui.common.dialogs import Dialogs
from coach.ui.therapist import dialogs as questions
from coach.ui.therapist.editor_port import EditorPort


class ItemActions:
    """The editor's exercise actions; every change goes through the editor's ``apply``."""

    def __init__(self, editor: EditorPort, dialogs: Dialogs) -> None:
        self._editor = editor
        self._dialogs = dialogs

    def add_to(self, routine_id: str) -> None:
        """Pick an exercise from the library for a routine of the shown phase."""
        editor = self._editor
        draft = editor.draft
        if draft is None:
            return
        profile = editor.profile
        surgery_date = profile.surgery_date if profile is not None else None
        when = phase_day(draft, editor.phase_number, surgery_date, editor.profile_limits)
        chosen = questions.choose_exercise(self._dialogs, editor.widget(), editor.catalogue, when)
        if chosen is not None:
            self.add(routine_id, chosen)

    def add(self, routine_id: str, exercise_id: str, *, ask_reason: bool = True) -> bool:
        """Add an exercise; when safety refuses it, ask for a reason (or say why not added)."""
        editor = self._editor
        draft = editor.draft
        if draft is None:
            return False
        number, catalogue, limits = editor.phase_number, editor.catalogue, editor.profile_limits
        surgery_date = editor.profile.surgery_date if editor.profile is not None else None

        def adding(reason: str) -> Callable[[Plan], Plan]:
            return lambda p: add_exercise(
                p,
                catalogue,
                number,
                routine_id,
                exercise_id,
                reason=reason,
                profile_limits=limits,
                surgery_date=surgery_date,
            )

        try:
            adding("")(draft)
        except RestrictedExerciseError as refused:
            parent = editor.widget()
            reason = (
                questions.ask_reason(self._dialogs, parent, refused.message) if ask_reason else None
            )
            if reason is None or not reason.strip():
                editor.show_message(_("Not added. {reason}").format(reason=refused.message))
                return False
            return editor.apply(adding(reason))
        except PlanEditError as exc:
            editor.show_message(str(exc))
            return False
        return editor.apply(adding(""))

    def edit_dose(self, routine_id: str, index: int) -> None:
        editor = self._editor
        draft = editor.draft
        if draft is None:
            return
        number = editor.phase_number
        item = draft.phase(number).routine(routine_id).items[index]
        exercise = editor.catalogue[item.exercise_id]
        dosage = questions.edit_dose(self._dialogs, editor.widget(), exercise, item.dosage)
        if dosage is not None:
            editor.apply(lambda p: set_dosage(p, number, routine_id, index, dosage))
