"""A patient's plan: made from the protocol, written and read back unchanged, and refused with
the exact place of the problem when a stored or imported plan is wrong."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from coach.domain.catalogue import Dosage
from coach.domain.content import Content
from coach.domain.fields import DataError
from coach.domain.plan import Plan, plan_from_dict, plan_from_protocol, plan_to_dict
from coach.domain.profile import Surgery
from coach.domain.protocol import Prescription


@pytest.fixture
def plan(content: Content) -> Plan:
    return plan_from_protocol(content.protocols[Surgery.FUSION])


def as_json(plan: Plan) -> dict[str, Any]:
    """Through real JSON text, as the store and plan files keep it."""
    data: dict[str, Any] = json.loads(json.dumps(plan_to_dict(plan)))
    return data


def refusal(data: object, content: Content) -> DataError:
    with pytest.raises(DataError) as excinfo:
        plan_from_dict(data, content.catalogue)
    return excinfo.value


def test_plan_from_protocol_keeps_every_phase(content: Content, plan: Plan) -> None:
    protocol = content.protocols[Surgery.FUSION]
    assert plan.surgery is Surgery.FUSION
    assert plan.phases == protocol.phases
    assert plan.extra_restrictions == frozenset()
    assert plan.phase_starts == () and plan.note == ""
    assert plan.phase(2).name == protocol.phases[1].name


def test_round_trip_of_the_shipped_plans(content: Content) -> None:
    for protocol in content.protocols.values():
        plan = plan_from_protocol(protocol)
        assert plan_from_dict(as_json(plan), content.catalogue) == plan


def test_round_trip_keeps_therapist_changes(content: Content, plan: Plan) -> None:
    phase = plan.phase(1)
    routine = phase.routines[0]
    # a therapist keeps an exercise the phase restricts, with a reason shown to the patient
    kept = Prescription(
        "single-knee-to-chest", Dosage(reps=5, hold_s=10), "Gentle, as we practised in clinic"
    )
    changed_routine = replace(routine, items=(*routine.items, kept), days_per_week=5)
    changed_phase = replace(phase, routines=(changed_routine, *phase.routines[1:]))
    changed = replace(
        plan,
        phases=(changed_phase, *plan.phases[1:]),
        phase_starts=((2, date(2025, 4, 1)), (3, date(2025, 6, 1))),
        note="Walk before breakfast.\nCall me if the leg pain comes back.",
    )
    back = plan_from_dict(as_json(changed), content.catalogue)
    assert back == changed
    assert back.start_override(2) == date(2025, 4, 1)
    assert back.start_override(4) is None
    assert back.phase(1).routines[0].items[-1].reason.startswith("Gentle")


def test_restricted_exercise_without_a_reason_is_refused(content: Content, plan: Plan) -> None:
    data = as_json(plan)
    data["phases"][0]["routines"][0]["items"][0]["exercise"] = "single-knee-to-chest"
    error = refusal(data, content)
    assert error.path == "phases[0].routines[0].items[0].exercise"
    assert "restricts" in error.reason


def test_plans_own_extra_restriction_applies_to_every_phase(content: Content, plan: Plan) -> None:
    data = as_json(plan)
    data["extra_restrictions"] = ["floor"]
    # fusion phase 3 has bird dog, which is done on the floor
    error = refusal(data, content)
    assert error.path == "phases[2].routines[0].items[1].exercise"
    assert "floor" in error.reason
    assert plan_from_dict(
        as_json(plan) | {"extra_restrictions": ["wound-water"]}, content.catalogue
    )


@pytest.mark.parametrize(
    ("change", "path", "reason"),
    [
        (lambda d: d.update(surgery="hip"), "surgery", "must be one of"),
        (lambda d: d.update(colour="red"), "colour", "not a known field"),
        (lambda d: d.pop("phases"), "phases", "is missing"),
        (
            lambda d: d["phases"][0]["routines"][0]["items"][0].update(reps="ten"),
            "phases[0].routines[0].items[0].reps",
            "must be a whole number from 1 to 100",
        ),
        (
            lambda d: d["phases"][0]["routines"][0]["items"][0].update(exercise="moonwalk"),
            "phases[0].routines[0].items[0].exercise",
            "not in the catalogue",
        ),
        (
            lambda d: d.update(phase_starts={"9": "2025-01-01"}),
            "phase_starts.9",
            "not a known field",
        ),
        (
            lambda d: d.update(phase_starts={"2": "soon"}),
            "phase_starts.2",
            "must be a date like",
        ),
        (
            lambda d: d.update(extra_restrictions=["flying"]),
            "extra_restrictions[0]",
            "must be one of",
        ),
        (lambda d: d.update(note=5), "note", "must be text"),
    ],
)
def test_errors_name_the_place_and_reason(
    content: Content, plan: Plan, change: Any, path: str, reason: str
) -> None:
    data = as_json(plan)
    change(data)
    error = refusal(data, content)
    assert error.source == "plan"
    assert error.path == path
    assert reason in error.reason


def test_phase_start_for_a_phase_the_plan_does_not_have(content: Content, plan: Plan) -> None:
    data = as_json(plan)
    data["phases"] = data["phases"][:2]
    data["phases"][1].pop("weeks_to")
    data["phase_starts"] = {"3": "2025-05-01"}
    error = refusal(data, content)
    assert (error.path, error.reason) == ("phase_starts.3", "names a phase the plan does not have")


def test_not_a_table(content: Content) -> None:
    assert refusal([1, 2], content).reason == "must be a table of named fields"
