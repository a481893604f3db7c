"""Each clinical rule has one home (issue 13): these scan the source for copies that have crept
back, so a second flare threshold, week formula or list of statuses fails here, not in a clinic.
The shipped migrations are history (never edited) and are left out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coach.domain.records import CHECK_OUTCOMES, RATINGS, SESSION_STATUSES

PACKAGE = Path(__file__).resolve().parents[1] / "coach"
HISTORY = {PACKAGE / "store" / "migrations.py"}


def sources() -> dict[Path, str]:
    return {
        p: p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py")) if p not in HISTORY
    }


def homes(pattern: str) -> list[str]:
    found = re.compile(pattern, re.M)
    return [str(p.relative_to(PACKAGE)) for p, text in sources().items() if found.search(text)]


@pytest.mark.parametrize(
    ("what", "pattern", "home"),
    [
        ("the flare threshold", r"^\s*FLARE_POINTS\s*=", ["domain/pain.py"]),
        ("the week-number formula", r"\.days\s*//\s*7", ["domain/schedule.py"]),
        ("the protocol start of a phase", r"weeks=.*\.weeks_from", ["domain/schedule.py"]),
        ("the emergency-number default", r"[\"']112[\"']", ["domain/emergency.py"]),
        ("the stored words", r"^(SESSION_STATUSES|RATINGS|TIERS|CHECK_OUTCOMES)\s*=",
         ["domain/records.py"]),
        ("the pain score type", r"^class Pain\w*\((NamedTuple|Protocol)?\)?:|^class Pain\b",
         ["domain/pain.py"]),
        ("the 'which phase is it' loop", r"for .* in .*starts\[1:\]", ["domain/schedule.py"]),
        ("the high-pain medicine sentence", r"pain medicine does not control your pain", []),
        ("the routine and walking limits",
         r"^(TIMES_PER_DAY|DAYS_PER_WEEK|WALK_MINUTES|WALKS_PER_DAY|MAX_REASON)\s*=",
         ["domain/protocol.py"]),
    ],
)  # fmt: skip
def test_one_home(what: str, pattern: str, home: list[str]) -> None:
    assert homes(pattern) == home, f"{what} must be defined only in {home}"


VOCABULARIES = {
    "session statuses": SESSION_STATUSES,
    "ratings": RATINGS,
    "warning-sign outcomes": CHECK_OUTCOMES,
}


@pytest.mark.parametrize("name", VOCABULARIES)
def test_no_hand_written_list_of_stored_words(name: str) -> None:
    """Two or more of the words side by side (a tuple, a set, a CHECK list) are a copy."""
    words = "|".join(re.escape(w) for w in VOCABULARIES[name])
    pair = rf"""["']({words})["']\s*,\s*["']({words})["']"""
    copies = [p for p in homes(pair) if p != "domain/records.py"]
    assert copies == [], f"the {name} are listed only in domain/records.py"
