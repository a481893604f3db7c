"""The body map the patient taps: back and front, left and right, each region of REFERENCE 8.

Mouse only: the same regions are reachable by keyboard (and by screen readers, with their
names) as the checklist beside it (``RegionChecklist``). The map shows what is marked, the
pain score in each marked region, and the region being edited.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from coach.domain.i18n import _
from coach.ui.journal.body_paint import (
    UNIT_H,
    UNIT_W,
    Look,
    intensity_colour,
    layout_for,
    paint_body,
    region_at,
)


def screen_look(palette: QPalette) -> Look:
    """The map's colours from the app's palette (light or dark)."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.WindowText)
    body = QColor(base).darker(112) if base.lightness() > 128 else QColor(base).lighter(160)
    edge = QColor(text)
    edge.setAlpha(170)
    return Look(body, edge, text, palette.color(QPalette.ColorRole.Highlight))


MAX_HEIGHT = 470  # the whole body stays in view beside the controls on a 768 px screen


class BodyMap(QWidget):
    """Two figures; a click on a region emits ``region_clicked`` with its id."""

    region_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scores: dict[str, int] = {}
        self._current: str | None = None
        self.setMinimumWidth(300)
        self._fit_text()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Body map, back and front"))
        self.setAccessibleDescription(
            _(
                "Click where it hurts. The list of body parts beside the map does the same by "
                "keyboard."
            )
        )

    def _tallest(self) -> int:
        """Taller at big text, so the figures keep their size under bigger words."""
        return round(MAX_HEIGHT + 3.5 * self._text_px())

    def _fit_text(self) -> None:
        self.setFixedHeight(self._tallest())  # in a page that scrolls: never squeezed
        self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_text()

    def sizeHint(self) -> QSize:
        high = self._tallest()
        return QSize(round((high - 2.6 * self._text_px()) * UNIT_W * 2.18 / UNIT_H), high)

    def show_marks(self, scores: Mapping[str, int], current: str | None) -> None:
        """The marked regions (id -> pain 0-10) and the one being edited."""
        self._scores = dict(scores)
        self._current = current
        self.update()

    def _text_px(self) -> float:
        return float(self.fontMetrics().height()) * 0.8

    def _layout_rect(self) -> QRectF:
        return QRectF(self.rect()).adjusted(4, 4, -4, -4)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            look = screen_look(self.palette())
            fills = {r: intensity_colour(v) for r, v in self._scores.items()}
            texts = {r: str(v) for r, v in self._scores.items()}
            paint_body(
                painter,
                layout_for(self._layout_rect(), self._text_px()),
                look,
                fills,
                texts=texts,
                current=self._current,
            )
        finally:
            painter.end()

    def region_at(self, point: QPointF) -> str | None:
        region = region_at(layout_for(self._layout_rect(), self._text_px()), point)
        return region.id if region is not None else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        region = self.region_at(event.position())
        if region is not None:
            self.region_clicked.emit(region)
        super().mouseReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            from coach.domain.journal import REGION_BY_ID

            region = self.region_at(QPointF(event.pos()))
            if region is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), _(REGION_BY_ID[region].name), self)
            return True
        return super().event(event)

    def centre_of(self, region_id: str) -> QPointF:
        """Where a region is on screen (tests click it there)."""
        from coach.domain.journal import REGION_BY_ID

        path = layout_for(self._layout_rect(), self._text_px()).path(REGION_BY_ID[region_id])
        centre = path.boundingRect().center()
        if path.contains(centre):
            return centre
        return path.pointAtPercent(0.0) * 0.5 + centre * 0.5
