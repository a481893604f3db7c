"""After the session: how each exercise felt and a note, both optional."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.domain.catalogue import Catalogue
from coach.domain.i18n import _, pgettext
from coach.domain.pain import Advice, AdviceKind, easier_variants
from coach.domain.progress import ExerciseTally
from coach.domain.records import DONE, RATING_WORDS, SKIPPED
from coach.domain.session_result import RESULT_WORDS, saved_sentence
from coach.ui.common.widgets import button, card, label, scroll_area
from coach.ui.common.wrapping import WrapRadioButton

RATING_LABELS = RATING_WORDS
MAX_NOTE = 4000


class FeedbackPage(QWidget):
    """One row of three choices per exercise, and a note for the therapist or for later."""

    saved = Signal(dict, str)  # exercise id -> rating, note

    def __init__(self, exercises: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: dict[str, QButtonGroup] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 28, 40, 24)
        outer.setSpacing(12)
        outer.addWidget(label(_("How did it feel?"), "title", self))
        outer.addWidget(
            label(_("You can skip this. Your answers help your therapist."), "big", self)
        )
        scroll = scroll_area(self)
        body = QWidget(scroll)
        column = QVBoxLayout(body)
        column.setSpacing(10)
        for exercise_id, name in exercises.items():
            column.addWidget(self._rating_row(body, exercise_id, name))
        column.addWidget(label(_("A note (if you like)"), "heading", body))
        self.note = QPlainTextEdit(body)
        self.note.setPlaceholderText(_("For example: my knee was sore in the bridge."))
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(_("A note about this session"))
        self.note.setMinimumHeight(110)
        self.note.textChanged.connect(self._on_note_changed)
        column.addWidget(self.note)
        column.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        row = QHBoxLayout()
        self.skip_button = button(pgettext("button", "Skip"), self)
        self.save_button = button(_("Save"), self, primary=True)
        row.addStretch(1)
        row.addWidget(self.skip_button)
        row.addWidget(self.save_button)
        outer.addLayout(row)
        self.skip_button.clicked.connect(lambda: self.saved.emit({}, ""))
        self.save_button.clicked.connect(self._on_save_clicked)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._on_save_clicked)

    def _rating_row(self, parent: QWidget, exercise_id: str, name: str) -> QWidget:
        frame, layout = card(parent)
        layout.addWidget(label(name, "heading", frame))
        row = QHBoxLayout()
        group = QButtonGroup(frame)
        for rating, words in RATING_LABELS.items():
            text = _(words)
            choice = WrapRadioButton(text, frame)
            choice.setObjectName(f"{exercise_id}-{rating}")
            choice.setAccessibleName(_("{exercise}: {rating}").format(exercise=name, rating=text))
            group.addButton(choice)
            choice.setProperty("rating", rating)
            row.addWidget(choice)
        row.addStretch(1)
        layout.addLayout(row)
        self.groups[exercise_id] = group
        return frame

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter (not taken by the note, where it starts a new line) presses the focused
        button, or Save: the page's default, as on every other page."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton):
                focused.click()
            else:
                self._on_save_clicked()
            return
        super().keyPressEvent(event)

    def ratings(self) -> dict[str, str]:
        chosen = {}
        for exercise_id, group in self.groups.items():
            checked = group.checkedButton()
            if checked is not None:
                chosen[exercise_id] = str(checked.property("rating"))
        return chosen

    def take_focus(self) -> None:
        first = next(iter(self.groups.values()), None)
        buttons = first.buttons() if first is not None else []
        (buttons[0] if buttons else self.save_button).setFocus()

    def _on_note_changed(self) -> None:
        text = self.note.toPlainText()
        if len(text) > MAX_NOTE:
            self.note.setPlainText(text[:MAX_NOTE])

    def _on_save_clicked(self) -> None:
        self.saved.emit(self.ratings(), self.note.toPlainText().strip())


def response_lines(
    advice: Advice, status: str, tally: ExerciseTally, catalogue: Catalogue
) -> tuple[str, list[tuple[str, str]]]:
    """The response page's title and (text, role) lines: what was saved (unless all was
    done), the advice, and after a flare the easier variants by name, so "use the easier
    version" is something the patient can act on. No praise when nothing was done."""
    flare = advice.kind in (AdviceKind.FLARE, AdviceKind.FLARE_AGAIN)
    if status == SKIPPED and not flare:
        return _("No exercises this time"), [
            (saved_sentence(status, tally), "big"),
            (_("That is OK. You can try again later or tomorrow."), "big"),
        ]
    lines = [(line, "big") for line in advice.lines]
    if flare:
        for name, easier in easier_variants(tally.done, catalogue):
            easier_line = _("Easier version of {exercise}: {easier}").format(
                exercise=name, easier=easier
            )
            lines.append((easier_line, "heading"))
    title = advice.title
    if status != DONE:
        lines.insert(0, (saved_sentence(status, tally), "heading"))
        if not flare:
            title = _(RESULT_WORDS[status])
    return title, lines
