"""The warning-sign check (REFERENCE section 3): one tier per screen, most severe first.

Each screen lists its tier's signs in a few plain words with two big answers, "None of these"
and "Yes, one of these" (then the patient picks which). A daily check is three answers, and every
question's answer is kept: "None of these" is a "no" for each sign on that screen. A "yes" ends
the check at once: the screens come most severe first, so nothing later can outrank it and an
emergency message is never delayed. Later the same day the check starts with one question
("Has anything new or worse happened since your check this morning?"); "Yes" opens the full check.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.domain.i18n import N_, _, pgettext
from coach.domain.safety import Question, RedFlagScreen
from coach.domain.warning_signs import RECHECK_ID
from coach.ui.common.answer_row import AnswerRow
from coach.ui.common.blocks import clear
from coach.ui.common.widgets import button, label, scroll_area
from coach.ui.safety.pick_row import PICK_STYLE, PickRow, key_shortcut

PICK_TEXT = N_("Which of these? Choose each one you have had, then press Done.")
# Translators: N and Y are the keys on the keyboard; they stay N and Y in every language.
TIER_HINT = N_("Press N for none of these, or Y if you have had one.")
SCROLL_HINT = N_("Scroll down to read every sign before you answer.")


class RedFlagPage(QWidget):
    """The check; ``answered`` carries every answer given (question id -> yes), in order."""

    answered = Signal(dict)
    cancelled = Signal()

    def __init__(
        self,
        screen: RedFlagScreen,
        parent: QWidget | None = None,
        *,
        title: str = "",
        cancel_text: str = "",
    ) -> None:
        """``title`` and ``cancel_text`` default to the words before a session."""
        super().__init__(parent)
        self._screen = screen
        self._screens = screen.screens()
        self._answers: dict[str, bool] = {}
        self._index = 0
        self._mode = "tier"  # 'recheck', 'tier' or 'pick'
        self._recheck = ""
        self._seen_all = False  # the list of this screen has been scrolled to its end
        self.pick_buttons: dict[str, QCheckBox] = {}
        self.setStyleSheet(PICK_STYLE)
        column = QVBoxLayout(self)
        column.setContentsMargins(40, 28, 40, 24)
        column.setSpacing(14)
        column.addWidget(label(title or _("Before you start: warning signs"), "title", self))
        self.count = label("", "heading", self)
        column.addWidget(self.count)
        column.addWidget(self._build_middle(), 1)
        column.addLayout(self._build_answers())
        self.hint = label("", "hint", self)
        column.addWidget(self.hint)
        row = QHBoxLayout()
        self.back_button = button(pgettext("button", "Back"), self)
        self.back_button.setAccessibleName(_("Go back one step"))
        self.cancel_button = button(cancel_text or _("Not now"), self)
        self.cancel_button.setAccessibleName(_("Leave the check without answering"))
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        column.addLayout(row)
        self.back_button.clicked.connect(self._on_back_clicked)
        self.cancel_button.clicked.connect(self.cancelled.emit)
        key_shortcut(self, "Y", self._on_yes_key)
        key_shortcut(self, "N", self._on_no_key)
        self._show()

    def _build_middle(self) -> QWidget:
        """The question and the list of signs (or the buttons to pick from); it scrolls when
        the text is large, so the answers below always stay on screen."""
        scroll = scroll_area(self)
        body = QWidget(scroll)
        middle = QVBoxLayout(body)
        middle.setContentsMargins(0, 0, 0, 0)
        middle.setSpacing(10)
        self.question = label("", "heading", body)
        middle.addWidget(self.question)
        self.signs = QVBoxLayout()
        self.signs.setSpacing(6)
        middle.addLayout(self.signs)
        self.picks = QVBoxLayout()
        self.picks.setSpacing(8)
        middle.addLayout(self.picks)
        middle.addStretch(1)
        scroll.setWidget(body)
        self._body = body
        self._scroll = scroll
        bar = scroll.verticalScrollBar()
        bar.valueChanged.connect(self._update_none_button)
        bar.rangeChanged.connect(self._update_none_button)
        bar.actionTriggered.connect(self._on_scrolled)  # the patient scrolled (wheel, keys, drag)
        return scroll

    def _build_answers(self) -> QVBoxLayout:
        answers = QVBoxLayout()
        self.answer_row = AnswerRow(self, spacing=24)  # stacks when the words do not fit
        self.no_button = self._answer_button("N")
        self.yes_button = self._answer_button("Y")
        self.answer_row.add(self.no_button)
        self.answer_row.add(self.yes_button)
        answers.addWidget(self.answer_row)
        self.done_button = button(pgettext("button", "Done"), self, primary=True)
        self.done_button.setMinimumHeight(72)
        self.done_button.setAccessibleName(_("Done: these are the signs I have had"))
        answers.addWidget(self.done_button)
        self.no_button.clicked.connect(self._on_no_clicked)
        self.yes_button.clicked.connect(self._on_yes_clicked)
        self.done_button.clicked.connect(self._on_done_clicked)
        self.setTabOrder(self.no_button, self.yes_button)
        return answers

    def _answer_button(self, key: str) -> QPushButton:
        answer = button("", self, primary=True)
        answer.setMinimumHeight(88)
        answer.setProperty("key", key)
        return answer

    # -- public --------------------------------------------------------------------------------
    def take_focus(self) -> None:
        if self._mode == "pick":
            first = next(iter(self.pick_buttons.values()), None)
            if first is not None:
                first.setFocus()
        elif self.no_button.isEnabled():
            self.no_button.setFocus()
        else:
            self._scroll.setFocus()  # arrow keys and Page Down scroll the list

    def read_to_end(self) -> None:
        """Scroll the list to its end, as a patient does before answering (screenshots)."""
        self._scroll.verticalScrollBar().triggerAction(
            self._scroll.verticalScrollBar().SliderAction.SliderToMaximum
        )

    def restart(self, recheck: str = "") -> None:
        """Begin again: with the one re-check question when ``recheck`` is given, else with
        the first tier's screen."""
        self._answers.clear()
        self._index = 0
        self._recheck = recheck
        self._mode = "recheck" if recheck else "tier"
        self._show()

    def current_questions(self) -> tuple[Question, ...]:
        """The questions of the screen shown (none on the re-check)."""
        return () if self._mode == "recheck" else self._screens[self._index][1]

    # -- answers -------------------------------------------------------------------------------
    def _on_no_clicked(self) -> None:
        if self._mode == "recheck":
            self.answered.emit({RECHECK_ID: False})
            return
        for question in self.current_questions():
            self._answers[question.id] = False
        if self._index + 1 >= len(self._screens):
            self.answered.emit(dict(self._answers))
            return
        self._index += 1
        self._show()

    def _on_yes_clicked(self) -> None:
        if self._mode == "recheck":
            self._mode = "tier"
        else:
            self._mode = "pick"
        self._show()

    def _on_done_clicked(self) -> None:
        chosen = {qid for qid, pick in self.pick_buttons.items() if pick.isChecked()}
        if not chosen:
            return
        for question in self.current_questions():
            self._answers[question.id] = question.id in chosen
        self.answered.emit(dict(self._answers))

    def _on_yes_key(self) -> None:
        if self._mode != "pick":
            self.yes_button.click()

    def _on_no_key(self) -> None:
        if self._mode != "pick":
            self.no_button.click()

    def _on_back_clicked(self) -> None:
        if self._mode == "pick":
            self._mode = "tier"
        elif self._index > 0:
            self._index -= 1
            for question in self.current_questions():
                self._answers.pop(question.id, None)
        elif self._recheck:
            self._mode = "recheck"
        self._show()

    def _on_pick_toggled(self) -> None:
        self.done_button.setEnabled(any(b.isChecked() for b in self.pick_buttons.values()))

    # -- showing -------------------------------------------------------------------------------
    def _show(self) -> None:
        mode = self._mode
        clear(self.signs)
        clear(self.picks)
        self.pick_buttons = {}
        self.count.setVisible(mode != "recheck")
        self.count.setText(
            _("Part {number} of {count}").format(number=self._index + 1, count=len(self._screens))
        )
        if mode == "recheck":
            self.question.setText(self._recheck)
            self._set_answers(pgettext("answer", "No"), pgettext("answer", "Yes"))
            # Translators: N and Y are the keys on the keyboard; they stay N and Y.
            self.hint.setText(_("Press N for no or Y for yes."))
        elif mode == "tier":
            self.question.setText(self._screen.ask)
            for question in self.current_questions():
                self.signs.addWidget(self._sign_label(question.sign))
            self._set_answers(_("None of these"), _("Yes, one of these"))
            self.hint.setText(_(TIER_HINT))
        else:
            self.question.setText(_(PICK_TEXT))
            for question in self.current_questions():
                pick = PickRow(question, self._body)
                pick.box.toggled.connect(self._on_pick_toggled)
                self.picks.addWidget(pick)
                self.pick_buttons[question.id] = pick.box
            # Translators: Tab and Space are keys on the keyboard.
            self.hint.setText(_("Click a sign to choose it, or move with Tab and press Space."))
        picking = mode == "pick"
        self._seen_all = False
        self._scroll.verticalScrollBar().setValue(0)
        self._update_none_button()
        self.no_button.setVisible(not picking)
        self.yes_button.setVisible(not picking)
        self.answer_row.setVisible(not picking)
        self.done_button.setVisible(picking)
        self.done_button.setEnabled(False)
        self.back_button.setEnabled(
            picking or self._index > 0 or (mode == "tier" and bool(self._recheck))
        )
        self.take_focus()

    def _on_scrolled(self) -> None:
        bar = self._scroll.verticalScrollBar()  # the action is applied to the position only
        if bar.sliderPosition() >= bar.maximum():
            self._seen_all = True
        self._update_none_button()

    def _update_none_button(self) -> None:
        """ "None of these" only once every sign of the screen has been on view: with large
        text the list scrolls, and a sign never seen cannot be answered "no"."""
        if self._mode != "tier":
            self.no_button.setEnabled(True)
            return
        bar = self._scroll.verticalScrollBar()
        seen = self._seen_all or bar.value() >= bar.maximum()
        self.no_button.setEnabled(seen)
        self.hint.setText(_(TIER_HINT if seen else SCROLL_HINT))

    def _sign_label(self, text: str) -> QLabel:
        return label(f"•  {text}", "heading", self._body)

    def _set_answers(self, no: str, yes: str) -> None:
        self.no_button.setText(no)
        # Translators: a screen reader's name for the answer button; N and Y are the keys.
        self.no_button.setAccessibleName(_("{answer} (key N)").format(answer=no))
        self.yes_button.setText(yes)
        self.yes_button.setAccessibleName(_("{answer} (key Y)").format(answer=yes))
