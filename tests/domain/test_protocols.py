"""Protocols: the shipped ones load and respect their own precautions on every day; a broken
protocol is refused with its file, field and reason (checked on small temp copies)."""

from __future__ import annotations

import itertools
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from coach.domain.catalogue import Catalogue, load_catalogue
from coach.domain.content import Content, load_content
from coach.domain.fields import DataError
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Surgery
from coach.domain.protocol import load_protocols
from coach.domain.safety import blocked_movements
from coach.domain.schedule import phase_on, routines_due, walking_goal
from coach.system.paths import exercises_dir

SURGERY_DAY = date(2025, 3, 3)
TWO_YEARS = 2 * 365 + 1


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A private copy of the shipped data (without figures) to break."""
    target = tmp_path / "exercises"
    shutil.copytree(exercises_dir(), target, ignore=shutil.ignore_patterns("figures"))
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refusal(folder: Path) -> DataError:
    catalogue: Catalogue = load_catalogue(folder / "catalogue")
    with pytest.raises(DataError) as excinfo:
        load_protocols(folder / "protocols", catalogue)
    return excinfo.value


# -- the shipped protocols -----------------------------------------------------------------------
def test_all_shipped_content_loads() -> None:
    content = load_content(exercises_dir())
    assert set(content.protocols) == set(Surgery)
    assert content.red_flags.questions


def test_each_protocol_has_its_phases_in_order(content: Content) -> None:
    for surgery, protocol in content.protocols.items():
        assert protocol.surgery is surgery
        assert protocol.sources
        phases = protocol.phases
        assert [p.number for p in phases] == list(range(1, len(phases) + 1))
        assert phases[0].weeks_from == 0 and phases[-1].weeks_to is None
        for before, after in itertools.pairwise(phases):
            assert before.weeks_to == after.weeks_from
        for phase in phases:
            assert phase.goals and phase.walking.walks_per_day >= 1
            assert all(3 <= len(r.items) <= 6 for r in phase.routines), (surgery, phase.number)


def test_every_phase_prescribes_nothing_it_restricts(content: Content) -> None:
    catalogue = content.catalogue
    for surgery, protocol in content.protocols.items():
        for phase in protocol.phases:
            for routine in phase.routines:
                for item in routine.items:
                    exercise = catalogue[item.exercise_id]
                    assert not blocked_movements(exercise, phase), (surgery, phase, exercise.id)
                    assert not exercise.therapist_only, (surgery, exercise.id)


def test_no_pool_until_the_wound_has_healed(content: Content) -> None:
    """The precautions say no pool in the first phases; the filter must agree with the words."""
    pool = content.catalogue["pool-walking"]
    for protocol in content.protocols.values():
        for phase in protocol.phases:
            says_no_pool = any("pool" in p and p.startswith("No") for p in phase.precautions)
            assert bool(blocked_movements(pool, phase)) == says_no_pool, (protocol.name, phase)


@pytest.mark.parametrize("surgery", list(Surgery))
def test_every_day_for_two_years_has_walking_and_a_safe_routine(
    content: Content, surgery: Surgery
) -> None:
    plan = plan_from_protocol(content.protocols[surgery])
    phases_seen = set()
    for offset in range(TWO_YEARS):
        day = SURGERY_DAY + timedelta(days=offset)
        phase = phase_on(plan, SURGERY_DAY, day)
        phases_seen.add(phase.number)
        assert walking_goal(plan, SURGERY_DAY, day).minutes_per_day > 0, day
        due = routines_due(plan, SURGERY_DAY, day)
        assert any(3 <= len(d.routine.items) <= 6 for d in due), (surgery, day)
        for d in due:
            for item in d.routine.items:
                exercise = content.catalogue[item.exercise_id]
                assert not blocked_movements(exercise, phase), (surgery, day, exercise.id)
    assert phases_seen == {p.number for p in plan.phases}


# -- refusals ------------------------------------------------------------------------------------
def test_unknown_key_in_a_phase(folder: Path) -> None:
    edit(folder / "protocols" / "fusion.toml", "lift_limit_kg = 4.5", "lift_limit = 4.5")
    error = refusal(folder)
    assert (error.source, error.path) == ("protocols/fusion.toml", "phases[0].lift_limit")
    assert "not a known field" in error.reason


def test_wrong_type(folder: Path) -> None:
    edit(folder / "protocols" / "fusion.toml", "times_per_day = 2", 'times_per_day = "twice"')
    error = refusal(folder)
    assert (error.source, error.path, error.reason) == (
        "protocols/fusion.toml",
        "phases[0].routines[0].times_per_day",
        "must be a whole number from 1 to 4",
    )


def test_missing_field(folder: Path) -> None:
    edit(folder / "protocols" / "laminectomy.toml", "walks_per_day = 3\n", "\n")
    error = refusal(folder)
    assert (error.source, error.path, error.reason) == (
        "protocols/laminectomy.toml",
        "phases[0].walking.walks_per_day",
        "is missing",
    )


def test_unknown_exercise_id(folder: Path) -> None:
    edit(folder / "protocols" / "discectomy.toml", '"ankle-pumps"', '"ankle-circles"')
    error = refusal(folder)
    assert (error.source, error.path) == (
        "protocols/discectomy.toml",
        "phases[0].routines[0].items[0].exercise",
    )
    assert error.reason == "names 'ankle-circles', which is not in the catalogue"


def test_exercise_with_a_movement_the_phase_restricts(folder: Path) -> None:
    # fusion phase 1 forbids bending forward; knee to chest bends the lower back forward
    edit(folder / "protocols" / "fusion.toml", '"ankle-pumps"', '"single-knee-to-chest"')
    error = refusal(folder)
    assert (error.source, error.path) == (
        "protocols/fusion.toml",
        "phases[0].routines[0].items[0].exercise",
    )
    assert error.reason == (
        "'single-knee-to-chest' involves lumbar-flexion, which this phase restricts"
    )


def test_therapist_only_exercise_in_a_shipped_protocol(folder: Path) -> None:
    # phase 4 after discectomy restricts nothing, so only the therapist-only rule can refuse it
    path = folder / "protocols" / "discectomy.toml"
    text = path.read_text(encoding="utf-8")
    head, phase4 = text.split('name = "Return to function"')
    phase4 = phase4.replace('exercise = "bridge"', 'exercise = "prone-press-up"', 1)
    path.write_text(head + 'name = "Return to function"' + phase4, encoding="utf-8")
    error = refusal(folder)
    assert error.source == "protocols/discectomy.toml"
    assert error.path == "phases[3].routines[0].items[0].exercise"
    assert error.reason == "'prone-press-up' is for therapists to add, not a default"


def test_routine_needs_three_to_six_exercises(folder: Path) -> None:
    path = folder / "protocols" / "fusion.toml"
    edit(path, '\n[[phases.routines.items]]\nexercise = "log-roll"\n', "\n")
    edit(path, '\n[[phases.routines.items]]\nexercise = "sit-to-stand"\n', "\n")
    error = refusal(folder)
    assert (error.path, error.reason) == ("phases[0].routines[1].items", "must have 3 to 6 entries")


def test_phases_must_follow_one_another(folder: Path) -> None:
    edit(folder / "protocols" / "fusion.toml", "weeks_from = 6", "weeks_from = 7")
    error = refusal(folder)
    assert (error.path, error.reason) == (
        "phases[1].weeks_from",
        "must equal weeks_to of the phase before",
    )


def test_last_phase_has_no_end(folder: Path) -> None:
    edit(
        folder / "protocols" / "fusion.toml",
        "weeks_from = 26\n",
        "weeks_from = 26\nweeks_to = 52\n",
    )
    assert refusal(folder).path == "phases[3].weeks_to"


def test_file_must_match_its_surgery(folder: Path) -> None:
    edit(folder / "protocols" / "fusion.toml", 'surgery = "fusion"', 'surgery = "laminectomy"')
    error = refusal(folder)
    assert (error.source, error.path) == ("protocols/fusion.toml", "surgery")


def test_missing_protocol_file(folder: Path) -> None:
    (folder / "protocols" / "laminectomy.toml").unlink()
    error = refusal(folder)
    assert (error.source, error.reason) == ("protocols/laminectomy.toml", "is missing")
