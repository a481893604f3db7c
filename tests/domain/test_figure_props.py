"""Props: each kind draws, supports sit where the hands are, and the floor, mat and bed show
depth when seen from the feet or above."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from coach.domain.figure import (
    CAMERAS,
    PROP_KINDS,
    Figure,
    FigureError,
    Pose,
    Prop,
    PropShape,
    View,
    figure_drawing,
    load_figure,
    skeleton,
)
from coach.domain.figure.props import static_props

STANDING = Pose(y=52, trunk=0, shoulder_near=-10, elbow_near=60)
LYING = Pose(y=4.5, trunk=-90, hip_near=45, knee_near=90, hip_far=45, knee_far=90)


def _figure(*props: Prop, view: View = "side", pose: Pose = STANDING) -> Figure:
    moved = replace(pose, knee_near=pose.knee_near + 10)
    return Figure("demo", (pose, moved), props, view)


@pytest.mark.parametrize("kind", PROP_KINDS)
def test_every_prop_kind_draws_in_the_side_view(kind: str) -> None:
    figure = _figure(Prop(kind))
    shapes = [p for p in figure_drawing(figure, 0.5).primitives if isinstance(p, PropShape)]
    assert shapes, kind


def test_an_armchair_is_a_chair_with_arm_rests() -> None:
    chair = static_props(_figure(Prop("chair", x=10, y=23)))
    armchair = static_props(_figure(Prop("armchair", x=10, y=23)))
    assert len(armchair) == len(chair) + 2
    rest = armchair[len(chair)]
    assert {round(q.y) for q in rest.points} == {23 + 17}  # a level arm rest above the seat


def test_stairs_have_a_rail_under_the_hand_of_the_first_pose() -> None:
    figure = _figure(Prop("stairs", x=14, width=30, height=12))
    rail = static_props(figure)[2]
    grip = skeleton(STANDING).points["hand-near"]
    low, high = rail.points[1], rail.points[2]
    at_hand = low.y + (grip.x - low.x) * (high.y - low.y) / (high.x - low.x)
    assert at_hand == pytest.approx(grip.y - 2.5)
    assert high.y > low.y  # it climbs with the stairs


def test_the_mat_and_bed_are_drawn_in_perspective_from_the_feet() -> None:
    for kind in ("mat", "bed"):
        figure = _figure(Prop(kind), view="feet", pose=LYING)
        top = next(s for s in static_props(figure) if s.style == "area")
        # The top is a four-sided shape whose end nearer the viewer (the feet) is wider.
        a, b, c, d = top.points  # head end far side, feet end far, feet end near, head end near
        assert (c - b).length() > (d - a).length(), kind


def test_side_only_props_are_refused_from_other_views(tmp_path: Path) -> None:
    path = tmp_path / "demo.toml"
    path.write_text(
        'id = "demo"\nview = "top"\nprops = ["floor", "bike"]\n'
        "[start]\ny = 5\ntrunk = -90\n[end]\nhip_near = 10\n",
        encoding="utf-8",
    )
    with pytest.raises(FigureError) as caught:
        load_figure(path)
    assert caught.value.field == "props[1]"
    assert "side view" in caught.value.reason


def test_the_views_look_from_where_they_say() -> None:
    side, feet, top = (CAMERAS[v] for v in ("side", "feet", "top"))
    assert side.axes[2].z == pytest.approx(1)  # from beside the body
    assert feet.axes[2].x > 0.5  # from beyond the feet (lying with the head to the left)
    assert top.axes[2].y > feet.axes[2].y > 0  # higher up for the view from above
