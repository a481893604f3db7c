"""Writes the golden files of tests/domain/test_formats.py (run once, with the serialisers as
they were before they were derived from the dataclasses; kept to show how they were made)."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from coach.domain.content import load_content
from coach.domain.plan import plan_from_protocol, plan_to_dict
from coach.domain.plan_file import PlanFile, dump_plan_file, exercise_to_dict, read_plan_file
from coach.domain.profile import Surgery
from coach.domain.session_json import items_to_json
from coach.system.paths import exercises_dir

HERE = Path(__file__).resolve().parent


def sample_plan_file() -> PlanFile:
    """A plan with every optional part set: moved starts, extra restrictions, a note, a reason,
    a lift limit, and custom exercises (one with a figure, signs, easier and harder)."""
    content = load_content(exercises_dir())
    plan = plan_from_protocol(content.protocols[Surgery.FUSION])
    phase = plan.phases[1]
    item = replace(phase.routines[0].items[0], reason="Checked with the surgeon.")
    routine = replace(phase.routines[0], items=(item, *phase.routines[0].items[1:]))
    phases = (
        plan.phases[0],
        replace(phase, routines=(routine, *phase.routines[1:])),
        *plan.phases[2:],
    )
    plan = replace(
        plan,
        phases=phases,
        phase_starts=((2, date(2026, 3, 20)),),
        extra_restrictions=frozenset({"impact", "wound-water"}),
        note="Walk every day. Ünïcode too.",
    )
    signed = next(e for e in content.catalogue if e.stop_if_signs and (e.easier or e.harder))
    plain = next(e for e in content.catalogue if not e.stop_if_signs and not e.easier)
    signed = replace(signed, id=f"my-{signed.id}", name=f"My {signed.name}")
    plain = replace(plain, id=f"my-{plain.id}", name=f"My {plain.name}")
    made = PlanFile(
        plan,
        "Sam Therapist",
        datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
        (signed, plain),
        ((signed.id, "figures/glute-sets.svg"),),
    )
    read_plan_file(dump_plan_file(made), content.catalogue, content.red_flags)  # a valid file
    return made


def main() -> None:
    plan_file = sample_plan_file()
    (HERE / "plan_file.json").write_bytes(dump_plan_file(plan_file))
    (HERE / "plan_body.json").write_text(json.dumps(plan_to_dict(plan_file.plan)) + "\n")
    exercises = [json.dumps(exercise_to_dict(e)) for e in plan_file.custom_exercises]
    (HERE / "custom_exercises.jsonl").write_text("\n".join(exercises) + "\n")
    items = plan_file.plan.phases[1].routines[0].items
    (HERE / "session_items.json").write_text(json.dumps(items_to_json(items)) + "\n")


if __name__ == "__main__":
    sys.exit(main())
