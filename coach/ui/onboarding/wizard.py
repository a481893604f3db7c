"""First run: a short wizard that creates the patient's profile and plan.

Shown at start when there is no profile (``run_onboarding``), and reusable to add a profile
later (``OnboardingDialog`` or the ``OnboardingWizard`` widget). Nothing is written until the
last page: the profile and its plan from the protocol are created in one transaction, so
leaving half-way leaves no trace. Enter goes on, Esc asks before leaving.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coach.domain.emergency import emergency_number_for
from coach.domain.i18n import _, pgettext
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile, ProfileError
from coach.store import StoreError
from coach.system.languages import shown_language
from coach.ui.common.blocks import notice
from coach.ui.common.widgets import button, label, scroll_area
from coach.ui.context import AppContext
from coach.ui.onboarding.choices import (
    ApproachPage,
    EmergencyPage,
    RulesPage,
    SurgeryPage,
    summary_rows,
)
from coach.ui.onboarding.pages import DatePage, NamePage, Page, SummaryPage, WelcomePage

log = logging.getLogger(__name__)


def default_emergency_number(locale: QLocale) -> str:
    return emergency_number_for(QLocale.territoryToCode(locale.territory()))


class OnboardingWizard(QWidget):
    """The pages in a stack with big Back and Next buttons. ``profile_created`` carries the
    saved Profile (it is also made the active one); ``cancelled`` means nothing was saved."""

    profile_created = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        locale: QLocale | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._dialogs = ctx.dialogs
        self._today = ctx.clock.now().date()
        taken = [p.nickname for p in ctx.repo.profiles()]
        self.welcome = WelcomePage(self)
        self.name = NamePage(taken, self)
        self.surgery = SurgeryPage(self)
        self.date = DatePage(self._today, self)
        self.approach = ApproachPage(self)
        self.rules = RulesPage(self)
        self.emergency = EmergencyPage(default_emergency_number(locale or QLocale.system()), self)
        self.summary = SummaryPage(self)
        self.pages: list[Page] = [
            self.welcome,
            self.name,
            self.surgery,
            self.date,
            self.approach,
            self.rules,
            self.emergency,
            self.summary,
        ]

        column = QVBoxLayout(self)
        column.setContentsMargins(40, 28, 40, 24)
        column.setSpacing(10)
        self.step = label("", "hint", self)
        self.title = label("", "title", self)
        column.addWidget(self.step)
        column.addWidget(self.title)
        self.stack = QStackedWidget(self)
        for page in self.pages:
            scroll = scroll_area(self.stack)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # wrap
            page.setParent(scroll)
            scroll.setWidget(page)
            self.stack.addWidget(scroll)
        column.addWidget(self.stack, 1)
        self.error_box, error_layout = notice(self, _("Please check"))
        self.error = label("", None, self.error_box)
        self.error.setObjectName("onboarding-error")
        error_layout.addWidget(self.error)
        self.error_box.hide()
        column.addWidget(self.error_box)

        row = QHBoxLayout()
        self.back_button = button(pgettext("button", "Back"), self)
        self.back_button.setMinimumSize(140, 56)
        self.back_button.setAccessibleName(_("Back to the previous step"))
        self.next_button = button(pgettext("button", "Next"), self, primary=True)
        self.next_button.setMinimumSize(200, 56)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.next_button)
        column.addLayout(row)
        self._show(0)

    # -- navigation ----------------------------------------------------------------------------
    def current_index(self) -> int:
        return self.stack.currentIndex()

    def current_page(self) -> Page:
        return self.pages[self.current_index()]

    def next(self) -> None:
        problem = self.current_page().problem()
        if problem:
            self._show_problem(problem)
            return
        if self.current_index() == len(self.pages) - 1:
            self._create()
        else:
            self._show(self.current_index() + 1)

    def back(self) -> None:
        if self.current_index() > 0:
            self._show(self.current_index() - 1)

    def request_cancel(self) -> None:
        """Esc or closing the window: ask first, then leave without saving anything."""
        if self._dialogs.confirm_leave(
            self,
            _("Stop setting up?"),
            _("Do you want to stop setting up Rehab Coach?\nNothing has been saved yet."),
            _("Stop"),
        ):
            self.cancelled.emit()

    def _show(self, index: int) -> None:
        page = self.pages[index]
        if page is self.summary:
            self.summary.show_answers(self._answers())
        page.entered()
        self.stack.setCurrentIndex(index)
        self.step.setText(
            _("Step {number} of {count}").format(number=index + 1, count=len(self.pages))
        )
        self.title.setText(_(page.title))
        self.error_box.hide()
        self.back_button.setVisible(index > 0)
        last = index == len(self.pages) - 1
        self.next_button.setText(
            _("Create my plan")
            if last
            else (_("Let's start") if index == 0 else pgettext("button", "Next"))
        )
        focus = page.focus_widget() or self.next_button
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error_box.show()
        focus = self.current_page().focus_widget()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _answers(self) -> list[tuple[str, str]]:
        return summary_rows(
            nickname=self.name.nickname(),
            surgery=self.surgery.surgery(),
            surgery_day=self.date.surgery_date(),
            when=self.date.describe(),
            approach=self.approach.approach(),
            rules=self.rules.rules(),
            number=self.emergency.number(),
        )

    # -- saving --------------------------------------------------------------------------------
    def _create(self) -> None:
        surgery = self.surgery.surgery()
        if surgery is None:
            self._show(self.pages.index(self.surgery))
            self._show_problem(self.surgery.problem() or "")
            return
        try:
            profile = Profile(
                nickname=self.name.nickname(),
                surgery=surgery,
                surgery_date=self.date.surgery_date(),
                approach=self.approach.approach(),
                extra_restrictions=self.rules.rules(),
                emergency_number=self.emergency.number(),
                language=shown_language(),  # the language the patient has been reading
            )
            # the surgeon's rules stay with the profile: Today leaves out what they block
            plan = plan_from_protocol(self._ctx.content.protocols[surgery])
            saved = self._ctx.repo.add_profile(profile, self._ctx.clock.now(), plan=plan)
        except ProfileError as exc:
            self._show_problem(str(exc))
            return
        except StoreError as exc:  # anything else reaches the app's error handler
            log.error("could not save the new profile: %s", exc)
            self._show_problem(
                _(
                    "Your profile could not be saved. Please try again; if it keeps happening, "
                    "restart Rehab Coach."
                )
            )
            return
        log.info("profile %s created by onboarding", saved.id)
        self._ctx.active.set(saved)
        self.profile_created.emit(saved)

    # -- keys ----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.next()
        elif event.key() == Qt.Key.Key_Escape:
            self.request_cancel()
        else:
            super().keyPressEvent(event)


class OnboardingDialog(QDialog):
    """The wizard in its own window: accepted when a profile was created."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        locale: QLocale | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Welcome to Rehab Coach"))
        self.wizard = OnboardingWizard(ctx, self, locale)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.wizard)
        self.wizard.profile_created.connect(self.accept)
        self.wizard.cancelled.connect(self._on_cancelled)
        self.resize(980, 720)

    def reject(self) -> None:
        """Esc and the window's close button ask first (the wizard asks)."""
        self.wizard.request_cancel()

    def _on_cancelled(self) -> None:
        self.done(QDialog.DialogCode.Rejected)


def run_onboarding(ctx: AppContext) -> bool:
    """Show the wizard until a profile exists (True) or the patient leaves (False)."""
    dialog = OnboardingDialog(ctx)
    try:
        return ctx.dialogs.ask(dialog)
    finally:
        dialog.deleteLater()
