"""Drawing primitives: what the Qt view and the SVG writer paint, in figure units (y up).

Pure data, no drawing logic: ``drawing`` makes them from a pose, ``props`` from furniture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal, TypeAlias


@dataclass(frozen=True)
class Point:
    """A point in the picture, in figure units, y up."""

    x: float
    y: float

    def __add__(self, other: Point) -> Point:
        return Point(self.x + other.x, self.y + other.y)

    def __sub__(self, other: Point) -> Point:
        return Point(self.x - other.x, self.y - other.y)

    def scaled(self, factor: float) -> Point:
        return Point(self.x * factor, self.y * factor)

    def length(self) -> float:
        return math.hypot(self.x, self.y)


@dataclass(frozen=True)
class Bone:
    """A body segment: a straight limb (two points) or the curved trunk (several points).

    ``highlight`` is 0 for plain, up to 1 for the full accent colour. Near arms and legs are
    drawn with a thin rim of the background colour (``rim``) so that a limb in front of the
    trunk (a hand on the tummy) stays visible."""

    name: str
    points: tuple[Point, ...]
    far: bool
    width: float
    highlight: float = 0.0

    @property
    def rim(self) -> bool:
        return not self.far and self.name.endswith("-near")


@dataclass(frozen=True)
class Head:
    """The head; ``nose`` is a unit vector the face points along, None when it is not shown."""

    center: Point
    radius: float
    nose: Point | None
    highlight: float = 0.0


@dataclass(frozen=True)
class Glow:
    """A soft accent patch on a body part that works without moving (tummy, buttocks)."""

    center: Point
    radius: float
    strength: float


PropStyle: TypeAlias = Literal["fill", "area", "line", "thin", "water"]


@dataclass(frozen=True)
class PropShape:
    """A prop outline: "fill" a solid light shape, "area" a paler large one (a mat seen from
    above), "line" a thick light line, "thin" a strap, "water" the body of water (closed) or
    its surface (open)."""

    points: tuple[Point, ...]
    closed: bool
    style: PropStyle


@dataclass(frozen=True)
class Arrow:
    """A movement path; the arrowhead is at the last point."""

    points: tuple[Point, ...]


@dataclass(frozen=True)
class Stroke:
    """A thin accent mark on or near the body (squeeze lines, a breath, a press into the
    floor); ``head`` adds an arrowhead at the last point; ``strength`` 0..1 is its opacity."""

    points: tuple[Point, ...]
    strength: float
    head: bool = False


Primitive: TypeAlias = Bone | Head | Glow | PropShape | Arrow | Stroke


@dataclass(frozen=True)
class Box:
    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom

    def union(self, other: Box) -> Box:
        return Box(
            min(self.left, other.left),
            min(self.bottom, other.bottom),
            max(self.right, other.right),
            max(self.top, other.top),
        )


def arrowhead(points: tuple[Point, ...], size: float = 5.0) -> tuple[Point, Point, Point]:
    """The triangle at the end of a path: tip first."""
    tip, before = points[-1], points[-2]
    angle = math.atan2(tip.y - before.y, tip.x - before.x)
    return (
        tip,
        Point(tip.x - size * math.cos(angle + 0.5), tip.y - size * math.sin(angle + 0.5)),
        Point(tip.x - size * math.cos(angle - 0.5), tip.y - size * math.sin(angle - 0.5)),
    )
