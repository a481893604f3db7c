"""Props as drawing primitives: furniture that stays put and equipment that follows the body.

Side-view props are drawn flat, as the patient sees them from beside. The floor, the mat and
the bed are also built in the room (3D) so they give depth to the views from the feet and from
above: a mat or bed drawn in perspective is what makes a body seen end-on read as lying down.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping

from coach.domain.figure.camera import CAMERAS, Camera
from coach.domain.figure.model import HEAD_RADIUS, TRUNK_WIDTH, Figure, Pose, Prop
from coach.domain.figure.primitives import Point, PropShape, PropStyle
from coach.domain.figure.skeleton import Vec, skeleton

MAT_HALF_WIDTH = 20.0  # a mat about 60 cm wide
BED_EDGE_Z = 14.0  # the bed's long edge nearer the viewer, where the patient gets out
BED_FAR_Z = -45.0


def _rect(left: float, bottom: float, right: float, top: float) -> tuple[Point, ...]:
    return (Point(left, bottom), Point(right, bottom), Point(right, top), Point(left, top))


def _circle(center: Point, radius: float, steps: int = 24) -> tuple[Point, ...]:
    return tuple(
        center + Point(math.cos(a), math.sin(a)).scaled(radius)
        for a in (2 * math.pi * i / steps for i in range(steps))
    )


def _all_points(figure: Figure) -> list[Vec]:
    return [q for pose in figure.poses for q in skeleton(pose).points.values()]


@functools.lru_cache(maxsize=128)
def body_span(figure: Figure) -> tuple[float, float]:
    """Leftmost and rightmost x the body reaches in any key pose, head included."""
    xs = [q.x for q in _all_points(figure)]
    return min(xs) - HEAD_RADIUS, max(xs) + HEAD_RADIUS


@functools.lru_cache(maxsize=128)
def static_props(figure: Figure) -> tuple[PropShape, ...]:
    """Every prop that stays put, in paint order (the same in every frame, so made once)."""
    if figure.view == "side":
        return tuple(shape for prop in figure.props for shape in _side_prop(prop, figure))
    camera = CAMERAS[figure.view]
    return tuple(shape for prop in figure.props for shape in _room_prop(prop, figure, camera))


# ---------------------------------------------------------------- seen from the side


def _side_prop(prop: Prop, figure: Figure) -> list[PropShape]:
    """Props placed from the start pose when the file gives no numbers."""
    left, right = body_span(figure)
    start = skeleton(figure.start).points
    kind = prop.kind
    if kind == "floor":
        return [PropShape((Point(left - 8, 0), Point(right + 8, 0)), False, "line")]
    if kind == "mat":
        return [PropShape(_rect(left - 6, -2.5, right + 6, 0), True, "fill")]
    if kind == "bed":
        top = prop.y if prop.y is not None else 25.0
        x0 = prop.x if prop.x is not None else left - 4
        x1 = x0 + (prop.width if prop.width is not None else right - left + 8)
        return [
            PropShape(_rect(x0, top - 7, x1, top), True, "fill"),
            PropShape((Point(x0 + 3, top - 7), Point(x0 + 3, 0)), False, "line"),
            PropShape((Point(x1 - 3, top - 7), Point(x1 - 3, 0)), False, "line"),
            PropShape((Point(x0 - 1, top + 12), Point(x0 - 1, 0)), False, "line"),
        ]
    if kind in ("chair", "armchair"):
        return _chair(prop, figure, arms=kind == "armchair")
    if kind == "wall":
        x = prop.x if prop.x is not None else left - 2
        top = prop.height if prop.height is not None else 105.0
        return [PropShape((Point(x, 0), Point(x, top)), False, "line")]
    if kind in ("step", "stairs"):
        x0 = prop.x if prop.x is not None else start["toe-near"].x + 2
        width = prop.width if prop.width is not None else 30.0
        height = prop.height if prop.height is not None else 12.0
        shapes = [PropShape(_rect(x0, 0, x0 + width, height), True, "fill")]
        if kind == "stairs":  # a second step behind and a hand rail, held in the first pose
            shapes.append(
                PropShape(_rect(x0 + width, 0, x0 + width + 20, 2 * height), True, "fill")
            )
            hand = start["hand-near"]
            slope = height / width

            def rail(x: float) -> Point:
                return Point(x, hand.y - 2.5 + (x - hand.x) * slope)

            low, high = rail(x0 - 14), rail(x0 + width + 14)
            shapes += [
                _line(Point(low.x, 0), low, high),
                _line(high, Point(high.x, 2 * height)),
            ]
        return shapes
    if kind == "counter":
        hand = start["hand-near"]
        top = prop.y if prop.y is not None else hand.y - 2.5
        depth = prop.width if prop.width is not None else 30.0
        x0 = prop.x if prop.x is not None else hand.x - 6
        x1 = x0 + depth
        return [
            PropShape(_rect(min(x0, x1) + 2, 0, max(x0, x1) - 2, top - 3), True, "fill"),
            PropShape((Point(x0, top - 1.5), Point(x1, top - 1.5)), False, "line"),
        ]
    if kind == "bike":
        return _bike_frame(prop, figure)
    return []  # strap, dowel and water follow the figure or sit in front of it


def _chair(prop: Prop, figure: Figure, *, arms: bool) -> list[PropShape]:
    start = skeleton(figure.start).points
    seat = prop.y if prop.y is not None else start["pelvis"].y - 4
    front = prop.x if prop.x is not None else start["pelvis"].x + 8
    depth = prop.width if prop.width is not None else 20.0
    back = front - depth
    shapes = [
        PropShape(_rect(back, seat - 3, front, seat), True, "fill"),
        PropShape((Point(front - 2, seat - 3), Point(front - 2, 0)), False, "line"),
        PropShape((Point(back + 1, 0), Point(back + 1, seat + 26)), False, "line"),
    ]
    if arms:  # an arm rest the hands push on, at about elbow height when sitting
        arm = seat + 17
        shapes += [
            PropShape((Point(back + 1, arm), Point(front + 1, arm)), False, "line"),
            PropShape((Point(front - 1, arm), Point(front - 1, seat)), False, "line"),
        ]
    return shapes


@functools.lru_cache(maxsize=32)
def pedal_circle(figure: Figure) -> tuple[Point, float]:
    """The crank's centre and radius: through the balls of the feet of the first key pose."""
    start = skeleton(figure.start).points
    a, b = (_ball(start, side) for side in ("near", "far"))
    return (a + b).scaled(0.5), max(4.0, (a - b).length() / 2)


def _ball(p: Mapping[str, Vec], side: str) -> Point:
    """Where the ball of the foot presses on a pedal."""
    ankle, toe = p[f"ankle-{side}"], p[f"toe-{side}"]
    q = ankle + (toe - ankle).scaled(0.55)
    return Point(q.x, q.y - 3.0)


def _bike_frame(prop: Prop, figure: Figure) -> list[PropShape]:
    """An upright exercise bike seen from the side: a base on the floor, a heavy wheel at the
    front, a frame up to the saddle, a column up to the handlebars and a small screen."""
    start = skeleton(figure.start).points
    saddle = Point(
        prop.x if prop.x is not None else start["pelvis"].x,
        prop.y if prop.y is not None else start["pelvis"].y - 5,
    )
    crank, radius = pedal_circle(figure)
    bars = start["hand-near"]
    wheel = Point(crank.x + radius + 16, 14.0)
    base_left, base_right = saddle.x - 18, wheel.x + 14
    post_foot = Point(saddle.x + 3, crank.y + 3)
    return [
        PropShape(_circle(wheel, 12.0), True, "fill"),
        _line(Point(base_left, 1.5), Point(base_right, 1.5)),
        _line(Point(base_left + 4, 1.5), post_foot, wheel),
        _line(post_foot, Point(saddle.x - 1, saddle.y)),
        PropShape(_rect(saddle.x - 8, saddle.y, saddle.x + 6, saddle.y + 3), True, "fill"),
        _line(wheel, Point(bars.x + 4, bars.y - 4), Point(bars.x, bars.y)),
        PropShape(_rect(bars.x + 3, bars.y + 1, bars.x + 11, bars.y + 7), True, "fill"),
        PropShape(_circle(crank, radius), True, "line"),
        PropShape(_circle(crank, 3.0), True, "fill"),
    ]


# ---------------------------------------------------------------- seen from the feet or above


def _face(camera: Camera, corners: list[Vec], style: PropStyle) -> PropShape:
    return PropShape(tuple(camera.project(q) for q in corners), True, style)


def _room_prop(prop: Prop, figure: Figure, camera: Camera) -> list[PropShape]:
    left, right = body_span(figure)
    if prop.kind == "floor":
        x0, x1 = left - 25, right + 25
        return [_face(camera, _floor_quad(x0, x1, -60, 60, 0.0), "area")]
    if prop.kind == "mat":
        x0, x1 = left - 6, right + 6
        z0, z1 = -MAT_HALF_WIDTH, MAT_HALF_WIDTH
        return [
            _face(camera, _floor_quad(x0, x1, z0, z1, 0.0), "area"),
            _face(camera, _end_quad(x1, z0, z1, -2.5, 0.0), "fill"),
        ]
    if prop.kind == "bed":
        top = prop.y if prop.y is not None else 25.0
        x0 = prop.x if prop.x is not None else left - 4
        x1 = x0 + (prop.width if prop.width is not None else right - left + 8)
        z0, z1 = BED_EDGE_Z, BED_FAR_Z
        legs = [
            _line(camera.project(Vec(x1 - 3, top - 7, z)), camera.project(Vec(x1 - 3, 0, z)))
            for z in (z0 - 3, z1 + 3)
        ]
        side = [Vec(x0, top, z0), Vec(x1, top, z0), Vec(x1, top - 7, z0), Vec(x0, top - 7, z0)]
        return [
            _face(camera, _end_quad(x0 - 2, z0, z1, top - 7, top + 16), "fill"),  # head board
            *legs,
            _face(camera, _floor_quad(x0, x1, z0, z1, top), "area"),
            _face(camera, _end_quad(x1, z0, z1, top - 7, top), "fill"),
            _face(camera, side, "fill"),
        ]
    return []  # the loader allows only the props above in these views


def _end_quad(x: float, z0: float, z1: float, bottom: float, top: float) -> list[Vec]:
    """An upright rectangle across the body's length (the foot end of a bed or mat)."""
    return [Vec(x, top, z0), Vec(x, top, z1), Vec(x, bottom, z1), Vec(x, bottom, z0)]


def _line(*points: Point) -> PropShape:
    return PropShape(points, False, "line")


def _floor_quad(x0: float, x1: float, z0: float, z1: float, y: float) -> list[Vec]:
    return [Vec(x0, y, z0), Vec(x1, y, z0), Vec(x1, y, z1), Vec(x0, y, z1)]


# ---------------------------------------------------------------- props that follow the body


def moving_props(figure: Figure, pose: Pose) -> tuple[list[PropShape], list[PropShape]]:
    """Props that follow the figure: (behind the body, in front of the body)."""
    behind: list[PropShape] = []
    front: list[PropShape] = []
    camera = CAMERAS[figure.view]
    bones = skeleton(pose)
    p = bones.points
    kinds = {prop.kind: prop for prop in figure.props}
    if "dowel" in kinds:
        back = bones.front.scaled(-(TRUNK_WIDTH / 2 + 2.5))
        down = (p["pelvis"] - p["shoulder"]).unit()
        top, bottom = p["shoulder"] + down.scaled(-25), p["pelvis"] + down.scaled(10)
        behind.append(
            PropShape((camera.project(top + back), camera.project(bottom + back)), False, "line")
        )
    if "bike" in kinds:
        crank, radius = pedal_circle(figure)
        for side in ("far", "near"):
            pedal = _ball(p, side)
            arm = pedal - crank
            arm = arm.scaled(radius / max(arm.length(), 1e-6))
            end = crank + arm
            target = behind if side == "far" else front
            target.append(PropShape((crank, end), False, "line"))
            target.append(PropShape((end + Point(-4, 0), end + Point(4, 0)), False, "line"))
    if "strap" in kinds:
        sole = p["ankle-near"] + (p["toe-near"] - p["ankle-near"]).scaled(0.6)
        strap = (
            camera.project(p["hand-near"]),
            camera.project(sole),
            camera.project(p["hand-far"]),
        )
        front.append(PropShape(strap, False, "thin"))
    if "water" in kinds:
        prop = kinds["water"]
        level = prop.y if prop.y is not None else 60.0
        left, right = body_span(figure)
        surface = _water_surface(left - 20, right + 20, level)
        front.append(
            PropShape((Point(left - 20, 0), *surface, Point(right + 20, 0)), True, "water")
        )
        front.append(PropShape(surface, False, "water"))
    return behind, front


def _water_surface(left: float, right: float, level: float) -> tuple[Point, ...]:
    waves = int((right - left) / 3)
    return tuple(
        Point(left + (right - left) * i / waves, level + 1.2 * math.sin(i * math.pi / 3))
        for i in range(waves + 1)
    )
