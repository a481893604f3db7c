"""The figure model: shipped files load, validation names file/field/reason, bones keep length."""

from __future__ import annotations

import itertools
import math
from dataclasses import fields, replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.domain.figure import (
    BONE_LENGTHS,
    POSE_RANGES,
    Bone,
    Figure,
    FigureError,
    Glow,
    Head,
    Point,
    Pose,
    figure_bounds,
    figure_drawing,
    interpolate,
    load_figure,
    load_figures,
    pose_at,
    pose_primitives,
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
    figure = shipped[figure_id]
    for t in PHASES:
        pose = pose_at(figure, t)
        for bone in _bones(pose):
            length = _length(bone.points)
            if _turned_leg(pose, bone.name):
                assert length <= BONE_LENGTHS[bone.name] + 1e-6, (figure_id, t, bone.name)
            else:
                assert length == pytest.approx(BONE_LENGTHS[bone.name], abs=0.05), (
                    figure_id,
                    t,
                    bone.name,
                )


@pytest.mark.parametrize("figure_id", SHIPPED)
def test_nobody_sinks_into_the_floor(shipped: dict[str, Figure], figure_id: str) -> None:
    """Lying figures lie on the mat and feet stand on the floor, in every frame."""
    figure = shipped[figure_id]
    if figure.view == "top":
        return  # seen from the ceiling, y is not height
    for t in PHASES:
        for item in pose_primitives(pose_at(figure, t), view=figure.view):
            if isinstance(item, Bone):
                lowest = min(p.y for p in item.points) - item.width / 2
            elif isinstance(item, Head):
                lowest = item.center.y - item.radius
            else:
                continue
            assert lowest >= -1.5, (figure_id, t, getattr(item, "name", "head"), lowest)


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


def test_turning_a_leg_keeps_hip_and_ankle_and_moves_the_knee_towards_their_line() -> None:
    flat = Pose(y=5, trunk=-90, hip_near=45, knee_near=90)
    turned = replace(flat, turn_near=90)
    a, b = skeleton(flat).points, skeleton(turned).points
    assert b["ankle-near"] == a["ankle-near"]
    assert b["knee-near"].y == pytest.approx(5)  # on the hip-ankle line
    assert a["knee-near"].y > 20


def test_turning_a_lower_leg_keeps_the_thigh_and_swings_the_shin_out_of_the_picture() -> None:
    sitting = Pose(y=27, trunk=0, hip_near=90, knee_near=90)
    flat = skeleton(sitting).points
    for shin_turn, ankle_y in ((90.0, 27.0), (180.0, 52.0)):
        turned = skeleton(replace(sitting, shin_turn_near=shin_turn)).points
        assert turned["knee-near"] == flat["knee-near"]  # the thigh stays in the picture
        assert turned["ankle-near"].x == pytest.approx(flat["knee-near"].x)
        assert turned["ankle-near"].y == pytest.approx(ankle_y)  # at the knee, or above it
    half = skeleton(replace(sitting, shin_turn_near=60)).points
    assert (half["ankle-near"] - half["knee-near"]).length() == pytest.approx(12.5)


_angle = {name: st.floats(low, high) for name, (low, high) in POSE_RANGES.items()}
_in_the_picture = {
    f"{field}_{side}": st.just(0.0) for field in ("turn", "shin_turn") for side in ("near", "far")
}


@given(st.builds(Pose, **{**_angle, **_in_the_picture}))
def test_any_pose_keeps_every_bone_length(pose: Pose) -> None:
    for bone in _bones(pose):
        # The curved trunk is drawn as short chords of its arc: a hair shorter, never longer.
        assert _length(bone.points) == pytest.approx(BONE_LENGTHS[bone.name], abs=0.05)


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
        ("colour = 'red'\n" + GOOD, "colour", "unknown key"),
        (GOOD.replace("trunk = -90", "trunk = -90\nelbow = 3"), "start.elbow", "unknown key"),
        (GOOD.replace("hip_near = 45", "hip_near = 'a lot'"), "end.hip_near", "number"),
        (GOOD.replace("hip_near = 45", "hip_near = true"), "end.hip_near", "number"),
        (GOOD.replace("hip_near = 45", "hip_near = nan"), "end.hip_near", "finite"),
        (GOOD.replace("hip_near = 45", "knee_far = 200"), "end.knee_far", "out of range"),
        (GOOD.replace("y = 5\n", ""), "start.y", "required"),
        (GOOD.split("[end]", maxsplit=1)[0], "end", "missing pose"),
        (GOOD.replace('id = "{id}"', 'id = "other"'), "id", "file name"),
        (GOOD.replace('["mat"]', '["trampoline"]'), "props[0]", "not one of"),
        (GOOD.replace('["mat"]', '[{{ kind = "step", depth = 3 }}]'), "props[0].depth", "unknown"),
        ("highlight = ['elbow']\n" + GOOD, "highlight[0]", "not one of"),
        ("arrows = [{{ point = 'nose' }}]\n" + GOOD, "arrows[0].point", "not one of"),
        ("view = 'back'\n" + GOOD, "view", "not one of"),
        (
            'anchor = "ankle-near"\n' + GOOD.replace("hip_near = 45", "x = 3"),
            "end.x",
            "anchor",
        ),
        (GOOD + "props = [\n", "", "not valid TOML"),
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
    assert f"{field}: " in str(error) or not field


def test_load_figures_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FigureError, match="not a folder"):
        load_figures(tmp_path / "nowhere")


def test_load_figures_reads_every_file_by_id(tmp_path: Path) -> None:
    for name in ("b-one", "a-two"):
        _write(tmp_path, GOOD, name)
    assert list(load_figures(tmp_path)) == ["a-two", "b-one"]


# ---------------------------------------------------------------- helpers


def _bones(pose: Pose) -> list[Bone]:
    return [p for p in pose_primitives(pose) if isinstance(p, Bone)]


def _length(points: tuple[Point, ...]) -> float:
    return sum(math.dist((a.x, a.y), (b.x, b.y)) for a, b in itertools.pairwise(points))


def _turned_leg(pose: Pose, bone: str) -> bool:
    side = bone.rsplit("-", 1)[-1]
    leg = bone.startswith(("thigh", "shin", "foot"))
    lower_leg = bone.startswith(("shin", "foot"))
    return (leg and getattr(pose, f"turn_{side}", 0.0) != 0) or (
        lower_leg and getattr(pose, f"shin_turn_{side}", 0.0) != 0
    )


def _rounded(point: Point) -> tuple[float, float]:
    return (round(point.x, 6), round(point.y, 6))
