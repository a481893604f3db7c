"""Every screen and dialog fits a 1366x768 and a 1280x720 laptop at 100-200% text, light and
dark: no text cut off, nothing outside its window, no page that scrolls sideways.

The walk is the one ``rehab-coach screenshot`` takes (every screen of the rail, therapist mode,
Progress, the Library's detail, the resume offer, every session page and every onboarding
page, with their dialogs), checked by ``fit_check`` at each picture. Themes change colours,
not sizes, so dark is checked at two of the six looks.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from coach.shots.render import Look, render_screens
from coach.ui.common.appearance import apply_appearance
from coach.ui.common.fit_check import fit_problems
from coach.ui.common.widgets import fit_to_screen
from coach.ui.main_window import MainWindow

LOOKS = [
    Look((1280, 720), 100, "light", long=False),
    Look((1280, 720), 150, "light", long=False),
    Look((1280, 720), 200, "dark", long=False),
    Look((1366, 768), 100, "dark", long=False),
    Look((1366, 768), 150, "light", long=False),
    Look((1366, 768), 200, "light", long=False),
]


@pytest.fixture
def plain_look(qapp: QApplication) -> Iterator[None]:
    yield
    apply_appearance(qapp, 100, "light")


@pytest.mark.parametrize(
    "look", LOOKS, ids=[f"{lk.size[0]}x{lk.size[1]}-{lk.text_scale}-{lk.theme}" for lk in LOOKS]
)
def test_every_screen_and_dialog_fits(tmp_path: Path, look: Look, plain_look: None) -> None:
    problems: list[str] = []
    written = render_screens(tmp_path / "shots", tmp_path, look, problems)
    names = {p.name for p in written}
    for shot in ("today.png", "session-player.png", "resume-offer.png", "progress-psfs.png"):
        assert shot in names
    assert problems == []


def test_the_check_finds_cut_off_text_and_widgets_outside(qtbot: QtBot) -> None:
    """The check itself: a button too narrow for "Carry on where I stopped", a wrapped label
    with too little height, and a child placed outside its parent are all reported."""
    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    cut = QPushButton("Carry on where I stopped", window)
    cut.setFixedWidth(60)
    row.addWidget(cut)
    text = QLabel("A long sentence that has to wrap onto several lines here. " * 3, window)
    text.setWordWrap(True)
    text.setFixedSize(150, 20)
    row.addWidget(text)
    stray = QLabel("x", window)
    window.resize(400, 200)
    window.show()
    stray.setGeometry(390, 190, 40, 40)
    problems = "\n".join(fit_problems(window, (300, 200)))
    assert "button 'Carry on where I stopped': needs" in problems
    assert "label 'A long sentence" in problems and "px high" in problems
    assert "sticks out of QWidget (400x200)" in problems
    assert "larger than the screen 300x200" in problems


def test_the_check_finds_a_table_column_too_narrow_for_its_words(qtbot: QtBot) -> None:
    """A column squeezed so that its cells show "…" (wrapping cannot help a word that does
    not fit) is cut-off text too; a column wide enough is not reported."""
    model = QStandardItemModel(0, 2)
    model.appendRow([QStandardItem("Saturday 5 December, 10:44"), QStandardItem("Walking")])
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.setWordWrap(True)
    table.resize(600, 200)
    table.show()
    table.setColumnWidth(0, 300)
    table.setColumnWidth(1, 120)
    assert fit_problems(table) == []
    table.setColumnWidth(0, 40)
    problems = "\n".join(fit_problems(table))
    assert "cell 'Saturday 5 December, 10:44' needs" in problems and "column 0 has 40" in problems


def test_the_windows_open_inside_a_small_screen(qtbot: QtBot, qapp: QApplication) -> None:
    window = MainWindow([])
    qtbot.addWidget(window)
    free = window.screen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height()
    assert window.maximise == (free.width() < 1280 or free.height() < 880)
    other = QWidget()
    qtbot.addWidget(other)
    assert fit_to_screen(other, free.width() * 2, free.height() * 2)  # too big: maximise
    assert (other.width(), other.height()) == (free.width(), free.height())
