"""A patient's plan: the protocol for their surgery, as the therapist may have changed it.

Plans are stored as versioned JSON objects; ``plan_to_dict``/``plan_from_dict`` are the one
place that shape is written and strictly read back (the plan-file format builds on it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from coach.domain.catalogue import MOVEMENT_TAGS, Catalogue
from coach.domain.fields import DataError, Fields
from coach.domain.i18n import _
from coach.domain.profile import Surgery
from coach.domain.protocol import Phase, PhaseRules, Prescription, Protocol, parse_phases
from coach.domain.serial import Shape, Shapes, to_data

# Dates a plan may name at all (a phase start); each is also checked against the surgery.
MAX_NOTE = 2000  # the therapist's note to the patient
MIN_YEAR = 1990
MAX_YEAR = 2100


@dataclass(frozen=True)
class Plan:
    surgery: Surgery
    phases: tuple[Phase, ...]
    phase_starts: tuple[tuple[int, date], ...] = ()  # therapist's moved phase starts
    extra_restrictions: frozenset[str] = field(default_factory=frozenset)
    note: str = ""

    def phase(self, number: int) -> Phase:
        return self.phases[number - 1]

    def start_override(self, number: int) -> date | None:
        return dict(self.phase_starts).get(number)


def plan_from_protocol(protocol: Protocol) -> Plan:
    """A new patient's plan: the protocol as it is.

    The surgeon's extra rules from onboarding stay with the profile (Today and the session leave
    out what they block); they are not put into the plan, because a plan must respect its own
    ``extra_restrictions`` and ``plan_from_dict`` would refuse the exercises they block.
    """
    return Plan(protocol.surgery, protocol.phases)


# How a plan is written (derived from the dataclasses; see coach.domain.serial). Older files
# put weeks_to and lift_limit_kg last and leave them out when unset: kept byte for byte.
PLAN_SHAPES: Shapes = {
    Plan: Shape(convert={"phase_starts": lambda s: {str(n): d.isoformat() for n, d in s}}),
    Phase: Shape(
        optional=frozenset({"weeks_to", "lift_limit_kg"}), last=("weeks_to", "lift_limit_kg")
    ),
    Prescription: Shape(
        keys={"exercise_id": "exercise"},
        flatten=frozenset({"dosage"}),
        optional=frozenset({"reason"}),
    ),
}


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The stored and handed-over shape of a plan (``plan_from_dict`` reads it back)."""
    return to_data(plan, PLAN_SHAPES)


def plan_from_dict(data: object, catalogue: Catalogue, source: str = "plan") -> Plan:
    """Read a plan strictly; raises DataError with the exact place of the first problem."""
    f = Fields(data, source)
    surgery = Surgery(f.choice("surgery", [s.value for s in Surgery]))
    extra = frozenset(
        f.text_list("extra_restrictions", choices=MOVEMENT_TAGS, unique=True, required=False)
    )
    phases = parse_phases(f, catalogue, PhaseRules(shipped=False, extra_restrictions=extra))
    starts_table = f.table("phase_starts", required=False)
    starts: list[tuple[int, date]] = []
    if starts_table is not None:
        for key in [k for k in ("1", "2", "3", "4", "5", "6", "7", "8") if starts_table.has(k)]:
            if int(key) > len(phases):
                raise starts_table.error(key, _("names a phase the plan does not have"))
            if key == "1":
                raise starts_table.error(
                    key, _("cannot be moved: phase 1 starts on the day of surgery")
                )
            text = starts_table.text(key, max_len=10)
            try:
                day = date.fromisoformat(text)
            except ValueError:
                raise starts_table.error(key, _("must be a date like 2026-03-01")) from None
            if not MIN_YEAR <= day.year <= MAX_YEAR:
                raise starts_table.error(
                    key,
                    _("must be a date from {low} to {high}").format(low=MIN_YEAR, high=MAX_YEAR),
                )
            if starts and day <= starts[-1][1]:
                raise starts_table.error(
                    key,
                    _("must be after the start of phase {number} ({day})").format(
                        number=starts[-1][0], day=starts[-1][1]
                    ),
                )
            starts.append((int(key), day))
        starts_table.finish()
    note = f.text("note", max_len=MAX_NOTE, required=False, allow_empty=True, multiline=True)
    f.finish()
    return Plan(surgery, phases, tuple(starts), extra, note)


__all__ = ["DataError", "Plan", "plan_from_dict", "plan_from_protocol", "plan_to_dict"]
