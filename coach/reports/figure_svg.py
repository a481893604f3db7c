"""The exercise figure as an SVG for print: start pose and end pose side by side.

Pure Python: it draws the same primitives as the app's FigureView, with fixed colours that
print well in colour and in grey. Side by side reads better on paper than a faint "ghost" of
the end pose drawn over the start: older eyes do not have to untangle two overlapping bodies.
"""

from __future__ import annotations

from html import escape

from coach.domain.figure import (
    NOSE_RADIUS,
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
    arrowhead,
    figure_bounds,
    figure_drawing,
    figure_title,
)

_Rgb = tuple[int, int, int]
INK: _Rgb = (34, 34, 34)
PAPER: _Rgb = (255, 255, 255)
ACCENT: _Rgb = (42, 122, 184)
WATER = "#4a8cdc"
PANEL_GAP = 26.0  # figure units between the two panels; the "then" chevron sits here
PIXELS_PER_UNIT = 2.0


def _mix(a: _Rgb, b: _Rgb, amount: float) -> _Rgb:
    """The colour `amount` (0..1) of the way from a to b."""
    red, green, blue = (round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))
    return (red, green, blue)


def _hex(colour: _Rgb) -> str:
    return "#" + "".join(f"{c:02x}" for c in colour)


ACCENT_HEX = _hex(ACCENT)


def _body_colour(far: bool, highlight: float) -> str:
    base = _mix(INK, PAPER, 0.5) if far else INK
    accent = _mix(ACCENT, PAPER, 0.35) if far else ACCENT
    return _hex(_mix(base, accent, highlight))


class _Panel:
    """Maps figure units (y up) to SVG units (y down) for one panel."""

    def __init__(self, box: Box, left: float) -> None:
        self._box = box
        self._left = left

    def xy(self, point: Point) -> str:
        x = self._left + point.x - self._box.left
        y = self._box.top - point.y
        return f"{x:.1f},{y:.1f}"

    def path(self, points: tuple[Point, ...]) -> str:
        return " ".join(self.xy(p) for p in points)


def _stroke(colour: str, width: float) -> str:
    return (
        f'fill="none" stroke="{colour}" stroke-width="{width:g}" '
        'stroke-linecap="round" stroke-linejoin="round"'
    )


def _element(item: Primitive, panel: _Panel) -> str:
    if isinstance(item, Bone):
        colour = _body_colour(item.far, item.highlight)
        return f'<polyline points="{panel.path(item.points)}" {_stroke(colour, item.width)}/>'
    if isinstance(item, Head):
        colour = _body_colour(False, item.highlight)
        cx, cy = panel.xy(item.center).split(",")
        head = f'<circle cx="{cx}" cy="{cy}" r="{item.radius:g}" fill="{colour}"/>'
        if item.nose is None:
            return head
        nx, ny = panel.xy(item.center + item.nose.scaled(item.radius)).split(",")
        return head + f'<circle cx="{nx}" cy="{ny}" r="{NOSE_RADIUS:g}" fill="{colour}"/>'
    if isinstance(item, Glow):
        cx, cy = panel.xy(item.center).split(",")
        opacity = f"{0.5 * item.strength:.2f}"
        return (
            f'<circle cx="{cx}" cy="{cy}" r="{item.radius:g}" fill="{ACCENT_HEX}" '
            f'opacity="{opacity}"/>'
        )
    if isinstance(item, PropShape):
        return _prop_element(item, panel)
    return _arrow_element(item, panel)


def _prop_element(item: PropShape, panel: _Panel) -> str:
    points = panel.path(item.points)
    if item.style == "water" and item.closed:
        return f'<polygon points="{points}" fill="{WATER}" fill-opacity="0.2"/>'
    if item.style == "water":
        return f'<polyline points="{points}" {_stroke(WATER, THIN_WIDTH)}/>'
    if item.style in ("fill", "area"):
        colour = _hex(_mix(INK, PAPER, 0.86 if item.style == "fill" else 0.93))
        return f'<polygon points="{points}" fill="{colour}"/>'
    thin = item.style == "thin"
    colour = ACCENT_HEX if thin else _hex(_mix(INK, PAPER, 0.6))
    tag = "polygon" if item.closed else "polyline"
    return f'<{tag} points="{points}" {_stroke(colour, THIN_WIDTH if thin else PROP_WIDTH)}/>'


def _arrow_element(item: Arrow, panel: _Panel) -> str:
    colour = ACCENT_HEX
    head = arrowhead(item)
    return (
        f'<polyline points="{panel.path(item.points)}" {_stroke(colour, 2)}/>'
        f'<polygon points="{panel.path(head)}" fill="{colour}"/>'
    )


def _then_arrow(box: Box, left: float) -> str:
    """A plain grey arrow between the panels meaning "then"."""
    middle = (box.top - box.bottom) / 2
    x0, x1 = left + 5, left + PANEL_GAP - 5
    colour = _hex(_mix(INK, PAPER, 0.55))
    return (
        f'<line x1="{x0:.1f}" y1="{middle:.1f}" x2="{x1 - 2:.1f}" y2="{middle:.1f}" '
        f"{_stroke(colour, 3)}/>"
        f'<polyline points="{x1 - 7:.1f},{middle - 6:.1f} {x1:.1f},{middle:.1f} '
        f'{x1 - 7:.1f},{middle + 6:.1f}" {_stroke(colour, 3)}/>'
    )


def _group(name: str, figure: Figure, t: float, panel: _Panel, arrows: bool) -> str:
    primitives = figure_drawing(figure, t, arrows=arrows).primitives
    return f'<g id="{name}">' + "".join(_element(p, panel) for p in primitives) + "</g>"


def figure_svg(figure: Figure, title: str | None = None) -> str:
    """An SVG document: the start pose (with movement arrows), a chevron, the end pose."""
    label = escape(f"Drawing of {title or figure_title(figure.id)}")
    box = figure_bounds(figure)
    width = 2 * box.width + PANEL_GAP
    height = box.height
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.1f} {height:.1f}" '
        f'width="{width * PIXELS_PER_UNIT:.0f}" height="{height * PIXELS_PER_UNIT:.0f}" '
        f'role="img" aria-label="{label}">',
        f"<title>{label}</title>",
        "<desc>Start position on the left, end position on the right.</desc>",
        _group("start", figure, 0.0, _Panel(box, 0.0), arrows=True),
        _then_arrow(box, box.width),
        _group("end", figure, 1.0, _Panel(box, box.width + PANEL_GAP), arrows=False),
        "</svg>",
        "",
    ]
    return "\n".join(parts)
