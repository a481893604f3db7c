"""One frame of a figure as primitives, seen from the figure's view: the body, its marks,
the movement arrows and the props, with the bounds that keep an animation still.

Pure Python: the Qt view and the SVG writer both paint these, so the app and paper always show
the same picture. Units are figure units with y up; the painter maps them to the screen.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass

from coach.domain.figure.camera import CAMERAS, Camera
from coach.domain.figure.model import (
    HEAD_RADIUS,
    LIMB_WIDTH,
    PROP_WIDTH,
    TRUNK_WIDTH,
    ArrowHint,
    Figure,
    Pose,
    View,
)
from coach.domain.figure.primitives import (
    Arrow,
    Bone,
    Box,
    Glow,
    Head,
    Point,
    Primitive,
    PropShape,
    Stroke,
)
from coach.domain.figure.skeleton import Skeleton, Vec, mark_strength, pose_at, segment_at, skeleton

_MIN_ARROW_TRAVEL = 3.0


# ---------------------------------------------------------------- the body


def _glow_centre(region: str, bones: Skeleton) -> Vec:
    spine = bones.spine
    front = bones.front
    if region == "abdomen":
        return spine[len(spine) // 3] + front.scaled(5.0)
    if region == "lower-back":
        return spine[len(spine) // 3] + front.scaled(-5.0)
    return spine[0] + front.scaled(-5.0)  # glutes: the back of the hips


def _above_floor(centre: Vec, radius: float) -> Vec:
    """A highlight patch is never drawn through the floor (a body lying on the mat)."""
    return Vec(centre.x, max(centre.y, 0.8 * radius), centre.z)


def _strength(name: str, marked: set[str], strength: float) -> float:
    return strength if name in marked else 0.0


def pose_primitives(
    pose: Pose, *, view: View = "side", highlight: Iterable[str] = (), strength: float = 1.0,
    mark_level: float = 1.0,
) -> tuple[Primitive, ...]:  # fmt: skip
    """The body as primitives in paint order (what is further away first).

    Highlighted parts are drawn with ``strength`` (0..1) of the accent colour, the pose's marks
    with ``mark_level``."""
    marked = set(highlight)
    camera = CAMERAS[view]
    bones = skeleton(pose)
    p = bones.points
    items: list[tuple[float, Primitive]] = []

    def bone(name: str, chain: Iterable[Vec], far: bool, width: float, order: float) -> None:
        points = tuple(chain)
        middle = points[len(points) // 2]
        drawn = tuple(camera.project(q) for q in points)
        if name in ("shoulders", "hips") and (drawn[-1] - drawn[0]).length() < 1.0:
            return  # seen edge on: the trunk's round end already covers it
        level = _strength("trunk" if name in ("shoulders", "hips") else name, marked, strength)
        item = Bone(name, drawn, far, width * camera.scale(middle), level)
        items.append((order if view == "side" else camera.depth(middle), item))

    for region in ("abdomen", "glutes", "lower-back"):
        if region in marked:
            centre = _above_floor(_glow_centre(region, bones), 7.5)
            glow = Glow(camera.project(centre), 7.5 * camera.scale(centre), strength)
            items.append((-0.5 if view == "side" else camera.depth(centre) + 8, glow))
    for side, order in (("far", 0.0), ("near", 2.0)):
        far = side == "far"
        for name, a, b in (
            (f"thigh-{side}", p[f"hip-{side}"], p[f"knee-{side}"]),
            (f"shin-{side}", p[f"knee-{side}"], p[f"ankle-{side}"]),
            (f"foot-{side}", p[f"ankle-{side}"], p[f"toe-{side}"]),
            (f"upper-arm-{side}", p[f"shoulder-{side}"], p[f"elbow-{side}"]),
            (f"forearm-{side}", p[f"elbow-{side}"], p[f"hand-{side}"]),
        ):
            bone(name, (a, b), far, LIMB_WIDTH, order)
    bone("hips", (p["hip-far"], p["hip-near"]), False, LIMB_WIDTH + 1, 1.0)
    bone("shoulders", (p["shoulder-far"], p["shoulder-near"]), False, LIMB_WIDTH + 1, 1.0)
    bone("trunk", bones.spine, False, TRUNK_WIDTH, 1.0)
    bone("neck", (p["shoulder"], p["neck-top"]), False, LIMB_WIDTH, 1.0)
    face = bones.face
    right, up, _towards = camera.axes
    sideways = math.hypot(face.dot(right), face.dot(up))
    nose = None
    if sideways > 0.8:  # the face is seen from the side: a nose shows which way it looks
        nose = Point(face.dot(right) / sideways, face.dot(up) / sideways)
    head = Head(
        camera.project(p["head"]),
        HEAD_RADIUS * camera.scale(p["head"]),
        nose,
        _strength("head", marked, strength),
    )
    items.append((1.0 if view == "side" else camera.depth(p["head"]), head))
    items.sort(key=lambda pair: pair[0])
    marks = _marks(pose, bones, camera, mark_level)
    return (*(item for _, item in items), *marks)


def _marks(pose: Pose, bones: Skeleton, camera: Camera, level: float) -> list[Primitive]:
    """Signs of work that does not show as movement, drawn over the body."""
    if level <= 0.01 or not pose.marks:
        return []
    spine, front, p = bones.spine, bones.front, bones.points
    along = (spine[-1] - spine[0]).unit()
    marks: list[Primitive] = []

    def stroke(points: Iterable[Vec], head: bool = False) -> None:
        marks.append(Stroke(tuple(camera.project(q) for q in points), level, head))

    for kind in pose.marks:
        if kind == "squeeze":  # short lines pointing in at the buttocks, never through the floor
            centre = _above_floor(spine[0] + front.scaled(-TRUNK_WIDTH / 2), 7.5)
            for angle in (-60.0, -20.0, 20.0, 60.0):
                direction = _turn_in_plane(Vec(0, 1, 0), Vec(1, 0, 0), angle)
                stroke((centre + direction.scaled(13), centre + direction.scaled(8.5)))
        elif kind == "brace":  # the tummy draws in: small arrows pointing into it
            belly = spine[len(spine) // 3] + front.scaled(TRUNK_WIDTH / 2)
            for shift in (-5.0, 5.0):
                base = belly + along.scaled(shift)
                stroke((base + front.scaled(7.0), base + front.scaled(2.0)), head=True)
        elif kind == "press":  # the lower back pushes down into the floor
            low_back = spine[len(spine) // 3] + front.scaled(-TRUNK_WIDTH / 2)
            for shift in (-4.0, 4.0):
                base = low_back + along.scaled(shift)
                stroke((base + front.scaled(-1.0), base + front.scaled(-5.0)), head=True)
        else:  # breath-in / breath-out: air at the mouth, the tummy rising or falling
            mouth = p["head"] + bones.face.scaled(HEAD_RADIUS + 1.5)
            away = mouth + bones.face.scaled(9.0) + Vec(0, 2.5, 0)
            stroke((away, mouth) if kind == "breath-in" else (mouth, away), head=True)
            belly = spine[len(spine) // 3] + front.scaled(TRUNK_WIDTH / 2 + 1.5)
            rise = front.scaled(6.0)
            stroke((belly, belly + rise) if kind == "breath-in" else (belly + rise, belly), True)
    return marks


def _turn_in_plane(direction: Vec, towards: Vec, degrees: float) -> Vec:
    radians = math.radians(degrees)
    return direction.scaled(math.cos(radians)) + towards.scaled(math.sin(radians))


# ---------------------------------------------------------------- arrows and the whole frame


@functools.lru_cache(maxsize=512)
def _arrow(figure: Figure, hint: ArrowHint, step: int) -> Arrow | None:
    """The path of a body point from key pose ``step`` to the next, moved sideways away from
    the body so it does not hide it. Cached: each path costs 14 skeletons."""
    camera = CAMERAS[figure.view]
    count = len(figure.poses) - 1

    def at(fraction: float) -> Skeleton:
        return skeleton(pose_at(figure, (step + fraction) / count))

    path = [camera.project(at(i / 12).points[hint.point]) for i in range(13)]
    travel = path[-1] - path[0]
    if travel.length() < _MIN_ARROW_TRAVEL:
        return None
    side = Point(-travel.y, travel.x).scaled(1 / travel.length())
    middle = [camera.project(q) for q in at(0.5).points.values()]
    body = Point(sum(q.x for q in middle) / len(middle), sum(q.y for q in middle) / len(middle))
    away = path[len(path) // 2] - body
    if side.x * away.x + side.y * away.y < 0:
        side = side.scaled(-1)
    return Arrow(tuple(q + side.scaled(hint.offset) for q in path[1:-1]))


@dataclass(frozen=True)
class Drawing:
    """Everything to paint for one frame, in paint order, in figure units."""

    primitives: tuple[Primitive, ...]


def figure_drawing(figure: Figure, t: float, *, arrows: bool = True) -> Drawing:
    """The figure at phase t (0 first key pose, 1 last) with its props, highlights, marks and
    the arrows of the movement from the key pose it is in to the next."""
    from coach.domain.figure.props import moving_props, static_props

    pose = pose_at(figure, t)
    strength = 0.25 + 0.75 * min(1.0, max(0.0, t))
    behind, front = moving_props(figure, pose)
    body = pose_primitives(
        pose,
        view=figure.view,
        highlight=figure.highlight,
        strength=strength,
        mark_level=mark_strength(figure, t),
    )
    paths: list[Primitive] = []
    if arrows:
        step, _ = segment_at(figure, t)
        found = (_arrow(figure, hint, step) for hint in figure.arrows)
        paths = [a for a in found if a is not None]
    return Drawing((*static_props(figure), *behind, *body, *front, *paths))


def _primitive_points(primitive: Primitive) -> Iterable[tuple[Point, float]]:
    """Points with the radius they cover, for bounds."""
    if isinstance(primitive, Bone):
        return ((q, primitive.width / 2) for q in primitive.points)
    if isinstance(primitive, Head):
        return [(primitive.center, primitive.radius + 3)]
    if isinstance(primitive, Glow):
        return [(primitive.center, primitive.radius)]
    if isinstance(primitive, PropShape):
        return ((q, PROP_WIDTH / 2) for q in primitive.points)
    return ((q, 4.0) for q in primitive.points)


def drawing_bounds(drawing: Drawing) -> Box:
    covered = [(q, r) for item in drawing.primitives for q, r in _primitive_points(item)]
    return Box(
        min(q.x - r for q, r in covered),
        min(q.y - r for q, r in covered),
        max(q.x + r for q, r in covered),
        max(q.y + r for q, r in covered),
    )


@functools.lru_cache(maxsize=128)
def figure_bounds(figure: Figure) -> Box:
    """A box that holds every frame, so an animation keeps one scale and never jumps."""
    frames = 8 * (len(figure.poses) - 1)
    box = drawing_bounds(figure_drawing(figure, 0.0))
    for i in range(1, frames + 1):
        box = box.union(drawing_bounds(figure_drawing(figure, i / frames)))
    return box


def key_pose_bounds(figure: Figure, index: int) -> Box:
    """A box that holds one key pose with its props (for a strip of small pictures)."""
    return drawing_bounds(figure_drawing(figure, figure.key_phase(index)))
