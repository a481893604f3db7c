"""rehab-coach library: every exercise with its status on a day, as text or stable JSON."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from coach.cli import run
from coach.commands import routine as routine_command

TODAY = date(2026, 6, 1)


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(routine_command, "today", lambda: TODAY)


def library_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert run(["library", *args, "--json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def test_a_fusion_patient_in_week_two(capsys: pytest.CaptureFixture[str]) -> None:
    data = library_json(
        capsys, "--surgery", "fusion", "--surgery-date", "2026-03-02", "--date", "2026-03-12"
    )
    assert set(data) == {
        "version",
        "date",
        "surgery",
        "surgery_date",
        "days_since_surgery",
        "week",
        "phase",
        "exercises",
    }
    assert (data["version"], data["days_since_surgery"], data["week"]) == (1, 10, 2)
    assert data["phase"] == {"number": 1, "name": "Protect"}
    rows = {e["id"]: e for e in data["exercises"]}
    assert set(rows["split-squat"]) == {"id", "name", "status", "starts", "movements", "why"}
    assert (rows["split-squat"]["status"], rows["split-squat"]["starts"]) == (
        "not-yet",
        "2026-05-25",
    )
    assert rows["split-squat"]["why"].startswith("Split squat starts 12 weeks after")
    assert rows["cat-camel"]["status"] == "avoid" and rows["cat-camel"]["starts"] is None
    assert rows["sciatic-nerve-glide"]["status"] == "therapist-only"
    assert rows["ankle-pumps"] == {
        "id": "ankle-pumps",
        "name": "Ankle pumps",
        "status": "allowed",
        "starts": None,
        "movements": [],
        "why": "",
    }
    assert rows["heel-slides"]["status"] == "allowed"
    statuses = {e["status"] for e in data["exercises"]}
    assert statuses <= {"allowed", "not-yet", "restricted", "avoid", "therapist-only"}


def test_restricted_lists_the_movements_and_when_they_are_allowed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = library_json(
        capsys, "--surgery", "discectomy", "--surgery-date", "2026-03-02", "--date", "2026-03-12"
    )
    knee = next(e for e in data["exercises"] if e["id"] == "single-knee-to-chest")
    assert knee["status"] == "restricted"
    assert knee["movements"] == ["lumbar-flexion"]
    assert knee["starts"] == "2026-03-16"  # phase 2, from day 14


def test_text_lists_every_exercise(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["library", "--surgery", "laminectomy", "--surgery-date", "2026-05-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Laminectomy on 2026-05-01: 2026-06-01 is day 31, week 5, Phase 2")
    assert "not-yet" in out and "Seated nerve glide [sciatic-nerve-glide]" in out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--surgery", "hip", "--surgery-date", "2026-05-01"], "Unknown surgery type"),
        (["--surgery", "fusion", "--surgery-date", "2026-13-01"], "is not a date"),
        (["--surgery", "fusion", "--surgery-date", "2027-01-01"], "is in the future"),
    ],
)
def test_bad_input_is_one_sentence(
    capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    assert run(["library", *args]) == 1
    err = capsys.readouterr().err.strip()
    assert words in err and "\n" not in err
