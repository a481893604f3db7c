"""The pages of the first-run wizard, one question each. A page checks its own answer
(``problem`` returns a plain sentence, shown on the page) and hands it over as plain values."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coach.domain.dates import when_text
from coach.domain.i18n import N_, _, current, ngettext
from coach.domain.profile import MAX_NICKNAME
from coach.domain.protocol import MAX_WEEKS
from coach.domain.schedule import week_number
from coach.ui.common.blocks import clear, notice
from coach.ui.common.widgets import label

MAX_DAYS_AHEAD = 183  # a planned operation up to about 6 months away


class Page(QWidget):
    """One step: a title, the question's widgets in ``column``, and its own checks."""

    key = ""
    title = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(14)

    def problem(self) -> str | None:
        """What is wrong with the answer, in one sentence; None when it is fine."""
        return None

    def focus_widget(self) -> QWidget | None:
        return None

    def entered(self) -> None:
        """Called each time the page is shown (the summary refills itself)."""

    def finish(self) -> None:
        self.column.addStretch(1)


class WelcomePage(Page):
    key, title = "welcome", N_("Welcome to Rehab Coach")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column.addWidget(
            label(_("Rehab Coach helps you with your exercises after back surgery."), "big", self)
        )
        for line in (
            _("It shows what to do each day, for your kind of operation and how long ago it was."),
            _("It times your exercises and keeps track of how you are getting on."),
            _("It asks about warning signs and tells you when to call for help."),
        ):
            self.column.addWidget(label(f"•  {line}", None, self))
        box, box_layout = notice(self, _("Please remember"))
        box_layout.addWidget(
            label(
                _(
                    "Rehab Coach is not a doctor and does not diagnose anything. Your surgeon's "
                    "advice always comes first: if it is different from what you see here, "
                    "follow your surgeon."
                ),
                None,
                box,
            )
        )
        self.column.addWidget(box)
        self.column.addWidget(
            label(
                _("Everything stays on this computer. Setting up takes about 2 minutes."),
                "hint",
                self,
            )
        )
        self.finish()


class NamePage(Page):
    key, title = "name", N_("What should we call you?")

    def __init__(self, taken: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._taken = {name.strip().lower() for name in taken}
        self.edit = QLineEdit(self)
        self.edit.setMaxLength(MAX_NICKNAME + 10)  # long enough to tell the patient why not
        self.edit.setAccessibleName(_("Your name or nickname"))
        self.edit.setPlaceholderText(_("For example: Sam"))
        self.column.addWidget(self.edit)
        self.column.addWidget(
            label(
                _("A first name or a nickname is enough. It is only shown on this computer."),
                "hint",
                self,
            )
        )
        self.finish()

    def nickname(self) -> str:
        return self.edit.text().strip()

    def problem(self) -> str | None:
        name = self.nickname()
        if not name:
            return _("Please type a name, for example Sam.")
        if len(name) > MAX_NICKNAME:
            return ngettext(
                "Please use a shorter name ({count} letter or fewer).",
                "Please use a shorter name ({count} letters or fewer).",
                MAX_NICKNAME,
            ).format(count=MAX_NICKNAME)
        if any(ord(ch) < 32 for ch in name):
            return _("Please use only letters, numbers and spaces.")
        if name.lower() in self._taken:
            return _(
                "There is already a profile called {name}. Please choose another name."
            ).format(name=name)
        return None

    def focus_widget(self) -> QWidget:
        return self.edit


class DatePage(Page):
    key, title = "date", N_("When was your operation?")

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        # Month names in the app's language (not the desktop's), in its order of day and month.
        self.edit.setLocale(QLocale(current().format_locale))
        # Translators: a Qt date format (d day, MMMM month name, yyyy year); quote words in ''.
        self.edit.setDisplayFormat(_("d MMMM yyyy"))
        self.edit.setAccessibleName(_("Date of your operation"))
        self.edit.setMinimumDate(_qdate(today - timedelta(weeks=MAX_WEEKS)))
        self.edit.setMaximumDate(_qdate(today + timedelta(days=MAX_DAYS_AHEAD)))
        self.edit.setDate(_qdate(today))
        self.edit.dateChanged.connect(self._on_date_changed)
        self.column.addWidget(self.edit)
        self.when = label("", "big", self)
        self.when.setObjectName("date-when")
        self.column.addWidget(self.when)
        self.column.addWidget(
            label(
                _(
                    "Not sure of the exact day? Choose your best guess: a few days either way "
                    "is fine. Click the arrow to pick the day on a calendar."
                ),
                "hint",
                self,
            )
        )
        self.finish()
        self._on_date_changed()

    def surgery_date(self) -> date:
        chosen = self.edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_surgery_date(self, day: date) -> None:
        self.edit.setDate(_qdate(day))

    def describe(self) -> str:
        """'3 weeks ago (week 4 after surgery)' or 'in 5 days'."""
        day = self.surgery_date()
        if day > self._today:
            return _("That is {when}. Your plan starts on that day.").format(
                when=when_text(self._today, day)
            )
        if day == self._today:
            return _("That is today.")
        week = week_number(day, self._today)
        return _("That was {when}: this is week {week} after surgery.").format(
            when=when_text(self._today, day), week=week
        )

    def _on_date_changed(self) -> None:
        self.when.setText(self.describe())

    def problem(self) -> str | None:
        day = self.surgery_date()
        if day > self._today + timedelta(days=MAX_DAYS_AHEAD):
            return _("Please choose a date within the next 6 months.")
        return None

    def focus_widget(self) -> QWidget:
        return self.edit


class SummaryPage(Page):
    key, title = "summary", N_("Is this right?")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(12)
        self.grid.setColumnStretch(1, 1)
        self.column.addLayout(self.grid)
        self.column.addWidget(
            label(
                _("Use Back to change anything. When it is right, press Create my plan."),
                "hint",
                self,
            )
        )
        self.finish()

    def show_answers(self, rows: list[tuple[str, str]]) -> None:
        clear(self.grid)
        for row, (name, value) in enumerate(rows):
            key = label(name, None, self, wrap=False)
            font = key.font()
            font.setBold(True)
            key.setFont(font)
            self.grid.addWidget(key, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(label(value, None, self), row, 1)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
