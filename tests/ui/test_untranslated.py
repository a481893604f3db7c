"""The untranslated-text detector the pseudo-language test relies on: it must find plain
English wherever a person would see it, and stay quiet about pseudo-language text, data the
patient typed and Qt's own button words."""

from __future__ import annotations

from collections.abc import Iterator

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from coach.domain.i18n import in_language, pseudo
from coach.ui.common.untranslated import plain_english, untranslated_texts


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[QWidget]:
    window = QWidget()
    window.setWindowTitle(pseudo("Rehab Coach"))
    QVBoxLayout(window)
    qtbot.addWidget(window)
    yield window


def _show(window: QWidget, *widgets: QWidget) -> None:
    for widget in widgets:
        window.layout().addWidget(widget)
    window.resize(500, 400)
    window.show()


def _texts(window: QWidget, data: tuple[str, ...] = ()) -> list[str]:
    return [item.text for item in untranslated_texts(window, data)]


def test_an_unwrapped_label_is_found_and_a_translated_one_is_not(window: QWidget) -> None:
    with in_language("qps"):
        done = QLabel(pseudo("Start today's session"))
    _show(window, QLabel("Start today's session"), done)
    assert _texts(window) == ["Start today's session"]


def test_rich_text_markup_entities_and_mnemonics_are_not_words(window: QWidget) -> None:
    with in_language("qps"):
        rich = QLabel(pseudo("<b>Phase {number}</b>&nbsp;of the plan").format(number=2))
        button = QPushButton(pseudo("&Save"))
    _show(window, rich, button)
    assert _texts(window) == []


def test_a_glued_plural_letter_and_a_lone_letter_are_found() -> None:
    with in_language("qps"):
        assert plain_english(pseudo("minute") + "s") == ["s"]
        assert plain_english("3 " + pseudo("sets") + " R") == ["R"]
        assert plain_english(pseudo("{count} minutes").format(count=3)) == []
        sources = pseudo("Sources, for your therapist: {ids}").format(ids="S1, P12")
        assert plain_english(sources) == []  # source ids are codes
        assert plain_english(pseudo("Sources") + " for S1") == ["for"]


def test_data_the_patient_typed_and_the_brand_are_allowed(window: QWidget) -> None:
    with in_language("qps"):
        note = QLabel(pseudo("Note: {text}").format(text="Walked to the park."))
        title = QLabel(pseudo("Welcome to {app}").format(app="Rehab Coach"))
        name = QLabel(pseudo("Hello, {name}").format(name="Alex"))
    _show(window, note, title, name)
    found = _texts(window)
    assert len(found) == 2 and "Walked to the park." in found[0] and "Alex" in found[1]
    assert _texts(window, ("Walked to the park.", "Alex")) == []


def test_buttons_group_boxes_placeholders_tooltips_and_combo_items(window: QWidget) -> None:
    button = QPushButton(pseudo("Save"))
    button.setToolTip("Saves the plan")
    box = QGroupBox("Reminders")
    edit = QLineEdit()
    edit.setPlaceholderText("Type a note")
    edit.setText("typed by the patient")  # data: never checked
    combo = QComboBox()
    combo.addItems([pseudo("Walking"), "Cycling"])
    combo.setAccessibleName(pseudo("Activity"))
    _show(window, button, box, edit, combo)
    assert sorted(_texts(window)) == ["Cycling", "Reminders", "Saves the plan", "Type a note"]


def test_qt_own_button_words_are_skipped_but_a_renamed_one_is_checked(window: QWidget) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Save plan")
    _show(window, buttons)
    assert _texts(window) == ["Save plan"]


def test_table_headers_and_visible_cells(window: QWidget) -> None:
    model = QStandardItemModel(0, 2)
    model.setHorizontalHeaderLabels([pseudo("Day"), "Minutes"])
    model.appendRow([QStandardItem(pseudo("Monday")), QStandardItem("12")])
    model.appendRow([QStandardItem("Tuesday"), QStandardItem("8")])
    table = QTableView()
    table.setModel(model)
    _show(window, table)
    assert sorted(_texts(window)) == ["Minutes", "Tuesday"]


def test_a_hidden_label_is_not_checked(window: QWidget) -> None:
    hidden = QLabel("Only in therapist mode")
    _show(window, hidden)
    hidden.hide()
    assert _texts(window) == []


class _Painted(QWidget):
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawText(10, 20, "Left")
        painter.drawText(60, 20, pseudo("Right"))
        painter.end()


def test_text_a_widget_paints_itself_is_read(window: QWidget) -> None:
    painted = _Painted()
    painted.setMinimumSize(120, 40)
    _show(window, painted)
    assert _texts(window) == ["Left"]


def test_chart_titles_axis_labels_and_text_items(window: QWidget) -> None:
    plot = pg.PlotWidget()
    plot.setLabel("left", "Pain")
    plot.setLabel("bottom", pseudo("Week"))
    label = pg.TextItem(pseudo("Surgery"))
    plot.addItem(label)
    label.setPos(0.5, 0.5)
    other = pg.TextItem("Flare-up")
    plot.addItem(other)
    other.setPos(0.2, 0.2)
    plot.setXRange(0, 1)
    plot.setYRange(0, 1)
    plot.setMinimumSize(300, 250)
    _show(window, plot)
    found = _texts(window)
    assert sorted(text.strip() for text in found) == ["Flare-up", "Pain"]


def test_a_wrapped_painted_note_counts_as_data(window: QWidget) -> None:
    class Wrapped(QWidget):
        def paintEvent(self, event: QPaintEvent) -> None:
            painter = QPainter(self)
            note = "Walked to the park with my daughter after lunch."
            painter.drawText(QRectF(0, 0, 90, 200), int(Qt.TextFlag.TextWordWrap), note)
            painter.end()

    painted = Wrapped()
    painted.setMinimumSize(100, 200)
    _show(window, painted)
    assert _texts(window, ("Walked to the park with my daughter after lunch.",)) == []
    assert _texts(window) != []
