"""A stored plan's protocol words in the language the patient reads now.

A new patient's plan is the protocol as it is, and it is stored with its words (phase names,
goals, precautions, routine names) in the language of the day it was made. A patient who made
their profile in English and then chose Spanish must still read Today's goals and precautions
in Spanish, and the other way round. So every text of a stored plan that is a shipped
protocol's own words, in any shipped language, at the same place (surgery and phase), is shown
in the current language; words a therapist wrote stay exactly as written.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from coach.domain.fields import DataError
from coach.domain.overlay import Overlay, shipped_content_languages
from coach.domain.plan import Plan
from coach.domain.profile import Surgery
from coach.domain.protocol import Protocol


def _key(surgery: Surgery | str, phase: int, text: str) -> str:
    value = surgery.value if isinstance(surgery, Surgery) else surgery
    return f"{value}|{phase}|{text}"


def _texts(phase: Mapping[str, object]) -> Iterator[tuple[str, object]]:
    """(place, text) for every protocol text of one phase table, places as in ``_places``."""
    yield "name", phase.get("name")
    for key in ("goals", "precautions"):
        items = phase.get(key)
        if isinstance(items, list):
            for index, text in enumerate(items):
                yield f"{key}[{index}]", text
    routines = phase.get("routines")
    if isinstance(routines, list):
        for routine in routines:
            if isinstance(routine, Mapping):
                yield f"routine:{routine.get('id')}", routine.get("name")


def _places(protocol: Protocol, number: int) -> dict[str, str]:
    phase = protocol.phases[number - 1]
    places = {"name": phase.name}
    places.update({f"goals[{i}]": text for i, text in enumerate(phase.goals)})
    places.update({f"precautions[{i}]": text for i, text in enumerate(phase.precautions)})
    places.update({f"routine:{r.id}": r.name for r in phase.routines})
    return places


def protocol_phrases(
    exercises: Path, language: str, protocols: Mapping[Surgery, Protocol]
) -> dict[str, str]:
    """For every other shipped language, its protocol words mapped to ``language``'s words at
    the same place. A language whose files do not load adds nothing here (its own load, and
    the test that every shipped language loads, report why)."""
    phrases: dict[str, str] = {}
    for other in shipped_content_languages():
        if other == language:
            continue
        read = Overlay(exercises, other)
        for surgery, protocol in protocols.items():
            path = exercises / "protocols" / f"{surgery.value}.toml"
            try:
                data, _source = read(path, f"protocols/{path.name}")
            except DataError:
                continue
            phases = data.get("phases")
            if not isinstance(phases, list) or len(phases) != len(protocol.phases):
                continue
            for number, phase in enumerate(phases, start=1):
                if not isinstance(phase, Mapping):
                    continue
                ours = _places(protocol, number)
                for place, text in _texts(phase):
                    if isinstance(text, str) and place in ours and text != ours[place]:
                        phrases[_key(surgery, number, text)] = ours[place]
    return phrases


def plan_in_language(plan: Plan, phrases: Mapping[str, str]) -> Plan:
    """``plan`` with every protocol text from another language in the current one."""
    if not phrases:
        return plan

    def say(number: int, text: str) -> str:
        return phrases.get(_key(plan.surgery, number, text), text)

    phases = tuple(
        replace(
            phase,
            name=say(phase.number, phase.name),
            goals=tuple(say(phase.number, text) for text in phase.goals),
            precautions=tuple(say(phase.number, text) for text in phase.precautions),
            routines=tuple(
                replace(routine, name=say(phase.number, routine.name)) for routine in phase.routines
            ),
        )
        for phase in plan.phases
    )
    return plan if phases == plan.phases else replace(plan, phases=phases)
