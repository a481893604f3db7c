"""library: every exercise with what the rules say of it on one day after a given surgery.

The statuses come from ``coach.domain.allowed.decide``, the same function the Library screen,
the therapist's picker and Today use. The JSON shape is documented in the README.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from coach.commands import routine
from coach.commands.base import EXIT_OK, Command
from coach.domain import i18n
from coach.domain.allowed import PatientDay, Verdict, library_statuses
from coach.domain.content import load_content
from coach.domain.i18n import N_, _
from coach.domain.plan import plan_from_protocol
from coach.domain.schedule import week_number
from coach.system.paths import DataPaths, exercises_dir

JSON_VERSION = 1


def _library(args: argparse.Namespace, paths: DataPaths) -> int:
    del paths  # reads only the shipped catalogue and protocols, never the user's data
    surgery, surgery_date, day = routine.read_day(args)
    content = load_content(exercises_dir(), i18n.current().code)
    when = PatientDay(plan_from_protocol(content.protocols[surgery]), surgery_date, day)
    verdicts = library_statuses(content.catalogue, when)
    if args.json:
        print(json.dumps(library_json(when, verdicts), indent=2, ensure_ascii=False))
    else:
        print(library_text(when, verdicts))
    return EXIT_OK


def library_json(when: PatientDay, verdicts: list[Verdict]) -> dict[str, Any]:
    """The stable JSON shape (documented in the README)."""
    phase = when.phase
    return {
        "version": JSON_VERSION,
        "date": when.day.isoformat(),
        "surgery": when.plan.surgery.value,
        "surgery_date": when.surgery_date.isoformat(),
        "days_since_surgery": (when.day - when.surgery_date).days,
        "week": week_number(when.surgery_date, when.day),
        "phase": {"number": phase.number, "name": phase.name},
        "exercises": [
            {
                "id": v.exercise.id,
                "name": v.exercise.name,
                "status": v.status.value,
                "starts": None if v.allowed or v.starts is None else v.starts.isoformat(),
                "movements": sorted(v.movements),
                "why": v.text,
            }
            for v in verdicts
        ],
    }


def library_text(when: PatientDay, verdicts: list[Verdict]) -> str:
    week = week_number(when.surgery_date, when.day)
    lines = [
        _("{surgery} on {surgery_date}: {day} is day {number}, week {week}, {phase}").format(
            surgery=when.plan.surgery.label.capitalize(),
            surgery_date=when.surgery_date.isoformat(),
            day=when.day.isoformat(),
            number=(when.day - when.surgery_date).days,
            week=week,
            phase=when.phase.title,
        ),
        "",
        f"  {'status':<15} {'starts':<10}  exercise",
    ]
    for v in verdicts:
        starts = v.starts.isoformat() if v.starts is not None and not v.allowed else "-"
        lines.append(f"  {v.status.value:<15} {starts:<10}  {v.exercise.name} [{v.exercise.id}]")
        if v.text:
            lines.append(f"  {'':<15} {'':<10}  {v.text}")
    return "\n".join(lines)


COMMANDS = [
    Command(
        "library",
        N_(
            "list every exercise and whether it is allowed on a day after surgery (allowed, "
            "not-yet, restricted, avoid, therapist-only); --json for machines"
        ),
        routine.configure_day,
        _library,
    )
]
