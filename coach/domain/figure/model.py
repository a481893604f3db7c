"""The figure data: a pose as joint angles, props, arrows and a figure's key poses.

Only data and its limits live here; ``skeleton`` turns a pose into joint positions, ``drawing``
into primitives to paint and ``loader`` reads the files (the format is in the package docstring).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Final, Literal, TypeAlias

from coach.domain.fields import DataError

# Bone lengths and line widths, in figure units (about 1/100 of the standing height).
TRUNK_LENGTH: Final = 30.0
NECK_LENGTH: Final = 5.0
HEAD_RADIUS: Final = 7.5
UPPER_ARM_LENGTH: Final = 17.0
FOREARM_LENGTH: Final = 19.0
THIGH_LENGTH: Final = 25.0
SHIN_LENGTH: Final = 25.0
FOOT_LENGTH: Final = 10.0
HIP_HALF_WIDTH: Final = 5.0  # from the middle of the pelvis to each hip joint
SHOULDER_HALF_WIDTH: Final = 9.0
LIMB_WIDTH: Final = 5.0
TRUNK_WIDTH: Final = 8.5
PROP_WIDTH: Final = 2.5
THIN_WIDTH: Final = 1.5
RIM_WIDTH: Final = 2.0  # the background-coloured rim round near limbs
NOSE_RADIUS: Final = 2.2

BONE_LENGTHS: Final[Mapping[str, float]] = {
    "trunk": TRUNK_LENGTH,
    "neck": NECK_LENGTH,
    **{f"upper-arm-{side}": UPPER_ARM_LENGTH for side in ("near", "far")},
    **{f"forearm-{side}": FOREARM_LENGTH for side in ("near", "far")},
    **{f"thigh-{side}": THIGH_LENGTH for side in ("near", "far")},
    **{f"shin-{side}": SHIN_LENGTH for side in ("near", "far")},
    **{f"foot-{side}": FOOT_LENGTH for side in ("near", "far")},
    "shoulders": 2 * SHOULDER_HALF_WIDTH,
    "hips": 2 * HIP_HALF_WIDTH,
}

View: TypeAlias = Literal["side", "feet", "top"]
VIEWS: Final = ("side", "feet", "top")
PROP_KINDS: Final = (
    "floor", "mat", "bed", "chair", "armchair", "wall", "step", "stairs", "counter", "strap",
    "dowel", "bike", "water",
)  # fmt: skip
# Props that are drawn from every view; the others only in the side view.
PROPS_IN_EVERY_VIEW: Final = ("floor", "mat", "bed")
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
# Marks drawn on the body for exercises whose work cannot be seen as movement.
MARK_KINDS: Final = ("squeeze", "brace", "press", "breath-in", "breath-out")
DEFAULT_ARROW_OFFSET: Final = 9.0


class FigureError(DataError):
    """A figure file breaks a rule: the one data error (``coach.domain.fields``), naming the
    file, the field and the reason."""

    def __init__(self, file: Path | str, field: str, reason: str) -> None:
        self.file = str(file)
        self.field = field
        super().__init__(self.file, field, reason)


@dataclass(frozen=True)
class Pose:
    """One posture as joint angles; see the package docstring for every field's meaning."""

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
    hip_out_near: float = 0.0
    hip_out_far: float = 0.0
    shoulder_out_near: float = 0.0
    shoulder_out_far: float = 0.0
    arm_turn_near: float = 0.0
    arm_turn_far: float = 0.0
    roll: float = 0.0
    tilt: float = 0.0
    marks: tuple[str, ...] = ()


POSE_FIELDS: Final = tuple(f.name for f in fields(Pose) if f.name != "marks")
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
    **{f"turn_{s}": (-180, 180) for s in ("near", "far")},
    **{f"shin_turn_{s}": (-180, 180) for s in ("near", "far")},
    **{f"hip_out_{s}": (-60, 90) for s in ("near", "far")},
    **{f"shoulder_out_{s}": (-90, 180) for s in ("near", "far")},
    **{f"arm_turn_{s}": (-180, 180) for s in ("near", "far")},
    "roll": (-180, 180),
    "tilt": (-180, 180),
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
    """Draw the path of one body point from one key pose to the next."""

    point: str
    offset: float = DEFAULT_ARROW_OFFSET


@dataclass(frozen=True)
class Figure:
    """The illustration of one exercise: two or more key poses, shown in order.

    ``thumbnail`` is the index of the key pose that says most about the exercise in a small
    still picture (the end pose unless the file says otherwise)."""

    id: str
    poses: tuple[Pose, ...]
    props: tuple[Prop, ...] = ()
    view: View = "side"
    highlight: tuple[str, ...] = ()
    arrows: tuple[ArrowHint, ...] = ()
    anchor: str | None = None
    thumbnail: int = -1
    hold: tuple[str, ...] = ()  # hands that go straight from key pose to key pose

    def __post_init__(self) -> None:
        if len(self.poses) < 2:
            raise ValueError("a figure needs at least two key poses")

    @property
    def start(self) -> Pose:
        return self.poses[0]

    @property
    def end(self) -> Pose:
        return self.poses[-1]

    def key_phase(self, index: int) -> float:
        """The phase (0..1) at which key pose ``index`` is shown; negative counts from the end."""
        count = len(self.poses)
        index = index % count
        return index / (count - 1)

    @property
    def thumbnail_phase(self) -> float:
        return self.key_phase(self.thumbnail)


def figure_title(figure_id: str) -> str:
    """A readable name from an id, for when no exercise name is at hand: "figure-4-stretch"."""
    return figure_id.replace("-", " ").capitalize()
