"""The files the app writes stay byte for byte what they were before their writers were derived
from the dataclasses (coach.domain.serial): each golden file under tests/data/formats (made by
make_golden.py with the hand-written writers) is read and written again unchanged."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

import pytest

from coach.domain.catalogue import parse_exercise
from coach.domain.content import Content
from coach.domain.plan import plan_from_dict, plan_to_dict
from coach.domain.plan_file import dump_plan_file, exercise_to_dict, read_plan_file
from coach.domain.serial import Shape, to_data
from coach.domain.session_json import items_from_json, items_to_json

FORMATS = Path(__file__).resolve().parents[1] / "data" / "formats"


def test_a_plan_file_reads_and_writes_back_byte_for_byte(content: Content) -> None:
    raw = (FORMATS / "plan_file.json").read_bytes()
    plan_file = read_plan_file(raw, content.catalogue, content.red_flags)
    assert plan_file.custom_exercises and plan_file.plan.phase_starts and plan_file.plan.note
    assert dump_plan_file(plan_file) == raw


def test_a_stored_plan_body_reads_and_writes_back_unchanged(content: Content) -> None:
    text = (FORMATS / "plan_body.json").read_text()
    plan = plan_from_dict(json.loads(text), content.catalogue)
    assert json.dumps(plan_to_dict(plan)) + "\n" == text


def test_custom_exercises_read_and_write_back_unchanged() -> None:
    for line in (FORMATS / "custom_exercises.jsonl").read_text().splitlines():
        exercise = parse_exercise(json.loads(line), "custom")
        assert json.dumps(exercise_to_dict(exercise)) == line


def test_session_items_read_and_write_back_unchanged(content: Content) -> None:
    text = (FORMATS / "session_items.json").read_text()
    items = items_from_json(json.loads(text), content.catalogue)
    assert json.dumps(items_to_json(items)) + "\n" == text


class Colour(StrEnum):
    RED = "red"


@dataclass(frozen=True)
class Inner:
    a: int
    b: str = ""


@dataclass(frozen=True)
class Outer:
    name: str
    colour: Colour
    tags: frozenset[str]
    inner: Inner
    day: date
    items: tuple[Inner, ...] = ()
    hidden: str = "x"


def test_the_derived_writer_follows_the_fields_and_the_shape() -> None:
    outer = Outer(
        "n", Colour.RED, frozenset({"b", "a"}), Inner(1), date(2026, 3, 1), (Inner(2, "z"),)
    )
    assert type(to_data(outer)["colour"]) is str  # the plain value, not the enum
    assert to_data(outer) == {
        "name": "n",
        "colour": "red",
        "tags": ["a", "b"],
        "inner": {"a": 1, "b": ""},
        "day": "2026-03-01",
        "items": [{"a": 2, "b": "z"}],
        "hidden": "x",
    }
    shapes = {
        Outer: Shape(keys={"name": "title"}, omit=frozenset({"hidden"}), last=("name",),
                     flatten=frozenset({"inner"}), optional=frozenset({"items"})),
        Inner: Shape(optional=frozenset({"b"})),
    }  # fmt: skip
    plain = Outer("n", Colour.RED, frozenset(), Inner(1), date(2026, 3, 1))
    assert list(to_data(plain, shapes).items()) == [
        ("colour", "red"), ("tags", []), ("a", 1), ("day", "2026-03-01"), ("title", "n")
    ]  # fmt: skip
    with pytest.raises(TypeError, match="no field 'nope'"):
        to_data(plain, {Outer: Shape(omit=frozenset({"nope"}))})


def test_times_maps_and_unknown_values() -> None:
    from datetime import UTC, datetime

    from coach.domain.serial import value_to_data

    moment = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    assert value_to_data({1: (moment, Colour.RED)}) == {"1": ["2026-03-01T09:30:00+00:00", "red"]}
    with pytest.raises(TypeError, match="cannot write a bytes"):
        value_to_data(b"raw")
