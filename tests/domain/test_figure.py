"""The figure model: shipped files load, validation names file/field/reason, bones keep length."""

from __future__ import annotations

import itertools
import math
from dataclasses import fields, replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.domain.fields import DataError
from coach.domain.figure import (
    BONE_LENGTHS,
    CAMERAS,
    HEAD_RADIUS,
    LIMB_WIDTH,
    POSE_RANGES,
    TRUNK_WIDTH,
    Arrow,
    Bone,
    Figure,
    FigureError,
    Glow,
    Pose,
    Stroke,
    Vec,
    figure_bounds,
    figure_drawing,
    interpolate,
    load_figure,
    load_figures,
    pose_at,
    pose_primitives,
    segment_at,
    skeleton,
)

EXERCISES = Path(__file__).resolve().parents[2] / "exercises"
FIGURES = EXERCISES / "figures"
REQUIRED_IDS = {
    "walking", "ankle-pumps", "diaphragmatic-breathing", "abdominal-bracing", "glute-sets",
    "quad-sets", "heel-slides", "log-roll", "sit-to-stand", "heel-raises", "wall-sit",
    "supine-marching", "bridge", "clamshell", "side-lying-hip-abduction", "bird-dog", "dead-bug",
    "side-plank-knees", "front-plank-modified", "step-ups", "split-squat", "hip-hinge",
    "hamstring-stretch", "figure-4-stretch", "hip-flexor-stretch", "calf-stretch",
    "quad-stretch", "single-knee-to-chest", "double-knee-to-chest", "posterior-pelvic-tilt",
    "lower-trunk-rotation", "cat-camel", "prone-lying", "prone-press-up", "sciatic-nerve-glide",
    "stationary-cycling", "pool-walking",
}  # fmt: skip
PHASES = [i / 8 for i in range(9)]
SHIPPED = sorted(path.stem for path in FIGURES.glob("*.toml"))


@pytest.fixture(scope="module")
def shipped() -> dict[str, Figure]:
    return load_figures(FIGURES)


# ---------------------------------------------------------------- shipped files


def test_every_required_exercise_has_a_figure(shipped: dict[str, Figure]) -> None:
    assert REQUIRED_IDS - shipped.keys() == set()


def test_every_catalogue_exercise_has_a_figure(shipped: dict[str, Figure]) -> None:
    catalogue = {path.stem for path in (EXERCISES / "catalogue").glob("*.toml")}
    assert catalogue - shipped.keys() == set()


def test_every_figure_belongs_to_an_exercise(shipped: dict[str, Figure]) -> None:
    catalogue = {path.stem for path in (EXERCISES / "catalogue").glob("*.toml")}
    if catalogue:
        assert shipped.keys() - catalogue == set()


def test_shipped_ids_match_file_names(shipped: dict[str, Figure]) -> None:
    assert all(figure.id == figure_id for figure_id, figure in shipped.items())


@pytest.mark.parametrize("figure_id", SHIPPED)
def test_start_and_end_differ(shipped: dict[str, Figure], figure_id: str) -> None:
    """Even the still exercises (bracing, squeezes) show a change, at least in the highlight."""
    figure = shipped[figure_id]
    assert figure.start != figure.end or figure.highlight


@pytest.mark.parametrize("figure_id", SHIPPED)
def test_bones_do_not_stretch(shipped: dict[str, Figure], figure_id: str) -> None:
    """In the room (3D) every bone keeps its length in every frame, whatever the view."""
    figure = shipped[figure_id]
    for t in PHASES_OF(figure):
        pose = pose_at(figure, t)
        for name, length in _room_bone_lengths(pose).items():
            assert length == pytest.approx(BONE_LENGTHS[name], abs=0.05), (figure_id, t, name)


@pytest.mark.parametrize("figure_id", SHIPPED)
def test_nobody_sinks_into_the_floor(shipped: dict[str, Figure], figure_id: str) -> None:
    """Lying figures lie on the mat and feet stand on the floor, in every frame (in the room,
    so it holds for figures seen from the feet or above too)."""
    figure = shipped[figure_id]
    for t in PHASES_OF(figure):
        bones = skeleton(pose_at(figure, t))
        for name, point in bones.points.items():
            radius = HEAD_RADIUS if name == "head" else LIMB_WIDTH / 2
            assert point.y - radius >= -1.5, (figure_id, t, name, point.y)
        for point in bones.spine:
            assert point.y - TRUNK_WIDTH / 2 >= -1.5, (figure_id, t, "trunk", point.y)


@pytest.mark.parametrize("figure_id", SHIPPED)
def test_highlights_and_marks_stay_above_the_floor(
    shipped: dict[str, Figure], figure_id: str
) -> None:
    figure = shipped[figure_id]
    if figure.view != "side":
        return  # seen from above, lower in the picture is not lower in the room
    for t in PHASES_OF(figure):
        for item in figure_drawing(figure, t).primitives:
            if isinstance(item, Glow):
                assert item.center.y - item.radius >= -2.6, (figure_id, t)


@pytest.mark.parametrize("figure_id", SHIPPED)
def test_anchor_point_stays_put(shipped: dict[str, Figure], figure_id: str) -> None:
    figure = shipped[figure_id]
    if figure.anchor is None:
        return
    where = {_rounded(skeleton(pose_at(figure, t)).points[figure.anchor]) for t in PHASES}
    assert len(where) == 1


def test_bounds_hold_every_frame(shipped: dict[str, Figure]) -> None:
    figure = shipped["bridge"]
    box = figure_bounds(figure)
    for t in PHASES:
        for point in skeleton(pose_at(figure, t)).points.values():
            assert box.left <= point.x <= box.right
            assert box.bottom <= point.y <= box.top


# ---------------------------------------------------------------- geometry


def test_interpolation_hits_both_ends_and_clamps() -> None:
    start = Pose(y=5, trunk=-90, hip_near=45, knee_near=90)
    end = replace(start, hip_near=90, knee_near=0)
    assert interpolate(start, end, 0.0) == start
    assert interpolate(start, end, 1.0) == end
    assert interpolate(start, end, -3.0) == start
    assert interpolate(start, end, 7.0) == end
    assert interpolate(start, end, 0.5).hip_near == pytest.approx(67.5)


def test_pose_at_ends_are_the_file_poses(shipped: dict[str, Figure]) -> None:
    for figure in shipped.values():
        for t, pose in ((0.0, figure.start), (1.0, figure.end)):
            for name in (f.name for f in fields(Pose)):
                assert getattr(pose_at(figure, t), name) == pytest.approx(getattr(pose, name))


def test_standing_figure_stands_on_the_floor() -> None:
    points = skeleton(Pose(y=50, trunk=0)).points
    assert points["ankle-near"].y == pytest.approx(0)
    assert points["head"].y > points["shoulder"].y > points["pelvis"].y > points["knee-near"].y


def test_positive_trunk_leans_forward_and_hip_flexion_brings_the_thigh_forward() -> None:
    hinge = skeleton(Pose(y=50, trunk=45)).points
    assert hinge["shoulder"].x > 0
    sitting = skeleton(Pose(y=27, trunk=0, hip_near=90, knee_near=90)).points
    assert sitting["knee-near"].x == pytest.approx(25)
    assert sitting["ankle-near"].y == pytest.approx(2)


def test_turning_a_leg_keeps_hip_and_ankle_and_swings_the_knee_out_to_the_side() -> None:
    flat = Pose(y=5, trunk=-90, hip_near=45, knee_near=90)
    a = skeleton(flat).points
    out, across = (skeleton(replace(flat, turn_near=t)).points for t in (90.0, -90.0))
    assert _close(out["ankle-near"], a["ankle-near"])
    assert out["knee-near"].y == pytest.approx(5)  # on the hip-ankle line, seen from the side
    assert a["knee-near"].y > 20
    assert out["knee-near"].z > a["knee-near"].z + 15  # out to the near side
    assert across["knee-near"].z < a["knee-near"].z - 15
    far_out = skeleton(replace(flat, hip_far=45, knee_far=90, turn_far=90)).points
    assert far_out["knee-far"].z < -15  # the far leg's "out" is the other way


def test_turning_a_lower_leg_keeps_the_thigh_and_swings_the_shin_out_of_the_picture() -> None:
    sitting = Pose(y=27, trunk=0, hip_near=90, knee_near=90)
    flat = skeleton(sitting).points
    for shin_turn, ankle_y in ((90.0, 27.0), (180.0, 52.0)):
        turned = skeleton(replace(sitting, shin_turn_near=shin_turn)).points
        assert _close(turned["knee-near"], flat["knee-near"])  # the thigh stays
        assert turned["ankle-near"].x == pytest.approx(flat["knee-near"].x)
        assert turned["ankle-near"].y == pytest.approx(ankle_y)  # at the knee, or above it
    half = skeleton(replace(sitting, shin_turn_near=60)).points
    assert math.dist((half["ankle-near"].x, half["ankle-near"].y),
                     (half["knee-near"].x, half["knee-near"].y)) == pytest.approx(12.5)  # fmt: skip


def test_hip_out_lifts_a_straight_leg_sideways_and_roll_puts_it_towards_the_ceiling() -> None:
    lying = Pose(y=12, trunk=-90, roll=-90)
    flat, lifted = skeleton(lying).points, skeleton(replace(lying, hip_out_near=30)).points
    assert flat["hip-near"].y > flat["hip-far"].y  # on the far side, near side up
    assert lifted["ankle-near"].y > flat["ankle-near"].y + 20
    assert _close(lifted["hip-near"], flat["hip-near"])


def test_arm_turn_keeps_the_hand_and_lowers_the_elbow_to_the_side() -> None:
    hand_on_tummy = Pose(y=4.5, trunk=-90, shoulder_near=74, elbow_near=-110)
    up, down = (
        skeleton(hand_on_tummy).points,
        skeleton(replace(hand_on_tummy, arm_turn_near=95)).points,
    )
    assert _close(up["hand-near"], down["hand-near"])
    assert down["elbow-near"].y < up["elbow-near"].y - 10
    assert down["elbow-near"].z > 15


def test_tilt_after_roll_sits_a_side_lying_body_up_sideways() -> None:
    """The log roll's last step: no bending forward, the trunk comes up in one piece."""
    side_lying = Pose(y=32, trunk=-90, roll=90, hip_near=90, knee_near=90)
    up = skeleton(replace(side_lying, tilt=-90)).points
    assert up["head"].y > up["shoulder"].y > up["pelvis"].y + 25
    assert up["ankle-near"].y < up["knee-near"].y - 20  # the lower legs hang down
    assert up["knee-near"].z > 20  # the thighs point off the side of the bed


_angle = {name: st.floats(low, high) for name, (low, high) in POSE_RANGES.items()}


@given(st.builds(Pose, **_angle))
def test_any_pose_keeps_every_bone_length(pose: Pose) -> None:
    for name, length in _room_bone_lengths(pose).items():
        # The curved trunk is a hair shorter as chords of its arc, never longer.
        assert length == pytest.approx(BONE_LENGTHS[name], abs=0.05), name


@pytest.mark.parametrize("view", ["side", "feet", "top"])
def test_every_view_draws_the_whole_body(view: str) -> None:
    pose = Pose(y=12, trunk=-90, roll=-90, hip_near=45, knee_near=90)
    names = {p.name for p in pose_primitives(pose, view=view) if isinstance(p, Bone)}
    limbs = {f"{b}-{s}" for b in ("thigh", "shin", "foot", "upper-arm", "forearm")
             for s in ("near", "far")}  # fmt: skip
    assert limbs | {"trunk", "neck"} <= names
    if view != "side":
        assert {"shoulders", "hips"} <= names  # the width of the body gives depth


def test_perspective_draws_nearer_parts_bigger() -> None:
    feet = CAMERAS["feet"]
    near, far = Vec(40, 0, 0), Vec(-40, 0, 0)  # the feet end is nearer the viewer
    assert feet.scale(near) > 1 > feet.scale(far)
    assert CAMERAS["side"].scale(near) == CAMERAS["side"].scale(far) == 1


def test_highlight_grows_towards_the_end_pose(shipped: dict[str, Figure]) -> None:
    figure = shipped["glute-sets"]
    strength = [
        next(p for p in figure_drawing(figure, t).primitives if isinstance(p, Glow)).strength
        for t in (0.0, 0.5, 1.0)
    ]
    assert 0 < strength[0] < strength[1] < strength[2] == 1


def test_arrows_can_be_left_out(shipped: dict[str, Figure]) -> None:
    figure = shipped["bridge"]
    with_arrows = figure_drawing(figure, 0.0).primitives
    without = figure_drawing(figure, 0.0, arrows=False).primitives
    assert len(with_arrows) == len(without) + len(figure.arrows)


# ---------------------------------------------------------------- validation

GOOD = """\
id = "{id}"
props = ["mat"]

[start]
y = 5
trunk = -90

[end]
hip_near = 45
"""


def _write(folder: Path, text: str, name: str = "demo") -> Path:
    path = folder / f"{name}.toml"
    path.write_text(text.format(id=name), encoding="utf-8")
    return path


def test_a_good_file_loads_and_end_inherits_from_start(tmp_path: Path) -> None:
    figure = load_figure(_write(tmp_path, GOOD))
    assert figure.start == Pose(y=5, trunk=-90)
    assert figure.end == Pose(y=5, trunk=-90, hip_near=45)


@pytest.mark.parametrize(
    ("text", "field", "reason"),
    [
        ("colour = 'red'\n" + GOOD, "colour", "is not a known field"),
        (
            GOOD.replace("trunk = -90", "trunk = -90\nelbow = 3"),
            "start.elbow",
            "is not a known field",
        ),
        (GOOD.replace("hip_near = 45", "hip_near = 'a lot'"), "end.hip_near", "must be a number"),
        (GOOD.replace("hip_near = 45", "hip_near = true"), "end.hip_near", "number"),
        (
            GOOD.replace("hip_near = 45", "hip_near = nan"),
            "end.hip_near",
            "must be a number from -",
        ),
        (GOOD.replace("hip_near = 45", "knee_far = 200"), "end.knee_far", "must be a number from"),
        (GOOD.replace("y = 5\n", ""), "start.y", "is missing"),
        (GOOD.split("[end]", maxsplit=1)[0], "end", "is missing: add a [end] table"),
        (GOOD.replace('id = "{id}"', 'id = "other"'), "id", "file name"),
        (GOOD.replace('["mat"]', '["trampoline"]'), "props[0]", "must be one of: "),
        (
            GOOD.replace('["mat"]', '[{{ kind = "step", depth = 3 }}]'),
            "props[0].depth",
            "is not a known field",
        ),
        ("highlight = ['elbow']\n" + GOOD, "highlight[0]", "must be one of: "),
        ("arrows = [{{ point = 'nose' }}]\n" + GOOD, "arrows[0].point", "must be one of: "),
        ("view = 'back'\n" + GOOD, "view", "must be one of: side, feet, top"),
        (
            'anchor = "ankle-near"\n' + GOOD.replace("hip_near = 45", "x = 3"),
            "end.x",
            "anchor",
        ),
        (GOOD + "props = [\n", "", "not valid TOML"),
        (GOOD.replace("hip_near = 45", "y = 5"), "end", "same as the key pose before"),
        (GOOD.replace("hip_near = 45", ""), "end", "same as the key pose before"),
        ("highlight = ['abdomen']\n" + GOOD.replace("hip_near = 45", ""), "end", "highlight"),
        (GOOD + "[[then]]\nknee_near = 200\n", "then[0].knee_near", "must be a number from"),
        (GOOD.replace("[end]", "[[then]]\n[end]"), "then[0]", "same as the key pose before"),
        ("then = 3\n" + GOOD, "then", "must be a list"),
        ("thumbnail = 3\n" + GOOD, "thumbnail", "must be a whole number from 1 to 2"),
        ("thumbnail = 1.5\n" + GOOD, "thumbnail", "must be a whole number from 1 to 2"),
        (GOOD.replace("hip_near = 45", "marks = ['wink']"), "end.marks[0]", "must be one of: "),
        (GOOD.replace("hip_near = 45", "marks = 'squeeze'"), "end.marks", "must be a list"),
        ('view = "feet"\n' + GOOD.replace('["mat"]', '["chair"]'), "props[0]", "side view"),
        (GOOD + "".join(f"[[then]]\nknee_near = {i}\n" for i in range(1, 8)), "then", "at most"),
    ],
)
def test_errors_name_the_file_the_field_and_the_reason(
    tmp_path: Path, text: str, field: str, reason: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(FigureError) as caught:
        load_figure(path)
    error = caught.value
    assert isinstance(error, ValueError)
    assert str(path) in str(error)
    assert error.field == field
    assert reason in error.reason
    assert isinstance(error, DataError)  # the one validator's error, in its one format
    assert str(error) == f"{path}: {field} {error.reason}" if field else f"{path}: {error.reason}"


SEQUENCE = """\
id = "{id}"
thumbnail = 2

[start]
y = 5
trunk = -90
marks = ["breath-out"]

[[then]]
hip_near = 45

[[then]]
knee_near = 90

[end]
hip_near = 0
marks = ["breath-in"]
"""


def test_key_poses_in_order_each_inheriting_from_the_one_before(tmp_path: Path) -> None:
    figure = load_figure(_write(tmp_path, SEQUENCE))
    assert [(p.hip_near, p.knee_near) for p in figure.poses] == [(0, 0), (45, 0), (45, 90), (0, 90)]
    assert [p.marks for p in figure.poses] == [("breath-out",), (), (), ("breath-in",)]
    assert figure.start is figure.poses[0] and figure.end is figure.poses[-1]
    assert figure.thumbnail == 1 and figure.thumbnail_phase == pytest.approx(1 / 3)
    assert load_figure(_write(tmp_path, GOOD, "two")).thumbnail_phase == 1.0  # default: last


def test_the_phase_passes_through_every_key_pose(tmp_path: Path) -> None:
    figure = load_figure(_write(tmp_path, SEQUENCE))
    for index, pose in enumerate(figure.poses):
        assert pose_at(figure, figure.key_phase(index)) == pose
    between = pose_at(figure, 0.5)  # half way between key poses 2 and 3
    assert between.hip_near == 45 and 0 < between.knee_near < 90
    assert segment_at(figure, 0.5) == (1, pytest.approx(0.5))
    assert segment_at(figure, 1.0) == (2, pytest.approx(1.0))


def test_marks_show_only_near_their_key_pose(tmp_path: Path) -> None:
    figure = load_figure(_write(tmp_path, SEQUENCE))

    def strokes(t: float) -> list[Stroke]:
        return [p for p in figure_drawing(figure, t).primitives if isinstance(p, Stroke)]

    assert strokes(0.0) and all(s.strength == 1 for s in strokes(0.0))
    assert not strokes(1 / 3)  # a key pose without marks
    assert strokes(1.0)
    assert strokes(0.1) and all(s.strength < 1 for s in strokes(0.1))  # fading


def test_each_step_draws_only_its_own_arrows(shipped: dict[str, Figure]) -> None:
    figure = shipped["log-roll"]
    paths = {
        step: [p for p in figure_drawing(figure, figure.key_phase(step)).primitives
               if isinstance(p, Arrow)]
        for step in range(3)
    }  # fmt: skip
    assert all(paths.values())
    assert paths[0] != paths[1] != paths[2]


@pytest.mark.parametrize("figure_id", SHIPPED)
def test_every_step_shows_a_visible_change(shipped: dict[str, Figure], figure_id: str) -> None:
    """A still exercise must still look different from one key pose to the next: a body part
    moves clearly or marks show the work (a highlight alone fails)."""
    figure = shipped[figure_id]
    for before, after in itertools.pairwise(figure.poses):
        a, b = skeleton(before).points, skeleton(after).points
        moved = max(_dist(a[name], b[name]) for name in a)
        assert moved >= 1.0 or before.marks != after.marks, figure_id


def test_still_exercises_show_how_they_work(shipped: dict[str, Figure]) -> None:
    assert "brace" in shipped["abdominal-bracing"].end.marks
    assert "squeeze" in shipped["glute-sets"].end.marks
    assert "press" in shipped["posterior-pelvic-tilt"].end.marks
    breathing = shipped["diaphragmatic-breathing"]
    assert (breathing.start.marks, breathing.end.marks) == (("breath-out",), ("breath-in",))


def test_thumbnails_pick_the_telling_pose(shipped: dict[str, Figure]) -> None:
    log_roll = shipped["log-roll"]
    assert len(log_roll.poses) >= 4
    thumb = skeleton(log_roll.poses[log_roll.thumbnail]).points
    sitting = skeleton(log_roll.end).points
    assert thumb["head"].y < sitting["head"].y - 20  # lying on the side, not sitting up
    for figure in shipped.values():
        assert 0 <= figure.thumbnail_phase <= 1


@pytest.mark.parametrize(
    ("figure_id", "view"),
    [("clamshell", "feet"), ("side-lying-hip-abduction", "feet"), ("lower-trunk-rotation", "feet"),
     ("log-roll", "top")],
)  # fmt: skip
def test_sideways_movements_are_seen_from_the_feet_or_above(
    shipped: dict[str, Figure], figure_id: str, view: str
) -> None:
    """The moving knee or foot travels across the picture, not towards the viewer."""
    figure = shipped[figure_id]
    assert figure.view == view
    camera = CAMERAS[view]
    point = figure.arrows[0].point
    a, b = (skeleton(pose).points[point] for pose in figure.poses[:2])
    drawn = (camera.project(b) - camera.project(a)).length()
    assert drawn >= 0.6 * _dist(a, b)


def test_side_lying_figures_lie_on_their_side(shipped: dict[str, Figure]) -> None:
    for figure_id in ("clamshell", "side-lying-hip-abduction"):
        p = skeleton(shipped[figure_id].start).points
        assert p["hip-near"].y > p["hip-far"].y + 8  # hips stacked, top hip up
        assert p["shoulder-near"].y > p["shoulder-far"].y + 15


def test_load_figures_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FigureError, match="not a folder"):
        load_figures(tmp_path / "nowhere")


def test_load_figures_reads_every_file_by_id(tmp_path: Path) -> None:
    for name in ("b-one", "a-two"):
        _write(tmp_path, GOOD, name)
    assert list(load_figures(tmp_path)) == ["a-two", "b-one"]


# ---------------------------------------------------------------- helpers


def PHASES_OF(figure: Figure) -> list[float]:
    steps = 8 * (len(figure.poses) - 1)
    return [i / steps for i in range(steps + 1)]


def _room_bone_lengths(pose: Pose) -> dict[str, float]:
    """Every bone's length in the room (3D)."""
    bones = skeleton(pose)
    p = bones.points
    lengths = {"trunk": sum(_dist(a, b) for a, b in itertools.pairwise(bones.spine))}
    lengths["neck"] = _dist(p["shoulder"], p["neck-top"])
    lengths["shoulders"] = _dist(p["shoulder-far"], p["shoulder-near"])
    lengths["hips"] = _dist(p["hip-far"], p["hip-near"])
    for side in ("near", "far"):
        for name, a, b in (
            ("thigh", "hip", "knee"), ("shin", "knee", "ankle"), ("foot", "ankle", "toe"),
            ("upper-arm", "shoulder", "elbow"), ("forearm", "elbow", "hand"),
        ):  # fmt: skip
            lengths[f"{name}-{side}"] = _dist(p[f"{a}-{side}"], p[f"{b}-{side}"])
    return lengths


def _dist(a: Vec, b: Vec) -> float:
    return (a - b).length()


def _close(a: Vec, b: Vec) -> bool:
    return _dist(a, b) < 1e-6


def _rounded(point: Vec) -> tuple[float, float]:
    return (round(point.x, 6), round(point.y, 6))
