"""The Warning signs page (REFERENCE section 3), open at any time from the rail.

The three tiers as plain statements ("Call emergency services now if you have any of these:"),
each with its own signs and action, and a button to run the check. A check run here is recorded
like the one before a session, so a stop it finds holds on Today for the rest of the day.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from coach.domain.emergency import FALLBACK
from coach.domain.i18n import N_, _, pgettext
from coach.domain.warning_signs import DaySafety, tier_statements
from coach.ui.common.blocks import clear
from coach.ui.common.message_page import MessagePage
from coach.ui.common.widgets import button, card, label, scroll_page
from coach.ui.context import AppContext
from coach.ui.safety.red_flag_page import RedFlagPage
from coach.ui.safety.today_checks import safety_today

INTRO = N_(
    "Some signs after back surgery need a call, some of them straight away. Read this list now "
    "and then, and check yourself whenever something feels new or wrong."
)
_STYLE = """
QFrame#tier-emergency { border-left: 10px solid #b3261e; }
QFrame#tier-surgeon-today { border-left: 10px solid #c98a00; }
QFrame#tier-call-24h { border-left: 10px solid #0b6e99; }
"""


def status_text(day: DaySafety, checked_words: str) -> str:
    """One line about today: not checked yet, clear, or what a warning sign allows."""
    if day.tier is not None:
        tier = day.tier.title.lower()
        if day.stopped:
            # Translators: {tier} is a warning-sign tier's title, in small letters.
            return _("No exercise today: {tier}.").format(tier=tier)
        return _("Only gentle walking and breathing today: {tier}.").format(tier=tier)
    return checked_words if day.checked else _("You have not done today's check yet.")


class WarningSignsScreen(QWidget):
    """The statements, the check, and what the check found, one at a time."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setStyleSheet(_STYLE)
        self._stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)
        scroll, body, column = scroll_page(self._stack, spacing=14)
        column.addWidget(label(_("Warning signs"), "title", body))
        column.addWidget(label(_(INTRO), None, body))
        self.status = label("", "heading", body)
        self.status.setObjectName("warning-status")
        column.addWidget(self.status)
        self.check_button = button(_("Check my warning signs now"), body, primary=True)
        self.check_button.setMinimumHeight(64)
        self.check_button.clicked.connect(self._on_check_clicked)
        column.addWidget(self.check_button)
        self._tiers = QVBoxLayout()
        self._tiers.setSpacing(14)
        column.addLayout(self._tiers)
        column.addWidget(
            label(
                _(
                    "Rehab Coach informs and coaches; it never diagnoses. Your surgeon's advice "
                    "comes first."
                ),
                "hint",
                body,
            )
        )
        column.addStretch(1)
        scroll.setWidget(body)
        self.statements = scroll
        self.check = RedFlagPage(
            ctx.content.red_flags,
            self._stack,
            title=_("Check my warning signs"),
            cancel_text=_("Back to the list"),
        )
        self.check.answered.connect(self._on_answered)
        self.check.cancelled.connect(self.show_statements)
        self.result = MessagePage(self._stack)
        for page in (self.statements, self.check, self.result):
            self._stack.addWidget(page)
        ctx.active.changed.connect(self.refresh)
        ctx.active.data_changed.connect(self.refresh)
        self.refresh()

    def _number(self) -> str:
        profile = self._ctx.active.profile
        return profile.emergency_number if profile is not None else FALLBACK

    @Slot()
    def refresh(self) -> None:
        """The statements with this profile's emergency number, and today's status."""
        clear(self._tiers)
        for statement in tier_statements(self._ctx.content.red_flags, self._number()):
            frame, box = card(self)
            frame.setObjectName(f"tier-{statement.tier}")
            box.addWidget(label(statement.statement, "heading", frame))
            for sign in statement.signs:
                box.addWidget(label(f"•  {sign}", None, frame))
            role = "big" if statement.tier == "emergency" else "heading"
            action = label(statement.action, role, frame)
            action.setObjectName(f"action-{statement.tier}")
            box.addWidget(action)
            self._tiers.addWidget(frame)
        profile = self._ctx.active.profile
        self.check_button.setVisible(profile is not None)
        if profile is None or profile.id is None:
            self.status.setText(_("Set up your profile to record a check."))
            return
        day = safety_today(self._ctx, profile.id)
        self.status.setText(status_text(day, _("Today's check is done: no warning signs.")))

    def current_page(self) -> QWidget | None:
        return self._stack.currentWidget()

    def show_statements(self) -> None:
        self._stack.setCurrentWidget(self.statements)

    def run_check(self, reason: str = "") -> None:
        """Open the check from elsewhere (the journal: new or worse numbness or weakness),
        first saying why in one sentence."""
        if not reason or self._ctx.active.profile is None:
            self._on_check_clicked()
            return
        start = [(_("Start the check"), True, self._on_check_clicked)]
        self.result.show_message(_("Please check your warning signs"), [(reason, "big")], start)
        self._stack.setCurrentWidget(self.result)
        self.result.take_focus()

    def _on_check_clicked(self) -> None:
        self.check.restart()  # always the whole check here: the patient asked for it
        self._stack.setCurrentWidget(self.check)
        self.check.take_focus()

    def _on_answered(self, answers: dict[str, bool]) -> None:
        profile = self._ctx.active.profile
        if profile is None or profile.id is None:
            self.show_statements()
            return
        screen = self._ctx.content.red_flags
        tier = screen.outcome(answers)
        self._ctx.stores.sessions.record_red_flag_check(
            profile.id, answers, tier.id if tier else None, self._ctx.clock.now()
        )
        day = safety_today(self._ctx, profile.id)
        number = profile.emergency_number
        done = [(pgettext("button", "Done"), True, self.show_statements)]
        if tier is None:
            lines = [(_("Thank you. Your answers are saved."), "big")]
            if day.tier is not None:  # an earlier check today still holds
                lines.append((status_text(day, ""), "heading"))
            self.result.show_message(_("No warning signs now"), lines, done)
        else:
            lines = [(tier.message, "big"), (tier.action_text(number), "big")]
            if day.stopped:
                lines.append((_("No exercise for the rest of today."), "heading"))
            self.result.show_message(
                tier.title, lines, done, huge=number if tier.id == "emergency" else ""
            )
        self._stack.setCurrentWidget(self.result)
        self.result.take_focus()
