"""The wizard's pages where the patient picks: the operation, how it was done, the surgeon's
extra rules, and the emergency number (a first guess from the computer's country)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QButtonGroup, QCheckBox, QLineEdit, QRadioButton, QWidget

from coach.domain import formats
from coach.domain.i18n import N_, _, pgettext
from coach.domain.profile import Approach, Surgery
from coach.domain.restrictions import SURGEON_RULES
from coach.ui.common.widgets import label
from coach.ui.common.wrapping import WrapCheckBox
from coach.ui.onboarding.pages import Page

# Translators: keep the form "Name (what it means)": the name goes on the tile and the words in
# brackets under it.
SURGERY_CHOICES = {
    Surgery.DISCECTOMY: N_(
        "Discectomy / microdiscectomy (the part of the disc pressing on the nerve was removed)"
    ),
    Surgery.LAMINECTOMY: N_(
        "Laminectomy (part of the bone was removed to give the nerves room; no fusion)"
    ),
    Surgery.FUSION: N_("Spinal fusion (two or more bones were joined)"),
}
# Translators: keep the form "Name (what it means)", as for the operations.
APPROACH_CHOICES = {
    Approach.OPEN: N_("Open surgery (one longer cut)"),
    Approach.MINIMALLY_INVASIVE: N_("Minimally invasive (small cuts, sometimes called keyhole)"),
    Approach.UNKNOWN: N_("I don't know"),
}


TILE_STYLE = """
QRadioButton { border: 1px solid palette(mid); border-radius: 10px; padding: 12px 18px;
    background: palette(base); min-height: 56px; }
QRadioButton:checked { border: 3px solid palette(highlight); padding: 10px 16px; }
"""


class ChoicePage(Page):
    """Big radio buttons drawn as tiles, one per choice (the whole tile can be clicked)."""

    def __init__(self, choices: dict[str, str], hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(TILE_STYLE)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for value, words in choices.items():
            text = _(words)
            # A radio button cannot wrap its text: the name goes on the tile and what it
            # means (the words in brackets) under it, where it wraps at big text sizes.
            name, _open, more = text.partition(" (")
            radio = QRadioButton(name, self)
            radio.setObjectName(f"choice-{value}")
            radio.setAccessibleName(text)
            radio.setMinimumHeight(56)
            self.group.addButton(radio)
            self.buttons[value] = radio
            self.column.addWidget(radio)
            if more:
                meaning = label(more.removesuffix(")").capitalize(), "hint", self)
                meaning.setIndent(18)
                self.column.addWidget(meaning)
        self.column.addWidget(label(hint, "hint", self))
        self.finish()

    def chosen(self) -> str | None:
        for value, radio in self.buttons.items():
            if radio.isChecked():
                return value
        return None

    def choose(self, value: str) -> None:
        self.buttons[value].setChecked(True)

    def focus_widget(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked if checked is not None else next(iter(self.buttons.values()))


class SurgeryPage(ChoicePage):
    key, title = "surgery", N_("Which operation did you have?")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            {s.value: text for s, text in SURGERY_CHOICES.items()},
            _("Not sure? It is written in your hospital letter, or ask your surgeon's office."),
            parent,
        )

    def surgery(self) -> Surgery | None:
        chosen = self.chosen()
        return Surgery(chosen) if chosen else None

    def problem(self) -> str | None:
        return None if self.chosen() else _("Please choose the operation you had.")


class ApproachPage(ChoicePage):
    key, title = "approach", N_("How was the operation done?")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            {a.value: text for a, text in APPROACH_CHOICES.items()},
            _("This is noted for your therapist. It does not change your exercises."),
            parent,
        )
        self.choose(Approach.UNKNOWN.value)

    def approach(self) -> Approach:
        return Approach(self.chosen() or Approach.UNKNOWN.value)


class RulesPage(Page):
    key, title = "rules", N_("Did your surgeon give you any extra rules?")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column.addWidget(
            label(
                _(
                    "Tick the rules your surgeon or therapist gave you, if any. Exercises that "
                    "break a rule you tick are left out of your plan. Leave them all empty if "
                    "there were none."
                ),
                None,
                self,
            )
        )
        self.boxes: dict[str, QCheckBox] = {}
        for tag, text in SURGEON_RULES.items():  # one column: long rules never get cut off
            box = WrapCheckBox(_(text), self)
            box.setObjectName(f"rule-{tag}")
            self.boxes[tag] = box
            self.column.addWidget(box)
        self.finish()

    def rules(self) -> tuple[str, ...]:
        return tuple(tag for tag, box in self.boxes.items() if box.isChecked())

    def focus_widget(self) -> QWidget:
        return next(iter(self.boxes.values()))


class EmergencyPage(Page):
    key, title = "emergency", N_("Your emergency number")

    def __init__(self, default: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column.addWidget(
            label(
                _(
                    "If you tell Rehab Coach about a serious warning sign, it asks you to call "
                    "this number."
                ),
                None,
                self,
            )
        )
        self.edit = QLineEdit(default, self)
        self.edit.setMaxLength(15)
        self.edit.setAccessibleName(_("Emergency phone number"))
        self.column.addWidget(self.edit)
        self.column.addWidget(
            label(
                _("We guessed it from your computer's country setting. Change it if it is wrong."),
                "hint",
                self,
            )
        )
        self.finish()

    def number(self) -> str:
        return self.edit.text().strip()

    def problem(self) -> str | None:
        number = self.number()
        if not number or not all(ch.isdigit() or ch in "+ " for ch in number):
            return _("Please type the number with digits only, like 911, 112 or 999.")
        return None

    def focus_widget(self) -> QWidget:
        return self.edit


def summary_rows(
    *,
    nickname: str,
    surgery: Surgery | None,
    surgery_day: date,
    when: str,
    approach: Approach,
    rules: tuple[str, ...],
    number: str,
) -> list[tuple[str, str]]:
    """The answers in plain words, as the summary page lists them."""
    return [
        (_("Name"), nickname),
        (_("Operation"), _(SURGERY_CHOICES[surgery]) if surgery else "-"),
        (
            _("Date"),
            _("{date}. {when}").format(date=formats.day_month_year(surgery_day), when=when),
        ),
        (_("How it was done"), _(APPROACH_CHOICES[approach])),
        (
            _("Extra rules"),
            "\n".join(_(SURGEON_RULES[t]) for t in rules) if rules else pgettext("rules", "None"),
        ),
        (_("Emergency number"), number),
    ]
