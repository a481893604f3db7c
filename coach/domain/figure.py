"""Stick-figure illustrations: a pose model, its drawing primitives and the figure-file loader.

This docstring is the format reference for ``exercises/figures/<id>.toml``. One file holds the
illustration of one exercise: a simple figure in a start pose and an end pose. The app animates
between the two (start, end, start, ...) and ``python -m coach.tools.make_figures`` prints both
side by side into ``assets/figures/<id>.svg``. Pure Python: the Qt view and the SVG writer both
draw the primitives made here, so the app and paper always show the same picture.

Picture and units
-----------------
The picture is a side view. x grows to the right, y grows upwards and the floor is y = 0. One
unit is about 1/100 of the figure's height: a standing figure's hips are about 50 above its
ankles, its shoulders 80 and the top of its head 100. Bones are thigh 25, shin 25, foot 10,
trunk 30 (hip to shoulder), upper arm 17, forearm with hand 19, neck 5, head radius 7.5. Limbs
are drawn 5 units thick and the trunk 8.5, so a limb resting on the floor has its joints at
y = 2 to 2.5 and a body lying on the mat has its hips at y = 4.5.

A standing figure faces right. "Near" limbs are the ones closest to the viewer: they are drawn
dark and in front; "far" limbs are drawn lighter, behind the body.

Two other views keep the same angles but let them describe the picture rather than anatomy:

* ``view = "front"`` (side-lying exercises) looks at the patient's front while they lie on their
  side on the mat, head to the left. A positive hip angle lifts the top leg towards the ceiling
  (a side leg lift), and "near" means the top arm and leg.
* ``view = "top"`` looks down from the ceiling at a patient lying on their back, head to the
  left; the mat is drawn under the whole body. Arms out to the sides are shoulder 90 (near)
  and -90 (far); bent knees pointing at the ceiling are ``turn = 90``.

No nose is drawn in these two views.

Pose fields (degrees unless said otherwise)
-------------------------------------------
==================  ==========  ==================================================================
field               range       meaning
==================  ==========  ==================================================================
x, y                -300..300   where the hip joint is, in figure units (standing: y = 52)
trunk               -180..180   lean of the hip-to-shoulder line from upright; positive leans
                                forward (towards the right). 0 standing or sitting, 45 hip hinge,
                                90 face down or on hands and knees (head right), -90 lying on the
                                back (head left)
spine               -60..60     curve of the back: 0 straight, positive arched (hollow back, belly
                                pushed forward), negative rounded (a cat's back)
neck                -70..70     head bent forward (chin to chest) positive, tipped back negative,
                                measured from the top of the spine
shoulder_near/far   -180..270   upper arm from the trunk: 0 hanging along the trunk, 90 pointing
                                forward, 180 overhead, negative behind the body. -110 and
                                250 draw the same arm: choose the one that animates the way
                                the arm really turns
elbow_near/far      -160..160   0 straight; bending brings the hand forward and up. Negative
                                bends the other way, as seen when the arm is turned (elbow out
                                to the side, hand on the belly or behind the back)
hip_near/far        -60..160    thigh from the trunk line: 0 in line (standing), 90 forward
                                (sitting), negative behind the body (back leg of a lunge)
knee_near/far       0..160      0 straight; bending takes the heel back
ankle_near/far      -90..50     foot from the shin: 0 a right angle (standing), positive toes up
                                towards the shin, negative toes pointed (tiptoe; -90 lies flat
                                behind, as when kneeling)
turn_near/far       0..180      turns a bent leg about the hip-to-ankle line: 0 the knee bends
                                in the picture, 90 it points at the viewer, 180 it bends in the
                                picture the other way. A crossed leg, a clamshell, knee rolls
shin_turn_near/far  0..180      turns the lower leg and foot about the thigh line: 0 in the
                                picture, 90 the shin points straight at or away from the viewer
                                (only the thigh is seen), 180 the knee bends in the picture the
                                other way. Lower legs behind the knees in a side plank on the
                                knees seen from the front. Applied before ``turn``
==================  ==========  ==================================================================

Common starting points (the shipped files are worked examples of every position):

* standing: ``y = 52, trunk = 0``
* lying on the back, knees bent: ``y = 4.5, trunk = -90, neck = 12, hip = 45, knee = 90,
  ankle = -45``; arms by the sides ``shoulder = 3``
* lying face down: ``y = 4.5, trunk = 90, neck = -10, ankle = -90``; when the trunk rises, set
  ``hip = trunk - 90`` so that the legs stay on the mat
* hands and knees: ``y = 27, trunk = 70, hip = 70, shoulder = 70, knee = 90, ankle = -90``
* sitting on a chair (``{ kind = "chair", y = 23 }``): ``y = 27, trunk = 0, hip = 90,
  knee = 90``
* side-lying (``view = "front"``): ``y = 4.5, trunk = -90, neck = 25, shoulder_far = 180``
  (the bottom arm under the head)

Angles are interpolated one by one, so check the frames in between too: a limb that swings
the long way round can pass through the floor (``tests/domain/test_figure.py`` checks this).

File fields
-----------
``id``         (required) the exercise id, equal to the file name
``view``       "side" (default), "front" or "top" (see above)
``props``      list; each item a kind name or a table ``{ kind = "...", x = , y = , width = ,
               height = }`` (all numbers optional). Kinds: ``floor`` (a line at y = 0),
               ``mat`` (an exercise mat on the floor), ``bed`` (top at ``y``, default 25, from
               ``x`` for ``width``), ``chair`` (seat front edge at ``x``, seat height ``y``, back
               rest on the left; defaults under the start pose's hips), ``wall`` (at ``x``, up
               to ``height``), ``step`` (a box from ``x``, ``width`` wide, ``height`` tall),
               ``strap`` (from the near hand to the near foot), ``dowel`` (a stick along the
               back), ``bike`` (saddle at ``x``, ``y``; the pedals turn under the near foot;
               handlebars at the near hand) and ``water`` (pool water up to ``y``, default 60).
``highlight``  list of body parts drawn in the accent colour, strongest in the end pose:
               trunk, neck, head, abdomen, glutes, lower-back, and upper-arm, forearm, thigh,
               shin, foot with ``-near`` or ``-far``
``arrows``     list of body points whose path from start to end is drawn as an arrow; each a name
               or ``{ point = "...", offset = 9 }`` (distance from the path, figure units).
               Points: pelvis, shoulder, head, and elbow, hand, knee, ankle, toe with ``-near``
               or ``-far``
``anchor``     a body point (as for arrows) that stays put: the end pose and every frame between
               are shifted so it stays where the start pose has it (feet on the floor in
               sit-to-stand). With an anchor, ``[end]`` may not set x or y.
``[start]``    the start pose; ``y`` and ``trunk`` are required, every other field left out is 0
``[end]``      the end pose: only what changes; every field left out is copied from ``[start]``
"""

from __future__ import annotations

import functools
import math
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Final, Literal, TypeAlias

# Bone lengths and line widths, in figure units (about 1/100 of the standing height).
TRUNK_LENGTH: Final = 30.0
NECK_LENGTH: Final = 5.0
HEAD_RADIUS: Final = 7.5
UPPER_ARM_LENGTH: Final = 17.0
FOREARM_LENGTH: Final = 19.0
THIGH_LENGTH: Final = 25.0
SHIN_LENGTH: Final = 25.0
FOOT_LENGTH: Final = 10.0
LIMB_WIDTH: Final = 5.0
TRUNK_WIDTH: Final = 8.5
PROP_WIDTH: Final = 2.5
THIN_WIDTH: Final = 1.5
NOSE_RADIUS: Final = 2.2

BONE_LENGTHS: Final[Mapping[str, float]] = {
    "trunk": TRUNK_LENGTH,
    "neck": NECK_LENGTH,
    **{f"upper-arm-{side}": UPPER_ARM_LENGTH for side in ("near", "far")},
    **{f"forearm-{side}": FOREARM_LENGTH for side in ("near", "far")},
    **{f"thigh-{side}": THIGH_LENGTH for side in ("near", "far")},
    **{f"shin-{side}": SHIN_LENGTH for side in ("near", "far")},
    **{f"foot-{side}": FOOT_LENGTH for side in ("near", "far")},
}

View: TypeAlias = Literal["side", "front", "top"]
VIEWS: Final = ("side", "front", "top")
PROP_KINDS: Final = (
    "floor", "mat", "bed", "chair", "wall", "step", "strap", "dowel", "bike", "water",
)  # fmt: skip
BODY_POINTS: Final = (
    "pelvis", "shoulder", "head",
    *(f"{joint}-{side}" for side in ("near", "far")
      for joint in ("elbow", "hand", "knee", "ankle", "toe")),
)  # fmt: skip
HIGHLIGHT_REGIONS: Final = (
    "trunk", "neck", "head", "abdomen", "glutes", "lower-back",
    *(f"{bone}-{side}" for side in ("near", "far")
      for bone in ("upper-arm", "forearm", "thigh", "shin", "foot")),
)  # fmt: skip
DEFAULT_ARROW_OFFSET: Final = 9.0
_MIN_ARROW_TRAVEL: Final = 6.0
_ID_PATTERN: Final = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class FigureError(ValueError):
    """A figure file breaks a rule; the message names the file, the field and the reason."""

    def __init__(self, file: Path | str, field: str, reason: str) -> None:
        self.file = str(file)
        self.field = field
        self.reason = reason
        super().__init__(f"{self.file}: {field}: {reason}" if field else f"{self.file}: {reason}")


@dataclass(frozen=True)
class Pose:
    """One posture as joint angles; see the module docstring for every field's meaning."""

    x: float = 0.0
    y: float = 50.0
    trunk: float = 0.0
    spine: float = 0.0
    neck: float = 0.0
    shoulder_near: float = 0.0
    elbow_near: float = 0.0
    shoulder_far: float = 0.0
    elbow_far: float = 0.0
    hip_near: float = 0.0
    knee_near: float = 0.0
    ankle_near: float = 0.0
    turn_near: float = 0.0
    hip_far: float = 0.0
    knee_far: float = 0.0
    ankle_far: float = 0.0
    turn_far: float = 0.0
    shin_turn_near: float = 0.0
    shin_turn_far: float = 0.0


POSE_FIELDS: Final = tuple(f.name for f in fields(Pose))
POSE_RANGES: Final[Mapping[str, tuple[float, float]]] = {
    "x": (-300, 300),
    "y": (-300, 300),
    "trunk": (-180, 180),
    "spine": (-60, 60),
    "neck": (-70, 70),
    **{f"shoulder_{s}": (-180, 270) for s in ("near", "far")},
    **{f"elbow_{s}": (-160, 160) for s in ("near", "far")},
    **{f"hip_{s}": (-60, 160) for s in ("near", "far")},
    **{f"knee_{s}": (0, 160) for s in ("near", "far")},
    **{f"ankle_{s}": (-90, 50) for s in ("near", "far")},
    **{f"turn_{s}": (0, 180) for s in ("near", "far")},
    **{f"shin_turn_{s}": (0, 180) for s in ("near", "far")},
}


@dataclass(frozen=True)
class Prop:
    """Furniture or equipment; a None number means "place it from the start pose"."""

    kind: str
    x: float | None = None
    y: float | None = None
    width: float | None = None
    height: float | None = None


@dataclass(frozen=True)
class ArrowHint:
    """Draw the path of one body point from the start to the end pose."""

    point: str
    offset: float = DEFAULT_ARROW_OFFSET


@dataclass(frozen=True)
class Figure:
    """The illustration of one exercise."""

    id: str
    start: Pose
    end: Pose
    props: tuple[Prop, ...] = ()
    view: View = "side"
    highlight: tuple[str, ...] = ()
    arrows: tuple[ArrowHint, ...] = ()
    anchor: str | None = None


def figure_title(figure_id: str) -> str:
    """A readable name from an id, for when no exercise name is at hand: "figure-4-stretch"."""
    return figure_id.replace("-", " ").capitalize()


# ---------------------------------------------------------------- drawing primitives


@dataclass(frozen=True)
class Point:
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

    ``highlight`` is 0 for plain, up to 1 for the full accent colour.
    """

    name: str
    points: tuple[Point, ...]
    far: bool
    width: float
    highlight: float = 0.0


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


Primitive: TypeAlias = Bone | Head | Glow | PropShape | Arrow


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


# ---------------------------------------------------------------- pose geometry


def _unit(degrees: float) -> Point:
    radians = math.radians(degrees)
    return Point(math.cos(radians), math.sin(radians))


@dataclass(frozen=True)
class Skeleton:
    """Where every joint of a pose is, in figure units."""

    spine: tuple[Point, ...]  # from the hip joint to the shoulder
    points: Mapping[str, Point]  # BODY_POINTS plus "neck-top"
    head_direction: float  # degrees, from the shoulder through the head
    front_direction: float  # degrees, the way the belly faces at the hips


def _spine_points(start: Point, chord_deg: float, bend_deg: float, steps: int = 8) -> list[Point]:
    """A circular arc of length TRUNK_LENGTH whose chord points along chord_deg."""
    if abs(bend_deg) < 0.5:
        end = start + _unit(chord_deg).scaled(TRUNK_LENGTH)
        return [start + (end - start).scaled(i / steps) for i in range(steps + 1)]
    first_tangent = math.radians(chord_deg - bend_deg / 2)
    curvature = math.radians(bend_deg) / TRUNK_LENGTH
    points = []
    for i in range(steps + 1):
        s = TRUNK_LENGTH * i / steps
        angle = first_tangent + curvature * s
        dx = (math.sin(angle) - math.sin(first_tangent)) / curvature
        dy = -(math.cos(angle) - math.cos(first_tangent)) / curvature
        points.append(Point(start.x + dx, start.y + dy))
    return points


def _turned(point: Point, start: Point, end: Point, turn_deg: float) -> Point:
    """Turn a leg point about the line through start and end (hip and ankle for a whole leg,
    hip and knee for a lower leg) out of the picture (orthographic view)."""
    axis = end - start
    length = axis.length()
    if turn_deg == 0 or length < 1e-6:
        return point
    unit = axis.scaled(1 / length)
    along = (point.x - start.x) * unit.x + (point.y - start.y) * unit.y
    foot_of_perpendicular = start + unit.scaled(along)
    return foot_of_perpendicular + (point - foot_of_perpendicular).scaled(
        math.cos(math.radians(turn_deg))
    )


def skeleton(pose: Pose) -> Skeleton:
    """Forward kinematics: joint angles to joint positions."""
    pelvis = Point(pose.x, pose.y)
    chord = 90.0 - pose.trunk
    spine = _spine_points(pelvis, chord, pose.spine)
    shoulder = spine[-1]
    head_direction = chord + pose.spine / 2 - pose.neck
    points: dict[str, Point] = {"pelvis": pelvis, "shoulder": shoulder}
    points["neck-top"] = shoulder + _unit(head_direction).scaled(NECK_LENGTH)
    points["head"] = shoulder + _unit(head_direction).scaled(NECK_LENGTH + HEAD_RADIUS)
    for side in ("near", "far"):
        arm = chord + 180 + getattr(pose, f"shoulder_{side}")
        forearm = arm + getattr(pose, f"elbow_{side}")
        elbow = shoulder + _unit(arm).scaled(UPPER_ARM_LENGTH)
        points[f"elbow-{side}"] = elbow
        points[f"hand-{side}"] = elbow + _unit(forearm).scaled(FOREARM_LENGTH)

        thigh = chord + 180 + getattr(pose, f"hip_{side}")
        shin = thigh - getattr(pose, f"knee_{side}")
        foot = shin + 90 + getattr(pose, f"ankle_{side}")
        knee = pelvis + _unit(thigh).scaled(THIGH_LENGTH)
        ankle = knee + _unit(shin).scaled(SHIN_LENGTH)
        toe = ankle + _unit(foot).scaled(FOOT_LENGTH)
        shin_turn = getattr(pose, f"shin_turn_{side}")
        ankle = _turned(ankle, pelvis, knee, shin_turn)
        toe = _turned(toe, pelvis, knee, shin_turn)
        turn = getattr(pose, f"turn_{side}")
        points[f"knee-{side}"] = _turned(knee, pelvis, ankle, turn)
        points[f"ankle-{side}"] = ankle
        points[f"toe-{side}"] = _turned(toe, pelvis, ankle, turn)
    return Skeleton(tuple(spine), points, head_direction, chord - 90)


def _lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def interpolate(start: Pose, end: Pose, t: float) -> Pose:
    """The pose a fraction t (clamped to 0..1) of the way from start to end, angle by angle."""
    t = min(1.0, max(0.0, t))
    return Pose(
        **{name: _lerp(getattr(start, name), getattr(end, name), t) for name in POSE_FIELDS}
    )


def anchored(pose: Pose, point: str, target: Point) -> Pose:
    """The same pose moved so that its body point lands on target."""
    where = skeleton(pose).points[point]
    return replace(pose, x=pose.x + target.x - where.x, y=pose.y + target.y - where.y)


def pose_at(figure: Figure, t: float) -> Pose:
    """The figure's pose at phase t: interpolated, then held on its anchor point if it has one."""
    pose = interpolate(figure.start, figure.end, t)
    if figure.anchor is None:
        return pose
    return anchored(pose, figure.anchor, skeleton(figure.start).points[figure.anchor])


def _glow(region: str, bones: Skeleton, view: View, strength: float) -> Glow:
    front = _unit(bones.front_direction)
    spine = bones.spine
    if region == "abdomen":
        base, shift = spine[len(spine) // 3], 5.0
    elif region == "lower-back":
        base, shift = spine[len(spine) // 3], -5.0
    else:  # glutes: the back of the hips, or the top hip when seen from the front
        base, shift = spine[0], 3.0 if view == "front" else -5.0
    return Glow(base + front.scaled(shift), 7.5, strength)


def pose_primitives(
    pose: Pose, *, view: View = "side", highlight: Iterable[str] = (), strength: float = 1.0
) -> tuple[Primitive, ...]:
    """The body as primitives in paint order: far limbs, trunk and head, near limbs.

    Highlighted parts are drawn with ``strength`` (0..1) of the accent colour.
    """
    marked = set(highlight)
    bones = skeleton(pose)
    p = bones.points

    def level(name: str) -> float:
        return strength if name in marked else 0.0

    def limbs(side: str) -> list[Primitive]:
        far = side == "far"
        chain = [
            (f"thigh-{side}", p["pelvis"], p[f"knee-{side}"]),
            (f"shin-{side}", p[f"knee-{side}"], p[f"ankle-{side}"]),
            (f"foot-{side}", p[f"ankle-{side}"], p[f"toe-{side}"]),
            (f"upper-arm-{side}", p["shoulder"], p[f"elbow-{side}"]),
            (f"forearm-{side}", p[f"elbow-{side}"], p[f"hand-{side}"]),
        ]
        return [Bone(name, (a, b), far, LIMB_WIDTH, level(name)) for name, a, b in chain]

    glows = [
        _glow(r, bones, view, strength) for r in ("abdomen", "glutes", "lower-back") if r in marked
    ]
    nose = _unit(bones.head_direction - 90) if view == "side" else None
    body: list[Primitive] = [
        *glows,
        *limbs("far"),
        Bone("trunk", bones.spine, False, TRUNK_WIDTH, level("trunk")),
        Bone("neck", (p["shoulder"], p["neck-top"]), False, LIMB_WIDTH, level("neck")),
        Head(p["head"], HEAD_RADIUS, nose, level("head")),
        *limbs("near"),
    ]
    return tuple(body)


# ---------------------------------------------------------------- props and arrows


def _rect(left: float, bottom: float, right: float, top: float) -> tuple[Point, ...]:
    return (Point(left, bottom), Point(right, bottom), Point(right, top), Point(left, top))


def _circle(center: Point, radius: float, steps: int = 24) -> tuple[Point, ...]:
    return tuple(center + _unit(360 * i / steps).scaled(radius) for i in range(steps))


def _body_span(figure: Figure) -> tuple[float, float]:
    xs = [
        point.x for pose in (figure.start, figure.end) for point in skeleton(pose).points.values()
    ]
    return min(xs) - HEAD_RADIUS, max(xs) + HEAD_RADIUS


def _static_prop(prop: Prop, figure: Figure) -> list[PropShape]:
    """Props that stay put, placed from the start pose when the file gives no numbers."""
    left, right = _body_span(figure)
    start = skeleton(figure.start).points
    kind = prop.kind
    if kind == "floor":
        return [PropShape((Point(left - 8, 0), Point(right + 8, 0)), False, "line")]
    if kind == "mat" and figure.view == "top":
        ys = [q.y for pose in (figure.start, figure.end) for q in skeleton(pose).points.values()]
        return [PropShape(_rect(left - 6, min(ys) - 12, right + 6, max(ys) + 12), True, "area")]
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
    if kind == "chair":
        seat = prop.y if prop.y is not None else start["pelvis"].y - 4
        front = prop.x if prop.x is not None else start["pelvis"].x + 8
        depth = prop.width if prop.width is not None else 20.0
        back = front - depth
        return [
            PropShape(_rect(back, seat - 3, front, seat), True, "fill"),
            PropShape((Point(front - 2, seat - 3), Point(front - 2, 0)), False, "line"),
            PropShape((Point(back + 1, 0), Point(back + 1, seat + 26)), False, "line"),
        ]
    if kind == "wall":
        x = prop.x if prop.x is not None else left - 2
        top = prop.height if prop.height is not None else 105.0
        return [PropShape((Point(x, 0), Point(x, top)), False, "line")]
    if kind == "step":
        x0 = prop.x if prop.x is not None else start["toe-near"].x + 2
        width = prop.width if prop.width is not None else 30.0
        height = prop.height if prop.height is not None else 12.0
        return [PropShape(_rect(x0, 0, x0 + width, height), True, "fill")]
    if kind == "bike":
        return _bike_frame(prop, figure)
    return []  # strap, dowel and water follow the figure or sit in front of it


def _crank(figure: Figure) -> tuple[Point, float]:
    a = skeleton(figure.start).points["ankle-near"]
    b = skeleton(figure.end).points["ankle-near"]
    return (a + b).scaled(0.5), max(4.0, (a - b).length() / 2)


def _bike_frame(prop: Prop, figure: Figure) -> list[PropShape]:
    """An upright exercise bike: saddle, seat post, crank, front column and handlebars."""
    start = skeleton(figure.start).points
    saddle = Point(
        prop.x if prop.x is not None else start["pelvis"].x,
        prop.y if prop.y is not None else start["pelvis"].y - 5,
    )
    crank, _ = _crank(figure)
    bars = start["hand-near"]
    post_foot = Point(saddle.x - 2, crank.y)
    column_foot = Point(bars.x + 8, 1)
    column_top = Point(bars.x + 2, bars.y - 3)
    return [
        PropShape((Point(saddle.x - 6, saddle.y), Point(saddle.x + 5, saddle.y)), False, "line"),
        PropShape((saddle, post_foot, Point(saddle.x - 6, 1)), False, "line"),
        PropShape((post_foot, crank, Point(bars.x + 6.5, crank.y + 3)), False, "line"),
        PropShape((column_foot, column_top, bars), False, "line"),
        PropShape((Point(saddle.x - 14, 1), Point(column_foot.x + 6, 1)), False, "line"),
        PropShape(_circle(crank, 5.5), True, "fill"),
    ]


def _moving_props(figure: Figure, pose: Pose) -> tuple[list[PropShape], list[PropShape]]:
    """Props that follow the figure: (behind the body, in front of the body)."""
    behind: list[PropShape] = []
    front: list[PropShape] = []
    bones = skeleton(pose)
    p = bones.points
    kinds = {prop.kind: prop for prop in figure.props}
    if "dowel" in kinds:
        back = _unit(bones.front_direction).scaled(-(TRUNK_WIDTH / 2 + 2.5))
        down = p["pelvis"] - p["shoulder"]
        unit = down.scaled(1 / max(down.length(), 1e-6))
        top, bottom = p["shoulder"] + unit.scaled(-25), p["pelvis"] + unit.scaled(10)
        behind.append(PropShape((top + back, bottom + back), False, "line"))
    if "bike" in kinds:
        crank, radius = _crank(figure)
        pedal = p["ankle-near"]
        arm = pedal - crank
        arm = arm.scaled(radius / max(arm.length(), 1e-6))
        behind.append(PropShape((crank - arm, crank + arm), False, "line"))
    if "strap" in kinds:
        sole = p["ankle-near"] + (p["toe-near"] - p["ankle-near"]).scaled(0.6)
        front.append(PropShape((p["hand-near"], sole, p["hand-far"]), False, "thin"))
    if "water" in kinds:
        prop = kinds["water"]
        level = prop.y if prop.y is not None else 60.0
        left, right = _body_span(figure)
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


@functools.lru_cache(maxsize=256)
def _arrow(figure: Figure, hint: ArrowHint) -> Arrow | None:
    """The path of a body point, moved sideways away from the body so it does not hide it.

    The same for every frame of a figure, so it is worked out once (each path costs 14
    skeletons; without the cache every animation frame and every bounds sample paid for it)."""
    path = [skeleton(pose_at(figure, i / 12)).points[hint.point] for i in range(13)]
    travel = path[-1] - path[0]
    if travel.length() < _MIN_ARROW_TRAVEL:
        return None
    side = Point(-travel.y, travel.x).scaled(1 / travel.length())
    middle = skeleton(pose_at(figure, 0.5)).points
    body = Point(
        sum(q.x for q in middle.values()) / len(middle),
        sum(q.y for q in middle.values()) / len(middle),
    )
    away = path[len(path) // 2] - body
    if side.x * away.x + side.y * away.y < 0:
        side = side.scaled(-1)
    return Arrow(tuple(q + side.scaled(hint.offset) for q in path[1:-1]))


def arrowhead(arrow: Arrow, size: float = 5.0) -> tuple[Point, Point, Point]:
    """The triangle at the end of an arrow: tip first."""
    tip, before = arrow.points[-1], arrow.points[-2]
    angle = math.atan2(tip.y - before.y, tip.x - before.x)
    return (
        tip,
        Point(tip.x - size * math.cos(angle + 0.5), tip.y - size * math.sin(angle + 0.5)),
        Point(tip.x - size * math.cos(angle - 0.5), tip.y - size * math.sin(angle - 0.5)),
    )


@dataclass(frozen=True)
class Drawing:
    """Everything to paint for one frame, in paint order, in figure units."""

    primitives: tuple[Primitive, ...]


def figure_drawing(figure: Figure, t: float, *, arrows: bool = True) -> Drawing:
    """The figure at phase t (0 start, 1 end) with its props, highlights and arrows."""
    pose = pose_at(figure, t)
    strength = 0.25 + 0.75 * min(1.0, max(0.0, t))
    static = [shape for prop in figure.props for shape in _static_prop(prop, figure)]
    behind, front = _moving_props(figure, pose)
    body = pose_primitives(pose, view=figure.view, highlight=figure.highlight, strength=strength)
    paths: list[Primitive] = []
    if arrows:
        paths = [a for a in (_arrow(figure, hint) for hint in figure.arrows) if a is not None]
    return Drawing((*static, *behind, *body, *front, *paths))


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


def figure_bounds(figure: Figure) -> Box:
    """A box that holds every frame, so an animation keeps one scale and never jumps."""
    box = drawing_bounds(figure_drawing(figure, 0.0))
    for i in range(1, 9):
        box = box.union(drawing_bounds(figure_drawing(figure, i / 8)))
    return box


# ---------------------------------------------------------------- loading


_TOP_KEYS: Final = ("id", "view", "props", "highlight", "arrows", "anchor", "start", "end")
_PROP_KEYS: Final = ("kind", "x", "y", "width", "height")
_VIEW_BY_NAME: Final[Mapping[str, View]] = {"side": "side", "front": "front", "top": "top"}


def _number(file: Path, field: str, value: object, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FigureError(file, field, f"must be a number, not {type(value).__name__}")
    if not math.isfinite(value):
        raise FigureError(file, field, "must be a finite number")
    if not low <= value <= high:
        raise FigureError(file, field, f"{value:g} is out of range {low:g}..{high:g}")
    return float(value)


def _text(file: Path, field: str, value: object, allowed: Iterable[str]) -> str:
    choices = tuple(allowed)
    if not isinstance(value, str):
        raise FigureError(file, field, f"must be a string, not {type(value).__name__}")
    if value not in choices:
        raise FigureError(file, field, f"{value!r} is not one of {', '.join(choices)}")
    return value


def _list(file: Path, field: str, value: object) -> list[object]:
    if not isinstance(value, list):
        raise FigureError(file, field, f"must be a list, not {type(value).__name__}")
    return value


def _table(file: Path, field: str, value: object, keys: Iterable[str]) -> dict[str, object]:
    if not isinstance(value, dict):
        raise FigureError(file, field, f"must be a table, not {type(value).__name__}")
    known = set(keys)
    for key in value:
        if key not in known:
            raise FigureError(file, f"{field}.{key}" if field else key, "unknown key")
    return value


def _pose(file: Path, field: str, raw: object, base: Pose | None, anchor: str | None) -> Pose:
    table = _table(file, field, raw, POSE_FIELDS)
    if base is None:
        for required in ("y", "trunk"):
            if required not in table:
                raise FigureError(file, f"{field}.{required}", "is required in the start pose")
    elif anchor is not None:
        for moved in ("x", "y"):
            if moved in table:
                raise FigureError(
                    file, f"{field}.{moved}", "may not be set with an anchor (it follows from it)"
                )
    values = {
        key: _number(file, f"{field}.{key}", value, *POSE_RANGES[key])
        for key, value in table.items()
    }
    return replace(base if base is not None else Pose(y=0.0), **values)


def _prop(file: Path, field: str, raw: object) -> Prop:
    if isinstance(raw, str):
        return Prop(_text(file, field, raw, PROP_KINDS))
    table = _table(file, field, raw, _PROP_KEYS)
    if "kind" not in table:
        raise FigureError(file, f"{field}.kind", "is required")
    kind = _text(file, f"{field}.kind", table["kind"], PROP_KINDS)
    numbers = {
        key: _number(file, f"{field}.{key}", value, -300, 300)
        for key, value in table.items()
        if key != "kind"
    }
    return Prop(kind, **numbers)


def _arrow_hint(file: Path, field: str, raw: object) -> ArrowHint:
    if isinstance(raw, str):
        return ArrowHint(_text(file, field, raw, BODY_POINTS))
    table = _table(file, field, raw, ("point", "offset"))
    if "point" not in table:
        raise FigureError(file, f"{field}.point", "is required")
    point = _text(file, f"{field}.point", table["point"], BODY_POINTS)
    offset = table.get("offset", DEFAULT_ARROW_OFFSET)
    return ArrowHint(point, _number(file, f"{field}.offset", offset, -40, 40))


def parse_figure(data: Mapping[str, object], file: Path) -> Figure:
    """Validate one decoded figure file; raise FigureError naming file, field and reason."""
    _table(file, "", dict(data), _TOP_KEYS)
    if "id" not in data:
        raise FigureError(file, "id", "is required")
    figure_id = data["id"]
    if not isinstance(figure_id, str) or not _ID_PATTERN.match(figure_id):
        raise FigureError(file, "id", "must be lowercase letters, digits and '-'")
    if figure_id != file.stem:
        raise FigureError(file, "id", f"{figure_id!r} does not match the file name {file.name!r}")
    view = _VIEW_BY_NAME[_text(file, "view", data.get("view", "side"), VIEWS)]
    anchor = None
    if "anchor" in data:
        anchor = _text(file, "anchor", data["anchor"], BODY_POINTS)
    for pose_name in ("start", "end"):
        if pose_name not in data:
            raise FigureError(file, pose_name, "missing pose: add a [" + pose_name + "] table")
    start = _pose(file, "start", data["start"], None, None)
    end = _pose(file, "end", data["end"], start, anchor)
    if anchor is not None:
        end = anchored(end, anchor, skeleton(start).points[anchor])
    props = tuple(
        _prop(file, f"props[{i}]", item)
        for i, item in enumerate(_list(file, "props", data.get("props", [])))
    )
    highlight = tuple(
        _text(file, f"highlight[{i}]", item, HIGHLIGHT_REGIONS)
        for i, item in enumerate(_list(file, "highlight", data.get("highlight", [])))
    )
    arrows = tuple(
        _arrow_hint(file, f"arrows[{i}]", item)
        for i, item in enumerate(_list(file, "arrows", data.get("arrows", [])))
    )
    return Figure(figure_id, start, end, props, view, highlight, arrows, anchor)


def load_figure(path: Path) -> Figure:
    """Read and validate one figure file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise FigureError(path, "", f"cannot be read: {error.strerror}") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise FigureError(path, "", f"is not valid TOML: {error}") from error
    return parse_figure(data, path)


def load_figures(folder: Path) -> dict[str, Figure]:
    """Every ``*.toml`` figure in a folder, by id."""
    if not folder.is_dir():
        raise FigureError(folder, "", "is not a folder")
    return {path.stem: load_figure(path) for path in sorted(folder.glob("*.toml"))}
