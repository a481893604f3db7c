"""Protocols: the default phases and routines for each surgery, from exercises/protocols/.

The same phase/routine structure is used by a patient's ``Plan`` (a protocol the therapist may
have changed), so one parser reads both, with stricter rules for shipped protocols.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from coach.domain.catalogue import MOVEMENT_TAGS, Catalogue, Dosage, read_dosage
from coach.domain.fields import DataError, Fields
from coach.domain.i18n import _
from coach.domain.overlay import Reader, read_english
from coach.domain.profile import Surgery

ROUTINE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_WEEKS = 520
# The limits of a phase and its routines: the reader refuses a file outside them and the
# therapist's editor (plan_edit) a change outside them, so both read them from here.
SHIPPED_ITEMS = (3, 6)  # exercises per routine in a shipped protocol
PLAN_ITEMS = (1, 10)  # exercises per routine in a patient's plan
TIMES_PER_DAY = (1, 4)
DAYS_PER_WEEK = (1, 7)
WALK_MINUTES = (0, 240)  # total a day, at the start and at the end of a phase
WALKS_PER_DAY = (1, 8)
MAX_REASON = 300  # a therapist's reason for an exercise a restriction would block


@dataclass(frozen=True)
class Prescription:
    """One exercise in a routine with its dose. ``reason`` is set when a therapist overrode a
    movement restriction; it is shown to the patient."""

    exercise_id: str
    dosage: Dosage
    reason: str = ""


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    times_per_day: int
    days_per_week: int
    items: tuple[Prescription, ...]


@dataclass(frozen=True)
class WalkingGoal:
    """Total minutes a day, growing from ``minutes_start`` to ``minutes_end`` over the phase."""

    minutes_start: int
    minutes_end: int
    walks_per_day: int


@dataclass(frozen=True)
class Phase:
    number: int
    name: str
    weeks_from: int
    weeks_to: int | None
    goals: tuple[str, ...]
    precautions: tuple[str, ...]
    restricted: frozenset[str]
    lift_limit_kg: float | None
    walking: WalkingGoal
    routines: tuple[Routine, ...]

    @property
    def title(self) -> str:
        return _("Phase {number}: {name}").format(number=self.number, name=self.name)

    def routine(self, routine_id: str) -> Routine:
        for routine in self.routines:
            if routine.id == routine_id:
                return routine
        raise KeyError(routine_id)


@dataclass(frozen=True)
class Protocol:
    surgery: Surgery
    name: str
    phases: tuple[Phase, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PhaseRules:
    """How strict to be: shipped protocols allow no exceptions; plans allow stated reasons."""

    shipped: bool
    extra_restrictions: frozenset[str] = frozenset()


def parse_phases(f: Fields, catalogue: Catalogue, rules: PhaseRules) -> tuple[Phase, ...]:
    tables = f.tables("phases", min_items=1, max_items=8)
    phases = tuple(_parse_phase(t, catalogue, rules) for t in tables)
    for index, phase in enumerate(phases):
        where = f"phases[{index}]"
        if phase.number != index + 1:
            raise f.error(f"{where}.number", f"must be {index + 1} (phases are numbered in order)")
        last = index == len(phases) - 1
        if last and phase.weeks_to is not None:
            raise f.error(f"{where}.weeks_to", "must be left out on the last phase")
        if not last and phase.weeks_to is None:
            raise f.error(f"{where}.weeks_to", "is missing")
        if phase.weeks_to is not None and phase.weeks_to <= phase.weeks_from:
            raise f.error(f"{where}.weeks_to", "must be after weeks_from")
        if index == 0 and phase.weeks_from != 0:
            raise f.error(f"{where}.weeks_from", "must be 0 (the first phase starts at surgery)")
        if index > 0 and phase.weeks_from != phases[index - 1].weeks_to:
            raise f.error(f"{where}.weeks_from", "must equal weeks_to of the phase before")
    return phases


def _parse_phase(f: Fields, catalogue: Catalogue, rules: PhaseRules) -> Phase:
    restricted = frozenset(f.text_list("restricted", choices=MOVEMENT_TAGS, unique=True))
    walking = f.table("walking")
    assert walking is not None
    goal = WalkingGoal(
        minutes_start=walking.integer("minutes_start", *WALK_MINUTES),
        minutes_end=walking.integer("minutes_end", *WALK_MINUTES),
        walks_per_day=walking.integer("walks_per_day", *WALKS_PER_DAY),
    )
    walking.finish()
    routines = tuple(
        _parse_routine(t, catalogue, rules, restricted)
        for t in f.tables("routines", min_items=1, max_items=6)
    )
    ids = [r.id for r in routines]
    if len(set(ids)) != len(ids):
        raise f.error("routines", "must not repeat a routine id")
    phase = Phase(
        number=f.integer("number", 1, 8),
        name=f.text("name", max_len=40),
        weeks_from=f.integer("weeks_from", 0, MAX_WEEKS),
        weeks_to=f.integer("weeks_to", 1, MAX_WEEKS, required=False, default=0) or None,
        goals=f.text_list("goals", min_items=1, max_items=10, max_len=200),
        precautions=f.text_list("precautions", min_items=0, max_items=12, max_len=200),
        restricted=restricted,
        lift_limit_kg=f.number("lift_limit_kg", 0.5, 200, required=False),
        walking=goal,
        routines=routines,
    )
    f.finish()
    return phase


def _parse_routine(
    f: Fields, catalogue: Catalogue, rules: PhaseRules, restricted: frozenset[str]
) -> Routine:
    routine_id = f.text("id", max_len=40)
    if not ROUTINE_ID.match(routine_id):
        raise f.error("id", "must be lowercase letters, digits and dashes")
    routine = Routine(
        id=routine_id,
        name=f.text("name", max_len=60),
        times_per_day=f.integer("times_per_day", *TIMES_PER_DAY),
        days_per_week=f.integer("days_per_week", *DAYS_PER_WEEK),
        items=tuple(
            _parse_item(t, catalogue, rules, restricted)
            for t in f.tables(
                "items",
                # fewer exercises per routine keep patients going (M2, P8); a therapist may
                # adjust a patient's plan outside this range
                min_items=(SHIPPED_ITEMS if rules.shipped else PLAN_ITEMS)[0],
                max_items=(SHIPPED_ITEMS if rules.shipped else PLAN_ITEMS)[1],
            )
        ),
    )
    f.finish()
    return routine


def _parse_item(
    f: Fields, catalogue: Catalogue, rules: PhaseRules, restricted: frozenset[str]
) -> Prescription:
    exercise_id = f.text("exercise", max_len=60)
    if exercise_id not in catalogue:
        raise f.error("exercise", f"names {exercise_id!r}, which is not in the catalogue")
    exercise = catalogue[exercise_id]
    dosage = read_dosage(f, exercise.dosage)
    reason = (
        ""
        if rules.shipped
        else f.text("reason", max_len=MAX_REASON, required=False, multiline=True)
    )
    f.finish()
    blocked = exercise.movements & (restricted | rules.extra_restrictions)
    if blocked and not reason:
        raise f.error(
            "exercise",
            f"{exercise_id!r} involves {', '.join(sorted(blocked))}, which this phase restricts",
        )
    if exercise.therapist_only and rules.shipped:
        raise f.error("exercise", f"{exercise_id!r} is for therapists to add, not a default")
    return Prescription(exercise_id, dosage, reason)


def check_shipped_timing(protocol: Protocol, catalogue: Catalogue, source: str) -> None:
    """A shipped protocol never schedules an exercise before its earliest week for the surgery
    (REFERENCE section 2) or one the surgery avoids."""
    for index, phase in enumerate(protocol.phases):
        for routine in phase.routines:
            for item in routine.items:
                exercise = catalogue[item.exercise_id]
                if protocol.surgery in exercise.avoid:
                    raise DataError(
                        source, f"phases[{index}]", f"{exercise.id!r} is avoided after this surgery"
                    )
                earliest = exercise.earliest_week(protocol.surgery)
                if earliest > phase.weeks_from:
                    raise DataError(
                        source,
                        f"phases[{index}]",
                        f"{exercise.id!r} starts in week {earliest}, after this phase begins",
                    )


def load_protocol(path: Path, catalogue: Catalogue, read: Reader = read_english) -> Protocol:
    data, source = read(path, f"protocols/{path.name}")
    f = Fields(data, source)
    surgery = Surgery(f.choice("surgery", [s.value for s in Surgery]))
    if surgery.value != path.stem:
        raise f.error("surgery", f"must match the file name ({path.stem})")
    protocol = Protocol(
        surgery=surgery,
        name=f.text("name", max_len=60),
        phases=parse_phases(f, catalogue, PhaseRules(shipped=True)),
        sources=f.text_list("sources", min_items=1, max_items=40),
    )
    f.finish()
    check_shipped_timing(protocol, catalogue, source)
    return protocol


def load_protocols(
    folder: Path, catalogue: Catalogue, read: Reader = read_english
) -> dict[Surgery, Protocol]:
    """One protocol per surgery type; all must be present."""
    protocols: dict[Surgery, Protocol] = {}
    for surgery in Surgery:
        path = folder / f"{surgery.value}.toml"
        if not path.exists():
            raise DataError(f"protocols/{path.name}", "", "is missing")
        protocols[surgery] = load_protocol(path, catalogue, read)
    return protocols
