"""The exercise figure as an SVG for print: its key poses as a strip of numbered pictures.

Pure Python: it draws the same primitives as the app's FigureView, with fixed colours that
print well in colour and in grey. Side by side reads better on paper than a faint "ghost" of
the end pose drawn over the start: older eyes do not have to untangle two overlapping bodies.
"""

from __future__ import annotations

from html import escape

from coach.domain.figure import (
    NOSE_RADIUS,
    PROP_WIDTH,
    RIM_WIDTH,
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
    Stroke,
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
PANEL_GAP = 26.0  # figure units between two panels; the "then" chevron sits here
NUMBER_SIZE = 11.0  # font size of the key pose numbers, in figure units, for a short strip
# The handout prints a strip at most 42 mm tall and 178 mm wide, so a tall or long strip prints
# smaller: its numbers grow with it so that they still print at 14 pt (4.9 mm) or more.
NUMBER_SHARE_OF_WIDTH = 0.032
NUMBER_SHARE_OF_HEIGHT = 0.16
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

    def __init__(self, box: Box, left: float, top: float = 0.0) -> None:
        self._box = box
        self._left = left
        self._top = top

    def xy(self, point: Point) -> str:
        x = self._left + point.x - self._box.left
        y = self._top + self._box.top - point.y
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
        line = f'<polyline points="{panel.path(item.points)}" {_stroke(colour, item.width)}/>'
        if not item.rim:
            return line
        rim = _stroke(_hex(PAPER), item.width + RIM_WIDTH)
        return f'<polyline points="{panel.path(item.points)}" {rim}/>' + line
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
    if isinstance(item, Stroke):
        return _stroke_element(item, panel)
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


def _stroke_element(item: Stroke, panel: _Panel) -> str:
    opacity = f'opacity="{item.strength:.2f}"'
    line = f'<polyline points="{panel.path(item.points)}" {_stroke(ACCENT_HEX, 2)} {opacity}/>'
    if not item.head:
        return line
    head = panel.path(arrowhead(item.points, 3.5))
    return line + f'<polygon points="{head}" fill="{ACCENT_HEX}" {opacity}/>'


def _arrow_element(item: Arrow, panel: _Panel) -> str:
    colour = ACCENT_HEX
    head = arrowhead(item.points)
    return (
        f'<polyline points="{panel.path(item.points)}" {_stroke(colour, 2)}/>'
        f'<polygon points="{panel.path(head)}" fill="{colour}"/>'
    )


def _number_size(figure: Figure) -> float:
    box = figure_bounds(figure)
    count = len(figure.poses)
    width = count * box.width + (count - 1) * PANEL_GAP
    return max(NUMBER_SIZE, NUMBER_SHARE_OF_WIDTH * width, NUMBER_SHARE_OF_HEIGHT * box.height)


def _label_band(figure: Figure) -> float:
    """Figure units above the panels for the key pose numbers."""
    return round(1.5 * _number_size(figure), 1)


def _then_arrow(box: Box, left: float, band: float) -> str:
    """A plain grey arrow between the panels meaning "then"."""
    middle = band + (box.top - box.bottom) / 2
    x0, x1 = left + 5, left + PANEL_GAP - 5
    colour = _hex(_mix(INK, PAPER, 0.55))
    return (
        f'<line x1="{x0:.1f}" y1="{middle:.1f}" x2="{x1 - 2:.1f}" y2="{middle:.1f}" '
        f"{_stroke(colour, 3)}/>"
        f'<polyline points="{x1 - 7:.1f},{middle - 6:.1f} {x1:.1f},{middle:.1f} '
        f'{x1 - 7:.1f},{middle + 6:.1f}" {_stroke(colour, 3)}/>'
    )


def _number(number: int, left: float, size: float) -> str:
    """The key pose's number in a dark circle at the panel's top left."""
    radius = 0.65 * size
    cx, cy = left + radius + 1, 0.75 * size
    return (
        f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{radius:.1f}" fill="{_hex(INK)}"/>'
        f'<text x="{cx:.1f}" y="{cy + 0.36 * size:.1f}" '
        'font-family="DejaVu Sans, Arial, sans-serif" '
        f'font-size="{size:.1f}" font-weight="bold" text-anchor="middle" fill="{_hex(PAPER)}">'
        f"{number}</text>"
    )


def _group(number: int, figure: Figure, panel: _Panel, arrows: bool) -> str:
    t = figure.key_phase(number - 1)
    primitives = figure_drawing(figure, t, arrows=arrows).primitives
    body = "".join(_element(p, panel) for p in primitives)
    return f'<g id="pose-{number}">{body}</g>'


def strip_size(figure: Figure) -> tuple[float, float]:
    """Width and height of the strip in figure units."""
    box = figure_bounds(figure)
    count = len(figure.poses)
    return count * box.width + (count - 1) * PANEL_GAP, box.height + _label_band(figure)


def strip_elements(figure: Figure) -> str:
    """The numbered key poses side by side, as SVG elements in figure units (y down), with the
    arrows of each movement on the pose it starts from."""
    box = figure_bounds(figure)
    band, size = _label_band(figure), _number_size(figure)
    parts = []
    count = len(figure.poses)
    for index in range(count):
        left = index * (box.width + PANEL_GAP)
        panel = _Panel(box, left, band)
        parts.append(_group(index + 1, figure, panel, arrows=index < count - 1))
        parts.append(_number(index + 1, left, size))
        if index < count - 1:
            parts.append(_then_arrow(box, left + box.width, band))
    return "".join(parts)


def figure_svg(figure: Figure, title: str | None = None) -> str:
    """An SVG document: the key poses as a strip of numbered pictures, left to right."""
    label = escape(f"Drawing of {title or figure_title(figure.id)}")
    width, height = strip_size(figure)
    count = len(figure.poses)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.1f} {height:.1f}" '
        f'width="{width * PIXELS_PER_UNIT:.0f}" height="{height * PIXELS_PER_UNIT:.0f}" '
        f'role="img" aria-label="{label}">',
        f"<title>{label}</title>",
        f"<desc>{count} numbered pictures, left to right: do them in this order.</desc>",
        strip_elements(figure),
        "</svg>",
        "",
    ]
    return "\n".join(parts)
