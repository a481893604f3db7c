"""Dataclasses to plain data (JSON-ready dicts), derived from the dataclass fields.

One generic writer instead of a hand-written ``*_to_dict`` per type: each field's value is
converted by its kind (an enum by its value, a set sorted, a tuple as a list, a date in ISO
form, a nested dataclass by its own shape), and a small ``Shape`` says only what differs from
"every field, in order, under its own name". Reading stays with the strict validator
(``coach.domain.fields``), which must give each bad value its own plain sentence.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class Shape:
    """How one dataclass is written when it differs from all fields in declaration order."""

    keys: Mapping[str, str] = field(default_factory=dict)  # field -> key in the file
    omit: frozenset[str] = frozenset()  # fields never written
    optional: frozenset[str] = frozenset()  # written only when set (not None, "", empty)
    order: tuple[str, ...] = ()  # fields written first, in this order (files keep their order)
    last: tuple[str, ...] = ()  # fields written after all others
    flatten: frozenset[str] = frozenset()  # a nested dataclass merged into this table
    convert: Mapping[str, Callable[[Any], Any]] = field(default_factory=dict)  # field -> writer


Shapes = Mapping[type, Shape]
PLAIN = Shape()


def _field_order(kind: type, shape: Shape) -> list[str]:
    names = [f.name for f in dataclasses.fields(kind)]
    unknown = set(shape.order) | set(shape.last) | shape.omit | shape.optional | shape.flatten
    unknown |= set(shape.keys) | set(shape.convert)
    if unknown - set(names):
        raise TypeError(f"{kind.__name__} has no field {sorted(unknown - set(names))[0]!r}")
    head = list(shape.order)
    tail = list(shape.last)
    middle = [n for n in names if n not in head and n not in tail]
    return [n for n in head + middle + tail if n not in shape.omit]


def _empty(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, tuple | frozenset) and not value)


def value_to_data(value: Any, shapes: Shapes = {}) -> Any:  # noqa: B006 - read only
    """One value as JSON-ready data."""
    if isinstance(value, enum.Enum):  # first: a StrEnum is also a str
        return value_to_data(value.value, shapes)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_data(value, shapes)
    if isinstance(value, frozenset | set):
        return sorted(value_to_data(v, shapes) for v in value)
    if isinstance(value, tuple | list):
        return [value_to_data(v, shapes) for v in value]
    if isinstance(value, Mapping):
        return {str(k): value_to_data(v, shapes) for k, v in value.items()}
    raise TypeError(f"cannot write a {type(value).__name__}")


def to_data(obj: Any, shapes: Shapes = {}) -> dict[str, Any]:  # noqa: B006 - read only
    """A dataclass instance as a dict, its fields in order, shaped by ``shapes[type(obj)]``."""
    kind = type(obj)
    shape = shapes.get(kind, PLAIN)
    data: dict[str, Any] = {}
    for name in _field_order(kind, shape):
        value = getattr(obj, name)
        if name in shape.optional and _empty(value):
            continue
        if name in shape.convert:
            written = shape.convert[name](value)
        else:
            written = value_to_data(value, shapes)
        if name in shape.flatten:
            data.update(written)
        else:
            data[shape.keys.get(name, name)] = written
    return data
