"""The plan editor: a draft of the active profile's current plan, changed only through
``coach.domain.plan_edit`` (and so through safety), saved as a new plan version.

Why one module over 300 lines: the editor's draft, its save and undo and its rebuild share
one state; its actions live in ``file_actions`` and ``item_actions`` (through ``EditorPort``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from coach.domain import formats
from coach.domain.catalogue import Catalogue
from coach.domain.i18n import _
from coach.domain.plan import Plan
from coach.domain.plan_edit import (
    PlanEditError,
    check_plan,
)
from coach.domain.profile import Profile
from coach.domain.profile_plan import ProfilePlan
from coach.domain.schedule import phase_on
from coach.store.plans import resolve_plan
from coach.store.therapist import TherapistStore
from coach.ui.common.flow_layout import FlowLayout
from coach.ui.common.screen_stack import guarded_refresh
from coach.ui.common.widgets import button, label, scroll_area
from coach.ui.context import AppContext
from coach.ui.therapist.file_actions import FileActions
from coach.ui.therapist.item_actions import ItemActions
from coach.ui.therapist.phase_panel import PhasePanel
from coach.ui.therapist.plan_settings import PlanSettings


def _day_text(stamp: str) -> str:
    """'24 November 2026' from a stored UTC time, in local time and the chosen language."""
    return formats.day_month_year(datetime.fromisoformat(stamp).astimezone().date())


class PlanEditor(QWidget):
    """Edits a draft; nothing reaches the store until Save (which adds a plan version)."""

    plan_saved = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        store: TherapistStore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._store = store
        self._dialogs = dialogs = ctx.dialogs
        self._profile: Profile | None = None
        self._stored: ProfilePlan | None = None  # the saved version the draft started from
        self._draft: Plan | None = None
        self._catalogue: Catalogue = ctx.content.catalogue
        self._number = 1
        self.files = FileActions(ctx, store, self, dialogs)
        self.items = ItemActions(self, dialogs)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        self.title = label("", "title", self)
        self.version = label("", "hint", self)
        self.title_row = QHBoxLayout()  # the screen adds its Lock button here
        self.title_row.addWidget(self.title, 1)
        column.addLayout(self.title_row)
        column.addWidget(self.version)
        files = FlowLayout(spacing=10)  # rows of buttons wrap at big text, never cut off
        self.export_button, self.import_button, self.print_button = self.files.buttons(files)
        column.addLayout(files)
        phase_row = FlowLayout(spacing=10)  # the choice under its label when words are long
        phase_row.addWidget(label(_("Phase shown:"), None, self, wrap=False))
        self.phase_choice = QComboBox(self)
        self.phase_choice.setObjectName("phase-choice")
        self.phase_choice.setAccessibleName(_("Phase shown"))
        self.phase_choice.activated.connect(self._on_phase_chosen)
        phase_row.addWidget(self.phase_choice)
        column.addLayout(phase_row)
        self.message = label("", None, self)
        self.message.setObjectName("editor-message")
        self.message.setFrameShape(QFrame.Shape.StyledPanel)
        self.message.setMargin(10)
        self.message.setStyleSheet(  # a self-contained box: readable in light and dark themes
            "QLabel#editor-message { background: #fff1c9; color: #1a1a1a;"
            " border: 2px solid #b07800; border-radius: 6px; font-weight: 600; }"
        )
        self.message.hide()  # shown at the top of the plan, and scrolls with it (_rebuild)
        self._scroll = scroll_area(self)
        column.addWidget(self._scroll, 1)
        self.panel: PhasePanel | None = None
        self.settings: PlanSettings | None = None
        self._footer: QWidget | None = None

        column.addLayout(self._action_bar())
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        ctx.active.changed.connect(self.reload)
        ctx.active.data_changed.connect(self._on_data_changed)
        self.reload()

    def _action_bar(self) -> FlowLayout:
        bar = FlowLayout(spacing=10)
        self.save_button = button(_("Save as a new version"), self, primary=True)
        self.undo_button = button(_("Undo my changes"), self)
        bar.addWidget(self.save_button)
        bar.addWidget(self.undo_button)
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self._on_undo_clicked)
        return bar

    # -- state ---------------------------------------------------------------------------------
    @property
    def draft(self) -> Plan | None:
        return self._draft

    @property
    def profile(self) -> Profile | None:
        return self._profile

    @property
    def stored(self) -> ProfilePlan | None:
        return self._stored

    @property
    def catalogue(self) -> Catalogue:
        return self._catalogue

    @property
    def phase_number(self) -> int:
        return self._number

    def is_dirty(self) -> bool:
        """Changes to save: a changed draft, or a plan that is not stored yet (the standard
        plan shown because the saved one is missing or could not be read)."""
        if self._draft is None:
            return False
        return self._stored is None or self._draft != self._stored.plan

    @guarded_refresh
    def reload(self) -> None:
        """Start again from the active profile's current saved plan."""
        self._profile = self._ctx.active.profile
        self._stored = None
        self._draft = None
        problem = ""
        if self._profile is not None and self._profile.id is not None:
            current = resolve_plan(self._ctx.db, self._ctx.content, self._profile)
            self._catalogue = current.catalogue
            self._stored = current if current.is_stored else None
            self._draft = current.plan
            problem = current.problem
            today = self._ctx.clock.now().date()
            self._number = phase_on(self._draft, self._profile.surgery_date, today).number
        self.show_message(
            _(
                "The saved plan could not be read, so the standard plan is shown. Save it or "
                "import a plan file to make a new version."
            )
            if problem
            else ""
        )
        self._rebuild(settings=True)

    def _on_data_changed(self) -> None:
        """Another part of the app changed records: reload if the saved plan is not ours."""
        profile = self._profile
        if self.is_dirty() or profile is None or profile.id is None:
            return
        latest = resolve_plan(self._ctx.db, self._ctx.content, profile)
        if self._stored is None or latest.plan_id != self._stored.plan_id:
            self.reload()

    # -- changing the draft --------------------------------------------------------------------
    def apply(self, change: Callable[[Plan], Plan], rebuild: bool = True) -> bool:
        """Run one change through the plan rules; a refusal is shown, never half-applied."""
        if self._draft is None:
            return False
        try:
            changed = check_plan(change(self._draft), self._catalogue)
        except PlanEditError as exc:
            self.show_message(str(exc))
            return False
        self._draft = changed
        self.show_message("")
        if rebuild:
            self._rebuild(settings=False)
        else:
            self._refresh_state()
        return True

    @property
    def profile_limits(self) -> frozenset[str]:
        """The surgeon's limits recorded with the profile; they bind the plan too."""
        return frozenset(self._profile.extra_restrictions) if self._profile else frozenset()

    def show_phase(self, number: int) -> None:
        if self._draft is not None and 1 <= number <= len(self._draft.phases):
            self._number = number
            self._rebuild(settings=False)

    def scroll_to(self, widget: QWidget) -> None:
        self._scroll.ensureWidgetVisible(widget, 0, 0)

    def set_footer(self, widget: QWidget) -> None:
        """A panel shown below the plan (the screen's therapist settings)."""
        self._footer = widget
        self._rebuild(settings=False)

    def widget(self) -> QWidget:
        """The editor as the parent of its actions' dialogs (``EditorPort``)."""
        return self

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:
            self._scroll.verticalScrollBar().setValue(0)  # where the message is

    def save(self) -> int | None:
        """Store the draft as the next plan version (the old versions stay); returns its id."""
        if self._draft is None or self._profile is None or self._profile.id is None:
            return None
        if not self.is_dirty():
            self.show_message(_("There are no changes to save."))
            return None
        author = self._store.therapist_name() or "therapist"
        plan_id = self._ctx.repo.save_plan(
            self._profile.id, self._draft, self._ctx.clock.now(), author=author
        )
        number = self._number
        self.reload()
        self._number = number
        self._rebuild(settings=False)
        assert self._stored is not None
        self.show_message(
            _("Saved as version {version}. Earlier versions are kept.").format(
                version=self._stored.version
            )
        )
        self.plan_saved.emit(plan_id)
        return plan_id

    def _on_undo_clicked(self) -> None:
        if self.is_dirty() and self._dialogs.confirm(
            self,
            _("Undo your changes?"),
            _("Go back to the saved plan? Your changes are lost."),
            default_no=True,
        ):
            self.reload()

    def _on_phase_chosen(self, index: int) -> None:
        self.show_phase(index + 1)

    # -- building ------------------------------------------------------------------------------
    def _rebuild(self, *, settings: bool) -> None:
        focused = self.focusWidget()
        focus_name = focused.objectName() if focused is not None else ""
        self._build_phase_choice()
        self._refresh_state()
        body = QWidget(self._scroll)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(14)
        column.addWidget(self.message)  # at big text there is no room for it above the plan
        self.panel = None
        if self._draft is None or self._profile is None:
            column.addWidget(
                label(_("There is no patient profile yet. Make one first."), "big", body)
            )
        else:
            self.panel = PhasePanel(
                self._draft,
                self._number,
                self._catalogue,
                self._profile.surgery_date,
                self.apply,
                self.items.add_to,
                self.items.edit_dose,
                body,
            )
            column.addWidget(self.panel)
            if settings or self.settings is None:
                self.settings = PlanSettings(
                    self._draft,
                    self._catalogue,
                    self.apply,
                    lambda title, text: self._dialogs.confirm(self, title, text, default_no=True),
                    fixed=self.profile_limits,
                    parent=body,
                )
            column.addWidget(self.settings)
        if self._footer is not None:
            column.addWidget(self._footer)
        column.addStretch(1)
        old = self._scroll.takeWidget()  # the plan settings were moved into ``body`` above
        self._scroll.setWidget(body)
        if old is not None:
            old.deleteLater()
        if focus_name:
            target = body.findChild(QWidget, focus_name)
            if target is not None:
                target.setFocus()

    def _build_phase_choice(self) -> None:
        self.phase_choice.clear()
        if self._draft is None or self._profile is None:
            return
        today = phase_on(self._draft, self._profile.surgery_date, self._ctx.clock.now().date())
        for phase in self._draft.phases:
            if phase.number == today.number:
                # Translators: the phase the patient is in today, in the list of phases.
                self.phase_choice.addItem(_("{phase} (now)").format(phase=phase.title))
            else:
                self.phase_choice.addItem(phase.title)
        self.phase_choice.setCurrentIndex(self._number - 1)

    def _refresh_state(self) -> None:
        if self.panel is not None and self._draft is not None:
            self.panel.set_plan(self._draft)
        if self.settings is not None and self._draft is not None:
            self.settings.set_plan(self._draft)
        profile, stored = self._profile, self._stored
        self.title.setText(
            _("{name}'s plan").format(name=profile.nickname) if profile else _("Therapist")
        )
        if stored is not None:
            saved = _day_text(stored.created_at)
            if stored.author not in ("", "protocol"):
                line = _("Version {version}, saved {date} by {author}").format(
                    version=stored.version, date=saved, author=stored.author
                )
            else:
                line = _("Version {version}, saved {date}").format(
                    version=stored.version, date=saved
                )
            if self.is_dirty():
                line = f"{line}  ·  {_('Changes not saved yet')}"
            self.version.setText(line)
        else:
            self.version.setText("")
        self.save_button.setEnabled(self.is_dirty())
        self.undo_button.setEnabled(self.is_dirty() and stored is not None)  # nothing to go back to
        for widget in (self.export_button, self.print_button):
            widget.setEnabled(stored is not None)
        self.import_button.setEnabled(self._draft is not None)
