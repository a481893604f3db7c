"""`rehab-coach routine`: the default plan for a day, as text and as stable JSON; bad input is
one clear sentence and a non-zero exit."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest

from coach.cli import run
from coach.commands import routine as routine_command
from coach.domain.content import Content
from coach.domain.profile import Surgery
from coach.domain.safety import blocked_movements

TODAY = date(2027, 6, 1)
SURGERY = date(2025, 3, 3)


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(routine_command, "today", lambda: TODAY)


def routine_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert run(["routine", *args, "--json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err and captured.out == ""
    return lines[0]


def test_text_shows_week_phase_precautions_routines_and_walking(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = run(
        ["routine", "--surgery", "fusion", "--surgery-date", "2025-03-03", "--date", "2025-03-20"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith(
        "Week 3 after your spinal fusion (2025-03-20): "
        "Day 17 after surgery, week 3, phase 1 (from day 0)\n"
        "Phase 1: Protect: from day 0 to day 41 after surgery (weeks 1 to 6)"
    )
    assert "Do not lie on your front." in out
    assert "Lifting limit: 4.5 kg (10 lb)" in out
    assert "Walking: 20 minutes a day, in 3 walk(s) of about 7 minutes" in out
    assert "Daily exercises [daily]: 2 time(s) a day, every day" in out
    assert "  ankle-pumps " in out and "Ankle pumps" in out
    assert "Next: Phase 2: Early mobility starts on 14 April (in about 4 weeks)." in out


def test_json_shape_is_stable(capsys: pytest.CaptureFixture[str]) -> None:
    data = routine_json(
        capsys, "--surgery", "discectomy", "--surgery-date", "2025-03-03", "--date", "2025-04-21"
    )
    assert set(data) == {
        "version",
        "date",
        "surgery",
        "surgery_date",
        "days_since_surgery",
        "week",
        "phase",
        "routines",
        "walking",
        "next_phase",
    }
    assert data["version"] == 1
    assert (data["date"], data["surgery"], data["days_since_surgery"], data["week"]) == (
        "2025-04-21",
        "discectomy",
        49,
        8,
    )
    assert data["phase"]["number"] == 3 and data["phase"]["name"] == "Strength"
    assert data["phase"]["restricted"] == ["impact"]
    assert set(data["phase"]) == {
        "number",
        "name",
        "weeks_from",
        "weeks_to",
        "goals",
        "precautions",
        "restricted",
        "lift_limit_kg",
    }
    routine = data["routines"][0]
    assert set(routine) == {
        "id",
        "name",
        "times_per_day",
        "days_per_week",
        "about_minutes",
        "exercises",
    }
    exercise = routine["exercises"][0]
    assert set(exercise) == {
        "id",
        "name",
        "sets",
        "reps",
        "hold_s",
        "rest_s",
        "tempo_s",
        "minutes",
        "per_side",
        "dose",
        "full_from",
    }
    assert data["walking"] == {"minutes_per_day": 50, "walks_per_day": 2, "minutes_per_walk": 25}
    assert data["next_phase"] == {"number": 4, "name": "Return to function", "starts": "2025-05-26"}


def test_date_defaults_to_today(capsys: pytest.CaptureFixture[str]) -> None:
    data = routine_json(capsys, "--surgery", "laminectomy", "--surgery-date", "2027-05-25")
    assert data["date"] == "2027-06-01" and data["week"] == 2
    assert data["phase"]["number"] == 1 and data["next_phase"]["starts"] == "2027-06-08"


@pytest.mark.parametrize("surgery", [s.value for s in Surgery])
def test_every_day_for_two_years_lists_walking_and_a_safe_routine(
    surgery: str,
    capsys: pytest.CaptureFixture[str],
    content: Content,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(routine_command, "load_content", lambda _folder, _language: content)
    restricted_by_phase = {
        phase.number: phase.restricted for phase in content.protocols[Surgery(surgery)].phases
    }
    for offset in range(0, 2 * 365 + 1):
        day = (SURGERY + timedelta(days=offset)).isoformat()
        data = routine_json(
            capsys, "--surgery", surgery, "--surgery-date", "2025-03-03", "--date", day
        )
        assert data["walking"]["minutes_per_day"] > 0, day
        if offset == 0:  # the day of surgery is for walking with help only
            assert data["routines"] == [], day
            continue
        assert any(3 <= len(r["exercises"]) <= 6 for r in data["routines"]), day
        restricted = restricted_by_phase[data["phase"]["number"]]
        assert sorted(restricted) == data["phase"]["restricted"]
        for r in data["routines"]:
            for item in r["exercises"]:
                exercise = content.catalogue[item["id"]]
                assert not exercise.movements & restricted, (day, item["id"])
                phase = content.protocols[Surgery(surgery)].phases[data["phase"]["number"] - 1]
                assert not blocked_movements(exercise, phase)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--surgery", "hip", "--surgery-date", "2025-03-03"], "Unknown surgery type 'hip'"),
        (["--surgery", "fusion", "--surgery-date", "3 March"], "is not a date"),
        (["--surgery", "fusion", "--surgery-date", "2025-02-30"], "is not a date"),
        (
            ["--surgery", "fusion", "--surgery-date", "2025-03-03", "--date", "2025-13-01"],
            "The date '2025-13-01' is not a date",
        ),
        (["--surgery", "fusion", "--surgery-date", "2027-06-02"], "is in the future"),
        (
            ["--surgery", "fusion", "--surgery-date", "2025-03-03", "--date", "2024-01-01"],
            "more than a year before the surgery",
        ),
    ],
)
def test_bad_input_is_one_sentence_and_a_failure(
    args: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["routine", *args]) != 0
    line = one_line_error(capsys)
    assert line.startswith("rehab-coach: ") and words in line
    assert line.endswith(".")


def test_missing_surgery_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["routine", "--surgery-date", "2025-03-03"]) == 2
    assert "--surgery" in one_line_error(capsys)
