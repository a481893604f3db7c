"""Chart titles and legends as ordinary Qt widgets above each chart: they scale with the app's
text size, screen readers can read them, and they never cover the newest data points."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coach.reports.chart_spec import Line, Look
from coach.ui.common.widgets import label
from coach.ui.progress.chart_data import ChartTheme

PEN_STYLES: dict[Line, Qt.PenStyle] = {
    "solid": Qt.PenStyle.SolidLine,
    "dashed": Qt.PenStyle.DashLine,
    "dotted": Qt.PenStyle.DotLine,
    "dashdot": Qt.PenStyle.DashDotLine,
    "none": Qt.PenStyle.NoPen,
}


@dataclass(frozen=True)
class Key:
    """One legend entry: the words, and how the series looks."""

    text: str
    colour: str
    line: Qt.PenStyle = Qt.PenStyle.SolidLine  # NoPen: no line
    width: float = 3.0
    marker: str = ""  # 'o' circle, 't' triangle, 's' square, 'd' diamond, 'bar'


def legend_key(text: str, look: Look, theme: ChartTheme) -> Key:
    """The legend entry of a series drawn with ``look`` on this theme."""
    return Key(text, theme.ink(look.colour), PEN_STYLES[look.line], look.width, look.marker)


def swatch(key: Key, height: int) -> QPixmap:
    """A small picture of the series: its line style and marker (or a bar)."""
    width = int(height * 2.2)
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(key.colour)
    mid = height / 2
    if key.marker == "bar":
        painter.fillRect(
            int(width * 0.2), int(height * 0.15), int(width * 0.6), int(height * 0.7), colour
        )
    if key.line != Qt.PenStyle.NoPen and key.marker != "bar":
        pen = QPen(colour, key.width, key.line)
        painter.setPen(pen)
        painter.drawLine(QPointF(2, mid), QPointF(width - 2, mid))
    size = height * 0.28
    centre = QPointF(width / 2, mid)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    if key.marker == "o":
        painter.drawEllipse(centre, size, size)
    elif key.marker == "t":
        painter.drawPolygon(
            QPolygonF(
                [
                    centre + QPointF(0, size * 1.2),
                    centre + QPointF(-size * 1.2, -size),
                    centre + QPointF(size * 1.2, -size),
                ]
            )
        )
    elif key.marker == "s":
        painter.drawRect(
            int(centre.x() - size), int(centre.y() - size), int(2 * size), int(2 * size)
        )
    elif key.marker == "d":
        painter.drawPolygon(
            QPolygonF(
                [
                    centre + QPointF(0, -size * 1.3),
                    centre + QPointF(size * 1.3, 0),
                    centre + QPointF(0, size * 1.3),
                    centre + QPointF(-size * 1.3, 0),
                ]
            )
        )
    painter.end()
    return pixmap


class ChartFrame(QWidget):
    """A heading, a one-line legend and the chart itself."""

    def __init__(self, title: str, chart: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.title = label(title, "heading", self)
        column.addWidget(self.title)
        self.notes = label("", None, self)  # what the chart shows, in sentences (if it says)
        self.notes.hide()
        column.addWidget(self.notes)
        self._legend = QGridLayout()
        self._legend.setHorizontalSpacing(24)
        self._legend.setVerticalSpacing(2)
        column.addLayout(self._legend)
        chart.setParent(self)
        column.addWidget(chart, 1)
        self._keys: list[Key] = []
        self._pictures: list[QLabel] = []

    def set_notes(self, notes: Sequence[str]) -> None:
        """Plain sentences above the chart (e.g. what the leg pain reach means)."""
        text = "\n".join(notes)
        if text != self.notes.text():
            self.notes.setText(text)
        self.notes.setVisible(bool(text))

    def set_keys(self, keys: list[Key]) -> None:
        """Replace the legend (colours change with the theme)."""
        while self._legend.count():
            item = self._legend.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self._keys = keys
        self._pictures = []
        height = max(14, self.fontMetrics().height())
        columns = 2 if len(keys) > 3 else len(keys)  # four keys read best as two rows
        for index, key in enumerate(keys):
            entry = QWidget(self)
            row = QHBoxLayout(entry)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(6)
            picture = QLabel(entry)
            picture.setPixmap(swatch(key, height))
            self._pictures.append(picture)
            row.addWidget(picture)
            row.addWidget(label(key.text, None, entry), 1)
            self._legend.addWidget(entry, index // columns, index % columns)
            entry.show()  # needed when the frame is already visible (theme changes)
        for column in range(max(columns, 4)):  # the text shares the width; nothing left over
            self._legend.setColumnStretch(column, 1 if column < columns else 0)

    def legend(self) -> list[Key]:
        return list(self._keys)
