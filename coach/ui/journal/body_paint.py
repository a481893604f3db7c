"""The body map's drawing: two figures (back and front), each region a shape that can be
filled, outlined and hit by a click. Shared by the journal's map and the clinic report's
summary, so both show the same body.

Shapes are in a unit box per figure (100 wide, 240 high) for the leg on the *viewer's* left;
the other leg is its mirror. Seen from the back, the patient's left is on the viewer's left;
seen from the front it is on the viewer's right.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)

from coach.domain.i18n import pgettext
from coach.domain.journal import REGIONS, Region

UNIT_W, UNIT_H = 100.0, 244.0
GAP = 0.18  # the space between the figures, as a share of one figure's width

# (x, y) points for the viewer-left leg (or the viewer-left side of the lower back).
_SHAPES: dict[str, tuple[tuple[float, float], ...]] = {
    "lower-back": ((30, 82), (43, 82), (43, 105), (29, 105)),
    "lower-back-centre": ((44, 82), (56, 82), (56, 105), (44, 105)),
    "buttock": ((29, 106), (49.2, 106), (49.2, 132), (42, 136), (31, 134)),
    "thigh-back": ((31, 137), (49.2, 137), (48, 176), (36, 176)),
    "calf": ((35.5, 184), (48, 184), (46.5, 219), (38.5, 219)),
    "sole": ((38, 223), (46.5, 223), (47, 236), (37.5, 236)),
    "groin": ((37, 106), (49.2, 106), (49.2, 126), (45, 126)),
    "thigh-front": ((30, 110), (36, 107), (44.5, 127), (49.2, 127), (48, 176), (36, 176)),
    "shin": ((35.5, 184), (48, 184), (46.5, 219), (38.5, 219)),
    "foot-top": ((38, 223), (46.5, 223), (48, 238), (30, 238), (33, 232)),
}
# The rest of the body, drawn but not a region.
_OUTLINE_POLYS: tuple[tuple[tuple[float, float], ...], ...] = (
    ((43, 24), (57, 24), (57, 30), (43, 30)),  # neck
    ((28, 31), (72, 31), (72, 81), (71, 106), (29, 106), (28, 81)),  # trunk
    ((21, 33), (28, 31), (28, 80), (23, 112), (17, 110), (20, 78)),  # arm (viewer's left)
    ((79, 33), (72, 31), (72, 80), (77, 112), (83, 110), (80, 78)),  # arm (viewer's right)
    ((36, 176), (48, 176), (48, 184), (35.5, 184)),  # knee
    ((52, 176), (64, 176), (64.5, 184), (52, 184)),  # knee
    ((38.5, 219), (46.5, 219), (46.5, 223), (38, 223)),  # ankle
    ((53.5, 219), (61.5, 219), (62, 223), (53.5, 223)),  # ankle
)
_FRONT_HIPS = (  # the outer hip in front, above the front of the thigh
    ((29, 106), (37, 106), (36, 107), (30, 110)),
    ((71, 106), (63, 106), (64, 107), (70, 110)),
)


def _shape_key(region: Region) -> str:
    return "lower-back-centre" if region.id == "lower-back-centre" else region.id.rsplit("-", 1)[0]


def _viewer_left(region: Region) -> bool:
    """Is the region's side on the viewer's left in its view?"""
    return (region.side == "left") == (region.view == "back")


def _polygon(points: tuple[tuple[float, float], ...], mirror: bool) -> QPolygonF:
    return QPolygonF([QPointF(UNIT_W - x if mirror else x, y) for x, y in points])


def unit_path(region: Region) -> QPainterPath:
    """The region's shape in its figure's unit box."""
    path = QPainterPath()
    mirror = region.side != "centre" and not _viewer_left(region)
    path.addPolygon(_polygon(_SHAPES[_shape_key(region)], mirror))
    path.closeSubpath()
    return path


@dataclass(frozen=True)
class Layout:
    """Where the two figures sit in a widget or image: ``scale`` px per unit; the back figure
    at ``back``, the front one at ``front`` (top-left corners of their unit boxes)."""

    scale: float
    back: QPointF
    front: QPointF
    text_px: float = 0.0

    def transform(self, view: str) -> QTransform:
        origin = self.back if view == "back" else self.front
        return QTransform(self.scale, 0, 0, self.scale, origin.x(), origin.y())

    def path(self, region: Region) -> QPainterPath:
        return self.transform(region.view).map(unit_path(region))


def layout_for(rect: QRectF, text_px: float = 0.0) -> Layout:
    """The largest two figures, side by side, that fit ``rect`` (centred), with room above
    for two lines of ``text_px`` high text (the names of the views and sides)."""
    total_w = UNIT_W * (2 + GAP)
    words = 2.6 * text_px
    scale = min(rect.width() / total_w, (rect.height() - words) / UNIT_H)
    left = rect.x() + (rect.width() - total_w * scale) / 2
    top = rect.y() + (rect.height() - words - UNIT_H * scale) / 2 + words
    return Layout(
        scale, QPointF(left, top), QPointF(left + UNIT_W * (1 + GAP) * scale, top), text_px
    )


def region_at(layout: Layout, point: QPointF) -> Region | None:
    """The region under ``point`` (a click), if any."""
    return next((r for r in REGIONS if layout.path(r).contains(point)), None)


@dataclass(frozen=True)
class Look:
    """Colours for one theme (the map on screen) or for print."""

    body: QColor
    edge: QColor
    text: QColor
    current: QColor


def intensity_colour(value: int) -> QColor:
    """Pale yellow (0) through orange to dark red (10): one hue scale, readable by people who
    do not see red and green apart, because it also gets darker."""
    stops = ((0, (255, 237, 160)), (5, (240, 130, 40)), (10, (150, 20, 20)))
    for (a, ca), (b, cb) in itertools.pairwise(stops):
        if value <= b:
            t = (value - a) / (b - a)
            return QColor(*(round(x + (y - x) * t) for x, y in zip(ca, cb, strict=True)))
    return QColor(*stops[-1][1])


def paint_body(
    painter: QPainter,
    layout: Layout,
    look: Look,
    fills: Mapping[str, QColor],
    *,
    texts: Mapping[str, str] | None = None,
    current: str | None = None,
    focus: str | None = None,
) -> None:
    """The two figures, the marked regions filled, their texts (e.g. a pain score or a count)
    written in them, ``current`` outlined thick and ``focus`` dashed."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    thin = QPen(look.edge, max(1.0, layout.scale * 0.6))
    for view in ("back", "front"):
        t = layout.transform(view)
        painter.setPen(thin)
        painter.setBrush(look.body)
        painter.drawEllipse(t.mapRect(QRectF(40, 2, 20, 23)))
        for poly in _OUTLINE_POLYS + (_FRONT_HIPS if view == "front" else ()):
            painter.drawPolygon(t.map(_polygon(poly, False)))
        _titles(painter, layout, look, view)
    for region in REGIONS:
        path = layout.path(region)
        painter.setPen(thin)
        painter.setBrush(fills.get(region.id, look.body))
        painter.drawPath(path)
    font = QFont(painter.font())
    font.setPixelSize(max(8, round(layout.scale * 7)))
    font.setBold(True)
    painter.setFont(font)
    for region_id, text in (texts or {}).items():
        region = next(r for r in REGIONS if r.id == region_id)
        box = layout.path(region).boundingRect()
        fill = fills.get(region_id, look.body)
        painter.setPen(QColor("white") if fill.lightness() < 140 else QColor("black"))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
    for outlined, style in ((current, Qt.PenStyle.SolidLine), (focus, Qt.PenStyle.DashLine)):
        if outlined is None:
            continue
        region = next(r for r in REGIONS if r.id == outlined)
        pen = QPen(look.current, max(2.5, layout.scale * 1.6), style)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(layout.path(region))
    painter.restore()


def _titles(painter: QPainter, layout: Layout, look: Look, view: str) -> None:
    """'Back' or 'Front' above the figure (bold), and under it which side is the patient's
    left and right, at the text size the layout was made for."""
    px = layout.text_px or max(9.0, layout.scale * 8)
    origin = layout.back if view == "back" else layout.front
    width = UNIT_W * layout.scale
    font = QFont(painter.font())
    font.setPixelSize(round(px))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(look.text)
    title = QRectF(origin.x(), origin.y() - 2.6 * px, width, 1.3 * px)
    painter.drawText(title, int(Qt.AlignmentFlag.AlignCenter), view_title(view))
    font.setBold(False)
    font.setPixelSize(round(px * 0.8))
    left, right = pgettext("body side", "Left"), pgettext("body side", "Right")
    sides = (left, right) if view == "back" else (right, left)
    metrics = QFontMetricsF(font)
    needed = metrics.horizontalAdvance(sides[0]) + metrics.horizontalAdvance(sides[1]) + px / 2
    if needed > width:  # longer words (another language): smaller, never overlapping
        font.setPixelSize(max(6, int(px * 0.8 * width / needed)))
    painter.setFont(font)
    row = QRectF(origin.x(), origin.y() - 1.3 * px, width, 1.3 * px)
    painter.drawText(row, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), sides[0])
    painter.drawText(
        row, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), sides[1]
    )


def view_title(view: str) -> str:
    """The heading over a figure: 'Back' (seen from behind) or 'Front'."""
    if view == "back":
        # Translators: over the body figure seen from behind.
        return pgettext("body map view", "Back")
    # Translators: over the body figure seen from the front.
    return pgettext("body map view", "Front")
