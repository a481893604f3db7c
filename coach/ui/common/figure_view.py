"""FigureView: paints an exercise figure with QPainter and can animate it start -> end -> start."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QPointF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from coach.domain import figure as fig
from coach.domain.i18n import _

_FRAME_MS = 40
_WATER_RGB = (70, 140, 220)  # the one fixed colour: water is blue in any theme


def _blend(a: QColor, b: QColor, amount: float) -> QColor:
    """a moved `amount` (0..1) of the way towards b."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def _polygon(points: tuple[fig.Point, ...]) -> QPolygonF:
    return QPolygonF([QPointF(p.x, p.y) for p in points])


class FigureView(QWidget):
    """Shows one figure at a phase (0 first key pose, 1 last), or loops through them.

    The phase is driven from outside with ``set_phase`` (the session player does this), or by the
    built-in animation, which reads the injected clock so it never drifts and tests need no sleep.
    """

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._figure: fig.Figure | None = None
        self._bounds: fig.Box | None = None
        self._phase = 0.0
        self._arrows_visible = True
        self._period_s = 4.0
        self._animation_started = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(_FRAME_MS)
        self._timer.timeout.connect(self._on_frame)
        self.setAccessibleName(_("Exercise drawing"))

    def set_figure(self, figure: fig.Figure | None, title: str | None = None) -> None:
        """Show a figure; `title` is the exercise's name for screen readers."""
        self._figure = figure
        self._bounds = fig.figure_bounds(figure) if figure is not None else None
        name = (title or fig.figure_title(figure.id)) if figure is not None else ""
        self.setAccessibleName(
            _("Drawing of {exercise}").format(exercise=name) if name else _("Exercise drawing")
        )
        self.setAccessibleDescription(
            _("A figure showing how to do {exercise}.").format(exercise=name) if name else ""
        )
        self.update()

    def figure(self) -> fig.Figure | None:
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
        """Loop first -> last key pose -> first until stop_animation(): `period_s` seconds for
        a figure of two key poses, that long for each step between key poses of a longer one."""
        self._period_s = max(0.5, period_s)
        self._animation_started = self._clock()
        self._timer.start()
        self._on_frame()

    def stop_animation(self) -> None:
        self._timer.stop()

    def is_animating(self) -> bool:
        return self._timer.isActive()

    def _on_frame(self) -> None:
        steps = len(self._figure.poses) - 1 if self._figure is not None else 1
        period = self._period_s * steps
        cycle = ((self._clock() - self._animation_started) % period) / period
        self.set_phase((1 - math.cos(2 * math.pi * cycle)) / 2)

    def sizeHint(self) -> QSize:
        return QSize(240, 180)

    def minimumSizeHint(self) -> QSize:
        return QSize(96, 72)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:  # a painter left open after an error breaks every later paint of this widget
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = QPalette(self.palette())  # an owned copy, not a view into the widget
        background = palette.color(QPalette.ColorRole.Window)
        painter.fillRect(self.rect(), background)
        if self._figure is not None and self._bounds is not None:
            box = self._bounds
            scale = 0.94 * min(self.width() / box.width, self.height() / box.height)
            painter.translate(
                self.width() / 2 - scale * (box.left + box.right) / 2,
                self.height() / 2 + scale * (box.bottom + box.top) / 2,
            )
            painter.scale(scale, -scale)  # figure units, y up
            ink = palette.color(QPalette.ColorRole.WindowText)
            brushes = _Brushes(ink, background, palette.color(QPalette.ColorRole.Highlight))
            drawing = fig.figure_drawing(self._figure, self._phase, arrows=self._arrows_visible)
            for primitive in drawing.primitives:
                brushes.paint(painter, primitive)


class _Brushes:
    """Colours derived from the palette (so light and dark themes both work) and the painting."""

    def __init__(self, ink: QColor, background: QColor, accent: QColor) -> None:
        self.ink = ink
        self.background = background
        self.far = _blend(ink, background, 0.55)
        self.prop_line = _blend(ink, background, 0.6)
        self.prop_fill = _blend(ink, background, 0.86)
        self.area = _blend(ink, background, 0.93)
        self.accent = accent
        self.water = QColor(*_WATER_RGB)

    def body(self, far: bool, highlight: float) -> QColor:
        base = self.far if far else self.ink
        accent = _blend(self.accent, base, 0.4) if far else self.accent
        return _blend(base, accent, highlight)

    def paint(self, painter: QPainter, item: fig.Primitive) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if isinstance(item, fig.Bone):
            if item.rim:
                painter.setPen(_pen(self.background, item.width + fig.RIM_WIDTH))
                painter.drawPolyline(_polygon(item.points))
            painter.setPen(_pen(self.body(item.far, item.highlight), item.width))
            painter.drawPolyline(_polygon(item.points))
        elif isinstance(item, fig.Head):
            painter.setBrush(self.body(False, item.highlight))
            painter.drawEllipse(QPointF(item.center.x, item.center.y), item.radius, item.radius)
            if item.nose is not None:
                nose = item.center + item.nose.scaled(item.radius)
                painter.drawEllipse(QPointF(nose.x, nose.y), fig.NOSE_RADIUS, fig.NOSE_RADIUS)
        elif isinstance(item, fig.Glow):
            glow = QColor(self.accent)
            glow.setAlphaF(0.55 * item.strength)
            painter.setBrush(glow)
            painter.drawEllipse(QPointF(item.center.x, item.center.y), item.radius, item.radius)
        elif isinstance(item, fig.PropShape):
            self._paint_prop(painter, item)
        elif isinstance(item, fig.Stroke):
            self._paint_stroke(painter, item)
        else:
            self._paint_arrow(painter, item)

    def _paint_prop(self, painter: QPainter, item: fig.PropShape) -> None:
        polygon = _polygon(item.points)
        if item.style == "water" and item.closed:
            water = QColor(self.water)
            water.setAlphaF(0.22)
            painter.setBrush(water)
            painter.drawPolygon(polygon)
        elif item.style in ("fill", "area"):
            painter.setBrush(self.prop_fill if item.style == "fill" else self.area)
            painter.drawPolygon(polygon)
        else:
            colour, width = {
                "water": (self.water, fig.THIN_WIDTH),
                "thin": (self.accent, fig.THIN_WIDTH),
            }.get(item.style, (self.prop_line, fig.PROP_WIDTH))
            painter.setPen(_pen(colour, width))
            if item.closed:
                painter.drawPolygon(polygon)
            else:
                painter.drawPolyline(polygon)

    def _paint_arrow(self, painter: QPainter, arrow: fig.Arrow) -> None:
        painter.setPen(_pen(self.accent, 2.0))
        painter.drawPolyline(_polygon(arrow.points))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.accent)
        painter.drawPolygon(_polygon(fig.arrowhead(arrow.points)))

    def _paint_stroke(self, painter: QPainter, stroke: fig.Stroke) -> None:
        colour = QColor(self.accent)
        colour.setAlphaF(stroke.strength)
        painter.setPen(_pen(colour, 2.0))
        painter.drawPolyline(_polygon(stroke.points))
        if stroke.head:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawPolygon(_polygon(fig.arrowhead(stroke.points, 3.5)))


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen
