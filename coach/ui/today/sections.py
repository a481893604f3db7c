"""Today's side cards: what this phase aims for and what to take care with, the therapist's
note, and what comes next. Each is refilled in place when the day or the plan changes."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coach.domain.i18n import _
from coach.domain.today import TodayPlan
from coach.ui.common.blocks import clear
from coach.ui.common.widgets import fill_with_card, label


class PhaseCard(QWidget):
    """The phase's goals and precautions in plain words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame, column = fill_with_card(self)
        self.title = label("", "heading", frame)
        column.addWidget(self.title)
        column.addWidget(bold_label(_("What you are working on"), frame))
        self.goals = QVBoxLayout()
        column.addLayout(self.goals)
        column.addWidget(bold_label(_("Take care"), frame))
        self.precautions = QVBoxLayout()
        column.addLayout(self.precautions)

    def show_plan(self, today: TodayPlan) -> None:
        self.title.setText(_("About {phase}").format(phase=today.phase.title))
        _bullets(self.goals, today.phase.goals, self)
        _bullets(self.precautions, today.phase.precautions, self)


class _TextCard(QWidget):
    """A card with a heading and one paragraph of text."""

    def __init__(self, heading: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame, column = fill_with_card(self)
        column.addWidget(label(heading, "heading", frame))
        self.text = label("", None, frame)
        self.text.setObjectName(object_name)
        column.addWidget(self.text)


class NoteCard(_TextCard):
    """The therapist's note to the patient (hidden when there is none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("A note from your therapist"), "therapist-note", parent)

    def show_plan(self, today: TodayPlan) -> None:
        self.text.setText(today.note.strip())
        self.setVisible(bool(today.note.strip()))


class NextCard(_TextCard):
    """When the next phase starts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("What comes next"), "next-phase", parent)

    def show_plan(self, today: TodayPlan) -> None:
        self.text.setText(today.next_text)


def bold_label(text: str, parent: QWidget) -> QLabel:
    """Body-size text in bold, for a heading inside a card (it scales with the app font)."""
    widget = label(text, None, parent)
    font = widget.font()
    font.setBold(True)
    widget.setFont(font)
    return widget


def _bullets(layout: QVBoxLayout, lines: tuple[str, ...], parent: QWidget) -> None:
    clear(layout)
    for line in lines:
        layout.addWidget(label(f"•  {line}", None, parent))
