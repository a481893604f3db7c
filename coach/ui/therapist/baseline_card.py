"""The pain baseline the therapist may enter (REFERENCE section 4): Progress measures change in
pain from it. Without one, the mean of the patient's first three before-session scores is used.

It belongs to the patient, not to a plan version, so it is saved at once with its own button.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QSpinBox, QWidget

from coach.domain import formats
from coach.domain.i18n import N_, _
from coach.domain.outcomes import OutcomeError
from coach.domain.progress import REGIONS, pain_baseline
from coach.reports.chart_spec import number
from coach.ui.common.flow_layout import FlowLayout
from coach.ui.common.screen_stack import guarded_refresh
from coach.ui.common.widgets import button, fill_with_card, label
from coach.ui.context import AppContext

REGION_LABELS = {"back": N_("Back pain"), "leg": N_("Leg pain")}
SPOKEN = {
    "back": N_("Back pain at the start, 0 to 10"),
    "leg": N_("Leg pain at the start, 0 to 10"),
}
NOT_SET = -1  # shown as "Not set": another patient's scores never stay in the boxes


class PainBaselineCard(QWidget):
    """Two 0-10 scores, what Progress uses now, and Save / Use the first sessions."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._store = ctx.stores.outcomes
        frame, layout = fill_with_card(self)
        layout.addWidget(label(_("Pain at the start (baseline)"), "heading", frame))
        layout.addWidget(
            label(
                _(
                    "Progress compares the patient's pain before sessions with this. If you "
                    "leave it, the mean of their first three sessions is used. 0 is no pain, 10 "
                    "the worst pain imaginable."
                ),
                "hint",
                frame,
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        self.scores: dict[str, QSpinBox] = {}
        for row, region in enumerate(REGIONS):
            spin = QSpinBox(frame)
            spin.setRange(NOT_SET, 10)
            spin.setSpecialValueText(_("Not set"))
            spin.setMinimumWidth(110)
            spin.setAccessibleName(_(SPOKEN[region]))
            spin.setObjectName(f"baseline-{region}")
            spin.valueChanged.connect(self._enable_save)
            grid.addWidget(label(_(REGION_LABELS[region]), None, frame), row, 0)
            grid.addWidget(spin, row, 1)
            self.scores[region] = spin
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        self.used = label("", None, frame)
        self.used.setObjectName("baseline-used")
        layout.addWidget(self.used)
        row_buttons = FlowLayout(spacing=10)  # wraps at big text
        self.save_button = button(_("Use these scores"), frame, primary=True)
        self.save_button.setObjectName("baseline-save")
        self.clear_button = button(_("Use the first three sessions"), frame)
        self.clear_button.setObjectName("baseline-clear")
        row_buttons.addWidget(self.save_button)
        row_buttons.addWidget(self.clear_button)
        layout.addLayout(row_buttons)
        self.message = label("", "hint", frame)
        self.message.setObjectName("baseline-message")
        layout.addWidget(self.message)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.clear_button.clicked.connect(self._on_clear_clicked)
        ctx.active.changed.connect(self.refresh)
        ctx.active.data_changed.connect(self.refresh)
        self.refresh()

    @guarded_refresh
    def refresh(self) -> None:
        """Show the active patient's baseline: entered scores, or the sessions' mean."""
        profile = self._ctx.active.profile
        self.setEnabled(profile is not None and profile.id is not None)
        if profile is None or profile.id is None:
            self.used.setText("")
            return
        entered = self._store.pain_baseline(profile.id)
        for region, spin in self.scores.items():
            spin.setValue(NOT_SET if entered is None else round(entered[region]))
        if entered is not None:
            self.used.setText(
                _("Used now: your scores, back {back} and leg {leg}.").format(
                    back=formats.decimal(entered["back"]), leg=formats.decimal(entered["leg"])
                )
            )
        else:
            self.used.setText(self._from_sessions(profile.id))
        self.clear_button.setEnabled(entered is not None)
        self.message.setText("")
        self._enable_save()

    def _enable_save(self) -> None:
        self.save_button.setEnabled(all(spin.value() != NOT_SET for spin in self.scores.values()))

    def _from_sessions(self, profile_id: int) -> str:
        sessions = self._ctx.stores.progress.session_facts(profile_id)
        back, leg = (pain_baseline(sessions, region) for region in ("back", "leg"))
        if back is None or leg is None:
            return _("Used now: nothing yet. The first three sessions will set it.")
        return _("Used now: the first three sessions, back {back} and leg {leg}.").format(
            back=number(back.value), leg=number(leg.value)
        )

    def _on_save_clicked(self) -> None:
        profile = self._ctx.active.profile
        if profile is None or profile.id is None:
            return
        back, leg = (self.scores[r].value() for r in REGIONS)
        try:  # the store announces the change, which refreshes this card too
            self._store.set_pain_baseline(profile.id, back, leg, self._ctx.clock.now())
        except OutcomeError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(_("Saved. Progress now measures change from these scores."))

    def _on_clear_clicked(self) -> None:
        profile = self._ctx.active.profile
        if profile is None or profile.id is None:
            return
        self._store.clear_pain_baseline(profile.id)
        self.message.setText(_("Progress now uses the first three sessions again."))
