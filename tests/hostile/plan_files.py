"""Hostile plan files, built in the tests. Each builder changes a good plan file (as a dict) or
makes raw bytes; the phrase is what the one-sentence refusal must contain (with the field's
path where there is one). Add one whenever a new way to slow, hang or mislead import is found.

The live profile the files are offered to had a fusion on 2026-02-01.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from coach.domain.plan import plan_from_protocol
from coach.domain.plan_file import PlanFile, plan_file_to_dict
from coach.domain.profile import Surgery
from tests.hostile.databases import shipped_content

PlanDict = dict[str, Any]


def good_plan_dict() -> PlanDict:
    plan = plan_from_protocol(shipped_content().protocols[Surgery.FUSION])
    return plan_file_to_dict(PlanFile(plan, "Alex Moreno", datetime(2026, 3, 1, tzinfo=UTC)))


def encode(data: object) -> bytes:
    return json.dumps(data).encode("utf-8")


def _edit(change: Callable[[PlanDict], None]) -> Callable[[], bytes]:
    def build() -> bytes:
        data = good_plan_dict()
        change(data)
        return encode(data)

    return build


def _raw(make: Callable[[], bytes]) -> Callable[[], bytes]:
    return make


def _phase(index: int) -> Callable[[PlanDict], dict[str, Any]]:
    return lambda data: data["plan"]["phases"][index]


def escaped_quotes(size: int) -> Callable[[], bytes]:
    """The measured hang: a long string of escaped quotes, never closed (a backtracking regex
    takes 6 s on 48 KB and minutes on 1 MB)."""
    return _raw(lambda: b'{"format": "' + b'\\"' * (size // 2))


def _set(
    path: Callable[[PlanDict], dict[str, Any]], key: str, value: object
) -> Callable[[], bytes]:
    return _edit(lambda data: path(data).__setitem__(key, value))


def _envelope(data: PlanDict) -> dict[str, Any]:
    return data


def _plan(data: PlanDict) -> dict[str, Any]:
    return data["plan"]


def _routine(data: PlanDict) -> dict[str, Any]:
    return data["plan"]["phases"][0]["routines"][0]


def _starts(starts: dict[str, str]) -> Callable[[], bytes]:
    return _set(_plan, "phase_starts", starts)


HOSTILE_PLAN_FILES: list[tuple[str, Callable[[], bytes], str]] = [
    ("escaped-quotes-48k", escaped_quotes(48 * 1024), "is not valid JSON"),
    ("escaped-quotes-1mb", escaped_quotes(1024 * 1024 - 64), "is not valid JSON"),
    ("deep-nesting-1mb", _raw(lambda: b"[" * (1024 * 1024 - 1)), "nested deeper"),
    ("long-number", _raw(lambda: b'{"schema_version": ' + b"9" * 5000 + b"}"), "far too long"),
    (
        "lone-surrogate",
        _raw(lambda: encode(good_plan_dict()).replace(b'"note": ""', b'"note": "ok \\ud800"')),
        "note must not contain a broken character",
    ),
    ("c1-control", _set(_envelope, "therapist", "Alex\u0085Moreno"), "therapist must not contain"),
    (
        "bidi-override",
        _set(_routine, "name", "Daily \u202eesicrexe"),
        "phases[0].routines[0].name must not contain a character that changes the text direction",
    ),
    (
        "zero-width",
        _edit(lambda d: d["plan"]["phases"][0]["goals"].insert(0, "Walk\u200b")),
        "phases[0].goals[0] must not contain an invisible character",
    ),
    (
        "line-separator",
        _set(_envelope, "therapist", "Alex\u2028Moreno"),
        "therapist must be on one line",
    ),
    (
        "newline-in-a-name",
        _set(_phase(0), "name", "Protect\nNow"),
        "phases[0].name must be on one line",
    ),
    ("phase-one-moved", _starts({"1": "2026-03-01"}), "phase_starts.1 cannot be moved"),
    (
        "starts-out-of-order",
        _starts({"2": "2026-06-01", "3": "2026-05-01"}),
        "phase_starts.3 must be after the start of phase 2",
    ),
    (
        "start-in-year-9999",
        _starts({"2": "9999-01-01"}),
        "phase_starts.2 must be a date from 1990 to 2100",
    ),
    (
        "start-before-surgery",
        _starts({"2": "2025-01-01"}),
        "phase_starts.2 must be after the day of surgery",
    ),
    (
        "start-decades-later",
        _starts({"2": "2090-01-01"}),
        "phase_starts.2 must be within 10 years of the surgery",
    ),
]
