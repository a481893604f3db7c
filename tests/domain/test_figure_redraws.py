"""Each figure the review found wrong stays right: one test per complaint, measured on the
body in the room (so they hold whatever the view)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from coach.domain.figure import Figure, Vec, load_figures, pose_at, skeleton
from coach.domain.figure.props import pedal_circle

FIGURES = Path(__file__).resolve().parents[2] / "exercises" / "figures"
FRAMES = [i / 24 for i in range(25)]
CM = 100 / 170  # figure units per centimetre for a person 1.70 m tall


@pytest.fixture(scope="module")
def shipped() -> dict[str, Figure]:
    return load_figures(FIGURES)


def _points(figure: Figure, t: float) -> dict[str, Vec]:
    return dict(skeleton(pose_at(figure, t)).points)


def _dist(a: Vec, b: Vec) -> float:
    return (a - b).length()


def test_figure_4_ankle_rests_on_the_other_knee_all_the_time(shipped: dict[str, Figure]) -> None:
    figure = shipped["figure-4-stretch"]
    for t in FRAMES:
        p = _points(figure, t)
        assert _dist(p["ankle-near"], p["knee-far"]) < 6.5, t
        assert p["ankle-near"].y > p["knee-far"].y  # on top of it


def test_side_plank_lower_legs_lie_on_the_mat(shipped: dict[str, Figure]) -> None:
    figure = shipped["side-plank-knees"]
    for t in FRAMES:
        p = _points(figure, t)
        for side in ("near", "far"):
            assert p[f"ankle-{side}"].y < p[f"knee-{side}"].y + 12, t  # not up in the air
        assert p["ankle-near"].y < 4.0 and p["knee-near"].y < 4.0  # the bottom leg is down
        assert abs(p["elbow-near"].x - p["shoulder-near"].x) < 3  # elbow under the shoulder
    start, end = _points(figure, 0), _points(figure, 1)
    assert end["pelvis"].y > start["pelvis"].y + 3  # the hips lift


def test_belly_breathing_elbows_rest_and_the_back_stays_flat(shipped: dict[str, Figure]) -> None:
    figure = shipped["diaphragmatic-breathing"]
    assert all(pose.spine == 0 for pose in figure.poses)
    for t in FRAMES:
        p = _points(figure, t)
        assert p["elbow-near"].y < 8 and p["elbow-far"].y < 8, t  # down on the mat
    start, end = _points(figure, 0), _points(figure, 1)
    assert end["hand-near"].y > start["hand-near"].y  # the belly hand rises breathing in
    assert _dist(end["hand-far"], start["hand-far"]) < 0.5  # the chest hand stays


def test_press_up_hands_stay_put_and_the_back_bends_gently(shipped: dict[str, Figure]) -> None:
    figure = shipped["prone-press-up"]
    first = _points(figure, 0)
    for t in FRAMES:
        p = _points(figure, t)
        assert _dist(p["hand-near"], first["hand-near"]) < 0.5, t
        assert p["knee-near"].y < 5  # the hips and legs stay down
    assert figure.end.spine <= 25 and figure.end.trunk >= 40


def test_split_squat_starts_standing_tall_and_lowers_a_little(shipped: dict[str, Figure]) -> None:
    figure = shipped["split-squat"]
    assert figure.start.knee_near <= 15  # the front knee is (nearly) straight at the start
    drop = _points(figure, 0)["pelvis"].y - _points(figure, 1)["pelvis"].y
    assert 5 < drop < 20 * CM * 1.2  # a little: about 20 cm at most
    assert figure.end.knee_far < 90  # the back knee does not go deep


def test_exercise_bike_feet_are_on_the_pedals(shipped: dict[str, Figure]) -> None:
    figure = shipped["stationary-cycling"]
    centre, radius = pedal_circle(figure)
    assert centre.y - radius > 5  # the pedals clear the floor
    for t in (0.0, 1.0):
        p = _points(figure, t)
        for side in ("near", "far"):
            ankle, toe = p[f"ankle-{side}"], p[f"toe-{side}"]
            ball = ankle + (toe - ankle).scaled(0.55)
            gap = math.hypot(ball.x - centre.x, ball.y - 3 - centre.y)
            assert gap == pytest.approx(radius, abs=1.0), (t, side)
    kinds = {prop.kind for prop in figure.props}
    assert "bike" in kinds


@pytest.mark.parametrize(
    ("figure_id", "support", "hand"),
    [
        ("hip-flexor-stretch", "counter", "hand-far"),
        ("split-squat", "counter", "hand-far"),
        ("step-ups", "stairs", "hand-near"),
        ("sit-to-stand", "armchair", "hand-near"),
    ],
)
def test_a_support_is_drawn_where_the_steps_say_hold_it(
    shipped: dict[str, Figure], figure_id: str, support: str, hand: str
) -> None:
    figure = shipped[figure_id]
    props = {prop.kind: prop for prop in figure.props}
    assert support in props
    prop = props[support]
    grip = _points(figure, 0)[hand]
    if support == "counter":
        assert prop.y is not None and prop.x is not None and prop.width is not None
        assert abs(grip.y - prop.y) < 3 and prop.x <= grip.x <= prop.x + prop.width
        for t in FRAMES:  # the hand stays on it
            assert _dist(_points(figure, t)[hand], grip) < 0.5
    if support == "armchair":
        assert prop.y is not None
        assert abs(grip.y - (prop.y + 17)) < 3  # on the arm rest


def test_sit_to_stand_sits_near_the_front_of_the_seat(shipped: dict[str, Figure]) -> None:
    figure = shipped["sit-to-stand"]
    chair = next(prop for prop in figure.props if prop.kind == "armchair")
    assert chair.x is not None
    pelvis = _points(figure, 0)["pelvis"]
    assert chair.x - 10 < pelvis.x < chair.x  # near the front edge, not against the back


def test_prone_lying_rests_with_the_arms_by_the_sides(shipped: dict[str, Figure]) -> None:
    figure = shipped["prone-lying"]
    p = _points(figure, 0)
    assert p["hand-near"].x < p["shoulder"].x  # towards the feet, not overhead
    assert figure.thumbnail == 0  # the small picture is the resting pose


def test_supine_marching_lifts_the_foot_about_5_cm(shipped: dict[str, Figure]) -> None:
    figure = shipped["supine-marching"]
    start, end = _points(figure, 0), _points(figure, 1)
    lift = end["ankle-near"].y - start["ankle-near"].y
    assert 3 * CM <= lift <= 8 * CM


def test_log_roll_rolls_in_one_piece_then_sits_up_sideways(shipped: dict[str, Figure]) -> None:
    figure = shipped["log-roll"]
    assert len(figure.poses) == 4
    on_back, on_side, pushing, sitting = (skeleton(pose).points for pose in figure.poses)
    assert abs(on_back["hip-near"].y - on_back["hip-far"].y) < 1  # flat on the back
    assert abs(on_side["hip-near"].y - on_side["hip-far"].y) > 8  # hips stacked: on the side
    assert abs(on_side["shoulder-near"].y - on_side["shoulder-far"].y) > 15  # shoulders too
    assert pushing["shoulder"].y > on_side["shoulder"].y  # the trunk comes up
    assert sitting["head"].y > sitting["pelvis"].y + 35  # sitting upright at the end
    for pose in figure.poses:
        assert abs(pose.spine) < 1 and 0 <= pose.neck <= 15  # never bends forward
    for t in FRAMES:  # shoulders and hips turn together: no twist between them
        p = _points(figure, t)
        hips, shoulders = p["hip-near"] - p["hip-far"], p["shoulder-near"] - p["shoulder-far"]
        cosine = hips.dot(shoulders) / (hips.length() * shoulders.length())
        twist = math.degrees(math.acos(min(1.0, max(-1.0, cosine))))
        assert twist < 1, t
    knees = sitting["knee-near"], sitting["knee-far"]
    assert _dist(*knees) < 12  # the knees are together, not splayed
