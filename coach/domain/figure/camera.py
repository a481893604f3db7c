"""Cameras: where a figure is seen from, and how a point in the room lands in the picture."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from coach.domain.figure.model import View
from coach.domain.figure.primitives import Point
from coach.domain.figure.skeleton import Vec


@dataclass(frozen=True)
class Camera:
    """Where the picture is seen from: ``yaw`` turns the viewer about the room's vertical from
    the side (0) towards the feet end (90); ``elevation`` raises them (90 straight down).
    ``distance`` (figure units from the room's origin) gives perspective: nearer is bigger;
    None draws without perspective."""

    yaw: float
    elevation: float
    distance: float | None

    @functools.cached_property
    def axes(self) -> tuple[Vec, Vec, Vec]:
        """(right, up, towards the viewer) as unit vectors in the room."""
        yaw, elevation = math.radians(self.yaw), math.radians(self.elevation)
        towards = Vec(
            math.sin(yaw) * math.cos(elevation),
            math.sin(elevation),
            math.cos(yaw) * math.cos(elevation),
        )
        right = Vec(math.cos(yaw), 0.0, -math.sin(yaw))
        return right, towards.cross(right), towards

    def depth(self, q: Vec) -> float:
        """How near the viewer a point is (bigger is nearer)."""
        return q.dot(self.axes[2])

    def scale(self, q: Vec) -> float:
        if self.distance is None:
            return 1.0
        return self.distance / max(self.distance - self.depth(q), 1.0)

    def project(self, q: Vec) -> Point:
        right, up, _ = self.axes
        k = self.scale(q)
        return Point(q.dot(right) * k, q.dot(up) * k)


CAMERAS: dict[View, Camera] = {
    "side": Camera(0.0, 0.0, None),
    # From beyond the feet (and a little to the near side) of someone lying with the head to
    # the left, a little above them: the body runs away into the picture, the mat shows depth.
    "feet": Camera(65.0, 22.0, 230.0),
    # From the ceiling, a little towards the feet so the body still has depth.
    "top": Camera(65.0, 60.0, 230.0),
}
