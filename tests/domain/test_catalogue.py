"""The exercise catalogue: the shipped files load, and a broken file is refused with its file,
field and reason (checked on small temp copies)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coach.domain.catalogue import (
    CATEGORY_LABELS,
    MOVEMENT_TAGS,
    POSITION_LABELS,
    TAG_LABELS,
    Dosage,
    load_catalogue,
)
from coach.domain.content import Content
from coach.domain.fields import DataError
from coach.domain.restrictions import SURGEON_RULES
from coach.system.paths import exercises_dir

SHIPPED = exercises_dir() / "catalogue"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A private copy of the shipped catalogue to break."""
    target = tmp_path / "catalogue"
    shutil.copytree(SHIPPED, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refusal(folder: Path) -> DataError:
    with pytest.raises(DataError) as excinfo:
        load_catalogue(folder)
    return excinfo.value


def test_every_shipped_exercise_loads_complete(content: Content) -> None:
    catalogue = content.catalogue
    assert len(catalogue) >= 36
    assert len(list(SHIPPED.glob("*.toml"))) == len(catalogue)
    for exercise in catalogue:
        assert 2 <= len(exercise.steps) <= 6, exercise.id
        assert 2 <= len(exercise.cues) <= 4, exercise.id
        assert exercise.stop_if.startswith("Stop"), exercise.id
        assert exercise.sources, exercise.id
        assert exercise.category_label and exercise.position_label
        for link in (exercise.easier, exercise.harder):
            assert link is None or link in catalogue
    names = [e.name.lower() for e in catalogue]
    assert names == sorted(names)  # listed in name order


def test_every_label_and_rule_covers_its_tags() -> None:
    assert set(TAG_LABELS) == set(MOVEMENT_TAGS)
    assert set(SURGEON_RULES) == set(MOVEMENT_TAGS)
    assert set(CATEGORY_LABELS) and set(POSITION_LABELS)


def test_unknown_key(folder: Path) -> None:
    edit(folder / "bridge.toml", "per_side = false", "per_side = false\nper_sid = true")
    error = refusal(folder)
    assert (error.source, error.path) == ("catalogue/bridge.toml", "per_sid")
    assert "not a known field" in error.reason


def test_wrong_type(folder: Path) -> None:
    edit(folder / "bridge.toml", "per_side = false", 'per_side = "no"')
    error = refusal(folder)
    assert (error.source, error.path, error.reason) == (
        "catalogue/bridge.toml",
        "per_side",
        "must be true or false",
    )


def test_missing_field(folder: Path) -> None:
    path = folder / "bridge.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(x for x in lines if not x.startswith("stop_if")), encoding="utf-8")
    error = refusal(folder)
    assert (error.source, error.path, error.reason) == (
        "catalogue/bridge.toml",
        "stop_if",
        "is missing",
    )


def test_dose_out_of_range_names_the_dosage_field(folder: Path) -> None:
    text = (folder / "bridge.toml").read_text(encoding="utf-8")
    assert "\nreps = " in text
    edit(folder / "bridge.toml", "\nreps = ", "\nreps = 500 #")
    error = refusal(folder)
    assert (error.path, error.reason) == ("dosage.reps", "must be a whole number from 1 to 100")


def test_unknown_movement_tag(folder: Path) -> None:
    edit(folder / "bird-dog.toml", 'movements = ["floor"]', 'movements = ["floor", "flying"]')
    error = refusal(folder)
    assert (error.source, error.path) == ("catalogue/bird-dog.toml", "movements[1]")
    assert error.reason.startswith("must be one of:")


def test_link_that_points_nowhere(folder: Path) -> None:
    edit(folder / "bridge.toml", 'easier = "glute-sets"', 'easier = "glute-squeezes"')
    error = refusal(folder)
    assert (error.source, error.path) == ("catalogue/bridge.toml", "easier")
    assert error.reason == "points to 'glute-squeezes', which is not in the catalogue"


def test_id_must_match_the_file_name(folder: Path) -> None:
    (folder / "bridge.toml").rename(folder / "bridges.toml")
    error = refusal(folder)
    assert (error.source, error.path) == ("catalogue/bridges.toml", "id")
    assert "file name" in error.reason


def test_not_toml_and_empty_folder(folder: Path, tmp_path: Path) -> None:
    (folder / "bridge.toml").write_text('id = "bridge\n', encoding="utf-8")
    error = refusal(folder)
    assert error.source == "catalogue/bridge.toml"
    assert error.reason.startswith("is not valid TOML")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "holds no exercise files" in str(refusal(empty))


def test_dose_in_plain_words() -> None:
    assert Dosage(reps=10, hold_s=5).describe(per_side=False) == "10 times, hold 5 seconds"
    assert Dosage(reps=8).describe(per_side=True) == "8 times, each side"
    assert Dosage(sets=2, reps=10).describe(per_side=False) == "2 sets of 10 times"
    assert Dosage(reps=1, hold_s=60).describe(per_side=False) == "once, hold 60 seconds"
    assert Dosage(minutes=20).describe(per_side=False) == "20 minutes"


def test_dose_duration_counts_sides_sets_and_rests() -> None:
    one = Dosage(sets=1, reps=10, hold_s=5, rest_s=30)
    assert one.seconds(per_side=False) == 10 * 7 + 10
    assert one.seconds(per_side=True) == 2 * 10 * 7 + 10
    two = Dosage(sets=2, reps=10, hold_s=0, tempo_s=3, rest_s=30)
    assert two.seconds(per_side=False) == 2 * 10 * 3 + 30 + 10
    assert Dosage(minutes=15).seconds(per_side=True) == 900
