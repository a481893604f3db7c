"""The one decision on whether an exercise may be done (REFERENCE sections 1 and 2).

The table below is written out again from REFERENCE section 2 ("earliest", lower bound of a
range; "day 1" = 0 weeks) rather than read from the catalogue, so a wrong catalogue file fails.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from coach.domain.allowed import PatientDay, Status, decide, library_statuses, phase_day
from coach.domain.catalogue import parse_exercise
from coach.domain.content import Content
from coach.domain.fields import DataError
from coach.domain.plan import Plan, plan_from_protocol
from coach.domain.profile import Surgery
from coach.domain.protocol import load_protocol

AVOID = "avoid"
# id: (discectomy, laminectomy, fusion) earliest whole weeks, or "avoid"
REFERENCE_EARLIEST: dict[str, tuple[int, int, int | str]] = {
    "walking": (0, 0, 0),
    "ankle-pumps": (0, 0, 0),
    "diaphragmatic-breathing": (0, 0, 0),
    "abdominal-bracing": (0, 0, 0),
    "glute-sets": (0, 0, 0),
    "quad-sets": (0, 0, 0),
    "heel-slides": (0, 0, 0),
    "log-roll": (0, 0, 0),
    "sit-to-stand": (0, 0, 0),
    "heel-raises": (1, 1, 1),
    "wall-sit": (1, 1, 1),
    "supine-marching": (2, 2, 6),
    "bridge": (2, 2, 6),
    "clamshell": (2, 2, 6),
    "side-lying-hip-abduction": (2, 2, 6),
    "bird-dog": (2, 2, 6),
    "dead-bug": (6, 6, 12),
    "side-plank-knees": (6, 6, 12),
    "front-plank-modified": (6, 6, 12),
    "step-ups": (4, 4, 12),
    "split-squat": (6, 6, 12),
    "hip-hinge": (6, 6, 12),
    "hamstring-stretch": (1, 1, 6),
    "figure-4-stretch": (1, 1, 6),
    "hip-flexor-stretch": (2, 2, 6),
    "calf-stretch": (1, 1, 1),
    "quad-stretch": (2, 2, 6),
    "single-knee-to-chest": (1, 1, 12),
    "double-knee-to-chest": (4, 4, 12),
    "posterior-pelvic-tilt": (1, 1, 6),
    "lower-trunk-rotation": (2, 2, 12),
    "cat-camel": (4, 4, AVOID),
    "prone-lying": (0, 0, AVOID),
    "prone-press-up": (0, 0, AVOID),
    "sciatic-nerve-glide": (2, 2, 2),
    "stationary-cycling": (2, 2, 6),
    "pool-walking": (4, 4, 4),
}
THERAPIST_ONLY = {"prone-lying", "prone-press-up", "sciatic-nerve-glide"}
SURGERY = date(2025, 3, 3)
ORDER = (Surgery.DISCECTOMY, Surgery.LAMINECTOMY, Surgery.FUSION)


def plan_for(content: Content, surgery: Surgery) -> Plan:
    return plan_from_protocol(content.protocols[surgery])


def test_the_catalogue_carries_the_reference_table(content: Content) -> None:
    assert set(REFERENCE_EARLIEST) == set(content.catalogue.ids())
    for exercise in content.catalogue:
        for surgery, expected in zip(ORDER, REFERENCE_EARLIEST[exercise.id], strict=True):
            if expected == AVOID:
                assert surgery in exercise.avoid, exercise.id
            else:
                assert surgery not in exercise.avoid, exercise.id
                assert exercise.earliest_week(surgery) == expected, (exercise.id, surgery)
        assert exercise.therapist_only == (exercise.id in THERAPIST_ONLY), exercise.id


@pytest.mark.parametrize("surgery", ORDER)
@pytest.mark.parametrize("days", [1, 6, 7, 13, 14, 27, 28, 41, 42, 83, 84, 200, 400])
def test_library_statuses_follow_the_reference(
    content: Content, surgery: Surgery, days: int
) -> None:
    """Avoid and therapist-only always win; else not-yet exactly until the earliest week; else
    restricted exactly when the phase restricts one of the movements."""
    day = SURGERY + timedelta(days=days)
    when = PatientDay(plan_for(content, surgery), SURGERY, day)
    for verdict in library_statuses(content.catalogue, when):
        exercise = verdict.exercise
        earliest = REFERENCE_EARLIEST[exercise.id][ORDER.index(surgery)]
        if earliest == AVOID:
            expected = Status.AVOID
        elif exercise.id in THERAPIST_ONLY:
            expected = Status.THERAPIST_ONLY
        elif days < int(earliest) * 7:
            expected = Status.NOT_YET
        elif exercise.movements & when.phase.restricted:
            expected = Status.RESTRICTED
        else:
            expected = Status.ALLOWED
        assert verdict.status is expected, (exercise.id, surgery, days, verdict)
        assert verdict.allowed == (expected is Status.ALLOWED)
        assert bool(verdict.text) != verdict.allowed


def test_a_fusion_patient_in_week_two_sees_the_issue_examples_held_back(content: Content) -> None:
    when = PatientDay(plan_for(content, Surgery.FUSION), SURGERY, SURGERY + timedelta(days=10))
    status = {v.exercise.id: v for v in library_statuses(content.catalogue, when)}
    for held in ("split-squat", "side-plank-knees", "step-ups"):
        assert status[held].status is Status.NOT_YET
    assert status["sciatic-nerve-glide"].status is Status.THERAPIST_ONLY
    assert status["cat-camel"].status is Status.AVOID
    split = status["split-squat"]
    assert split.starts == SURGERY + timedelta(weeks=12)
    assert split.text == "Split squat starts 12 weeks after your spinal fusion, on 26 May."


def test_the_most_severe_objection_wins_and_all_are_kept(content: Content) -> None:
    """Cat and camel after a fusion in week 2: avoided, and restricted too."""
    when = PatientDay(plan_for(content, Surgery.FUSION), SURGERY, SURGERY + timedelta(days=10))
    verdict = decide(content.catalogue["cat-camel"], when)
    assert verdict.status is Status.AVOID
    assert verdict.objections == (Status.AVOID, Status.RESTRICTED)
    assert verdict.starts is None
    nerve = decide(content.catalogue["sciatic-nerve-glide"], when)
    assert nerve.objections == (Status.THERAPIST_ONLY, Status.NOT_YET)
    assert nerve.text == "Seated nerve glide is only done if your therapist adds it to your plan."
    later = when.on(SURGERY + timedelta(days=20))
    assert decide(content.catalogue["sciatic-nerve-glide"], later).objections == (
        Status.THERAPIST_ONLY,
    )
    assert decide(content.catalogue["sciatic-nerve-glide"], later, by_therapist=True).allowed


def test_a_written_reason_lets_it_in_and_is_kept(content: Content) -> None:
    when = PatientDay(plan_for(content, Surgery.FUSION), SURGERY, SURGERY + timedelta(days=10))
    verdict = decide(content.catalogue["cat-camel"], when, by_therapist=True, reason="  tried  ")
    assert verdict.allowed and verdict.reason == "tried"
    assert verdict.objections[0] is Status.AVOID  # still known, for the therapist


def test_restricted_says_when_it_is_allowed(content: Content) -> None:
    """Knee to chest after a discectomy: early enough in week 2, but phase 1 (to day 14)
    restricts bending forward; allowed from phase 2."""
    plan = plan_for(content, Surgery.DISCECTOMY)
    when = PatientDay(plan, SURGERY, SURGERY + timedelta(days=9))
    verdict = decide(content.catalogue["single-knee-to-chest"], when)
    assert verdict.status is Status.RESTRICTED
    assert verdict.starts == SURGERY + timedelta(days=14)
    assert verdict.text == (
        "Single knee to chest involves bending forward, which is not allowed in this phase. "
        "It is allowed from 17 March."
    )


def test_the_surgeons_rule_never_lifts_by_itself(content: Content) -> None:
    plan = plan_for(content, Surgery.DISCECTOMY)
    when = PatientDay(plan, SURGERY, SURGERY + timedelta(days=200), frozenset({"floor"}))
    verdict = decide(content.catalogue["bird-dog"], when)
    assert verdict.status is Status.RESTRICTED and verdict.starts is None
    assert (
        verdict.text
        == "Bird dog is left out, because your surgeon said: no getting down to the floor."
    )


def test_the_day_of_surgery_allows_nothing_but_practice_before_it_does(content: Content) -> None:
    plan = plan_for(content, Surgery.DISCECTOMY)
    on_the_day = PatientDay(plan, SURGERY, SURGERY)
    assert not any(v.allowed for v in library_statuses(content.catalogue, on_the_day))
    pumps = decide(content.catalogue["ankle-pumps"], on_the_day)
    assert pumps.status is Status.NOT_YET and pumps.starts == SURGERY + timedelta(days=1)
    before = PatientDay(plan, SURGERY, SURGERY - timedelta(days=3))
    assert decide(content.catalogue["ankle-pumps"], before).allowed  # practise phase 1 moves
    assert not decide(content.catalogue["bridge"], before).allowed


def test_a_moved_phase_start_moves_the_date(content: Content) -> None:
    plan = plan_for(content, Surgery.DISCECTOMY)
    later = replace(plan, phase_starts=((2, SURGERY + timedelta(days=21)),))
    when = PatientDay(later, SURGERY, SURGERY + timedelta(days=15))
    verdict = decide(content.catalogue["single-knee-to-chest"], when)
    assert verdict.status is Status.RESTRICTED
    assert verdict.starts == SURGERY + timedelta(days=21)


def test_phase_day_is_the_phases_first_day_and_never_surgery_day(content: Content) -> None:
    plan = plan_for(content, Surgery.FUSION)
    assert phase_day(plan, 2, SURGERY).day == SURGERY + timedelta(weeks=6)
    assert phase_day(plan, 1, SURGERY).day == SURGERY + timedelta(days=1)
    undated = phase_day(plan, 2)
    verdict = decide(content.catalogue["dead-bug"], undated, by_therapist=True)
    assert verdict.text == "Dead bug starts 12 weeks after your spinal fusion."  # no made-up date


def test_timing_fields_are_validated(content: Content) -> None:
    base = json.loads(json.dumps(_exercise_dict()))
    assert parse_exercise(base, "x").earliest_week(Surgery.FUSION) == 6
    both = {**base, "avoid": ["fusion"]}
    with pytest.raises(DataError, match=r"earliest_weeks\.fusion must be left out"):
        parse_exercise(both, "x")
    for bad in (-1, 105, "2", True, 1.5):
        with pytest.raises(DataError, match=r"earliest_weeks\.fusion"):
            parse_exercise({**base, "earliest_weeks": {"fusion": bad}}, "x")
    with pytest.raises(DataError, match=r"earliest_weeks\.spine is not a known field"):
        parse_exercise({**base, "earliest_weeks": {"spine": 2}}, "x")
    with pytest.raises(DataError, match="avoid"):
        parse_exercise({**base, "avoid": ["knees"]}, "x")


def test_a_shipped_catalogue_file_must_give_every_surgery(tmp_path: Path, content: Content) -> None:
    from coach.domain.catalogue import load_catalogue

    folder = tmp_path / "catalogue"
    folder.mkdir()
    text = (Path(__file__).parents[2] / "exercises/catalogue/bridge.toml").read_text()
    (folder / "bridge.toml").write_text(text.replace(", fusion = 6", ""))
    with pytest.raises(DataError, match="needs a week \\(or 'avoid'\\) for fusion"):
        load_catalogue(folder)


def test_a_shipped_protocol_cannot_schedule_too_early(tmp_path: Path, content: Content) -> None:
    source = Path(__file__).parents[2] / "exercises/protocols/fusion.toml"
    early = source.read_text().replace('exercise = "heel-slides"', 'exercise = "dead-bug"', 1)
    path = tmp_path / "fusion.toml"
    path.write_text(early)
    with pytest.raises(DataError, match="'dead-bug' starts in week 12, after this phase begins"):
        load_protocol(path, content.catalogue)


def _exercise_dict() -> dict[str, object]:
    return {
        "id": "x",
        "name": "X",
        "category": "mobility",
        "position": "supine",
        "summary": "A test.",
        "steps": ["One.", "Two."],
        "cues": ["a", "b"],
        "stop_if": "Stop if it hurts.",
        "movements": [],
        "per_side": False,
        "sources": ["C1"],
        "earliest_weeks": {"discectomy": 2, "laminectomy": 2, "fusion": 6},
        "dosage": {"reps": 10},
    }
