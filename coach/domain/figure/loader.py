"""Reading and checking figure files (``exercises/figures/<id>.toml``; format in the package
docstring). Every refusal names the file, the field and the reason."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Final

from coach.domain.fields import (
    MISSING,
    NOT_A_TABLE,
    UNKNOWN_KEY,
    choice_problem,
    integer_problem,
    list_problem,
    number_problem,
)
from coach.domain.figure.model import (
    BODY_POINTS,
    DEFAULT_ARROW_OFFSET,
    HIGHLIGHT_REGIONS,
    MARK_KINDS,
    POSE_FIELDS,
    POSE_RANGES,
    PROP_KINDS,
    PROPS_IN_EVERY_VIEW,
    VIEWS,
    ArrowHint,
    Figure,
    FigureError,
    Pose,
    Prop,
    View,
)
from coach.domain.figure.skeleton import anchored, skeleton

_TOP_KEYS: Final = (
    "id", "view", "props", "highlight", "arrows", "anchor", "hold", "thumbnail", "start", "then",
    "end",
)  # fmt: skip
_PROP_KEYS: Final = ("kind", "x", "y", "width", "height")
_VIEW_BY_NAME: Final[Mapping[str, View]] = {"side": "side", "feet": "feet", "top": "top"}
_ID_PATTERN: Final = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_KEY_POSES: Final = 8


# Each check below is the shared rule of coach.domain.fields, with its words; a figure file is
# walked by hand only because a prop or an arrow may be a word or a table.
def _check(file: Path, field: str, problem: str | None) -> None:
    if problem is not None:
        raise FigureError(file, field, problem)


def _number(file: Path, field: str, value: object, low: float, high: float) -> float:
    _check(file, field, number_problem(value, low, high))
    assert isinstance(value, int | float)
    return float(value)


def _text(file: Path, field: str, value: object, allowed: Iterable[str]) -> str:
    _check(file, field, choice_problem(value, allowed))
    return str(value)


def _list(file: Path, field: str, value: object) -> list[object]:
    _check(file, field, list_problem(value))
    assert isinstance(value, list)
    return value


def _table(file: Path, field: str, value: object, keys: Iterable[str]) -> dict[str, object]:
    if not isinstance(value, dict):
        raise FigureError(file, field, NOT_A_TABLE)
    known = set(keys)
    for key in value:
        if key not in known:
            raise FigureError(file, f"{field}.{key}" if field else key, UNKNOWN_KEY)
    return value


def _pose(file: Path, field: str, raw: object, base: Pose | None, anchor: str | None) -> Pose:
    """A key pose; every field it leaves out is the one before's (marks are not carried)."""
    table = _table(file, field, raw, (*POSE_FIELDS, "marks"))
    if base is None:
        for required in ("y", "trunk"):
            if required not in table:
                raise FigureError(
                    file, f"{field}.{required}", f"{MISSING} (the start pose needs it)"
                )
    elif anchor is not None:
        for moved in ("x", "y"):
            if moved in table:
                raise FigureError(
                    file, f"{field}.{moved}", "may not be set with an anchor (it follows from it)"
                )
    values = {
        key: _number(file, f"{field}.{key}", value, *POSE_RANGES[key])
        for key, value in table.items()
        if key != "marks"
    }
    marks = tuple(
        _text(file, f"{field}.marks[{i}]", item, MARK_KINDS)
        for i, item in enumerate(_list(file, f"{field}.marks", table.get("marks", [])))
    )
    return replace(base if base is not None else Pose(y=0.0), **values, marks=marks)


def _prop(file: Path, field: str, raw: object, view: View) -> Prop:
    if isinstance(raw, str):
        prop = Prop(_text(file, field, raw, PROP_KINDS))
    else:
        table = _table(file, field, raw, _PROP_KEYS)
        if "kind" not in table:
            raise FigureError(file, f"{field}.kind", MISSING)
        kind = _text(file, f"{field}.kind", table["kind"], PROP_KINDS)
        numbers = {
            key: _number(file, f"{field}.{key}", value, -300, 300)
            for key, value in table.items()
            if key != "kind"
        }
        prop = Prop(kind, **numbers)
    if view != "side" and prop.kind not in PROPS_IN_EVERY_VIEW:
        raise FigureError(
            file, field, f"a {prop.kind} is drawn only in the side view, not from the {view}"
        )
    return prop


def _arrow_hint(file: Path, field: str, raw: object) -> ArrowHint:
    if isinstance(raw, str):
        return ArrowHint(_text(file, field, raw, BODY_POINTS))
    table = _table(file, field, raw, ("point", "offset"))
    if "point" not in table:
        raise FigureError(file, f"{field}.point", MISSING)
    point = _text(file, f"{field}.point", table["point"], BODY_POINTS)
    offset = table.get("offset", DEFAULT_ARROW_OFFSET)
    return ArrowHint(point, _number(file, f"{field}.offset", offset, -40, 40))


def _key_poses(file: Path, data: Mapping[str, object], anchor: str | None) -> tuple[Pose, ...]:
    for pose_name in ("start", "end"):
        if pose_name not in data:
            raise FigureError(file, pose_name, f"{MISSING}: add a [{pose_name}] table")
    middle = _list(file, "then", data.get("then", []))
    if len(middle) + 2 > MAX_KEY_POSES:
        raise FigureError(file, "then", f"at most {MAX_KEY_POSES} key poses in all")
    named = [("start", data["start"])]
    named += [(f"then[{i}]", raw) for i, raw in enumerate(middle)]
    named.append(("end", data["end"]))
    poses: list[Pose] = []
    for field, raw in named:
        pose = _pose(file, field, raw, poses[-1] if poses else None, anchor if poses else None)
        if anchor is not None and poses:
            pose = anchored(pose, anchor, skeleton(poses[0]).points[anchor])
        if poses and pose == poses[-1]:
            raise FigureError(
                file,
                field,
                "is the same as the key pose before it: show the work by moving the body "
                "or with marks (a highlight alone cannot be seen)",
            )
        poses.append(pose)
    return tuple(poses)


def parse_figure(data: Mapping[str, object], file: Path) -> Figure:
    """Validate one decoded figure file; raise FigureError naming file, field and reason."""
    _table(file, "", dict(data), _TOP_KEYS)
    if "id" not in data:
        raise FigureError(file, "id", MISSING)
    figure_id = data["id"]
    if not isinstance(figure_id, str) or not _ID_PATTERN.match(figure_id):
        raise FigureError(file, "id", "must be lowercase letters, digits and dashes")
    if figure_id != file.stem:
        raise FigureError(file, "id", f"{figure_id!r} does not match the file name {file.name!r}")
    view = _VIEW_BY_NAME[_text(file, "view", data.get("view", "side"), VIEWS)]
    anchor = None
    if "anchor" in data:
        anchor = _text(file, "anchor", data["anchor"], BODY_POINTS)
    poses = _key_poses(file, data, anchor)
    thumbnail = len(poses)
    if "thumbnail" in data:
        chosen = data["thumbnail"]
        _check(file, "thumbnail", integer_problem(chosen, 1, len(poses)))
        assert isinstance(chosen, int)
        thumbnail = chosen
    props = tuple(
        _prop(file, f"props[{i}]", item, view)
        for i, item in enumerate(_list(file, "props", data.get("props", [])))
    )
    highlight = tuple(
        _text(file, f"highlight[{i}]", item, HIGHLIGHT_REGIONS)
        for i, item in enumerate(_list(file, "highlight", data.get("highlight", [])))
    )
    arrows = tuple(
        _arrow_hint(file, f"arrows[{i}]", item)
        for i, item in enumerate(_list(file, "arrows", data.get("arrows", [])))
    )
    hold = tuple(
        _text(file, f"hold[{i}]", item, ("hand-near", "hand-far"))
        for i, item in enumerate(_list(file, "hold", data.get("hold", [])))
    )
    for i, hand in enumerate(hold):
        side = hand.removeprefix("hand-")
        for pose in poses:
            if (
                pose.roll
                or pose.tilt
                or getattr(pose, f"shoulder_out_{side}")
                or getattr(pose, f"arm_turn_{side}")
            ):
                raise FigureError(
                    file, f"hold[{i}]", "works only for an arm that moves in the side view"
                )
    return Figure(figure_id, poses, props, view, highlight, arrows, anchor, thumbnail - 1, hold)


def load_figure(path: Path) -> Figure:
    """Read and validate one figure file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise FigureError(path, "", f"cannot be read: {error.strerror}") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise FigureError(path, "", f"is not valid TOML: {error}") from error
    return parse_figure(data, path)


def load_figures(folder: Path) -> dict[str, Figure]:
    """Every ``*.toml`` figure in a folder, by id."""
    if not folder.is_dir():
        raise FigureError(folder, "", "is not a folder")
    return {path.stem: load_figure(path) for path in sorted(folder.glob("*.toml"))}
