"""Before an imported plan replaces the current one: what will change, in plain lines."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QScrollArea, QVBoxLayout, QWidget

from coach.domain.i18n import _
from coach.domain.plan_diff import Change
from coach.ui.common.widgets import card, dialog_buttons, label


@dataclass(frozen=True)
class ImportPreview:
    """What the summary shows: whose plan, from whom, and what changes."""

    nickname: str
    therapist: str
    created: str
    changes: list[Change]
    current_version: int | None


class ImportSummary(QDialog):
    """Every change grouped by phase; the patient's history is never touched."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        nickname, therapist, created = preview.nickname, preview.therapist, preview.created
        changes, current_version = preview.changes, preview.current_version
        self.setWindowTitle(_("Replace the plan?"))
        self.resize(820, 640)
        column = QVBoxLayout(self)
        column.setSpacing(12)
        column.addWidget(label(_("A new plan for {name}").format(name=nickname), "title", self))
        who = (
            _("From {therapist}, made {when}.").format(therapist=therapist, when=created)
            if therapist
            else _("Made {when}.").format(when=created)
        )
        column.addWidget(label(who, None, self))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        lines = QVBoxLayout(body)
        lines.setSpacing(8)
        self.change_labels = []
        section = None
        frame_layout = None
        for change in changes:
            if change.section != section or frame_layout is None:
                section = change.section
                frame, frame_layout = card(body)
                frame_layout.addWidget(label(section, "heading", frame))
                lines.addWidget(frame)
            line = label(f"•  {change.text}", None, body)
            line.setObjectName("import-change")
            frame_layout.addWidget(line)
            self.change_labels.append(line)
        lines.addStretch(1)
        scroll.setWidget(body)
        column.addWidget(scroll, 1)
        kept = (
            _(
                "The current plan stays saved as version {version}. All sessions, pain scores "
                "and history are kept."
            ).format(version=current_version)
            if current_version
            else _("All sessions, pain scores and history are kept.")
        )
        column.addWidget(label(kept, None, self))
        row, self.cancel_button, self.replace_button = dialog_buttons(
            self, _("Replace the plan"), default=False
        )
        column.addLayout(row)
        self.replace_button.clicked.connect(self.accept)
        self.cancel_button.setFocus()
