"""Forward kinematics: a pose's joint angles to joint positions in the room (3D), and the poses
between key poses.

The body is first built in its own side view (the picture plane, z towards the viewer on the
near side), then turned as a whole by ``roll`` and ``tilt``. Seen from the side nothing of the
depth shows, so side-view figures look exactly as the angles say.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from coach.domain.figure.model import (
    FOOT_LENGTH,
    FOREARM_LENGTH,
    HEAD_RADIUS,
    HIP_HALF_WIDTH,
    NECK_LENGTH,
    POSE_FIELDS,
    SHIN_LENGTH,
    SHOULDER_HALF_WIDTH,
    THIGH_LENGTH,
    TRUNK_LENGTH,
    UPPER_ARM_LENGTH,
    Figure,
    Pose,
)


@dataclass(frozen=True)
class Vec:
    """A point or direction in the room: x to the right of the side view, y up (the floor is
    y = 0), z towards the side view's viewer."""

    x: float
    y: float
    z: float = 0.0

    def __add__(self, other: Vec) -> Vec:
        return Vec(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other: Vec) -> Vec:
        return Vec(self.x - other.x, self.y - other.y, self.z - other.z)

    def scaled(self, factor: float) -> Vec:
        return Vec(self.x * factor, self.y * factor, self.z * factor)

    def dot(self, other: Vec) -> float:
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other: Vec) -> Vec:
        return Vec(
            self.y * other.z - self.z * other.y,
            self.z * other.x - self.x * other.z,
            self.x * other.y - self.y * other.x,
        )

    def length(self) -> float:
        return math.sqrt(self.dot(self))

    def unit(self) -> Vec:
        return self.scaled(1 / max(self.length(), 1e-9))


Z: Vec = Vec(0.0, 0.0, 1.0)


@dataclass(frozen=True)
class Skeleton:
    """Where every joint of a pose is, in the room, in figure units."""

    spine: tuple[Vec, ...]  # from the middle of the pelvis to the middle of the shoulders
    points: Mapping[str, Vec]  # BODY_POINTS plus neck-top, hip-/shoulder-near/far, face
    face: Vec  # unit vector the face looks along
    front: Vec  # unit vector the belly faces at the hips


def _unit(degrees: float) -> Vec:
    radians = math.radians(degrees)
    return Vec(math.cos(radians), math.sin(radians))


def _spine_points(start: Vec, chord_deg: float, bend_deg: float, steps: int = 8) -> list[Vec]:
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
        points.append(Vec(start.x + dx, start.y + dy))
    return points


def rotate(point: Vec, origin: Vec, axis: Vec, degrees: float) -> Vec:
    """Turn a point about the line through origin along axis (Rodrigues' formula)."""
    if degrees == 0:
        return point
    k = axis.unit()
    v = point - origin
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    turned = v.scaled(c) + k.cross(v).scaled(s) + k.scaled(k.dot(v) * (1 - c))
    return origin + turned


def _outward(
    points: list[Vec], axis_line: tuple[Vec, Vec], probe: Vec, degrees: float, out: Vec
) -> list[Vec]:
    """Turn points about the line origin -> tip so that a positive angle moves ``probe`` (a point
    off that line) towards ``out``: away from the body's middle."""
    origin, tip = axis_line
    axis = tip - origin
    if degrees == 0 or axis.length() < 1e-6:
        return points
    offset = probe - origin
    if axis.cross(offset).dot(out) < 0:
        axis = axis.scaled(-1)
    return [rotate(q, origin, axis, degrees) for q in points]


def _sideways(points: list[Vec], origin: Vec, probe: Vec, out: Vec, degrees: float) -> list[Vec]:
    """Swing a limb about its root towards ``out`` (positive) or across the body (negative):
    the limb's first bone (origin -> probe) turns straight towards the side."""
    if degrees == 0:
        return points
    axis = (probe - origin).cross(out)
    if axis.length() < 1e-6:
        return points
    return [rotate(q, origin, axis, degrees) for q in points]


def _leg(pose: Pose, side: str, hip: Vec, chord: float, out: Vec) -> dict[str, Vec]:
    thigh = chord + 180 + getattr(pose, f"hip_{side}")
    shin = thigh - getattr(pose, f"knee_{side}")
    foot = shin + 90 + getattr(pose, f"ankle_{side}")
    knee = hip + _unit(thigh).scaled(THIGH_LENGTH)
    ankle = knee + _unit(shin).scaled(SHIN_LENGTH)
    toe = ankle + _unit(foot).scaled(FOOT_LENGTH)
    # The lower leg about the thigh line, then the bent leg about the hip-to-ankle line.
    probe = ankle if (ankle - knee).cross(knee - hip).length() > 1e-6 else toe
    ankle, toe = _outward([ankle, toe], (hip, knee), probe, getattr(pose, f"shin_turn_{side}"), out)
    knee, toe = _outward([knee, toe], (hip, ankle), knee, getattr(pose, f"turn_{side}"), out)
    return {"knee": knee, "ankle": ankle, "toe": toe}


@functools.lru_cache(maxsize=1024)
def skeleton(pose: Pose) -> Skeleton:
    """Forward kinematics: joint angles to joint positions in the room (cached: key poses are
    asked for again and again, for anchors, held hands, props and bounds)."""
    pelvis = Vec(pose.x, pose.y)
    chord = 90.0 - pose.trunk
    spine = _spine_points(pelvis, chord, pose.spine)
    shoulder = spine[-1]
    head_direction = chord + pose.spine / 2 - pose.neck
    front_hips = _unit(chord - 90 - pose.spine / 2)
    points: dict[str, Vec] = {"pelvis": pelvis, "shoulder": shoulder}
    points["neck-top"] = shoulder + _unit(head_direction).scaled(NECK_LENGTH)
    points["head"] = shoulder + _unit(head_direction).scaled(NECK_LENGTH + HEAD_RADIUS)
    for side, sign in (("near", 1.0), ("far", -1.0)):
        out = Z.scaled(sign)
        socket = shoulder + out.scaled(SHOULDER_HALF_WIDTH)
        arm = chord + 180 + getattr(pose, f"shoulder_{side}")
        elbow = socket + _unit(arm).scaled(UPPER_ARM_LENGTH)
        hand = elbow + _unit(arm + getattr(pose, f"elbow_{side}")).scaled(FOREARM_LENGTH)
        (elbow,) = _outward([elbow], (socket, hand), elbow, getattr(pose, f"arm_turn_{side}"), out)
        elbow, hand = _sideways(
            [elbow, hand], socket, elbow, out, getattr(pose, f"shoulder_out_{side}")
        )
        points[f"shoulder-{side}"] = socket
        points[f"elbow-{side}"] = elbow
        points[f"hand-{side}"] = hand
        hip = pelvis + out.scaled(HIP_HALF_WIDTH)
        leg = _leg(pose, side, hip, chord, out)
        points[f"hip-{side}"] = hip
        moved = _sideways(
            [leg["knee"], leg["ankle"], leg["toe"]], hip, leg["knee"], out,
            getattr(pose, f"hip_out_{side}"),
        )  # fmt: skip
        for joint, q in zip(("knee", "ankle", "toe"), moved, strict=True):
            points[f"{joint}-{side}"] = q
    face = _unit(head_direction - 90)
    return _placed(Skeleton(tuple(spine), MappingProxyType(points), face, front_hips), pose)


def _placed(body: Skeleton, pose: Pose) -> Skeleton:
    """The body turned as a whole about its hips: roll about the room's x axis, then tilt about
    its z axis."""
    if pose.roll == 0 and pose.tilt == 0:
        return body
    centre = body.points["pelvis"]

    def move(q: Vec) -> Vec:
        return rotate(rotate(q, centre, Vec(1, 0, 0), pose.roll), centre, Z, pose.tilt)

    def turn(d: Vec) -> Vec:
        return move(centre + d) - centre

    return Skeleton(
        tuple(move(q) for q in body.spine),
        MappingProxyType({name: move(q) for name, q in body.points.items()}),
        turn(body.face),
        turn(body.front),
    )


def _lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def interpolate(start: Pose, end: Pose, t: float) -> Pose:
    """The pose a fraction t (clamped to 0..1) of the way from start to end, angle by angle.
    Marks belong to the nearer key pose."""
    t = min(1.0, max(0.0, t))
    values = {name: _lerp(getattr(start, name), getattr(end, name), t) for name in POSE_FIELDS}
    return Pose(**values, marks=start.marks if t < 0.5 else end.marks)


def anchored(pose: Pose, point: str, target: Vec) -> Pose:
    """The same pose moved so that its body point lands on target (in x and y)."""
    where = skeleton(pose).points[point]
    return replace(pose, x=pose.x + target.x - where.x, y=pose.y + target.y - where.y)


def segment_at(figure: Figure, t: float) -> tuple[int, float]:
    """Which step between key poses phase t is in, and how far along it (0..1)."""
    steps = len(figure.poses) - 1
    position = min(1.0, max(0.0, t)) * steps
    index = min(int(position), steps - 1)
    return index, position - index


def pose_at(figure: Figure, t: float) -> Pose:
    """The figure's pose at phase t (0 the first key pose, 1 the last): between two key poses
    eased so each key pose is held a moment, held on the anchor point if there is one, with the
    held hands going straight from where one key pose has them to where the next has them."""
    index, local = segment_at(figure, t)
    if len(figure.poses) > 2:
        local = (1 - math.cos(math.pi * local)) / 2
    before, after = figure.poses[index], figure.poses[index + 1]
    pose = interpolate(before, after, local)
    if figure.anchor is not None:
        pose = anchored(pose, figure.anchor, skeleton(figure.start).points[figure.anchor])
    for hand in figure.hold if 0 < local < 1 else ():  # the key poses are as the file says
        a, b = skeleton(before).points[hand], skeleton(after).points[hand]
        pose = reach(pose, hand.removeprefix("hand-"), a + (b - a).scaled(local))
    return pose


def reach(pose: Pose, side: str, target: Vec) -> Pose:
    """The pose with one arm's shoulder and elbow angles set so its hand is at target (seen from
    the side; the elbow keeps the way it bends). A target out of reach gets a straight arm
    pointing at it."""
    socket = skeleton(replace(pose, roll=0, tilt=0)).points[f"shoulder-{side}"]
    dx, dy = target.x - socket.x, target.y - socket.y
    a, b = UPPER_ARM_LENGTH, FOREARM_LENGTH
    d = min(a + b - 1e-9, max(abs(a - b) + 1e-9, math.hypot(dx, dy)))
    towards = math.degrees(math.atan2(dy, dx))
    inner = math.degrees(math.acos((a * a + d * d - b * b) / (2 * a * d)))
    bend = 1.0 if getattr(pose, f"elbow_{side}") >= 0 else -1.0
    arm = towards - bend * inner
    forearm = towards + bend * math.degrees(math.asin(a * math.sin(math.radians(inner)) / b))
    chord = 90.0 - pose.trunk
    shoulder = (arm - chord - 180) % 360
    if shoulder > 270:
        shoulder -= 360
    elbow = (forearm - arm + 180) % 360 - 180
    if side == "near":
        return replace(pose, shoulder_near=shoulder, elbow_near=elbow)
    return replace(pose, shoulder_far=shoulder, elbow_far=elbow)


def mark_strength(figure: Figure, t: float) -> float:
    """How strongly the marks of the nearest key pose show: 1 on it, 0 half way to the next."""
    _, local = segment_at(figure, t)
    return abs(1 - 2 * local)
