"""FigureView: paints an exercise figure with QPainter and can animate it start -> end -> start."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QPointF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from coach.domain.figure import (
    PROP_WIDTH,
    THIN_WIDTH,
    Arrow,
    Bone,
    Box,
    Figure,
    Glow,
    Head,
    Point,
    Primitive,
    PropShape,
    figure_bounds,
    figure_drawing,
)

_FRAME_MS = 40
_WATER = QColor(70, 140, 220)


def _blend(a: QColor, b: QColor, amount: float) -> QColor:
    """a moved `amount` (0..1) of the way towards b."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def _qpoint(point: Point) -> QPointF:
    return QPointF(point.x, point.y)


def figure_title(figure_id: str) -> str:
    """A readable name from an id, for when the caller has no exercise name: "figure-4" -> ..."""
    return figure_id.replace("-", " ").capitalize()


class FigureView(QWidget):
    """Shows one figure at a phase (0 start pose, 1 end pose), or loops between them.

    The phase is driven from outside with ``set_phase`` (the session player does this), or by the
    built-in animation, which reads the injected clock so it never drifts and tests need no sleep.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._figure: Figure | None = None
        self._bounds: Box | None = None
        self._phase = 0.0
        self._arrows_visible = True
        self._period_s = 4.0
        self._animation_started = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(_FRAME_MS)
        self._timer.timeout.connect(self._on_frame)
        self.setAccessibleName("Exercise drawing")

    def set_figure(self, figure: Figure | None, title: str | None = None) -> None:
        """Show a figure; `title` is the exercise's name for screen readers."""
        self._figure = figure
        self._bounds = figure_bounds(figure) if figure is not None else None
        if figure is None:
            self.setAccessibleName("Exercise drawing")
            self.setAccessibleDescription("")
        else:
            name = title or figure_title(figure.id)
            self.setAccessibleName(f"Drawing of {name}")
            self.setAccessibleDescription(f"A figure showing how to move in {name}.")
        self.update()

    def figure(self) -> Figure | None:
        return self._figure

    def phase(self) -> float:
        return self._phase

    def set_phase(self, t: float) -> None:
        """0 draws the start pose, 1 the end pose, anything between a pose on the way."""
        self._phase = min(1.0, max(0.0, t))
        self.update()

    def set_arrows_visible(self, visible: bool) -> None:
        self._arrows_visible = visible
        self.update()

    def start_animation(self, period_s: float = 4.0) -> None:
        """Loop start -> end -> start every `period_s` seconds until stop_animation()."""
        self._period_s = max(0.5, period_s)
        self._animation_started = self._clock()
        self._timer.start()
        self._on_frame()

    def stop_animation(self) -> None:
        self._timer.stop()

    def is_animating(self) -> bool:
        return self._timer.isActive()

    def _on_frame(self) -> None:
        cycle = ((self._clock() - self._animation_started) % self._period_s) / self._period_s
        self.set_phase((1 - math.cos(2 * math.pi * cycle)) / 2)

    def sizeHint(self) -> QSize:
        return QSize(240, 180)

    def minimumSizeHint(self) -> QSize:
        return QSize(96, 72)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Window)
        painter.fillRect(self.rect(), background)
        if self._figure is None or self._bounds is None:
            painter.end()
            return
        box = self._bounds
        scale = 0.94 * min(self.width() / box.width, self.height() / box.height)
        painter.translate(
            self.width() / 2 - scale * (box.left + box.right) / 2,
            self.height() / 2 + scale * (box.bottom + box.top) / 2,
        )
        painter.scale(scale, -scale)
        drawing = figure_drawing(self._figure, self._phase, arrows=self._arrows_visible)
        ink = palette.color(QPalette.ColorRole.WindowText)
        colours = _Colours(ink, background, palette.color(QPalette.ColorRole.Highlight))
        for primitive in drawing.primitives:
            _paint(painter, primitive, colours)
        painter.end()


class _Colours:
    """Colours derived from the palette, so light and dark themes both work."""

    def __init__(self, ink: QColor, background: QColor, accent: QColor) -> None:
        self.ink = ink
        self.far = _blend(ink, background, 0.55)
        self.prop_line = _blend(ink, background, 0.6)
        self.prop_fill = _blend(ink, background, 0.82)
        self.accent = accent

    def body(self, far: bool, highlight: float) -> QColor:
        base = self.far if far else self.ink
        accent = _blend(self.accent, base, 0.4) if far else self.accent
        return _blend(base, accent, highlight)


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _paint(painter: QPainter, item: Primitive, colours: _Colours) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if isinstance(item, Bone):
        painter.setPen(_pen(colours.body(item.far, item.highlight), item.width))
        painter.drawPolyline(QPolygonF([_qpoint(q) for q in item.points]))
    elif isinstance(item, Head):
        colour = colours.body(False, item.highlight)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(_qpoint(item.center), item.radius, item.radius)
        if item.nose is not None:
            painter.setPen(_pen(colour, 3.0))
            tip = item.center + item.nose.scaled(item.radius + 1.5)
            painter.drawLine(_qpoint(item.center), _qpoint(tip))
    elif isinstance(item, Glow):
        colour = QColor(colours.accent)
        colour.setAlphaF(0.55 * item.strength)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(_qpoint(item.center), item.radius, item.radius)
    elif isinstance(item, PropShape):
        _paint_prop(painter, item, colours)
    elif isinstance(item, Arrow):
        _paint_arrow(painter, item, colours.accent)


def _paint_prop(painter: QPainter, item: PropShape, colours: _Colours) -> None:
    polygon = QPolygonF([_qpoint(q) for q in item.points])
    if item.style == "water":
        fill = QColor(_WATER)
        fill.setAlphaF(0.25)
        painter.setPen(_pen(_WATER, THIN_WIDTH))
        painter.setBrush(fill)
        painter.drawPolygon(polygon)
    elif item.style == "fill":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours.prop_fill)
        painter.drawPolygon(polygon)
    else:
        width = THIN_WIDTH if item.style == "thin" else PROP_WIDTH
        colour = colours.accent if item.style == "thin" else colours.prop_line
        painter.setPen(_pen(colour, width))
        if item.closed:
            painter.drawPolygon(polygon)
        else:
            painter.drawPolyline(polygon)


def _paint_arrow(painter: QPainter, arrow: Arrow, colour: QColor) -> None:
    path = QPainterPath(_qpoint(arrow.points[0]))
    for point in arrow.points[1:]:
        path.lineTo(_qpoint(point))
    painter.setPen(_pen(colour, 2.0))
    painter.drawPath(path)
    tip, before = arrow.points[-1], arrow.points[-2]
    angle = math.atan2(tip.y - before.y, tip.x - before.x)
    wings = [
        QPointF(tip.x - 5 * math.cos(angle + s), tip.y - 5 * math.sin(angle + s))
        for s in (0.5, -0.5)
    ]
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon(QPolygonF([_qpoint(tip), *wings]))
