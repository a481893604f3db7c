"""The warning-sign check's two big answers sit side by side while they fit and stack when a
longer language at big text would otherwise make the window wider than the screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.domain import i18n
from coach.ui.common.appearance import apply_appearance
from coach.ui.context import AppContext
from coach.ui.safety.red_flag_page import RedFlagPage


@pytest.fixture
def pseudo_at_200(qapp: QApplication, ctx: AppContext) -> Iterator[None]:
    """The pseudo-language (35% longer) at 200% text; English at the usual size afterwards."""
    i18n.use("qps")
    apply_appearance(qapp, 200, "light")
    try:
        yield
    finally:
        i18n.use("en")
        apply_appearance(qapp, ctx.prefs.text_scale, ctx.prefs.theme)


def settle(qapp: QApplication) -> None:
    for _ in range(4):
        qapp.sendPostedEvents()
        qapp.processEvents()


def test_answers_stack_when_narrow_and_sit_side_by_side_when_wide(
    qtbot: QtBot, qapp: QApplication, ctx: AppContext, pseudo_at_200: None
) -> None:
    page = RedFlagPage(ctx.content.red_flags)
    qtbot.addWidget(page)
    row = page.answer_row
    assert page.minimumSizeHint().width() < row.side_by_side_width()  # never forces it wide
    page.resize(row.side_by_side_width() + 200, 900)
    with qtbot.waitExposed(page):
        page.show()
    settle(qapp)
    assert page.no_button.y() == page.yes_button.y()  # side by side
    page.resize(page.minimumSizeHint().width(), 900)
    settle(qapp)
    assert page.yes_button.y() > page.no_button.y()  # one under the other
    assert page.yes_button.width() >= page.yes_button.minimumSizeHint().width()  # not cut off
    assert page.no_button.width() >= page.no_button.minimumSizeHint().width()
