"""The Therapist screen: shown to everyone, locked until the PIN is entered. Inside, the plan
editor; it locks again by itself after a few idle minutes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coach.domain.i18n import _, ngettext
from coach.ui.common.flow_layout import FlowLayout
from coach.ui.common.widgets import button, card, label, scroll_page
from coach.ui.context import AppContext
from coach.ui.therapist.baseline_card import PainBaselineCard
from coach.ui.therapist.dialogs import ask_pin, new_pin
from coach.ui.therapist.mode import TherapistMode
from coach.ui.therapist.pin_dialog import PIN_NOTE
from coach.ui.therapist.plan_editor import PlanEditor

ACTIVITY_EVENTS = (
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
)


class TherapistScreen(QWidget):
    """Locked page or editor page, following the therapist mode."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        mode: TherapistMode | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._dialogs = ctx.dialogs
        self.store = ctx.stores.therapist
        self.mode = mode or TherapistMode(self.store, ctx.clock, self)
        if self.mode.parent() is None:
            self.mode.setParent(self)
        self._stack = QStackedWidget(self)
        self.locked_page = self._build_locked_page()
        self.editor_page = QWidget(self._stack)
        page = QVBoxLayout(self.editor_page)
        page.setContentsMargins(32, 20, 32, 20)
        page.setSpacing(10)
        self.editor = PlanEditor(ctx, self.store, self.editor_page)
        self.editor.title_row.addWidget(self._build_lock_button(self.editor))
        self.editor.set_footer(self._build_footer(self.editor))
        page.addWidget(self.editor, 1)
        self._stack.addWidget(self.locked_page)
        self._stack.addWidget(self.editor_page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)
        self.mode.unlocked.connect(self._show_state)
        self.mode.locked.connect(self._show_state)
        self.mode.pin_changed.connect(self._show_state)
        QShortcut(QKeySequence("Ctrl+L"), self, self.mode.lock)
        self._show_state()

    # -- pages ---------------------------------------------------------------------------------
    def _build_locked_page(self) -> QWidget:
        # A page that scrolls: at 200% text on a 720 px screen the words did not fit.
        scroll, page, column = scroll_page(self._stack, spacing=16)
        column.addWidget(label(_("Therapist"), "title", page))
        frame, layout = card(page)
        layout.addWidget(
            label(
                _(
                    "This is where a physical therapist changes the exercise plan: exercises, "
                    "doses, when phases start, walking goals, the surgeon's limits and a note."
                ),
                None,
                frame,
            )
        )
        layout.addWidget(
            label(
                _(
                    "Patients: you do not need this page. Your exercises, progress and exports "
                    "are always open to you."
                ),
                None,
                frame,
            )
        )
        self.locked_message = label("", "heading", frame)
        layout.addWidget(self.locked_message)
        row = FlowLayout(spacing=10)  # wraps when the words are long
        self.unlock_button = button(_("Enter the PIN"), frame, primary=True)
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        row.addWidget(self.unlock_button)
        layout.addLayout(row)
        layout.addWidget(label(_(PIN_NOTE), "hint", frame))
        column.addWidget(frame)
        column.addStretch(1)
        scroll.setWidget(page)
        return scroll

    def _build_lock_button(self, parent: QWidget) -> QPushButton:
        minutes = round(self.mode.idle_s / 60)
        self.lock_button = button(_("Lock now"), parent)
        self.lock_button.setAccessibleName(_("Lock therapist mode now"))
        self.lock_button.setToolTip(
            ngettext(
                "Therapist mode also locks after {count} minute idle.",
                "Therapist mode also locks after {count} minutes idle.",
                minutes,
            ).format(count=minutes)
        )
        self.lock_button.clicked.connect(self.mode.lock)
        return self.lock_button

    def _build_footer(self, parent: QWidget) -> QWidget:
        """Below the plan: the patient's pain baseline, then the therapist's own settings."""
        footer = QWidget(parent)
        column = QVBoxLayout(footer)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(14)
        self.baseline = PainBaselineCard(self._ctx, footer)
        column.addWidget(self.baseline)
        column.addWidget(self._build_settings_card(footer))
        return footer

    def _build_settings_card(self, parent: QWidget) -> QWidget:
        frame, layout = card(parent)
        layout.addWidget(label(_("Therapist settings"), "heading", frame))
        minutes = round(self.mode.idle_s / 60)
        layout.addWidget(
            label(
                ngettext(
                    "Therapist mode locks by itself after {count} minute without use, or with "
                    "Lock now (Ctrl+L).",
                    "Therapist mode locks by itself after {count} minutes without use, or with "
                    "Lock now (Ctrl+L).",
                    minutes,
                ).format(count=minutes),
                "hint",
                frame,
            )
        )
        layout.addWidget(label(_("Your name, saved with each plan version you make:"), None, frame))
        self.name = QLineEdit(self.store.therapist_name(), frame)
        self.name.setMaxLength(80)
        self.name.setAccessibleName(_("Your name, saved with each plan version"))
        self.name.setObjectName("therapist-name")
        self.name.editingFinished.connect(self._on_name_edited)
        layout.addWidget(self.name)
        row = FlowLayout(spacing=10)  # wraps when the words are long
        change = button(_("Change the PIN…"), frame)
        remove = button(_("Remove the PIN…"), frame)
        row.addWidget(change)
        row.addWidget(remove)
        layout.addLayout(row)
        change.clicked.connect(lambda: new_pin(self._dialogs, self, self.mode))
        remove.clicked.connect(self._on_remove_pin_clicked)
        return frame

    # -- behaviour -----------------------------------------------------------------------------
    def _show_state(self) -> None:
        has_pin = self.mode.has_pin()
        self.unlock_button.setText(_("Enter the PIN") if has_pin else _("Set a PIN"))
        self.locked_message.setText(
            _("The plan editor is locked.")
            if has_pin
            else _("Set a PIN first, so that the plan is not changed by mistake.")
        )
        self._stack.setCurrentWidget(
            self.editor_page if self.mode.is_unlocked else self.locked_page
        )
        app = QApplication.instance()
        if app is not None:  # watch for activity only while the mode is open
            if self.mode.is_unlocked:
                app.installEventFilter(self)
            else:
                app.removeEventFilter(self)

    def _on_unlock_clicked(self) -> None:
        if self.mode.has_pin():
            ask_pin(self._dialogs, self, self.mode)
        else:
            new_pin(self._dialogs, self, self.mode)
        self._show_state()

    def _on_remove_pin_clicked(self) -> None:
        if self._dialogs.confirm(
            self,
            _("Remove the PIN?"),
            _("Without a PIN the plan editor stays locked until a new PIN is set. Remove it?"),
            default_no=True,
        ):
            self.mode.remove_pin()

    def _on_name_edited(self) -> None:
        self.store.set_therapist_name(self.name.text(), self._ctx.clock.now())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keys and clicks inside this screen (or its dialogs) keep therapist mode open."""
        if event.type() in ACTIVITY_EVENTS and self.mode.is_unlocked and self._owns(watched):
            self.mode.touch()
        return False

    def _owns(self, obj: QObject | None) -> bool:
        while obj is not None:
            if obj is self:
                return True
            obj = obj.parent()
        return False
