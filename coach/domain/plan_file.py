"""The plan file: a therapist's plan handed over as one versioned JSON file.

::

    {
      "format": "rehab-coach-plan",
      "schema_version": 1,
      "created_at": "2026-03-01T10:15:00.000+00:00",
      "therapist": "Alex Moreno",
      "plan": { ...plan_to_dict()... },
      "custom_exercises": [
        { ...an exercise as in exercises/catalogue/..., "figure": "figures/<id>.svg" }
      ]
    }

A plan file comes from outside, so it is read as untrusted: size, encoding, nesting depth,
duplicate keys, NaN/Infinity and huge numbers are all refused *before* or *while* JSON is parsed
(Python's ``json`` would accept or crash on each), then every field goes through the strict
``Fields`` reader. A bad file gets one sentence saying what is wrong and where.

Why one module over 300 lines: the format, its reader and its writer change together, and
the reader is the hostile-input edge for files from outside.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from coach.domain.catalogue import Catalogue, Exercise, parse_exercise
from coach.domain.fields import DataError, Fields
from coach.domain.i18n import N_, _
from coach.domain.plan import Plan, plan_from_dict, plan_to_dict
from coach.domain.plan_edit import phase_start_problem
from coach.domain.profile import Profile
from coach.domain.safety import RedFlagScreen, check_stop_if_signs
from coach.domain.serial import Shape, Shapes, to_data

FORMAT = "rehab-coach-plan"
SCHEMA_VERSION = 1
SOURCE = N_("plan file")  # how errors name the file; shown with _()
MAX_BYTES = 1024 * 1024
# Deepest nesting the format uses: file { plan { phases [ phase { routines [ routine { items
# [ item { ... = 8 levels. Anything deeper cannot be a plan file.
MAX_DEPTH = 8
MAX_NUMBER_CHARS = 24  # longer numbers are never valid in a plan (and could be slow to parse)
MAX_CUSTOM = 50
MAX_THERAPIST = 80
SUFFIX = ".rcplan.json"
FIGURE_PATH = re.compile(r"^figures/[a-z0-9]+(-[a-z0-9]+)*\.svg$")


@dataclass(frozen=True)
class PlanFile:
    """A plan as handed over, with who made it and when, and any exercises it brings along."""

    plan: Plan
    therapist: str
    created_at: datetime
    custom_exercises: tuple[Exercise, ...] = ()
    figures: tuple[tuple[str, str], ...] = ()  # (exercise id, path inside the app's assets)

    def catalogue(self, base: Catalogue) -> Catalogue:
        """``base`` plus this file's own exercises."""
        return base.extended(self.custom_exercises)


# -- writing -------------------------------------------------------------------------------------
# The catalogue-file shape of an exercise, in the order files have always had; the timing
# (earliest weeks, avoid) is not handed over with a plan's own exercises.
EXERCISE_SHAPES: Shapes = {
    Exercise: Shape(
        order=(
            "id", "name", "category", "position", "summary", "steps", "cues", "stop_if",
            "stop_if_signs", "movements", "per_side", "therapist_only", "dosage", "sources",
        ),
        omit=frozenset({"earliest_weeks", "avoid"}),
        optional=frozenset({"stop_if_signs", "easier", "harder"}),
    ),
}  # fmt: skip


def exercise_to_dict(exercise: Exercise) -> dict[str, Any]:
    """The catalogue-file shape of an exercise (what ``parse_exercise`` reads back)."""
    return to_data(exercise, EXERCISE_SHAPES)


def plan_file_to_dict(plan_file: PlanFile) -> dict[str, Any]:
    figures = dict(plan_file.figures)
    custom = []
    for exercise in plan_file.custom_exercises:
        data = exercise_to_dict(exercise)
        if exercise.id in figures:
            data["figure"] = figures[exercise.id]
        custom.append(data)
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "created_at": plan_file.created_at.isoformat(timespec="milliseconds"),
        "therapist": plan_file.therapist,
        "plan": plan_to_dict(plan_file.plan),
        "custom_exercises": custom,
    }


def dump_plan_file(plan_file: PlanFile) -> bytes:
    """UTF-8 JSON, indented so a person can read it; ends with a newline."""
    text = json.dumps(plan_file_to_dict(plan_file), indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


# -- reading -------------------------------------------------------------------------------------
class _RefusedError(Exception):
    """Raised inside json hooks; turned into a DataError outside the parser."""


def _error(reason: str, path: str = "") -> DataError:
    return DataError(_(SOURCE), path, reason)


def _depth(value: object) -> int:
    """How deeply lists and objects nest in a parsed value (iterative: no recursion)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            depth += 1
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth) for child in children)
    return deepest


def _short_number(text: str) -> str:
    if len(text) > MAX_NUMBER_CHARS:
        raise _RefusedError(
            _("contains a number that is far too long ({digits}...)").format(digits=text[:12])
        )
    return text


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _RefusedError(_("has the field '{key}' twice").format(key=key))
            seen.add(key)
    if None in result.values():  # the format never uses null; leave a field out instead
        key = next(k for k, v in pairs if v is None)
        raise _RefusedError(_("has no value (null) for the field '{key}'").format(key=key))
    return result


def _no_constant(name: str) -> Any:
    raise _RefusedError(
        _("contains {name}, which is not a number a plan can use").format(name=name)
    )


def _finite_float(text: str) -> float:
    value = float(_short_number(text))
    if value in (float("inf"), float("-inf")):
        raise _RefusedError(_("contains a number that is far too large ({text})").format(text=text))
    return value


def parse_json(raw: bytes) -> object:
    """Bytes to a JSON value, refusing everything a plan file must not be or contain."""
    if not raw.strip():
        raise _error(_("is empty"))
    if len(raw) > MAX_BYTES:
        raise _error(
            _("is larger than 1 MB ({size} KB); a plan is much smaller").format(
                size=len(raw) // 1024
            )
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _error(
            _("is not UTF-8 text (a bad byte at position {start})").format(start=exc.start)
        ) from None
    # Everything here is linear in the size of the file: json's own scanner (no regular
    # expression over the text, which could backtrack on a long run of escaped quotes), hooks
    # for numbers, and a walk of the parsed value for the depth.
    too_deep = _("is nested deeper than a plan file can be ({count} levels)").format(
        count=MAX_DEPTH
    )
    try:
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_float=_finite_float,
            parse_int=lambda digits: int(_short_number(digits)),
        )
    except _RefusedError as exc:
        raise _error(str(exc)) from None
    except RecursionError:  # json recurses once per level; far deeper than MAX_DEPTH anyway
        raise _error(too_deep) from None
    except json.JSONDecodeError as exc:
        raise _error(
            _("is not valid JSON ({reason} at line {line}, column {column})").format(
                reason=exc.msg, line=exc.lineno, column=exc.colno
            )
        ) from None
    except ValueError as exc:  # belt and braces: never a traceback
        raise _error(_("is not valid JSON ({reason})").format(reason=exc)) from None
    if _depth(value) > MAX_DEPTH:
        raise _error(too_deep)
    return value


def check_figure_path(value: str) -> str:
    """A figure must be one of the app's own ``figures/<id>.svg``: no folders outside the
    app's assets, no absolute paths, no '..', no web addresses."""
    if "://" in value or value.lower().startswith(("http:", "https:", "file:", "data:")):
        raise ValueError("must not be a web address; only the app's own figures can be used")
    if value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", value) or "\\" in value:
        raise ValueError("must not be a path on the computer; only figures/<name>.svg is allowed")
    if ".." in PurePosixPath(value).parts:
        raise ValueError("must not contain '..'; only figures/<name>.svg is allowed")
    if not FIGURE_PATH.match(value):
        raise ValueError("must look like figures/<name>.svg (the app's own figures)")
    return value


def figure_file(assets: Path, relative: str) -> Path | None:
    """The file inside ``assets`` that ``relative`` names, or None if it points elsewhere."""
    try:
        check_figure_path(relative)
    except ValueError:
        return None
    root = assets.resolve()
    path = (root / relative).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None


CHUNK = 64 * 1024


def read_plan_bytes(
    path: Path,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes | None:
    """At most 1 MB and one byte (enough to know a file is too large without reading it all),
    from a regular file only: a FIFO or device is refused without blocking. ``progress`` gets
    the share read (0 to 1); None is returned once ``cancelled()`` says so."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise _error(_("could not be read ({reason})").format(reason=exc.strerror or exc)) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise _error(_("is not a regular file (a folder, pipe or device cannot be imported)"))
    with os.fdopen(fd, "rb") as handle:
        size = max(1, min(info.st_size, MAX_BYTES + 1))
        chunks: list[bytes] = []
        total = 0
        while total <= MAX_BYTES:
            if cancelled is not None and cancelled():
                return None
            chunk = handle.read(min(CHUNK, MAX_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if progress is not None:
                progress(min(1.0, total / size))
        return b"".join(chunks)


def read_plan_file(
    raw: bytes, catalogue: Catalogue, red_flags: RedFlagScreen | None = None
) -> PlanFile:
    """Strictly read a plan file; raises DataError("plan file: <where> <what>") on any problem.

    ``red_flags`` (the app always passes it) checks the warning signs each custom exercise's
    stop-if names, as the loader does for the shipped catalogue."""
    data = parse_json(raw)
    if not isinstance(data, dict):
        kinds = {list: _("a list"), str: _("text"), bool: _("true or false"), int: _("a number")}
        kind = kinds.get(
            type(data), _("a number") if isinstance(data, float) else _("empty (null)")
        )
        raise _error(_("must be a JSON object with named fields, not {kind}").format(kind=kind))
    f = Fields(data, _(SOURCE))
    fmt = f.text("format", max_len=40)
    if fmt != FORMAT:
        raise f.error(
            "format",
            _('must be "{format}" (this is not a Rehab Coach plan file)').format(format=FORMAT),
        )
    version = f.integer("schema_version", 1, 1_000_000)
    if version > SCHEMA_VERSION:
        raise f.error(
            "schema_version",
            _(
                "is {version}, newer than this app reads ({newest}); please update Rehab Coach"
            ).format(version=version, newest=SCHEMA_VERSION),
        )
    created = _read_time(f, "created_at")
    therapist = f.text("therapist", max_len=MAX_THERAPIST, allow_empty=True).strip()
    custom, figures = _read_custom(f, data.get("custom_exercises"), catalogue)
    for index, exercise in enumerate(custom):
        problem = None if red_flags is None else check_stop_if_signs(exercise, red_flags)
        if problem:
            raise _error(problem, f"custom_exercises[{index}].stop_if_signs")
    full = catalogue.extended(custom)
    f.table("plan")  # present and a table; read below by the plan reader itself
    f.finish()
    plan = plan_from_dict(data["plan"], full, _(SOURCE))
    return PlanFile(plan, therapist, created, custom, figures)


def check_fits(plan_file: PlanFile, profile: Profile) -> None:
    """A plan is made for one kind of surgery, and its moved phase starts must follow this
    patient's surgery in order; refuse it otherwise."""
    if plan_file.plan.surgery != profile.surgery:
        raise _error(
            _("is for a {surgery}, but {name} had a {other}, so it cannot be used for them").format(
                surgery=plan_file.plan.surgery.label,
                name=profile.nickname,
                other=profile.surgery.label,
            ),
            "surgery",
        )
    problem = phase_start_problem(plan_file.plan, profile.surgery_date)
    if problem is not None:
        number, reason = problem
        raise _error(reason, f"phase_starts.{number}")


def _read_time(f: Fields, key: str) -> datetime:
    text = f.text(key, max_len=40)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise f.error(key, _("must be a date and time like 2026-03-01T10:15:00+00:00")) from None
    if moment.tzinfo is None:
        raise f.error(key, _("must include the time zone, like +00:00"))
    return moment


def _read_custom(
    f: Fields, raw: object, catalogue: Catalogue
) -> tuple[tuple[Exercise, ...], tuple[tuple[str, str], ...]]:
    exercises: list[Exercise] = []
    figures: list[tuple[str, str]] = []
    f.tables("custom_exercises", max_items=MAX_CUSTOM, required=False)  # a list of tables
    items = raw if isinstance(raw, list) else []
    for index, item in enumerate(items):
        where = f"custom_exercises[{index}]"
        data = dict(item)
        figure = data.pop("figure", None)
        try:
            exercise = parse_exercise(data, _(SOURCE))
        except DataError as exc:
            raise _error(exc.reason, f"{where}.{exc.path}" if exc.path else where) from None
        if exercise.id in catalogue:
            raise _error(
                _(
                    "is '{id}', which the app already has; a custom exercise needs its own id"
                ).format(id=exercise.id),
                f"{where}.id",
            )
        if any(e.id == exercise.id for e in exercises):
            raise _error(_("repeats '{exercise}'").format(exercise=exercise.id), f"{where}.id")
        if figure is not None:
            if not isinstance(figure, str):
                raise _error(_("must be text"), f"{where}.figure")
            try:
                figures.append((exercise.id, check_figure_path(figure)))
            except ValueError as exc:
                raise _error(str(exc), f"{where}.figure") from None
        exercises.append(exercise)
    known = set(catalogue.ids()) | {e.id for e in exercises}
    for index, exercise in enumerate(exercises):
        for key in ("easier", "harder"):
            target = getattr(exercise, key)
            if target is not None and target not in known:
                raise _error(
                    f"names {target!r}, which is not in the catalogue",
                    f"custom_exercises[{index}].{key}",
                )
    return tuple(exercises), tuple(figures)
